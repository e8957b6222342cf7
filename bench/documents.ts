/**
 * Documents and spreadsheets bench: rendering a round report with 2,000 petitions to .docx, and
 * reading + mapping a 20,000-row opinions sheet — each beside a baseline measured in the same run
 * (a one-page notice; the same 20,000 rows as CSV). The round report is the real template
 * (`petition_round_report`) built from a PGlite database holding a round of 2,000 petitions, and
 * rendered by the engine (plain table rows written from a template row) beside the old path
 * (every row built in the docx tree).
 */
import { renderDocx } from '../src/modules/documents/render/docx.ts';
import { createTestDb } from '../tests/support/db.ts';
import { seedDemo } from '../src/server/seed.ts';
import { previewDocument } from '../src/modules/documents/service.ts';
import { opinions, petitionRounds, petitions } from '../src/modules/petitions/schema.ts';
import { listFields } from '../src/modules/petitions/actions/fields.ts';
import { searchColumnsOf } from '../src/modules/petitions/common.ts';
import { unzipSync } from 'fflate';
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

/** The real round report template's content for a round of `n` petitions (one opinion each). */
async function realRoundReport(n: number): Promise<DocumentContent> {
  const { db, close } = await createTestDb('pglite');
  try {
    const now = new Date('2026-11-26T02:00:00Z');
    const ids = await seedDemo(db, now);
    const councilId = ids.get('council:sa-huynh')!;
    const unitId = ids.get('unit:sa-huynh')!;
    const { items: fields } = await listFields(db, councilId, { page: 1, pageSize: 200 });
    const agencies = ['agency:ubnd-sa-huynh', 'agency:dien-luc', 'agency:cap-nuoc', 'agency:so-xay-dung', 'agency:na'].map((k) => ids.get(k)!);
    const levels = ['commune', 'province', 'district', 'central'];
    const [round] = await db.insert(petitionRounds).values({
      councilId, name: 'Tiếp xúc cử tri trước kỳ họp thứ 9, HĐND phường khóa I', kind: 'before_session', sequence: 99, startDate: '2026-11-01', endDate: '2026-11-20',
    }).returning();
    for (let from = 0; from < n; from += 500) {
      const chunk = Array.from({ length: Math.min(500, n - from) }, (_, k) => from + k);
      const ps = await db.insert(petitions).values(chunk.map((i) => ({
        councilId, roundId: round!.id, originRoundId: round!.id, number: 10_000 + i, text: texts[i % texts.length]!,
        fieldId: fields[i % fields.length]!.id, competentLevel: levels[i % levels.length]!, agencyId: agencies[i % agencies.length]!, status: 'draft',
        ...searchColumnsOf(texts[i % texts.length]!),
      }))).returning({ id: petitions.id, text: petitions.text });
      await db.insert(opinions).values(ps.map((p) => ({ councilId, roundId: round!.id, channel: 'letter', unitId, text: p.text, petitionId: p.id, ...searchColumnsOf(p.text) })));
    }
    const vp = { id: null, name: 'Bench' };
    const { content } = await previewDocument(db, vp, councilId, now, {
      templateKey: 'petition_round_report', params: { roundId: round!.id, signerName: 'Huỳnh Văn Đạt' },
    });
    return content;
  } finally {
    await close();
  }
}

export async function runDocumentBench(): Promise<Row[]> {
  const real = await realRoundReport(2000);
  const rendered = await renderDocx(real);
  const old = await renderDocx(real, { fastTables: false });
  if (Buffer.compare(Buffer.from(rendered), Buffer.from(old)) !== 0) throw new Error('the two render paths differ');
  if (!unzipSync(rendered)['word/document.xml']) throw new Error('no document part');
  const ours = await time(() => renderDocx(real));
  const oldPath = await time(() => renderDocx(real, { fastTables: false }));
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
    r('round report template, 2,000 petitions (.docx)', ours, oldPath, `median of 3, ${(rendered.length / 1e6).toFixed(1)} MB; baseline = the old path (every row in the docx tree), byte-identical output`),
    r('render 2,000-row appendix report (.docx)', big, small, 'median of 3; baseline = the same report with 1 petition'),
    r('import 20,000 opinion rows (.xlsx read + map)', xlsxMs, csvMs, 'median of 3; baseline = the same rows as .csv'),
  ];
}
