// readTable on a worker thread, so that parsing a big sheet never blocks other users' requests.
// One long-lived worker reads one file at a time (imports queue behind each other, the main
// thread does not); its heap is capped so that a hostile file costs at most WORKER_HEAP_MB, and a
// worker that dies (heap exhausted) is replaced for the next file.
import { Worker } from 'node:worker_threads';
import { SpreadsheetError, type SpreadsheetErrorCode } from './errors.ts';
import type { ReadOptions, Table } from './read.ts';

/** What can cross to the worker: ReadOptions without callbacks, and the legacy conversion by name. */
export type WorkerReadOptions = Omit<ReadOptions, 'onProgress' | 'transformText'> & {
  /** 'convert': every cell goes from legacy TCVN3/VNI to Unicode while reading. */
  legacy?: 'convert' | 'keep';
};
export type WorkerRequest = { id: number; data: Uint8Array; fileName: string; opts: WorkerReadOptions };
export type WorkerReply = { id: number; table: Table } | { id: number; error: { code: SpreadsheetErrorCode; message: string } };

const WORKER_HEAP_MB = 1024;

type Job = WorkerRequest & { resolve: (t: Table) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let current: Job | null = null;
const queue: Job[] = [];
let nextId = 1;

function startWorker(): Worker {
  const w = new Worker(new URL('./readWorker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  w.on('message', (reply: WorkerReply) => {
    const job = current;
    if (!job || job.id !== reply.id) return;
    current = null;
    if ('table' in reply) job.resolve(reply.table);
    else job.reject(new SpreadsheetError(reply.error.code, reply.error.message));
    pump();
  });
  const died = () => {
    if (worker !== w) return;
    worker = null;
    const job = current;
    current = null;
    job?.reject(
      new SpreadsheetError('TOO_LARGE', `Tệp "${job.fileName}" quá lớn hoặc quá phức tạp để xử lý. Hãy chia nhỏ tệp rồi nhập lại.`),
    );
    pump();
  };
  w.on('error', died);
  w.on('exit', died);
  return w;
}

function pump(): void {
  if (current) return;
  const job = queue.shift();
  if (!job) {
    worker?.unref(); // an idle worker does not keep the process alive
    return;
  }
  worker ??= startWorker();
  worker.ref();
  current = job;
  const { resolve: _r, reject: _j, ...req } = job;
  worker.postMessage(req satisfies WorkerRequest);
}

/** Same result and errors as readTable(data, fileName, opts), computed on the worker thread. */
export function readTableInWorker(data: Uint8Array, fileName: string, opts: WorkerReadOptions = {}): Promise<Table> {
  return new Promise<Table>((resolve, reject) => {
    queue.push({ id: nextId++, data, fileName, opts, resolve, reject });
    pump();
  });
}
