// A lane of work off the main thread: one long-lived worker thread that runs one job at a time
// (jobs queue behind each other, the main thread does not wait for them), started on first use,
// not keeping the process alive while idle, its heap capped so that a hostile input costs at most
// that much, and replaced for the next job when it dies. A job sends one request and reads the
// worker's replies until one of them ends it. Used for spreadsheet reading (modules/spreadsheets)
// and for bulk writes' search columns (db/searchColumnsWorker.ts).
import { parentPort, Worker } from 'node:worker_threads';

interface Envelope<T> {
  id: number;
  body: T;
}

interface Job<Req, Reply> {
  id: number;
  req: Req;
  /** Returns true when this reply ends the job; a throw rejects it. */
  onReply(reply: Reply): boolean;
  resolve(): void;
  reject(err: Error): void;
}

export class WorkerLane<Req, Reply> {
  #worker: Worker | null = null;
  #current: Job<Req, Reply> | null = null;
  readonly #queue: Job<Req, Reply>[] = [];
  #nextId = 1;
  readonly #entry: URL;
  readonly #heapMb: number;
  readonly #onDeath: (req: Req) => Error;

  /** `onDeath`: the error of the job a dying worker was running (heap exhausted, crash). */
  constructor(entry: URL, o: { heapMb: number; onDeath: (req: Req) => Error }) {
    this.#entry = entry;
    this.#heapMb = o.heapMb;
    this.#onDeath = o.onDeath;
  }

  /** Sends `req` when the lane is free; resolves when `onReply` says a reply ended the job. */
  run(req: Req, onReply: (reply: Reply) => boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, req, onReply, resolve, reject });
      this.#pump();
    });
  }

  /** Starts the worker ahead of a job that will come (its modules load meanwhile); idle, it stays unreferenced. */
  warm(): void {
    if (this.#worker) return;
    this.#worker = this.#start();
    if (!this.#current) this.#worker.unref();
  }

  #start(): Worker {
    const w = new Worker(this.#entry, { resourceLimits: { maxOldGenerationSizeMb: this.#heapMb } });
    w.on('message', (m: Envelope<Reply>) => {
      const job = this.#current;
      if (!job || job.id !== m.id) return;
      let done: boolean;
      try {
        done = job.onReply(m.body);
        if (done) job.resolve();
      } catch (err) {
        done = true;
        job.reject(err as Error);
      }
      if (done) {
        this.#current = null;
        this.#pump();
      }
    });
    const died = () => {
      if (this.#worker !== w) return;
      this.#worker = null;
      const job = this.#current;
      this.#current = null;
      if (job) job.reject(this.#onDeath(job.req));
      this.#pump();
    };
    w.on('error', died);
    w.on('exit', died);
    return w;
  }

  #pump(): void {
    if (this.#current) return;
    const job = this.#queue.shift();
    if (!job) {
      this.#worker?.unref(); // an idle worker does not keep the process alive
      return;
    }
    this.#worker ??= this.#start();
    this.#worker.ref();
    this.#current = job;
    this.#worker.postMessage({ id: job.id, body: job.req } satisfies Envelope<Req>);
  }
}

/** In the worker's entry module: answers each request through `handle`, which may reply several times. */
export function serveLane<Req, Reply>(handle: (req: Req, reply: (r: Reply) => void) => void | Promise<void>): void {
  parentPort!.on('message', async (m: Envelope<Req>) => {
    await handle(m.body, (body) => parentPort!.postMessage({ id: m.id, body } satisfies Envelope<Reply>));
  });
}
