// Documents of the recommendations' follow-up, built from this part's tables (read-only): the
// supervision report with its recommendations (each with addressee and deadline, generated from
// the structured records: supervision.md "Supervision report, required content"), and one
// document per escalation step (reminder, Thường trực letter, request to explain, hearing notice,
// interpellation notice, re-supervision decision, report to the council). Wording editable per
// council; numbered in the register by the documents engine.
import { z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Block } from '../../domain/documents/content.ts';
import { documentKindInfo, formatShortDate, toRoman, upperVi, type DocumentKind } from '../../domain/documents/format.ts';
import { ESCALATION_STEP_LABELS, type EscalationStepKind } from '../../domain/followup/index.ts';
import { notFound } from '../../server/errors.ts';
import { agencies } from '../directory/schema.ts';
import { fillWording, getTemplate, registerTemplate, type DocumentTemplate } from '../documents/templates/registry.ts';
import { SignatureParams, headerOf, recipientsOf, signatureOf, signatureSlots, tableLetter, varsOf } from '../documents/templates/common.ts';
import { oversightRecommendations, oversightReports } from './recommendationsSchema.ts';

export const REPORT_TEMPLATE = 'oversight_report';

const ReportParams = z.object({ reportId: z.string().uuid({ message: 'Mã báo cáo không hợp lệ.' }), ...SignatureParams });
type ReportParams = z.infer<typeof ReportParams>;

async function reportOf(tx: Tx, councilId: string, reportId: string) {
  const [r] = await tx.select().from(oversightReports).where(and(eq(oversightReports.id, reportId), eq(oversightReports.councilId, councilId)));
  if (!r) throw notFound('báo cáo giám sát');
  return r;
}

/** "Sở Xây dựng" and the recommendations of the report, in order, with the due date each will have. */
async function recommendationRows(tx: Tx, reportId: string) {
  return tx
    .select({ position: oversightRecommendations.position, content: oversightRecommendations.content, agency: agencies.name, due: oversightRecommendations.due, plannedDue: oversightRecommendations.plannedDue, plannedWorkingDays: oversightRecommendations.plannedWorkingDays })
    .from(oversightRecommendations)
    .innerJoin(agencies, eq(agencies.id, oversightRecommendations.agencyId))
    .where(eq(oversightRecommendations.reportId, reportId))
    .orderBy(asc(oversightRecommendations.position));
}

const paragraphs = (text: string): Block[] =>
  text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l): Block => ({ type: 'paragraph', text: l }));

export const oversightReportTemplate: DocumentTemplate<ReportParams> = {
  key: REPORT_TEMPLATE,
  title: 'Báo cáo kết quả giám sát',
  kind: 'bao_cao',
  module: 'oversight',
  description: 'Báo cáo kết quả giám sát: phạm vi, kết quả, hạn chế và các kiến nghị (cơ quan thực hiện, thời hạn) lấy từ dữ liệu đã nhập.',
  defaultIssuerKind: 'standing',
  wording: {
    recommendationsIntro: {
      label: 'Câu dẫn phần kiến nghị',
      default: 'Trên cơ sở kết quả giám sát, {issuer} kiến nghị các cơ quan sau đây thực hiện và báo cáo kết quả bằng văn bản trước thời hạn nêu tại từng kiến nghị:',
    },
    closing: {
      label: 'Câu kết',
      default: 'Các cơ quan được kiến nghị báo cáo tiến độ, kết quả thực hiện trên Nghị Trường; {issuer} theo dõi, xác minh kết quả thực hiện từng kiến nghị./.',
    },
    ...signatureSlots({ lines: 'TM. THƯỜNG TRỰC HĐND\nPHÓ CHỦ TỊCH', recipients: ['Thường trực {council}', 'Các cơ quan được giám sát', 'Đại biểu {council}', 'Lưu: VT'].join('\n') }),
  },
  params: ReportParams as unknown as z.ZodType<ReportParams>,
  async build(tx, p, wording, ctx) {
    const r = await reportOf(tx, ctx.councilId, p.reportId);
    const recs = await recommendationRows(tx, r.id);
    const vars = varsOf(ctx, { issuer: ctx.issuer.name });
    const dueText = (x: (typeof recs)[number]) =>
      x.due ? formatShortDate(x.due) : x.plannedDue ? formatShortDate(x.plannedDue) : x.plannedWorkingDays ? `${x.plannedWorkingDays} ngày làm việc` : '';
    const body: Block[] = [];
    let n = 0;
    const section = (title: string, text: string) => {
      if (!text.trim()) return;
      n++;
      body.push({ type: 'heading', level: 1, number: `${toRoman(n)}.`, text: upperVi(title) }, ...paragraphs(text));
    };
    section('Phạm vi, đối tượng và phương pháp giám sát', r.scope);
    section('Kết quả giám sát', r.results);
    section('Hạn chế, nguyên nhân và trách nhiệm', r.shortcomings);
    n++;
    body.push(
      { type: 'heading', level: 1, number: `${toRoman(n)}.`, text: upperVi('Kiến nghị') },
      { type: 'paragraph', text: fillWording(wording.recommendationsIntro ?? '', vars) },
      {
        type: 'table',
        columns: [
          { title: 'TT', width: 7, align: 'center' },
          { title: 'Nội dung kiến nghị', width: 53 },
          { title: 'Cơ quan thực hiện', width: 24 },
          { title: 'Thời hạn', width: 16, align: 'center' },
        ],
        rows: recs.map((x) => [String(x.position), x.content, x.agency, dueText(x)]),
        fontSize: 12,
      },
      { type: 'paragraph', text: fillWording(wording.closing ?? '', vars) },
    );
    return {
      header: headerOf(ctx),
      kindTitle: documentKindInfo('bao_cao').title!,
      subject: r.title,
      body,
      signature: signatureOf(wording, vars, p),
      recipients: recipientsOf(wording, vars, p),
    };
  },
};

// Escalation steps ------------------------------------------------------------------------------

const StepParams = z.object({
  recommendationId: z.string().uuid({ message: 'Mã kiến nghị không hợp lệ.' }),
  note: z.string().trim().max(2000).optional(),
  scheduledOn: z.string().optional(),
  responseDue: z.string().optional(),
  ...SignatureParams,
});
type StepParams = z.infer<typeof StepParams>;

type StepDef = { kind: DocumentKind; subject: string; opening: string; request: string; lines: string; draftingUnit?: string };

/** Each step's document: its kind, its "V/v" line and its default wording ({agency}, {report}, {content}, {due}, {scheduled}, {responseDue}, {note}). */
const STEP_DOCS: Readonly<Record<EscalationStepKind, StepDef>> = {
  reminder: {
    kind: 'cong_van', draftingUnit: 'VP',
    subject: 'V/v đôn đốc thực hiện kiến nghị sau giám sát',
    opening: 'Theo {report}, {agency} được kiến nghị thực hiện nội dung nêu dưới đây, thời hạn {due}. Đến ngày {today}, {issuer} chưa nhận được báo cáo kết quả thực hiện.',
    request: 'Đề nghị {agency} khẩn trương thực hiện và báo cáo kết quả trên Nghị Trường. {note}',
    lines: 'TL. THƯỜNG TRỰC HĐND\nCHÁNH VĂN PHÒNG',
  },
  standing_letter: {
    kind: 'cong_van', draftingUnit: 'VP',
    subject: 'V/v thực hiện kiến nghị sau giám sát',
    opening: 'Thường trực {council} đã đôn đốc nhưng đến ngày {today}, {agency} chưa thực hiện kiến nghị nêu dưới đây theo {report} (thời hạn {due}).',
    request: 'Thường trực {council} yêu cầu {agency} chỉ đạo thực hiện dứt điểm và báo cáo kết quả; trường hợp không thực hiện phải nêu rõ lý do. {note}',
    lines: 'TM. THƯỜNG TRỰC HĐND\nPHÓ CHỦ TỊCH',
  },
  explanation_request: {
    kind: 'cong_van', draftingUnit: 'VP',
    subject: 'V/v yêu cầu giải trình việc chưa thực hiện kiến nghị sau giám sát',
    opening: 'Kiến nghị nêu dưới đây theo {report} gửi {agency} (thời hạn {due}) đến ngày {today} chưa được thực hiện.',
    request: 'Thường trực {council} yêu cầu {agency} giải trình bằng văn bản lý do chưa thực hiện, trách nhiệm của tập thể, cá nhân liên quan và giải pháp, thời hạn thực hiện, gửi trước ngày {responseDue}. {note}',
    lines: 'TM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH',
  },
  hearing: {
    kind: 'thong_bao',
    subject: 'Tổ chức phiên giải trình về việc thực hiện kiến nghị sau giám sát',
    opening: 'Thường trực {council} tổ chức phiên giải trình tại phiên họp Thường trực ngày {scheduled} về việc {agency} chưa thực hiện kiến nghị nêu dưới đây theo {report} (thời hạn {due}).',
    request: 'Đề nghị Thủ trưởng {agency} trực tiếp tham dự, giải trình và chuẩn bị báo cáo giải trình gửi trước phiên họp. {note}',
    lines: 'TM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH',
  },
  interpellation: {
    kind: 'thong_bao',
    subject: 'Đưa việc thực hiện kiến nghị sau giám sát vào nội dung chất vấn tại kỳ họp',
    opening: 'Kiến nghị nêu dưới đây theo {report} gửi {agency} (thời hạn {due}) đến nay chưa được thực hiện dù đã được đôn đốc và giải trình.',
    request: 'Thường trực {council} thông báo đưa nội dung này vào chương trình chất vấn tại kỳ họp {scheduled}; đề nghị {agency} chuẩn bị báo cáo và người trả lời chất vấn. {note}',
    lines: 'TM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH',
  },
  resupervision: {
    kind: 'thong_bao',
    subject: 'Tái giám sát việc thực hiện kiến nghị sau giám sát',
    opening: 'Kiến nghị nêu dưới đây theo {report} gửi {agency} (thời hạn {due}) đến nay chưa được thực hiện.',
    request: 'Thường trực {council} thông báo tái giám sát việc thực hiện kiến nghị này, dự kiến từ ngày {scheduled}; đề nghị {agency} chuẩn bị báo cáo và hồ sơ liên quan. {note}',
    lines: 'TM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH',
  },
  council_report: {
    kind: 'bao_cao',
    subject: 'Báo cáo Hội đồng nhân dân về kiến nghị sau giám sát chưa được thực hiện',
    opening: 'Thường trực {council} báo cáo Hội đồng nhân dân: kiến nghị nêu dưới đây theo {report} gửi {agency} (thời hạn {due}) đến ngày {today} chưa được thực hiện dù đã áp dụng các biện pháp đôn đốc, giải trình, chất vấn, tái giám sát.',
    request: 'Đề nghị Hội đồng nhân dân xem xét, quyết định biện pháp xử lý theo thẩm quyền. {note}',
    lines: 'TM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH',
  },
};

export const escalationTemplateKey = (kind: EscalationStepKind) => `oversight_escalation_${kind}`;

function stepTemplate(kind: EscalationStepKind): DocumentTemplate<StepParams> {
  const d = STEP_DOCS[kind];
  return {
    key: escalationTemplateKey(kind),
    title: `${ESCALATION_STEP_LABELS[kind]} (kiến nghị sau giám sát)`,
    kind: d.kind,
    module: 'oversight',
    description: `Văn bản của bước xử lý tiếp "${ESCALATION_STEP_LABELS[kind]}" đối với kiến nghị sau giám sát chưa được thực hiện.`,
    defaultIssuerKind: 'standing',
    ...(d.draftingUnit ? { draftingUnit: d.draftingUnit } : {}),
    wording: {
      opening: { label: 'Đoạn mở đầu ({agency}, {report}, {due}, {today}, {scheduled} được thay bằng số liệu)', default: d.opening },
      request: { label: 'Đề nghị ({responseDue}, {note} được thay bằng số liệu)', default: d.request },
      ...signatureSlots({ lines: d.lines, recipients: ['Như trên', 'Thường trực {council}', 'Lưu: VT'].join('\n') }),
    },
    params: StepParams as unknown as z.ZodType<StepParams>,
    async build(tx, p, wording, ctx) {
      const [rec] = await tx
        .select({ r: oversightRecommendations, agency: agencies.name, report: oversightReports })
        .from(oversightRecommendations)
        .innerJoin(agencies, eq(agencies.id, oversightRecommendations.agencyId))
        .innerJoin(oversightReports, eq(oversightReports.id, oversightRecommendations.reportId))
        .where(and(eq(oversightRecommendations.id, p.recommendationId), eq(oversightRecommendations.councilId, ctx.councilId)));
      if (!rec) throw notFound('kiến nghị sau giám sát');
      const reportName = `Báo cáo "${rec.report.title}"${rec.report.issuedOn ? ` ngày ${formatShortDate(rec.report.issuedOn)}` : ''}`;
      const vars = varsOf(ctx, {
        agency: rec.agency,
        report: reportName,
        issuer: ctx.issuer.name,
        due: rec.r.due ? formatShortDate(rec.r.due) : '',
        today: formatShortDate(ctx.date),
        scheduled: p.scheduledOn ? formatShortDate(p.scheduledOn) : '(sẽ thông báo sau)',
        responseDue: p.responseDue ? formatShortDate(p.responseDue) : '',
        note: p.note ?? '',
      });
      const content = tableLetter({
        ctx, subjectLine: d.kind === 'cong_van' ? d.subject : '', addressee: rec.agency, wording, vars, params: p,
        columns: [
          { title: 'TT', width: 7, align: 'center' },
          { title: 'Nội dung kiến nghị', width: 63 },
          { title: 'Thời hạn', width: 15, align: 'center' },
          { title: 'Tình trạng', width: 15, align: 'center' },
        ],
        rows: [[String(rec.r.position), rec.r.content, vars.due!, rec.r.state === 'not_accepted' ? 'Không tiếp thu' : 'Chưa thực hiện']],
      });
      if (d.kind === 'cong_van') return content;
      // Thông báo / báo cáo: a title and a subject instead of the "V/v" line.
      const { subjectLine: _s, ...header } = content.header;
      return { ...content, header, kindTitle: documentKindInfo(d.kind).title!, subject: `${d.subject}\n(${rec.agency})` };
    },
  };
}

export const RECOMMENDATION_TEMPLATES: DocumentTemplate<any>[] = [
  oversightReportTemplate,
  ...(Object.keys(STEP_DOCS) as EscalationStepKind[]).map(stepTemplate),
];

export function registerRecommendationTemplates(): void {
  for (const t of RECOMMENDATION_TEMPLATES) if (!getTemplate(t.key)) registerTemplate(t);
}
