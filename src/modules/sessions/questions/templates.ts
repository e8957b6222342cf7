// The resolution on interpellation (nghị quyết về chất vấn, sessions.md "Interpellation" step 6,
// optional): drafted through the documents engine (ND30) from the session's topics in
// questioning order, who answered, the answers (as corrected) and every commitment with its owner
// and deadline: assessment, what must be fixed and by when, who implements, who reports and
// when (the profile's commitmentReportDaysBefore before the next session, legacy default 10 days,
// unverified). Drafted or issued through the documents routes (templates/{key}/preview, /issue).
import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { Block } from '../../../domain/documents/content.ts';
import { documentKindInfo, formatViDate } from '../../../domain/documents/format.ts';
import { notFound } from '../../../server/errors.ts';
import { fillWording, getTemplate, registerTemplate, type DocumentTemplate } from '../../documents/templates/registry.ts';
import { SignatureParams, headerOf, recipientsOf, signatureOf, signatureSlots, varsOf } from '../../documents/templates/common.ts';
import { terms } from '../../directory/schema.ts';
import { councilSessions } from '../schema.ts';
import { ruleSetOf } from '../common.ts';
import { questionsForMinutes } from './queries.ts';

export const INTERPELLATION_RESOLUTION_KEY = 'interpellation_resolution';

const Params = z.object({
  sessionId: z.string().uuid({ message: 'Mã kỳ họp không hợp lệ.' }),
  /** The council's assessment of the questioning (Điều 1), when the secretariat writes one. */
  assessment: z.string().trim().max(10_000, { message: 'Phần đánh giá dài quá 10000 ký tự.' }).optional(),
  ...SignatureParams,
});
type Params = z.infer<typeof Params>;

const dmy = (iso: string) => iso.split('-').reverse().join('/');

export const interpellationResolutionTemplate: DocumentTemplate<Params> = {
  key: INTERPELLATION_RESOLUTION_KEY,
  title: 'Nghị quyết về chất vấn và trả lời chất vấn',
  kind: 'nghi_quyet',
  module: 'sessionQuestions',
  description: 'Nghị quyết của HĐND về hoạt động chất vấn tại kỳ họp, lập từ các nhóm vấn đề, câu trả lời và lời hứa: đánh giá, yêu cầu khắc phục và thời hạn, cơ quan thực hiện, báo cáo kết quả trước kỳ họp sau.',
  defaultIssuerKind: 'council',
  wording: {
    basis: {
      label: 'Căn cứ (mỗi dòng một căn cứ)',
      default: 'Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15\nCăn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân',
      multiline: true,
    },
    assessment: {
      label: 'Đánh giá chung (khi không nhập riêng cho văn bản)',
      default: '{council} ghi nhận người bị chất vấn đã nghiêm túc trả lời, nêu rõ thực trạng, nguyên nhân, trách nhiệm và giải pháp đối với các vấn đề đại biểu chất vấn.',
    },
    executing: { label: 'Câu giao tổ chức thực hiện', default: 'Giao Ủy ban nhân dân {level} chỉ đạo các cơ quan thực hiện các giải pháp và lời hứa nêu tại Điều 2 đúng thời hạn.' },
    ...signatureSlots({
      lines: 'CHỦ TỊCH',
      recipients: ['TT {council}', 'UBND {level}', 'BTT UBMTTQVN {level}', 'Đại biểu {council}', 'Các cơ quan có người trả lời chất vấn', 'Lưu: VT'].join('\n'),
    }),
  },
  params: Params as unknown as z.ZodType<Params>,
  async build(tx, p, wording, ctx) {
    const [s] = await tx.select({ session: councilSessions, termName: terms.name, startYear: terms.startYear, endYear: terms.endYear }).from(councilSessions)
      .innerJoin(terms, eq(terms.id, councilSessions.termId)).where(and(eq(councilSessions.id, p.sessionId), eq(councilSessions.councilId, ctx.councilId)));
    if (!s) throw notFound('kỳ họp của HĐND này');
    const q = await questionsForMinutes(tx, s.session.id);
    const days = (await ruleSetOf(tx, ctx.councilId, s.session.ruleSetKey)).profile.commitmentReportDaysBefore;
    const vars = varsOf(ctx);
    const term = `${s.termName.replace(/^Khóa/u, 'khóa')}, nhiệm kỳ ${s.startYear} - ${s.endYear}`;
    const body: Block[] = [];
    const basis = fillWording(wording.basis ?? '', vars).split('\n').map((l) => l.trim()).filter(Boolean);
    body.push({ type: 'basis', lines: [...basis, `Xét kết quả chất vấn và trả lời chất vấn tại ${s.session.title}`] });
    body.push({ type: 'paragraph', text: [{ text: 'QUYẾT NGHỊ:', bold: true }], align: 'center', indent: false });
    body.push({ type: 'paragraph', text: [{ text: 'Điều 1. ', bold: true }, { text: 'Đánh giá kết quả chất vấn', bold: true }] });
    body.push({ type: 'paragraph', text: p.assessment?.trim() || fillWording(wording.assessment ?? '', vars) });
    if (q.topics.length) {
      body.push({ type: 'list', style: 'points', items: q.topics.map((t) => {
        const who = [t.answer?.answererName ?? t.answerer.name, t.answer?.answererPost ?? t.answerer.post].filter(Boolean).join(', ');
        return `Nhóm vấn đề "${t.title}"${who ? `: ${who} trả lời` : ''}${t.answer ? `. ${t.answer.summary}` : '; chưa có nội dung trả lời.'}`;
      }) });
    } else body.push({ type: 'paragraph', text: 'Kỳ họp không tiến hành chất vấn theo nhóm vấn đề.' });
    body.push({ type: 'paragraph', text: [{ text: 'Điều 2. ', bold: true }, { text: 'Yêu cầu khắc phục và thời hạn thực hiện', bold: true }] });
    const open = q.commitments.filter((c) => c.state !== 'closed');
    if (open.length) {
      body.push({ type: 'list', style: 'points', items: open.map((c) => `${c.agencyName ?? ''}${c.ownerName ? ` (${[c.ownerName, c.ownerPost].filter(Boolean).join(', ')})` : ''}: ${c.content.replace(/\.$/u, '')}; hoàn thành trước ngày ${dmy(c.dueOn)}.`) });
    } else body.push({ type: 'paragraph', text: 'Không có lời hứa, cam kết nào còn phải thực hiện.' });
    body.push({ type: 'paragraph', text: [{ text: 'Điều 3. ', bold: true }, { text: 'Tổ chức thực hiện', bold: true }] });
    body.push({ type: 'paragraph', text: fillWording(wording.executing ?? '', vars) });
    body.push({ type: 'paragraph', text: `Các cơ quan có người trả lời chất vấn báo cáo kết quả thực hiện Nghị quyết này và các lời hứa chậm nhất ${days} ngày trước ngày khai mạc kỳ họp thường lệ tiếp theo; Thường trực ${ctx.council.shortName} gửi báo cáo đến đại biểu và giám sát việc thực hiện.` });
    body.push({ type: 'paragraph', text: `Nghị quyết này đã được ${ctx.council.name} ${term}, ${s.session.title} thông qua ${formatViDate(s.session.closingDate ?? s.session.openingDate)}./.` });
    return {
      header: headerOf(ctx),
      kindTitle: documentKindInfo('nghi_quyet').title!,
      subject: `Về hoạt động chất vấn và trả lời chất vấn tại ${s.session.title}`,
      body,
      signature: signatureOf(wording, vars, p),
      recipients: recipientsOf(wording, vars, p),
    };
  },
};

let registered = false;
export function registerQuestionTemplates(): void {
  if (registered) return;
  registered = true;
  if (!getTemplate(interpellationResolutionTemplate.key)) registerTemplate(interpellationResolutionTemplate as DocumentTemplate<unknown>);
}
