// What a hostile or oversized sheet costs: the declared and the actual unpacked size are both
// capped, rows are capped, and reading happens on a worker thread so the main thread keeps
// answering other requests meanwhile.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { readTable, readTableInWorker, SpreadsheetError, writeCsv, writeXlsx } from '../index.ts';
import { communeReport, makeOpinions } from './fixtures.ts';
import { createApp } from '../../../server/app.ts';
import { openMemoryDatabase } from '../../../db/client.ts';

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';

async function failure(p: Promise<unknown>): Promise<SpreadsheetError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SpreadsheetError);
  return e as SpreadsheetError;
}

/** A zip whose big part declares 100 bytes (local header and central directory) but inflates to `realBytes`. */
function lyingZip(realBytes: number): Uint8Array {
  const zip = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(realBytes) }, { level: 6 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 46 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint32(i + 22, true) === realBytes) view.setUint32(i + 22, 100, true);
    if (sig === 0x02014b50 && view.getUint32(i + 24, true) === realBytes) view.setUint32(i + 24, 100, true);
  }
  return zip;
}

describe('spreadsheet limits', () => {
  it('refuses an .xlsx whose declared unpacked size is over the limit, before unpacking', async () => {
    const zip = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(3 * 1048576) });
    const e = await failure(readTable(zip, 'bom.xlsx', { maxUncompressedBytes: 2 * 1048576 }));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toBe('Tệp "bom.xlsx" quá lớn để xử lý (hơn 2 MB sau khi giải nén). Hãy chia nhỏ tệp.');
  });

  it('refuses an .xlsx that declares small sizes but inflates past the limit', async () => {
    const zip = lyingZip(3 * 1048576);
    expect(zip.length).toBeLessThan(64 * 1024);
    const e = await failure(readTable(zip, 'noi-doi.xlsx', { maxUncompressedBytes: 2 * 1048576 }));
    expect(e.code).toBe('TOO_LARGE');
    // The same file under a higher limit is merely not a spreadsheet: the size check is what refused it.
    expect((await failure(readTable(zip, 'noi-doi.xlsx', { maxUncompressedBytes: 8 * 1048576 }))).code).not.toBe('TOO_LARGE');
  });

  it('refuses sheets with more rows than the limit, .xlsx and CSV', async () => {
    const rows = makeOpinions(60);
    const columns = [{ header: 'Họ và tên', key: 'name' }, { header: 'Nội dung', key: 'content' }];
    const xlsx = await writeXlsx({ sheetName: 'Ý kiến', columns, rows });
    expect((await readTable(xlsx, 'a.xlsx', { maxRows: 61 })).rows).toHaveLength(60);
    const e = await failure(readTable(xlsx, 'a.xlsx', { maxRows: 50 }));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toContain('quá giới hạn 50 dòng');
    const csv = writeCsv({ columns, rows });
    expect((await failure(readTable(csv, 'a.csv', { maxRows: 50 }))).message).toContain('có 61 dòng');
  });

  it('reads on a worker thread with the same result and the same Vietnamese errors', async () => {
    const report = await communeReport();
    const opts = { sheetName: 'Tổng hợp ý kiến' };
    expect(await readTableInWorker(report, 'r.xlsx', opts)).toEqual(await readTable(report, 'r.xlsx', opts));
    const e = await failure(readTableInWorker(lyingZip(3 * 1048576), 'noi-doi.xlsx', { maxUncompressedBytes: 2 * 1048576 }));
    expect(e.code).toBe('TOO_LARGE');
    const legacy = new TextEncoder().encode('Hä vµ tªn,Néi dung\nNguyÔn V¨n A,§­êng x¸ h­ háng\n');
    expect((await readTableInWorker(legacy, 'cu.csv', { legacy: 'convert' })).rows[0]).toEqual(['Nguyễn Văn A', 'Đường xá hư hỏng']);
  });

  it('keeps the main thread answering requests while a big sheet parses', async () => {
    const columns = [{ header: 'Họ và tên', key: 'name' }, { header: 'Xã/Phường', key: 'commune' }, { header: 'Nội dung', key: 'content', type: 'text' as const }];
    // Big enough that the parse lasts (the light reader reads 5,000 rows in a blink).
    const big = await writeXlsx({ sheetName: 'Ý kiến', columns, rows: makeOpinions(20000) });
    const database = await openMemoryDatabase();
    const app = createApp({ db: database.db, dbKind: 'pglite', clock: () => new Date(), config: { publicUrl: 'http://localhost', secureCookies: false } });
    try {
      /** The main thread's event-loop utilization (busy fraction) while `work` runs. */
      const busy = async (work: () => Promise<unknown>) => {
        const start = performance.eventLoopUtilization();
        await work();
        return performance.eventLoopUtilization(start).utilization;
      };
      await readTableInWorker(big, 'big.xlsx'); // the worker has started and loaded its code
      const onMain = await busy(() => readTable(big, 'big.xlsx'));
      const inWorker = await busy(() => readTableInWorker(big, 'big.xlsx'));
      // Parsed on the main thread, the sheet keeps it busy nearly all along; parsed on the worker,
      // the main thread is mostly idle (it only receives the finished table).
      expect(onMain).toBeGreaterThan(0.7);
      expect(inWorker).toBeLessThan(onMain / 2);

      // And small requests keep being answered while a parse is under way.
      let parsing = true;
      let answeredDuringParse = 0;
      const parse = readTableInWorker(big, 'big.xlsx').finally(() => (parsing = false));
      while (parsing) {
        const res = await app.request('/api/health');
        expect(res.status).toBe(200);
        if (parsing) answeredDuringParse++;
        await new Promise((r) => setImmediate(r)); // let the worker's reply (a macrotask) in
      }
      expect((await parse).rows).toHaveLength(20000);
      expect(answeredDuringParse).toBeGreaterThan(5);
    } finally {
      await database.close();
    }
  }, 180_000);
});
