// Worker-thread entry for readInWorker.ts: reads one sheet per message, off the main thread.
import { parentPort } from 'node:worker_threads';
import { convertLegacy } from '../../domain/text/legacy.ts';
import { SpreadsheetError } from './errors.ts';
import { readTable } from './read.ts';
import type { WorkerRequest, WorkerReply } from './readInWorker.ts';

const legacyToUnicode = (s: string) => convertLegacy(s).text;

parentPort!.on('message', async (req: WorkerRequest) => {
  const { id, data, fileName, opts } = req;
  let reply: WorkerReply;
  try {
    const { legacy, ...rest } = opts;
    const table = await readTable(data, fileName, legacy === 'convert' ? { ...rest, transformText: legacyToUnicode } : rest);
    reply = { id, table };
  } catch (err) {
    // readTable turns every failure into a SpreadsheetError with a Vietnamese message.
    const e = err instanceof SpreadsheetError ? err : new SpreadsheetError('READ_FAILED', `Không đọc được tệp "${fileName}".`);
    reply = { id, error: { code: e.code, message: e.message } };
  }
  parentPort!.postMessage(reply);
});
