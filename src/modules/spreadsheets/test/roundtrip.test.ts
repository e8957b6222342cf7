import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyMapping, guessMapping, readTable, writeCsv, writeXlsx } from '../index.ts';
import type { ColumnSpec, FieldSpec } from '../index.ts';
import { ALL_DIACRITICS, makeOpinions, VOTER_HEADERS } from './fixtures.ts';

const N = 20_000;

const COLUMNS: ColumnSpec[] = [
  { header: 'STT', key: 'stt', type: 'number' },
  { header: 'Họ và tên cử tri', key: 'name' },
  { header: 'Thôn/Tổ dân phố', key: 'hamlet' },
  { header: 'Xã/Phường', key: 'commune' },
  { header: 'Nội dung ý kiến, kiến nghị', key: 'content', type: 'text' },
  { header: 'Lĩnh vực', key: 'field' },
  { header: 'Ngày tiếp xúc', key: 'date', type: 'date' },
];

const FIELDS: FieldSpec[] = [
  { key: 'stt', label: 'STT', schema: z.int() },
  { key: 'name', label: 'Họ và tên', required: true, schema: z.string() },
  { key: 'hamlet', label: 'Thôn, tổ dân phố', aliases: ['Thôn/Tổ dân phố'], schema: z.string() },
  { key: 'commune', label: 'Xã, phường', required: true, schema: z.string() },
  { key: 'content', label: 'Nội dung ý kiến, kiến nghị', required: true, schema: z.string() },
  { key: 'field', label: 'Lĩnh vực', schema: z.string() },
  { key: 'date', label: 'Ngày tiếp xúc', required: true, schema: z.date() },
];

function ms(t0: number): number {
  return Math.round(performance.now() - t0);
}

describe(`round trip of ${N.toLocaleString('vi-VN')} voter opinions`, () => {
  const opinions = makeOpinions(N);

  it('keeps every Vietnamese character through xlsx export, import and mapping', async () => {
    const longest = Math.max(...opinions.map(o => o.content.length));
    // Single cells longer than exceljs' 16 Ki-character parser chunks, and a shared-strings part
    // hundreds of chunks long: chunk boundaries fall inside multi-byte letters many times over.
    expect(longest).toBeGreaterThan(16_384);
    expect(opinions.reduce((n, o) => n + o.content.length, 0)).toBeGreaterThan(200 * 16_384);
    expect(opinions.some(o => o.content.includes(ALL_DIACRITICS))).toBe(true);
    expect(ALL_DIACRITICS.length).toBe(12 * 6 * 2 + 2);

    const exportProgress: number[] = [];
    let t0 = performance.now();
    const bytes = await writeXlsx({ sheetName: 'Ý kiến cử tri', title: 'TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỬ TRI', columns: COLUMNS, rows: opinions, onProgress: f => exportProgress.push(f) });
    const writeMs = ms(t0);

    const importProgress: number[] = [];
    t0 = performance.now();
    const table = await readTable(bytes, 'y-kien-cu-tri.xlsx', { onProgress: f => importProgress.push(f) });
    const readMs = ms(t0);

    t0 = performance.now();
    const mapped = applyMapping(table, guessMapping(table.headers, FIELDS), FIELDS);
    const mapMs = ms(t0);
    console.log(`[spreadsheets] ${N} rows, ${(bytes.length / 1048576).toFixed(1)} MiB xlsx: writeXlsx ${writeMs} ms, readTable ${readMs} ms, applyMapping ${mapMs} ms`);

    expect(table.headers).toEqual([...VOTER_HEADERS]);
    expect(table.headerRowNumber).toBe(2);
    expect(table.rows).toHaveLength(N);
    expect(table.rowNumbers![0]).toBe(3);
    expect(table.rowNumbers![N - 1]).toBe(N + 2);
    // Exact comparison of every cell, failing on the first difference with a readable message.
    for (let i = 0; i < N; i++) {
      const o = opinions[i]!;
      const row = table.rows[i]!;
      if (row[1] !== o.name || row[2] !== o.hamlet || row[3] !== o.commune || row[4] !== o.content || row[5] !== o.field) {
        expect({ row: i, cells: row.slice(1, 6) }).toEqual({ row: i, cells: [o.name, o.hamlet, o.commune, o.content, o.field] });
      }
      if (row[0] !== o.stt || !(row[6] instanceof Date) || row[6].getTime() !== o.date.getTime()) {
        expect({ row: i, stt: row[0], date: row[6] }).toEqual({ row: i, stt: o.stt, date: o.date });
      }
    }
    expect(mapped.errors).toEqual([]);
    expect(mapped.rows).toHaveLength(N);
    expect(mapped.rows[96]).toEqual({ ...opinions[96], content: opinions[96]!.content.normalize('NFC') });
    expect(opinions.some(o => o.content.includes(ALL_DIACRITICS.normalize('NFD')))).toBe(true);
    expect(mapped.rows.every((r, i) => r.content === opinions[i]!.content.normalize('NFC') && (r.date as Date).getTime() === opinions[i]!.date.getTime())).toBe(true);

    for (const p of [exportProgress, importProgress]) {
      expect(p[0]).toBe(0);
      expect(p.at(-1)).toBe(1);
      expect(p.length).toBeGreaterThan(3);
    }
  });

  it('keeps every Vietnamese character through CSV export and import', async () => {
    let t0 = performance.now();
    const bytes = writeCsv({ columns: COLUMNS, rows: opinions });
    const writeMs = ms(t0);
    t0 = performance.now();
    const table = await readTable(bytes, 'y-kien-cu-tri.csv');
    const readMs = ms(t0);
    console.log(`[spreadsheets] ${N} rows, ${(bytes.length / 1048576).toFixed(1)} MiB csv: writeCsv ${writeMs} ms, readTable ${readMs} ms`);
    expect(table.headers).toEqual([...VOTER_HEADERS]);
    expect(table.rows).toHaveLength(N);
    for (let i = 0; i < N; i++) {
      const o = opinions[i]!;
      const row = table.rows[i]!;
      const expected = [String(o.stt), o.name, o.hamlet, o.commune, o.content, o.field, `${String(o.date.getUTCDate()).padStart(2, '0')}/${String(o.date.getUTCMonth() + 1).padStart(2, '0')}/${o.date.getUTCFullYear()}`];
      if (row.some((c, k) => c !== expected[k])) expect({ row: i, cells: row }).toEqual({ row: i, cells: expected });
    }
    const mapped = applyMapping(table, guessMapping(table.headers, FIELDS), FIELDS);
    expect(mapped.errors).toEqual([]);
    expect(mapped.rows.every((r, i) => (r.date as Date).getTime() === opinions[i]!.date.getTime() && r.stt === i + 1)).toBe(true);
  });
});
