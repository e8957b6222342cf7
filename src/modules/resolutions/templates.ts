// Documents of the resolutions module, built from the tables (read-only) through the documents
// engine (ND30): the resolution itself (its "Xét Tờ trình số … Báo cáo thẩm tra số …" line built
// from the chain, "Hiệu lực thi hành" from its date and its links, "giao" from its tasks), the
// minutes of a session (attendance, each item, each vote with its figures, the questions and
// answers) and the session's conclusion notice in the shape of the founding notice.
import { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Block } from '../../domain/documents/content.ts';
import { documentKindInfo, formatViDate, toRoman, twoDigits, upperVi } from '../../domain/documents/format.ts';
import { LINK_TYPE_LABELS, type LinkType } from '../../domain/resolutions/index.ts';
import { notFound } from '../../server/errors.ts';
import { agencies, terms } from '../directory/schema.ts';
import { councilSessions, sessionItems } from '../sessions/schema.ts';
import { sessionResponses, sessionVerifications } from '../sessions/verificationSchema.ts';
import { presenterNames } from '../sessions/common.ts';
import { conclusionNotice } from '../documents/templates/conclusionNotice.ts';
import { fillWording, getTemplate, linesOf, registerTemplate, type BuildContext, type DocumentTemplate } from '../documents/templates/registry.ts';
import { SignatureParams, headerOf, recipientsOf, signatureOf, signatureSlots, varsOf } from '../documents/templates/common.ts';
import { resolutionLinks, resolutions, resolutionTasks } from './schema.ts';
import { sessionVotesForMinutes, voteFiguresOf, type VoteFigures } from './votes.ts';
import { attendanceForMinutes, questionsSection } from './minutesSources.ts';

export const RESOLUTION_TEMPLATE_KEY = 'resolution';
export const MINUTES_TEMPLATE_KEY = 'session_minutes';
export const CONCLUSION_TEMPLATE_KEY = 'session_conclusion';

const dmy = (iso: string) => iso.split('-').reverse().join('/');

async function sessionFacts(tx: Tx, councilId: string, sessionId: string) {
  const [s] = await tx
    .select({ session: councilSessions, termName: terms.name, startYear: terms.startYear, endYear: terms.endYear })
    .from(councilSessions)
    .innerJoin(terms, eq(terms.id, councilSessions.termId))
    .where(and(eq(councilSessions.id, sessionId), eq(councilSessions.councilId, councilId)));
  if (!s) throw notFound('kỳ họp của HĐND này');
  return { ...s, term: `${s.termName.replace(/^Khóa/u, 'khóa')}, nhiệm kỳ ${s.startYear} - ${s.endYear}` };
}

/** "thông qua: 15/15 đại biểu tán thành (100%)…" from the figures. */
export function figuresProse(f: VoteFigures): string {
  const pct = (n: number) => (f.total ? `${(Math.round((n / f.total) * 10000) / 100).toLocaleString('vi-VN')}%` : '');
  return `${twoDigits(f.for)}/${twoDigits(f.total)} đại biểu tán thành (${pct(f.for)}), ${twoDigits(f.against)} không tán thành, ${twoDigits(f.abstain)} không biểu quyết`;
}

// ---------------------------------------------------------------------------------------------
// Nghị quyết

const ResolutionParams = z.object({
  resolutionId: z.string().uuid({ message: 'Mã nghị quyết không hợp lệ.' }),
  /** Normative: the symbol carries the year. Given by the certify action from the row. */
  normative: z.boolean().default(false),
  ...SignatureParams,
});
type ResolutionParams = z.infer<typeof ResolutionParams>;

export const resolutionTemplate: DocumentTemplate<ResolutionParams> = {
  key: RESOLUTION_TEMPLATE_KEY,
  title: 'Nghị quyết của HĐND',
  kind: 'nghi_quyet',
  module: 'resolutions',
  description: 'Nghị quyết đã được HĐND thông qua: căn cứ, "Xét Tờ trình… Báo cáo thẩm tra…" theo chuỗi hồ sơ, nội dung, tổ chức thực hiện, hiệu lực thi hành; số trong dãy số nghị quyết của HĐND.',
  defaultIssuerKind: 'council',
  symbolYear: (p) => p.normative,
  wording: {
    basis: {
      label: 'Căn cứ (mỗi dòng một căn cứ)',
      default: 'Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15\nCăn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15',
      multiline: true,
    },
    enacting: { label: 'Câu ban hành', default: '{councilName} ban hành Nghị quyết {title}.' },
    executing: { label: 'Câu giao tổ chức thực hiện (khi chưa giao nhiệm vụ cụ thể)', default: 'Giao Ủy ban nhân dân {level} tổ chức thực hiện Nghị quyết này.' },
    supervising: { label: 'Câu giao giám sát', default: 'Giao Thường trực {council}, các Ban {council}, các Tổ đại biểu và đại biểu {council} giám sát việc thực hiện Nghị quyết này.' },
    ...signatureSlots({
      lines: 'CHỦ TỊCH',
      recipients: ['Thường trực HĐND, UBND tỉnh', 'TT Đảng ủy {level}', 'TT {council}', 'UBND {level}', 'BTT UBMTTQVN {level}', 'Đại biểu {council}', 'Lưu: VT'].join('\n'),
    }),
  },
  params: ResolutionParams as unknown as z.ZodType<ResolutionParams>,
  async build(tx, p, wording, ctx) {
    const [r] = await tx.select().from(resolutions).where(and(eq(resolutions.id, p.resolutionId), eq(resolutions.councilId, ctx.councilId)));
    if (!r) throw notFound('nghị quyết của HĐND này');
    const vars = varsOf(ctx, { title: r.title.replace(/^Nghị quyết\s+/iu, '') });
    const body: Block[] = [];
    const basis = linesOf(fillWording(wording.basis ?? '', vars));
    // "Xét Tờ trình số …; Báo cáo thẩm tra số …; Báo cáo tiếp thu, giải trình số …" from the chain.
    const considered: string[] = [];
    let facts: Awaited<ReturnType<typeof sessionFacts>> | null = null;
    if (r.sessionId) facts = await sessionFacts(tx, ctx.councilId, r.sessionId);
    if (r.itemId) {
      const [v] = await tx.select().from(sessionVerifications).where(eq(sessionVerifications.itemId, r.itemId));
      const [item] = await tx.select().from(sessionItems).where(eq(sessionItems.id, r.itemId));
      const presenter = item ? (await presenterNames(tx, [item])).get(item.presenterAgencyId ?? item.presenterBodyId ?? '') ?? '' : '';
      if (v?.submissionNumber) considered.push(`Tờ trình số ${v.submissionNumber}${presenter ? ` của ${presenter}` : ''}`);
      if (v) {
        const [resp] = await tx.select().from(sessionResponses).where(eq(sessionResponses.verificationId, v.id));
        if (resp?.number) considered.push(`Báo cáo tiếp thu, giải trình số ${resp.number} ngày ${dmy(resp.issuedOn)}`);
        if (v.reportNumber && v.reportIssuedOn) considered.push(`Báo cáo thẩm tra số ${v.reportNumber} ngày ${dmy(v.reportIssuedOn)} của Ban`);
      }
    }
    considered.push(`ý kiến thảo luận của đại biểu ${ctx.council.shortName} tại kỳ họp`);
    if (basis.length) body.push({ type: 'basis', lines: [...basis, `Xét ${considered.join('; ')}`] });
    body.push({ type: 'paragraph', text: fillWording(wording.enacting ?? '', vars) });
    let n = 0;
    for (const chunk of r.content.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean)) {
      n++;
      const [first, ...rest] = chunk.split('\n');
      body.push({ type: 'paragraph', indent: true, text: [{ text: `Điều ${n}. `, bold: true }, { text: first!.replace(/^Điều\s+\d+\.\s*/u, ''), bold: true }] });
      for (const line of rest) body.push({ type: 'paragraph', text: line.trim() });
    }
    // Tổ chức thực hiện: the tasks assigned, else the wording.
    const tasks = await tx.select({ t: resolutionTasks, agency: agencies.name }).from(resolutionTasks).innerJoin(agencies, eq(agencies.id, resolutionTasks.agencyId)).where(eq(resolutionTasks.resolutionId, r.id)).orderBy(asc(resolutionTasks.due));
    n++;
    body.push({ type: 'paragraph', text: [{ text: `Điều ${n}. Tổ chức thực hiện`, bold: true }] });
    if (tasks.length) {
      body.push({ type: 'list', style: 'points', items: tasks.map((x) => `Giao ${x.agency} ${x.t.title.replace(/^./u, (c) => c.toLowerCase())}, hoàn thành trước ngày ${dmy(x.t.due)}.`) });
    } else body.push({ type: 'paragraph', text: fillWording(wording.executing ?? '', vars) });
    body.push({ type: 'paragraph', text: fillWording(wording.supervising ?? '', vars) });
    // Hiệu lực thi hành, with what it amends, replaces or repeals.
    n++;
    body.push({ type: 'paragraph', text: [{ text: `Điều ${n}. Hiệu lực thi hành`, bold: true }] });
    body.push({ type: 'paragraph', text: r.inForceFrom ? `Nghị quyết này có hiệu lực từ ${formatViDate(r.inForceFrom)}.` : 'Nghị quyết này có hiệu lực kể từ ngày thông qua.' });
    const links = await tx.select({ l: resolutionLinks, symbol: resolutions.symbol, title: resolutions.title, passedOn: resolutions.passedOn }).from(resolutionLinks).innerJoin(resolutions, eq(resolutions.id, resolutionLinks.toId)).where(eq(resolutionLinks.fromId, r.id));
    for (const x of links) {
      const what = x.l.type === 'repeals' && x.l.partial ? 'Bãi bỏ' : LINK_TYPE_LABELS[x.l.type as LinkType];
      const which = `Nghị quyết số ${x.symbol ?? '…'} ngày ${dmy(x.passedOn)} của ${ctx.council.name} ${x.title.replace(/^Nghị quyết\s+/iu, '')}`;
      body.push({ type: 'paragraph', text: `${what} ${x.l.provisions ? `${x.l.provisions} ` : ''}${which}${x.l.effectiveFrom ? ` kể từ ${formatViDate(x.l.effectiveFrom)}` : ''}.` });
    }
    const closing = facts
      ? `Nghị quyết này đã được ${ctx.council.name} ${facts.term}, ${facts.session.title} thông qua ${formatViDate(r.passedOn)}./.`
      : `Nghị quyết này đã được ${ctx.council.name} thông qua ${formatViDate(r.passedOn)}./.`;
    body.push({ type: 'paragraph', text: closing });
    return {
      header: headerOf(ctx),
      kindTitle: documentKindInfo('nghi_quyet').title!,
      subject: r.title.replace(/^Nghị quyết\s+/iu, '').replace(/^./u, (c) => c.toUpperCase()),
      body,
      signature: signatureOf(wording, vars, { ...p, signerName: p.signerName ?? r.certifiedByName }),
      recipients: recipientsOf(wording, vars, p),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Biên bản kỳ họp

const SessionParams = z.object({
  sessionId: z.string().uuid({ message: 'Mã kỳ họp không hợp lệ.' }),
  place: z.string().trim().min(1, { message: 'Hãy nhập địa điểm họp.' }).max(300, { message: 'Địa điểm dài quá 300 ký tự.' }),
  /** "đồng chí Nguyễn Văn An - Chủ tịch HĐND phường" */
  chairPerson: z.string().trim().min(1, { message: 'Hãy nhập người chủ tọa.' }).max(300, { message: 'Chủ tọa dài quá 300 ký tự.' }),
  secretary: z.string().trim().max(300).optional(),
  ...SignatureParams,
});
type SessionParams = z.infer<typeof SessionParams>;

interface ItemRow { id: string; title: string; presenter: string; verification: { number: string; on: string | null; conclusion: string | null } | null }

async function sessionItemsOf(tx: Tx, sessionId: string): Promise<ItemRow[]> {
  const items = await tx.select().from(sessionItems).where(eq(sessionItems.sessionId, sessionId)).orderBy(asc(sessionItems.position));
  const names = await presenterNames(tx, items);
  const vs = items.length ? await tx.select().from(sessionVerifications).where(inArray(sessionVerifications.itemId, items.map((i) => i.id))) : [];
  return items.map((i) => {
    const v = vs.find((x) => x.itemId === i.id);
    return {
      id: i.id, title: i.title, presenter: names.get(i.presenterAgencyId ?? i.presenterBodyId ?? '') ?? '',
      verification: v?.reportIssuedOn ? { number: v.reportNumber, on: v.reportIssuedOn, conclusion: v.conclusion } : null,
    };
  });
}

async function passedAt(tx: Tx, councilId: string, sessionId: string) {
  return tx.select().from(resolutions).where(and(eq(resolutions.councilId, councilId), eq(resolutions.sessionId, sessionId))).orderBy(asc(resolutions.passedOn), asc(resolutions.number));
}

export const minutesTemplate: DocumentTemplate<SessionParams> = {
  key: MINUTES_TEMPLATE_KEY,
  title: 'Biên bản kỳ họp',
  kind: 'bien_ban',
  module: 'resolutions',
  description: 'Biên bản kỳ họp lập từ dữ liệu: thành phần và điểm danh, từng nội dung, từng lần biểu quyết với số phiếu, chất vấn và trả lời, các nghị quyết được thông qua.',
  defaultIssuerKind: 'standing',
  wording: {
    closing: { label: 'Câu kết thúc', default: 'Kỳ họp kết thúc vào hồi … giờ … cùng ngày. Biên bản đã được thông qua trước kỳ họp./.' },
    ...signatureSlots({ lines: 'CHỦ TỌA KỲ HỌP', recipients: ['Thường trực {council}', 'Đại biểu {council}', 'Lưu: VT, hồ sơ kỳ họp'].join('\n') }),
  },
  params: SessionParams as unknown as z.ZodType<SessionParams>,
  async build(tx, p, wording, ctx) {
    const f = await sessionFacts(tx, ctx.councilId, p.sessionId);
    const vars = varsOf(ctx);
    const items = await sessionItemsOf(tx, f.session.id);
    const passed = await passedAt(tx, ctx.councilId, f.session.id);
    const attendance = await attendanceForMinutes(tx, f.session.id);
    const body: Block[] = [];
    const last = f.session.closingDate ?? f.session.openingDate;
    body.push({ type: 'heading', level: 1, number: `${toRoman(1)}.`, text: upperVi('Thời gian, địa điểm, thành phần') });
    body.push({ type: 'paragraph', text: [{ text: 'Thời gian: ', bold: true }, last === f.session.openingDate ? `${formatViDate(f.session.openingDate)}.` : `từ ${formatViDate(f.session.openingDate)} đến ${formatViDate(last)}.`] });
    body.push({ type: 'paragraph', text: [{ text: 'Địa điểm: ', bold: true }, `${p.place}.`] });
    body.push({ type: 'paragraph', text: [{ text: 'Chủ tọa: ', bold: true }, `${p.chairPerson}.`] });
    if (p.secretary) body.push({ type: 'paragraph', text: [{ text: 'Thư ký kỳ họp: ', bold: true }, `${p.secretary}.`] });
    body.push(...attendance);
    body.push({ type: 'heading', level: 1, number: `${toRoman(2)}.`, text: upperVi('Nội dung kỳ họp') });
    if (!items.length) body.push({ type: 'paragraph', text: 'Kỳ họp không có nội dung trình được ghi trong hệ thống.' });
    // Each vote with its figures: the chamber's votes of the session (totals and the computed
    // result, never who voted how), and the figures announced for resolutions passed without one.
    const votes = await sessionVotesForMinutes(tx, f.session.id);
    const voteLine = (v: (typeof votes)[number]): Block => ({
      type: 'paragraph', text: `Biểu quyết "${v.title}" (${v.method.toLowerCase()}): ${(v.reason ?? 'chưa có kết quả').replace(/\.$/u, '')} (${v.state.toLowerCase()}).`,
    });
    const announced = async (r: (typeof passed)[number]): Promise<Block[]> => {
      if (r.voteId && votes.some((v) => v.id === r.voteId)) return [];
      const fig = await voteFiguresOf(tx, r);
      return [{ type: 'paragraph', text: fig ? `Kết quả biểu quyết thông qua ${r.title}: ${figuresProse(fig)}${fig.method ? ` (${fig.method.toLowerCase()})` : ''}.` : `${r.title}: chưa ghi kết quả biểu quyết.` }];
    };
    for (const [i, it] of items.entries()) {
      body.push({ type: 'heading', level: 2, number: `${i + 1}.`, text: it.title });
      if (it.presenter) body.push({ type: 'paragraph', text: `${it.presenter} trình bày.` });
      if (it.verification) body.push({ type: 'paragraph', text: `Ban thẩm tra trình bày Báo cáo thẩm tra số ${it.verification.number} ngày ${dmy(it.verification.on!)}.` });
      for (const v of votes.filter((x) => x.itemId === it.id)) body.push(voteLine(v));
      for (const r of passed.filter((x) => x.itemId === it.id)) body.push(...(await announced(r)));
    }
    for (const v of votes.filter((x) => !x.itemId || !items.some((i) => i.id === x.itemId))) body.push(voteLine(v));
    const loose = passed.filter((x) => !x.itemId || !items.some((i) => i.id === x.itemId));
    for (const r of loose) body.push(...(await announced(r)));
    body.push({ type: 'heading', level: 1, number: `${toRoman(3)}.`, text: upperVi('Chất vấn và trả lời chất vấn') });
    body.push(...(await questionsSection(tx, f.session.id)));
    body.push({ type: 'heading', level: 1, number: `${toRoman(4)}.`, text: upperVi('Các nghị quyết được thông qua') });
    if (passed.length) {
      body.push({
        type: 'table',
        columns: [{ title: 'TT', width: 8, align: 'center' }, { title: 'Số, ký hiệu', width: 24 }, { title: 'Tên nghị quyết', width: 68 }],
        rows: passed.map((r, i) => [String(i + 1), r.symbol ?? 'Chưa đánh số', r.title]),
        fontSize: 12,
      });
    } else body.push({ type: 'paragraph', text: 'Chưa có nghị quyết nào được ghi là thông qua tại kỳ họp này.' });
    body.push({ type: 'paragraph', text: fillWording(wording.closing ?? '', vars) });
    return {
      header: headerOf(ctx),
      kindTitle: documentKindInfo('bien_ban').title!,
      subject: `${f.session.title}, ${ctx.council.name}\n${f.term}`,
      body,
      signature: signatureOf(wording, vars, p),
      recipients: recipientsOf(wording, vars, p),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Thông báo kết luận kỳ họp (the founding notice's shape: conclusionNotice builds it)

const ConclusionParams = SessionParams.extend({
  /** Further conclusions typed by the standing committee ("Một số kiến nghị, đề xuất"). */
  extraSections: z.array(z.object({ title: z.string().trim().min(1).max(500), paragraphs: z.array(z.string().trim().min(1).max(10_000)).max(50).default([]) })).max(10).default([]),
});
type ConclusionParams = z.infer<typeof ConclusionParams>;

export const sessionConclusionTemplate: DocumentTemplate<ConclusionParams> = {
  key: CONCLUSION_TEMPLATE_KEY,
  title: 'Thông báo kết luận kỳ họp',
  kind: 'thong_bao',
  module: 'resolutions',
  description: 'Thông báo kết luận của Thường trực HĐND về kỳ họp (mẫu Thông báo kết luận hội nghị trực báo): nội dung đã xem xét, kết luận từng nội dung, việc giao thực hiện và hạn, nơi nhận gồm các cơ quan được giao.',
  defaultIssuerKind: 'standing',
  wording: {
    ...conclusionNotice.wording,
    lead: {
      label: 'Câu dẫn trước các nội dung kết luận',
      default: 'Qua ý kiến thảo luận của các vị đại biểu tại kỳ họp; {chairPerson} thay mặt Thường trực {council} kết luận một số nội dung sau:',
    },
  },
  params: ConclusionParams as unknown as z.ZodType<ConclusionParams>,
  async build(tx, p, wording, ctx: BuildContext) {
    const f = await sessionFacts(tx, ctx.councilId, p.sessionId);
    const items = await sessionItemsOf(tx, f.session.id);
    const passed = await passedAt(tx, ctx.councilId, f.session.id);
    const tasks = passed.length
      ? await tx.select({ t: resolutionTasks, agency: agencies.name }).from(resolutionTasks).innerJoin(agencies, eq(agencies.id, resolutionTasks.agencyId)).where(inArray(resolutionTasks.resolutionId, passed.map((r) => r.id))).orderBy(asc(resolutionTasks.due))
      : [];
    const last = f.session.closingDate ?? f.session.openingDate;
    const when = last === f.session.openingDate ? `${formatViDate(f.session.openingDate).replace(/^ngày/u, 'Ngày')}` : `Từ ${formatViDate(f.session.openingDate)} đến ${formatViDate(last)}`;
    const considered = items.length ? `Kỳ họp đã xem xét ${twoDigits(items.length)} nội dung trình và thông qua ${twoDigits(passed.length)} nghị quyết.` : `Kỳ họp đã xem xét, thông qua ${twoDigits(passed.length)} nghị quyết.`;
    const intro = `${when}, tại ${p.place}, ${ctx.council.name} ${f.term} tổ chức ${f.session.title}. ${p.chairPerson.replace(/^./u, (c) => c.toUpperCase())} chủ tọa kỳ họp. ${considered}`;
    const loose = passed.filter((r) => !r.itemId || !items.some((i) => i.id === r.itemId));
    const sections: { title: string; paragraphs: string[]; items: { title: string; text: string }[]; bullets: string[] }[] = [];
    sections.push({
      title: 'Các nội dung đã xem xét',
      paragraphs: items.length || loose.length ? [] : ['Kỳ họp không có nội dung trình được ghi trong hệ thống.'],
      items: [...items.map((it) => {
        const r = passed.find((x) => x.itemId === it.id);
        const concl = r ? `Kỳ họp thống nhất thông qua${r.symbol ? ` Nghị quyết số ${r.symbol}` : ' nghị quyết'}.` : 'Kỳ họp đã xem xét, cho ý kiến; chưa ban hành nghị quyết.';
        return { title: it.title, text: `${it.presenter ? `${it.presenter} trình. ` : ''}${it.verification ? `Ban thẩm tra có Báo cáo thẩm tra số ${it.verification.number}. ` : ''}${concl}` };
      }), ...loose.map((r) => ({ title: r.title, text: `Kỳ họp thống nhất thông qua${r.symbol ? ` Nghị quyết số ${r.symbol}` : ' nghị quyết'}.` }))],
      bullets: [],
    });
    sections.push({
      title: 'Giao tổ chức thực hiện',
      paragraphs: tasks.length ? [] : ['Giao Ủy ban nhân dân tổ chức thực hiện các nghị quyết đã được thông qua; Thường trực, các Ban và đại biểu HĐND giám sát việc thực hiện.'],
      items: tasks.map((x) => ({ title: x.agency, text: `${x.t.title}; thời hạn hoàn thành: ${dmy(x.t.due)}${x.t.reportEveryMonths ? `; báo cáo tiến độ ${twoDigits(x.t.reportEveryMonths)} tháng một lần` : ''}.` })),
      bullets: [],
    });
    p.extraSections.forEach((s) => sections.push({ title: s.title.replace(/^\d+\.\s*/u, ''), paragraphs: s.paragraphs, items: [], bullets: [] }));
    // Recipients: the council's list, plus every agency given a task.
    const agencyNames = [...new Set(tasks.map((x) => x.agency))];
    const base = recipientsOf(wording, varsOf(ctx), p);
    const lastLine = base.findIndex((l) => /^Lưu/u.test(l));
    const recipients = p.recipients?.length ? p.recipients : lastLine >= 0 ? [...base.slice(0, lastLine), ...agencyNames.filter((a) => !base.includes(a)), ...base.slice(lastLine)] : [...base, ...agencyNames];
    return conclusionNotice.build(tx, {
      subject: `Kết luận của Thường trực ${ctx.council.shortName} về ${f.session.title}, ${ctx.council.name} ${f.term}`,
      chairPerson: p.chairPerson,
      intro: [intro],
      sections,
      signerId: p.signerId, signerName: p.signerName, signerTitle: p.signerTitle,
      recipients,
    } as never, wording, ctx);
  },
};

let registered = false;
export function registerResolutionTemplates(): void {
  if (registered) return;
  registered = true;
  for (const t of [resolutionTemplate, minutesTemplate, sessionConclusionTemplate] as DocumentTemplate<unknown>[]) if (!getTemplate(t.key)) registerTemplate(t);
}


