// Documents of a council session, built from the sessions module's tables (read-only): the
// convocation of the delegates (giấy triệu tập), the invitation of the guests (giấy mời, its
// "Kính gửi" the session's guest list) and the session's programme (chương trình kỳ họp, from the
// latest approved agenda version, or the items as they stand). Wording editable per council.
import { z } from '@hono/zod-openapi';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import type { Block } from '../../../domain/documents/content.ts';
import { daysBetween } from '../../../domain/calendar/dates.ts';
import { documentKindInfo, formatViDate, toRoman, twoDigits, upperVi } from '../../../domain/documents/format.ts';
import { notFound } from '../../../server/errors.ts';
import { terms } from '../../directory/schema.ts';
import { agendaVersions, councilSessions } from '../../sessions/schema.ts';
import { sessionGuests } from '../../sessions/convocationSchema.ts';
import { itemsOfSession, presenterNames } from '../../sessions/common.ts';
import { fillWording, type BuildContext, type DocumentTemplate } from './registry.ts';
import { SignatureParams, headerOf, recipientsOf, signatureOf, signatureSlots, varsOf } from './common.ts';

export const StartTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Giờ khai mạc phải có dạng giờ:phút, ví dụ 07:30.' });

const SessionDocParams = z.object({
  sessionId: z.string().uuid({ message: 'Mã kỳ họp không hợp lệ.' }),
  /** Opening time, Vietnam time ("07:30"). */
  startTime: StartTime,
  place: z.string().trim().min(1, { message: 'Hãy nhập địa điểm họp.' }).max(300, { message: 'Địa điểm dài quá 300 ký tự.' }),
  ...SignatureParams,
});
type SessionDocParams = z.infer<typeof SessionDocParams>;

/** "07:30" → "07 giờ 30 phút". */
export function timeProse(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return m === '00' ? `${h} giờ` : `${h} giờ ${m} phút`;
}

/** The session, its term and the prose every session document uses. */
async function sessionFacts(tx: Tx, ctx: BuildContext, p: SessionDocParams) {
  const [s] = await tx
    .select({ session: councilSessions, termName: terms.name, startYear: terms.startYear, endYear: terms.endYear })
    .from(councilSessions)
    .innerJoin(terms, eq(terms.id, councilSessions.termId))
    .where(and(eq(councilSessions.id, p.sessionId), eq(councilSessions.councilId, ctx.councilId)));
  if (!s) throw notFound('kỳ họp của HĐND này');
  const { session } = s;
  const term = `${s.termName.replace(/^Khóa/u, 'khóa')}, nhiệm kỳ ${s.startYear} - ${s.endYear}`;
  const last = session.closingDate ?? session.openingDate;
  const days = daysBetween(session.openingDate, last) + 1;
  const when = days > 1
    ? `Kỳ họp dự kiến tiến hành trong ${twoDigits(days)} ngày, khai mạc vào lúc ${timeProse(p.startTime)}, ${formatViDate(session.openingDate)} và bế mạc ${formatViDate(last)}`
    : `Kỳ họp dự kiến tiến hành trong 01 ngày, khai mạc vào lúc ${timeProse(p.startTime)}, ${formatViDate(session.openingDate)}`;
  const vars = varsOf(ctx, {
    session: session.title,
    term,
    when,
    place: p.place,
  });
  // Two lines, as convocations print it: the session and council, then the term.
  return { session, term, vars, subject: `${session.title}, ${ctx.council.name}\n${term}` };
}

const closingSlots = {
  basis: {
    label: 'Căn cứ (mỗi dòng một căn cứ)',
    default: 'Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15\nCăn cứ Kế hoạch tổ chức các kỳ họp của {council}',
    multiline: true,
  },
};

const basisOf = (wording: Record<string, string>, vars: Record<string, string>): Block[] => {
  const lines = fillWording(wording.basis ?? '', vars).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.length ? [{ type: 'basis', lines }] : [];
};

const contentOf = (wording: Record<string, string>, vars: Record<string, string>): Block[] => {
  const text = fillWording(wording.content ?? '', vars).trim();
  return text ? [{ type: 'paragraph', text: [{ text: 'Nội dung: ', bold: true }, text] }] : [];
};

const whenWhere = (vars: Record<string, string>): Block[] => [
  { type: 'paragraph', text: [{ text: 'Thời gian: ', bold: true }, `${vars.when}.`] },
  { type: 'paragraph', text: [{ text: 'Địa điểm: ', bold: true }, `${vars.place}.`] },
];

// ---------------------------------------------------------------------------------------------
// Giấy triệu tập đại biểu

export const convocationLetter: DocumentTemplate<SessionDocParams> = {
  key: 'session_convocation',
  title: 'Giấy triệu tập kỳ họp',
  kind: 'giay_trieu_tap',
  module: 'sessions',
  description: 'Giấy triệu tập các vị đại biểu HĐND dự kỳ họp: thời gian, địa điểm, nội dung theo chương trình kèm theo.',
  defaultIssuerKind: 'standing',
  wording: {
    ...closingSlots,
    call: {
      label: 'Câu triệu tập ({session}, {term} được thay bằng số liệu)',
      default: 'Thường trực {council} trân trọng triệu tập các vị đại biểu {council} {term} về dự {session}.',
    },
    content: {
      label: 'Nội dung',
      default: 'Theo chương trình kỳ họp gửi kèm. Tài liệu kỳ họp được đăng tải trên Nghị Trường để các vị đại biểu nghiên cứu trước.',
    },
    closing: {
      label: 'Câu kết',
      default: 'Đề nghị các vị đại biểu sắp xếp công việc, tham dự kỳ họp đầy đủ, đúng thời gian; trường hợp vắng mặt phải báo cáo lý do với Chủ tọa kỳ họp./.',
    },
    ...signatureSlots({
      lines: 'TM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH',
      recipients: ['Đại biểu {council}', 'TT Đảng ủy {level}', 'UBND {level}', 'BTT UBMTTQVN {level}', 'Lưu: VT'].join('\n'),
    }),
  },
  params: SessionDocParams as unknown as z.ZodType<SessionDocParams>,
  async build(tx, p, wording, ctx) {
    const f = await sessionFacts(tx, ctx, p);
    return {
      header: headerOf(ctx),
      kindTitle: documentKindInfo('giay_trieu_tap').title!,
      subject: f.subject,
      body: [
        ...basisOf(wording, f.vars),
        { type: 'paragraph', text: fillWording(wording.call ?? '', f.vars) },
        ...whenWhere(f.vars),
        ...contentOf(wording, f.vars),
        { type: 'paragraph', text: fillWording(wording.closing ?? '', f.vars) },
      ],
      signature: signatureOf(wording, f.vars, p),
      recipients: recipientsOf(wording, f.vars, p),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Giấy mời khách mời

export const invitationLetter: DocumentTemplate<SessionDocParams> = {
  key: 'session_invitation',
  title: 'Giấy mời dự kỳ họp',
  kind: 'giay_moi',
  module: 'sessions',
  description: 'Giấy mời khách mời dự kỳ họp (danh sách khách mời của kỳ họp).',
  defaultIssuerKind: 'standing',
  wording: {
    call: {
      label: 'Câu mời ({session}, {term} được thay bằng số liệu)',
      default: 'Thường trực {council} trân trọng kính mời đến dự {session} {council} {term}.',
    },
    content: { label: 'Nội dung', default: 'Theo chương trình kỳ họp gửi kèm.' },
    closing: { label: 'Câu kết', default: 'Rất mong được đón tiếp./.' },
    ...signatureSlots({
      lines: 'TM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH',
      recipients: ['Như trên', 'Lưu: VT'].join('\n'),
    }),
  },
  params: SessionDocParams as unknown as z.ZodType<SessionDocParams>,
  async build(tx, p, wording, ctx) {
    const f = await sessionFacts(tx, ctx, p);
    const guests = await tx.select().from(sessionGuests).where(eq(sessionGuests.sessionId, f.session.id)).orderBy(sessionGuests.createdAt);
    const addressees = guests.map((g) => (g.organisation ? `${g.name}, ${g.organisation}` : g.name));
    return {
      header: headerOf(ctx),
      kindTitle: documentKindInfo('giay_moi').title!,
      subject: f.subject,
      kinhGui: addressees.length ? addressees : ['Các vị khách mời'],
      body: [
        { type: 'paragraph', text: fillWording(wording.call ?? '', f.vars) },
        ...whenWhere(f.vars),
        ...contentOf(wording, f.vars),
        { type: 'paragraph', text: fillWording(wording.closing ?? '', f.vars) },
      ],
      signature: signatureOf(wording, f.vars, p),
      recipients: recipientsOf(wording, f.vars, p),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Chương trình kỳ họp

/** The agenda as approved last (its entries), or the items as they stand when none is approved. */
export async function agendaEntries(tx: Tx, sessionId: string): Promise<{ title: string; presenter: string | null }[]> {
  const [approved] = await tx
    .select({ entries: agendaVersions.entries })
    .from(agendaVersions)
    .where(and(eq(agendaVersions.sessionId, sessionId), isNotNull(agendaVersions.approvedOn)))
    .orderBy(desc(agendaVersions.number))
    .limit(1);
  if (approved) {
    return [...(approved.entries as { title: string; presenter: string | null; order: number }[])].sort((a, b) => a.order - b.order);
  }
  const items = await itemsOfSession(tx, sessionId);
  const names = await presenterNames(tx, items);
  return items.map((i) => ({ title: i.title, presenter: names.get(i.presenterAgencyId ?? i.presenterBodyId ?? '') ?? null }));
}

export const agendaProgramme: DocumentTemplate<SessionDocParams> = {
  key: 'session_agenda',
  title: 'Chương trình kỳ họp',
  kind: 'chuong_trinh',
  module: 'sessions',
  description: 'Chương trình kỳ họp: thời gian, địa điểm, các nội dung trình kỳ họp và cơ quan trình bày (theo phiên bản chương trình đã duyệt).',
  defaultIssuerKind: 'standing',
  wording: {
    opening: {
      label: 'Khai mạc (mỗi dòng một việc)',
      default: 'Chào cờ; tuyên bố lý do, giới thiệu đại biểu\nDiễn văn khai mạc kỳ họp\nThông qua chương trình kỳ họp',
      multiline: true,
    },
    closing: {
      label: 'Bế mạc (mỗi dòng một việc)',
      default: 'Thảo luận, biểu quyết thông qua các nghị quyết\nDiễn văn bế mạc kỳ họp; chào cờ',
      multiline: true,
    },
    ...signatureSlots({
      lines: 'TM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH',
      recipients: ['Đại biểu {council}', 'Khách mời dự kỳ họp', 'Lưu: VT'].join('\n'),
    }),
  },
  params: SessionDocParams as unknown as z.ZodType<SessionDocParams>,
  async build(tx, p, wording, ctx) {
    const f = await sessionFacts(tx, ctx, p);
    const entries = await agendaEntries(tx, f.session.id);
    const lines = (slot: string) => fillWording(wording[slot] ?? '', f.vars).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const rows: string[][] = [];
    for (const l of lines('opening')) rows.push([String(rows.length + 1), l, '']);
    for (const e of entries) rows.push([String(rows.length + 1), e.title, e.presenter ?? '']);
    for (const l of lines('closing')) rows.push([String(rows.length + 1), l, '']);
    return {
      header: headerOf(ctx),
      kindTitle: documentKindInfo('chuong_trinh').title!,
      subject: f.subject,
      body: [
        { type: 'heading', level: 1, number: `${toRoman(1)}.`, text: upperVi('Thời gian, địa điểm') },
        ...whenWhere(f.vars),
        { type: 'heading', level: 1, number: `${toRoman(2)}.`, text: upperVi('Nội dung kỳ họp') },
        {
          type: 'table',
          columns: [
            { title: 'TT', width: 8, align: 'center' },
            { title: 'Nội dung', width: 62 },
            { title: 'Cơ quan trình bày', width: 30 },
          ],
          rows,
          fontSize: 12,
        },
      ],
      signature: signatureOf(wording, f.vars, p),
      recipients: recipientsOf(wording, f.vars, p),
    };
  },
};

export const SESSION_TEMPLATES = [convocationLetter, invitationLetter, agendaProgramme] as DocumentTemplate<unknown>[];
