// Báo cáo kết quả tiếp công dân, tiếp nhận và xử lý đơn thư (ND30) for a session's report: the
// receptions held, the letters received by kind, their state and the agencies they went to,
// computed from the data (queries letterFigures) — counts only, never a citizen.
import { z } from '@hono/zod-openapi';
import { and, count, eq, sql } from 'drizzle-orm';
import { documentKindInfo, formatShortDate, twoDigits } from '../../domain/documents/format.ts';
import { fillWording, getTemplate, registerTemplate, type DocumentTemplate } from '../documents/templates/registry.ts';
import { SignatureParams, headerOf, recipientsOf, signatureOf, signatureSlots, varsOf } from '../documents/templates/common.ts';
import { invalid } from '../../server/errors.ts';
import { letterFigures } from './queries.ts';
import { receptionRecords } from './schema.ts';

const Params = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Từ ngày phải có dạng YYYY-MM-DD.' }),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Đến ngày phải có dạng YYYY-MM-DD.' }),
  ...SignatureParams,
});
type Params = z.infer<typeof Params>;

export const LETTER_REPORT_TEMPLATE = 'letter_report';

export const letterReport: DocumentTemplate<Params> = {
  key: LETTER_REPORT_TEMPLATE,
  title: 'Báo cáo kết quả tiếp công dân, tiếp nhận và xử lý đơn thư',
  kind: 'bao_cao',
  module: 'letters',
  description: 'Báo cáo của Thường trực HĐND về tiếp công dân, tiếp nhận, phân loại, chuyển và theo dõi đơn thư trong kỳ (phục vụ báo cáo tại kỳ họp).',
  defaultIssuerKind: 'standing',
  wording: {
    intro: {
      label: 'Đoạn mở đầu ({from}, {to} được thay bằng kỳ báo cáo)',
      default: 'Thực hiện quy định của pháp luật về tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh, Thường trực {council} báo cáo kết quả tiếp công dân, tiếp nhận và xử lý đơn thư từ ngày {from} đến ngày {to} như sau:',
    },
    closing: { label: 'Đoạn kết', default: 'Trên đây là báo cáo kết quả tiếp công dân, tiếp nhận và xử lý đơn thư của Thường trực {council}./.' },
    ...signatureSlots({ lines: 'TM. THƯỜNG TRỰC HĐND\nPHÓ CHỦ TỊCH', recipients: ['Đại biểu HĐND {level}', 'UBND {level}', 'BTT UBMTTQVN {level}', 'Lưu: VT'].join('\n') }),
  },
  params: Params as unknown as z.ZodType<Params>,
  async build(tx, p, wording, ctx) {
    if (p.from > p.to) throw invalid('Từ ngày phải trước hoặc bằng đến ngày.');
    const f = await letterFigures(tx, ctx.councilId, p.from, p.to, ctx.date);
    const [rec] = await tx
      .select({ n: count(), people: sql<number>`coalesce(sum(${receptionRecords.peopleCount}), 0)::int` })
      .from(receptionRecords)
      .where(and(eq(receptionRecords.councilId, ctx.councilId), sql`${receptionRecords.receivedOn} between ${p.from} and ${p.to}`));
    const vars = varsOf(ctx, { from: formatShortDate(p.from), to: formatShortDate(p.to) });
    const n = (x: number) => twoDigits(x);
    const kind = documentKindInfo('bao_cao');
    return {
      header: headerOf(ctx),
      kindTitle: kind.title!,
      subject: `Kết quả tiếp công dân, tiếp nhận và xử lý đơn thư từ ngày ${vars.from} đến ngày ${vars.to}`,
      body: [
        { type: 'paragraph', text: fillWording(wording.intro ?? '', vars) },
        { type: 'heading', level: 1, number: 'I.', text: 'TIẾP CÔNG DÂN' },
        { type: 'paragraph', text: `Thường trực và đại biểu ${ctx.council.name} đã tiếp ${n(rec?.n ?? 0)} lượt công dân với ${n(rec?.people ?? 0)} người.` },
        { type: 'heading', level: 1, number: 'II.', text: 'TIẾP NHẬN, PHÂN LOẠI ĐƠN THƯ' },
        { type: 'paragraph', text: `Tổng số đơn tiếp nhận: ${n(f.total)} đơn${f.byKind.length ? `, trong đó: ${f.byKind.map((k) => `${k.label.toLowerCase()} ${n(k.count)} đơn`).join('; ')}` : ''}.` },
        { type: 'paragraph', text: 'Phân theo lĩnh vực:' },
        { type: 'table', columns: [{ title: 'Lĩnh vực', width: 70 }, { title: 'Số đơn', width: 30, align: 'center' }], rows: f.byField.map((x) => [x.label, n(x.count)]), fontSize: 12 },
        { type: 'paragraph', text: 'Phân theo tình trạng xử lý:' },
        { type: 'table', columns: [{ title: 'Tình trạng xử lý', width: 70 }, { title: 'Số đơn', width: 30, align: 'center' }], rows: f.byState.map((s) => [s.label, n(s.count)]), fontSize: 12 },
        { type: 'heading', level: 1, number: 'III.', text: 'CHUYỂN ĐƠN VÀ THEO DÕI KẾT QUẢ GIẢI QUYẾT' },
        f.byAgency.length
          ? { type: 'table', columns: [{ title: 'Cơ quan được chuyển đơn', width: 60 }, { title: 'Số đơn', width: 20, align: 'center' }, { title: 'Quá hạn báo kết quả', width: 20, align: 'center' }], rows: f.byAgency.map((a) => [a.agency, n(a.count), n(a.overdue)]), fontSize: 12 }
          : { type: 'paragraph', text: 'Trong kỳ không có đơn chuyển cơ quan có thẩm quyền.' },
        { type: 'paragraph', text: fillWording(wording.closing ?? '', vars) },
      ],
      signature: signatureOf(wording, vars, p),
      recipients: recipientsOf(wording, vars, p),
    };
  },
};

export function registerLetterReport(): void {
  if (!getTemplate(LETTER_REPORT_TEMPLATE)) registerTemplate(letterReport);
}
