// Worker-thread entry for readInWorker.ts: reads one sheet per message, off the main thread.
import { convertLegacy } from '../../domain/text/legacy.ts';
import { SpreadsheetError } from './errors.ts';
import { readTable } from './read.ts';
import { serveLane } from '../../server/workerLane.ts';
import type { WorkerRequest, WorkerReply } from './readInWorker.ts';

const legacyToUnicode = (s: string) => convertLegacy(s).text;

serveLane<WorkerRequest, WorkerReply>(async ({ data, fileName, opts }, reply) => {
  try {
    const { legacy, ...rest } = opts;
    reply({ table: await readTable(data, fileName, legacy === 'convert' ? { ...rest, transformText: legacyToUnicode } : rest) });
  } catch (err) {
    // readTable turns every failure into a SpreadsheetError with a Vietnamese message.
    const e = err instanceof SpreadsheetError ? err : new SpreadsheetError('READ_FAILED', `Không đọc được tệp "${fileName}".`);
    reply({ error: { code: e.code, message: e.message } });
  }
});
