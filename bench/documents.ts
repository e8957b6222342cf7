/**
 * Documents and spreadsheets bench: rendering a round report with 2,000 petitions to .docx, and
 * reading + mapping a 20,000-row opinions sheet — each beside a baseline measured in the same run
 * (a one-page notice; the same 20,000 rows as CSV).
 */
import { renderDocx } from '../src/modules/documents/render/docx.ts';
import type { DocumentContent } from '../src/domain/documents/content.ts';
import { applyMapping, guessMapping, readTable, writeCsv, writeXlsx, type FieldSpec } from '../src/modules/spreadsheets/index.ts';
import type { Row } from './text/quality.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const texts = readFileSync(fileURLToPath(new URL('./data/opinions.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

function report(n: number): DocumentContent {
  return {
    header: { parentBody: 'HĐND PHƯỜNG SA HUỲNH', issuingBody: 'THƯỜNG TRỰC HĐND', numberLine: 'Số: 12/BC-HĐND', place: 'Sa Huỳnh', date: '2026-11-26' },
    kindTitle: 'BÁO CÁO',
    subject: 'Tổng hợp ý kiến, kiến nghị của cử tri trước kỳ họp thứ 3, HĐND phường khóa I',
    body: [{ type: 'paragraph', text: `Thường trực HĐND phường tổng hợp ${n} ý kiến, kiến nghị của cử tri như sau.` }],
    signature: { lines: ['TM. THƯỜNG TRỰC HĐND', 'CHỦ TỊCH'], signerName: 'Huỳnh Văn Đạt' },
    recipients: ['Thường trực HĐND tỉnh', 'UBND phường', 'Lưu: VT'],
    appendices: [
      {
        title: 'Phụ lục',
        subtitle: 'Danh sách ý kiến, kiến nghị của cử tri',
        body: [
          {
            type: 'table',
            columns: [
              { title: 'STT', width: 8 },
              { title: 'Nội dung', width: 62 },
              { title: 'Lĩnh vực', width: 15 },
              { title: 'Cơ quan', width: 15 },
            ],
            rows: Array.from({ length: n }, (_, i) => [String(i + 1), texts[i % texts.length]!, 'Giao thông', 'UBND phường']),
          },
        ],
      },
    ],
  };
}

async function time(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return xs.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const FIELDS: FieldSpec[] = [
  { key: 'name', label: 'Họ và tên cử tri' },
  { key: 'hamlet', label: 'Thôn/Tổ dân phố' },
  { key: 'text', label: 'Nội dung ý kiến, kiến nghị', required: true },
];

export async function runDocumentBench(): Promise<Row[]> {
  const big = await time(() => renderDocx(report(2000)));
  const small = await time(() => renderDocx(report(1)));
  const columns = [
    { header: 'Họ và tên cử tri', key: 'name' },
    { header: 'Thôn/Tổ dân phố', key: 'hamlet' },
    { header: 'Nội dung ý kiến, kiến nghị', key: 'text' },
  ];
  const rows = Array.from({ length: 20_000 }, (_, i) => ({ name: `Nguyễn Văn ${i}`, hamlet: `Thôn ${i % 40}`, text: texts[i % texts.length]! }));
  const xlsx = await writeXlsx({ sheetName: 'Ý kiến', columns, rows });
  const csv = writeCsv({ columns, rows });
  const importOf = async (data: Uint8Array, name: string) => {
    const table = await readTable(data, name);
    const r = applyMapping(table, guessMapping(table.headers, FIELDS), FIELDS);
    if (r.rows.length !== 20_000) throw new Error(`import read ${r.rows.length} rows`);
  };
  const xlsxMs = await time(() => importOf(xlsx, 'y-kien.xlsx'));
  const csvMs = await time(() => importOf(csv, 'y-kien.csv'));
  const r = (metric: string, v: number, b: number, note: string): Row => ({
    metric,
    value: Math.round(v),
    baseline: Math.round(b),
    ratio: Math.round((v / b) * 100) / 100,
    unit: 'ms',
    note,
  });
  return [
    r('render round report, 2,000 petitions (.docx)', big, small, 'median of 3; baseline = the same report with 1 petition'),
    r('import 20,000 opinion rows (.xlsx read + map)', xlsxMs, csvMs, 'median of 3; baseline = the same rows as .csv'),
  ];
}
