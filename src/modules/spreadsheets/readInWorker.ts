// readTable on a worker thread (a WorkerLane), so that parsing a big sheet never blocks other
// users' requests: one file at a time, the heap capped at 1 GB (a worker that dies on a hostile
// file is replaced for the next one).
import { WorkerLane } from '../../server/workerLane.ts';
import { SpreadsheetError, type SpreadsheetErrorCode } from './errors.ts';
import type { ReadOptions, Table } from './read.ts';

/** What can cross to the worker: ReadOptions without callbacks, and the legacy conversion by name. */
export type WorkerReadOptions = Omit<ReadOptions, 'onProgress' | 'transformText'> & {
  /** 'convert': every cell goes from legacy TCVN3/VNI to Unicode while reading. */
  legacy?: 'convert' | 'keep';
};
export type WorkerRequest = { data: Uint8Array; fileName: string; opts: WorkerReadOptions };
export type WorkerReply = { table: Table } | { error: { code: SpreadsheetErrorCode; message: string } };

const lane = new WorkerLane<WorkerRequest, WorkerReply>(new URL('./readWorker.ts', import.meta.url), {
  heapMb: 1024,
  onDeath: (req) => new SpreadsheetError('TOO_LARGE', `Tệp "${req.fileName}" quá lớn hoặc quá phức tạp để xử lý. Hãy chia nhỏ tệp rồi nhập lại.`),
});

/** Starts the reader's worker ahead of the first file (a server at start: the first import then finds it loaded). */
export function warmSheetReader(): void {
  lane.warm();
}

/** Same result and errors as readTable(data, fileName, opts), computed on the worker thread. */
export async function readTableInWorker(data: Uint8Array, fileName: string, opts: WorkerReadOptions = {}): Promise<Table> {
  let table: Table | undefined;
  await lane.run({ data, fileName, opts }, (reply) => {
    if ('error' in reply) throw new SpreadsheetError(reply.error.code, reply.error.message);
    table = reply.table;
    return true;
  });
  return table!;
}
