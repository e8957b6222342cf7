// Actions of the letters module. Each is one function: validate (zod in the route, the domain
// here), one transaction, one audit event — and the audit event never carries a signer's
// identity or a letter's content (the audit viewer is not an audience of either, domain VISIBILITY).
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { conflict, forbidden, invalid, notFound } from '../../server/errors.ts';
import {
  agencyResultDue, classifyLetter, findRepeats, letterTransition, ruleSetByKey, ruleSetOfLetter, LETTER_KIND_LABELS, LETTER_STATE_LABELS,
  type LetterAction, type LetterKind, type LetterState,
} from '../../domain/letters/index.ts';
import { recordEvent } from '../audit/service.ts';
import { roleGrants } from '../accounts/schema.ts';
import { agencies, delegates } from '../directory/schema.ts';
import { documentDownloadPath, issueDocumentTx } from '../documents/service.ts';
import { notify } from '../notifications/service.ts';
import { syncObligation, updateObligation } from '../followup/service.ts';
import { contactMeetings, opinions } from '../petitions/schema.ts';
import { opinionHistory } from '../petitions/queries/opinionHistory.ts';
import {
  domain, knownYears, letterOf, letterRuleSets, loadCalendar, nextLetterNumber, referenceOf, searchKeyOf, today, type ActionCtx, type DbOrTx, type LetterRow,
} from './common.ts';
import { letterForwardings, letterSigners, letters } from './schema.ts';
import { LETTER_FORWARD_TEMPLATE } from './forwardLetter.ts';
import { LETTER_REPORT_TEMPLATE } from './reportTemplate.ts';
import { LETTER_NOTICE_TEMPLATE, NOTICE_KIND_LABELS, type NoticeKind } from './noticeTemplate.ts';
import { checkFieldCode, letterTaxonomy, suggestionOf } from './fields.ts';

export type SignerInput = { name: string; address?: string; idNumber?: string | null; phone?: string | null; email?: string | null };

export interface ReceiveInput {
  receivedOn: string;
  channel: 'reception' | 'post' | 'email' | 'online' | 'contact_meeting' | 'forwarded_by_body' | 'delegate';
  /** The official's reading of the letter; none: the text's cues decide (domain classifyLetter). */
  kinds?: LetterKind[];
  summary: string;
  content?: string;
  respondent?: string;
  competence?: 'ours' | 'elected_body' | 'not_ours';
  anonymous?: boolean;
  signers: SignerInput[];
  citizenWantsNotice?: boolean;
  /** The named handlers (users of this council); default: the person recording it. */
  handlerIds?: string[];
  /** The delegate who received it (their own list). */
  delegateId?: string | null;
  /** The field (lĩnh vực) the clerk chose; none: the text engine's suggestion is kept, to confirm. */
  fieldCode?: string | null;
}

const ID_RE = /^\d{12}$/;

function checkSigners(input: ReceiveInput) {
  if (!input.anonymous && input.signers.length === 0) throw invalid('Đơn có người ký cần ít nhất một người gửi đơn (họ tên); nếu không rõ người gửi, hãy chọn "Đơn không rõ họ tên".');
  if (input.anonymous && input.signers.length > 0) throw invalid('Đơn không rõ họ tên thì không ghi người gửi đơn.');
  input.signers.forEach((s, i) => {
    if (s.idNumber && !ID_RE.test(s.idNumber.replace(/\s+/g, ''))) throw invalid(`Người gửi đơn thứ ${i + 1}: số căn cước phải gồm đúng 12 chữ số.`);
  });
}

async function checkHandlers(tx: DbOrTx, councilId: string, ids: string[]) {
  if (!ids.length) throw invalid('Cần giao đích danh ít nhất một người xử lý đơn.');
  const found = await tx
    .selectDistinct({ id: roleGrants.userId })
    .from(roleGrants)
    .where(and(inArray(roleGrants.userId, ids), eq(roleGrants.councilId, councilId), inArray(roleGrants.role, ['secretariat', 'standing_member'])));
  if (found.length !== new Set(ids).size) throw invalid('Người được giao xử lý đơn phải là cán bộ Văn phòng hoặc Thường trực của Hội đồng nhân dân này.');
}

/** The earlier letters of the council as the duplicate finder sees them (two years back). */
async function earlierLetters(tx: DbOrTx, councilId: string, since: string) {
  const rows = await tx.select().from(letters).where(and(eq(letters.councilId, councilId), sql`${letters.receivedOn} >= ${since}`, isNull(letters.splitFromId)));
  if (!rows.length) return [];
  const signers = await tx.select().from(letterSigners).where(inArray(letterSigners.letterId, rows.map((r) => r.id)));
  return rows.map((r) => ({
    id: r.id, receivedOn: r.receivedOn, text: `${r.summary} ${r.content}`,
    signers: signers.filter((s) => s.letterId === r.id).map((s) => ({ name: s.name, address: s.address, idNumber: s.idNumber })),
    respondentKey: r.respondent ? r.respondent.toLowerCase() : null, viaBodyId: null, repeatOf: r.duplicateOfId,
    reference: r.reference,
  }));
}

const minusYears = (iso: string, n: number) => `${Number(iso.slice(0, 4)) - n}${iso.slice(4)}`;

/** Receives a letter: classified (a mixed letter split into one letter per kind), numbered, its duplicates found and linked. */
export function receiveLetter(ctx: ActionCtx, councilId: string, input: ReceiveInput, from: { sourceOpinionId: string; origin: unknown } | null = null) {
  return ctx.db.transaction((tx) => receiveLetterTx(tx, ctx, councilId, input, from, true));
}

/** Inside the caller's transaction; `audit` false when the caller's own event names the letters (a reception). */
export async function receiveLetterTx(tx: DbOrTx, ctx: ActionCtx, councilId: string, input: ReceiveInput, from: { sourceOpinionId: string; origin: unknown } | null, audit: boolean) {
  checkSigners(input);
  const classification = domain(() => classifyLetter({ text: `${input.summary}\n${input.content ?? ''}`, declared: input.kinds, anonymous: input.anonymous }));
  const set = domain(() => ruleSetOfLetter(letterRuleSets(), input.receivedOn));
  // A delegate who receives a letter handles it themself (through the Thường trực when forwarding).
  const byDelegate = from === null && input.channel === 'delegate' && input.delegateId;
  const handlerIds = [...new Set(!byDelegate && input.handlerIds?.length ? input.handlerIds : ctx.actor.id ? [ctx.actor.id] : [])];
  if (!byDelegate) await checkHandlers(tx, councilId, handlerIds);
  if (input.delegateId) {
    const [d] = await tx.select({ councilId: delegates.councilId }).from(delegates).where(eq(delegates.id, input.delegateId));
    if (!d || d.councilId !== councilId) throw notFound('đại biểu của Hội đồng nhân dân này');
  }
  const taxonomy = await letterTaxonomy(tx, councilId);
  if (input.fieldCode) checkFieldCode(input.fieldCode, taxonomy);
  const suggestion = suggestionOf(`${input.summary}\n${input.content ?? ''}`, taxonomy);
  const earlier = await earlierLetters(tx, councilId, minusYears(input.receivedOn, 2));
  const verdict = findRepeats(
    { id: 'new', receivedOn: input.receivedOn, text: `${input.summary} ${input.content ?? ''}`, signers: input.signers.map((s) => ({ name: s.name, address: s.address ?? '', idNumber: s.idNumber ?? null })), respondentKey: input.respondent ? input.respondent.toLowerCase() : null, viaBodyId: null, repeatOf: null },
    earlier,
  );
  const year = Number(input.receivedOn.slice(0, 4));
  const created: LetterRow[] = [];
  for (const kind of classification.parts) {
    const number = await nextLetterNumber(tx, councilId, year);
    const reference = referenceOf(kind, year, number);
    const denunciation = kind === 'denunciation';
    const repeat = verdict.repeatOf && created.length === 0 ? verdict.repeatOf : null;
    const base = {
      councilId, year, number, reference, receivedOn: input.receivedOn, channel: input.channel, kind,
      handleAsDenunciation: denunciation, ruleSetKey: set.key,
      // A letter that repeats one already received is linked and filed, not opened again.
      state: (repeat ? 'filed' : 'classified') as LetterState,
      outcomeNote: repeat ? `Đơn trùng với đơn ${earlier.find((e) => e.id === repeat)?.reference ?? ''} (cùng người gửi, cùng nội dung): không mở hồ sơ mới.` : '',
      summary: input.summary, content: input.content ?? '', respondent: input.respondent ?? '', competence: input.competence ?? 'not_ours',
      anonymous: input.anonymous ?? false, citizenWantsNotice: input.citizenWantsNotice ?? true,
      splitFromId: created[0]?.id ?? null, duplicateOfId: repeat, delegateId: input.delegateId ?? null,
      handlerIds, createdById: ctx.actor.id,
      fieldCode: input.fieldCode ?? null, fieldSuggested: suggestion?.code ?? null, fieldConfirmed: Boolean(input.fieldCode),
      // The contact-meeting opinion it came from: on the first part (a unique link).
      sourceOpinionId: created.length === 0 ? (from?.sourceOpinionId ?? null) : null, origin: from?.origin ?? null,
    };
    const [row] = await tx.insert(letters).values({ ...base, searchKey: searchKeyOf(base) }).returning();
    if (input.signers.length) {
      await tx.insert(letterSigners).values(input.signers.map((s, i) => ({
        letterId: row!.id, position: i + 1, name: s.name.trim(), address: s.address?.trim() ?? '', idNumber: s.idNumber?.replace(/\s+/g, '') || null, phone: s.phone?.trim() || null, email: s.email?.trim() || null,
      })));
    }
    created.push(row!);
  }
  if (audit) {
    await recordEvent(tx, ctx.actor, {
      action: 'letter.receive', entityType: 'letter', entityId: created[0]!.id, councilId,
      after: { receivedOn: input.receivedOn, channel: input.channel, ruleSetKey: set.key, letters: created.map((l) => ({ id: l.id, reference: l.reference, kind: l.kind, state: l.state })) },
    });
  }
  return {
    letters: created.map((l) => ({ id: l.id, reference: l.reference, kind: l.kind, kindLabel: LETTER_KIND_LABELS[l.kind as LetterKind], state: l.state, stateLabel: LETTER_STATE_LABELS[l.state as LetterState], duplicateOfId: l.duplicateOfId })),
    ruleSetKey: set.key,
    fieldSuggestion: suggestion,
    classification: { classification: classification.classification, reasons: classification.reasons },
    // Matches name references only, never the other letters' signers.
    matches: verdict.matches.map((m) => ({ id: m.id, reference: earlier.find((e) => e.id === m.id)?.reference ?? '', kind: m.kind, score: Math.round(m.score * 100) / 100, reasons: m.reasons })),
  };
}

/** A complaint raised at a contact meeting (classified there as a complaint) arrives here with its history. */
export async function receiveFromContactMeeting(ctx: ActionCtx, councilId: string, opinionId: string, input: { kinds?: LetterKind[]; handlerIds?: string[] }) {
  const [o] = await ctx.db.select().from(opinions).where(and(eq(opinions.id, opinionId), eq(opinions.councilId, councilId)));
  if (!o) throw notFound('ý kiến cử tri');
  if (o.kind !== 'complaint') throw conflict('Chỉ tiếp nhận sang đơn thư các ý kiến đã được phân loại là khiếu nại, tố cáo (rời khỏi luồng kiến nghị).');
  const [taken] = await ctx.db.select({ reference: letters.reference }).from(letters).where(eq(letters.sourceOpinionId, opinionId));
  if (taken) throw conflict(`Ý kiến này đã được tiếp nhận thành đơn ${taken.reference}.`);
  const [m] = o.meetingId ? await ctx.db.select().from(contactMeetings).where(eq(contactMeetings.id, o.meetingId)) : [];
  const history = await opinionHistory(ctx.db, councilId, opinionId);
  const origin = { opinionId, meeting: m ? { id: m.id, heldOn: m.heldOn, place: m.place } : null, channel: o.channel, voterCount: o.voterCount, versions: history.versions };
  const received = await receiveLetter(ctx, councilId, {
    receivedOn: o.receivedOn ?? m?.heldOn ?? today(ctx.now), channel: 'contact_meeting', kinds: input.kinds,
    summary: o.text.length > 500 ? `${o.text.slice(0, 499)}…` : o.text, content: o.text, anonymous: !o.voterName.trim(),
    signers: o.voterName.trim() ? [{ name: o.voterName.trim(), address: o.voterHamlet }] : [], handlerIds: input.handlerIds,
  }, { sourceOpinionId: opinionId, origin });
  return received;
}

const shortText = (t: string, n = 120) => (t.length > n ? `${t.slice(0, n - 1).trimEnd()}…` : t);

/** The line the agency's inbox shows: a denunciation by its reference only (the inbox is also the council's view). */
function obligationTitle(l: LetterRow) {
  const kind = `Đơn ${LETTER_KIND_LABELS[l.kind as LetterKind].toLowerCase()} ${l.reference}`;
  return l.handleAsDenunciation ? kind : `${kind}: ${shortText(l.summary)}`;
}

async function syncLetterObligation(tx: DbOrTx, l: LetterRow) {
  if (!l.agencyId || !l.forwardedOn || !l.due || !l.originalDue) return;
  await syncObligation(tx, {
    kind: 'letter', sourceId: l.id, councilId: l.councilId, agencyId: l.agencyId, title: obligationTitle(l),
    detail: `Chuyển ngày ${l.forwardedOn.split('-').reverse().join('/')}`, link: `/agencies/${l.agencyId}/letters/${l.id}`,
    originalDue: l.originalDue, due: l.due,
    answeredOn: l.resultReceivedOn, closedOn: l.state === 'closed' ? l.closedOn : null,
    stateLabel: LETTER_STATE_LABELS[l.state as LetterState],
  });
}

async function move(tx: DbOrTx, l: LetterRow, action: LetterAction, set: Partial<typeof letters.$inferInsert>) {
  const state = domain(() => letterTransition(l.state as LetterState, action, l.kind as LetterKind));
  const [after] = await tx
    .update(letters)
    .set({ ...set, state, version: l.version + 1, updatedAt: new Date() })
    .where(and(eq(letters.id, l.id), eq(letters.version, l.version)))
    .returning();
  if (!after) throw conflict('Đơn này vừa được người khác cập nhật. Vui lòng tải lại rồi thực hiện lại.');
  return after;
}

const eventOf = (l: LetterRow, action: string, extra: Record<string, unknown> = {}) => ({
  action, entityType: 'letter', entityId: l.id, councilId: l.councilId, agencyId: l.agencyId,
  after: { reference: l.reference, kind: l.kind, state: l.state, ...extra },
});

export interface ForwardInput {
  agencyId: string;
  complex?: boolean;
  issuerId?: string;
  signerId?: string;
  signerName?: string;
  signerTitle?: string;
}

/** Forwards the letter to the competent agency with an official letter from the register; the agency now owes the result. */
export async function forwardLetter(ctx: ActionCtx, councilId: string, letterId: string, input: ForwardInput) {
  return ctx.db.transaction(async (tx) => {
    const l = await letterOf(tx, councilId, letterId, { lock: true });
    const [agency] = await tx.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, input.agencyId));
    if (!agency) throw notFound('cơ quan nhận đơn');
    const day = today(ctx.now);
    const calendar = await loadCalendar(tx);
    const set = domain(() => ruleSetByKey(letterRuleSets(), l.ruleSetKey));
    const { due } = domain(() => agencyResultDue({ kind: l.kind as LetterKind, forwardedOn: day, complex: input.complex }, set, calendar, knownYears(calendar)));
    const { agencyId, complex: _c, issuerId, ...signature } = input;
    const doc = await issueDocumentTx(tx, ctx.actor, councilId, ctx.now, { templateKey: LETTER_FORWARD_TEMPLATE, issuerId, params: { letterId, agencyId, due, ...signature } });
    await tx.insert(letterForwardings).values({ letterId, toAgencyId: agencyId, forwardedOn: day, letterNumber: doc.symbol, documentId: doc.id, resultDue: due });
    const after = await move(tx, l, 'forward', { agencyId, forwardedOn: day, due, originalDue: l.originalDue ?? due, resultReceivedOn: null });
    await syncLetterObligation(tx, after);
    await recordEvent(tx, ctx.actor, eventOf(after, 'letter.forward', { toAgency: agency.name, letterNumber: doc.symbol, due }));
    await notify(tx, { agencyId }, {
      kind: 'letter.forwarded', title: `Thường trực HĐND chuyển đơn ${after.reference} đến ${agency.name}`,
      body: `Công văn số ${doc.symbol}. Đề nghị thông báo kết quả giải quyết trước ngày ${due.split('-').reverse().join('/')}.`, link: `/agencies/${agencyId}/letters/${letterId}`,
    });
    return { letter: { id: after.id, reference: after.reference, state: after.state, due }, document: { id: doc.id, symbol: doc.symbol, fileName: doc.fileName } };
  });
}

/** Guided (the citizen told where to go) or filed (not processable, with the reason). */
export async function closeWithoutForwarding(ctx: ActionCtx, councilId: string, letterId: string, action: 'guide' | 'file', input: { note: string }) {
  return ctx.db.transaction(async (tx) => {
    const l = await letterOf(tx, councilId, letterId, { lock: true });
    const after = await move(tx, l, action, { outcomeNote: input.note });
    await recordEvent(tx, ctx.actor, eventOf(after, action === 'guide' ? 'letter.guide' : 'letter.file'));
    return { id: after.id, state: after.state };
  });
}

/** The competent body's result arrived (typed by the secretariat, or filed by the agency from its login). */
export async function recordResult(ctx: ActionCtx, scope: { councilId: string } | { agencyId: string }, letterId: string, input: { receivedOn?: string; summary: string }) {
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx.select().from(letters).where(eq(letters.id, letterId)).for('update');
    if (!found || ('councilId' in scope ? found.councilId !== scope.councilId : found.agencyId !== scope.agencyId)) throw notFound('đơn');
    const on = input.receivedOn ?? today(ctx.now);
    if (found.forwardedOn && on < found.forwardedOn) throw invalid('Ngày nhận kết quả không thể trước ngày chuyển đơn.');
    const after = await move(tx, found, 'receiveResult', { resultReceivedOn: on, resultSummary: input.summary });
    await updateObligation(tx, 'letter', after.id, { answeredOn: on, stateLabel: LETTER_STATE_LABELS[after.state as LetterState] });
    await recordEvent(tx, ctx.actor, eventOf(after, 'letter.result', { resultReceivedOn: on }));
    if ('agencyId' in scope) {
      await notify(tx, { councilId: found.councilId }, { kind: 'letter.result', title: `Cơ quan đã báo cáo kết quả giải quyết đơn ${after.reference}`, link: `/councils/${found.councilId}/letters/${after.id}` });
    }
    return { id: after.id, state: after.state };
  });
}

/** The citizen was told the result (C3), or the letter is closed. */
export async function finishLetter(ctx: ActionCtx, councilId: string, letterId: string, action: 'informCitizen' | 'close', input: { on?: string; note?: string }) {
  return ctx.db.transaction(async (tx) => {
    const l = await letterOf(tx, councilId, letterId, { lock: true });
    const on = input.on ?? today(ctx.now);
    const after = await move(tx, l, action, action === 'informCitizen' ? { citizenInformedOn: on } : { closedOn: on, ...(input.note ? { outcomeNote: input.note } : {}) });
    if (after.agencyId) {
      await updateObligation(tx, 'letter', after.id, { stateLabel: LETTER_STATE_LABELS[after.state as LetterState], ...(action === 'close' ? { closedOn: on } : {}) });
    }
    await recordEvent(tx, ctx.actor, eventOf(after, action === 'close' ? 'letter.close' : 'letter.inform_citizen', { on }));
    return { id: after.id, state: after.state };
  });
}

/**
 * A named handler opens a denunciation's identity (the signers): a deliberate, audited step (a
 * POST), never part of reading the letter. The event records who looked, not what they saw.
 */
export async function revealIdentity(ctx: ActionCtx, councilId: string, letterId: string) {
  return ctx.db.transaction(async (tx) => {
    const l = await letterOf(tx, councilId, letterId);
    if (!ctx.actor.id || !l.handlerIds.includes(ctx.actor.id)) {
      throw forbidden('Chỉ người được giao đích danh xử lý đơn mới xem được thông tin người gửi đơn.');
    }
    const signers = await tx.select().from(letterSigners).where(eq(letterSigners.letterId, l.id)).orderBy(letterSigners.position);
    await recordEvent(tx, ctx.actor, eventOf(l, 'letter.identity_view'));
    return { items: signers.map((s) => ({ name: s.name, address: s.address, idNumber: s.idNumber, phone: s.phone, email: s.email })) };
  });
}


/** The period's report (ND30), numbered in the register; the documents engine records its own event. */
export async function issueLetterReport(ctx: ActionCtx, councilId: string, input: { from: string; to: string; signerId?: string; signerName?: string; signerTitle?: string }) {
  if (input.from > input.to) throw invalid('Từ ngày phải trước hoặc bằng đến ngày.');
  return ctx.db.transaction(async (tx) => {
    const doc = await issueDocumentTx(tx, ctx.actor, councilId, ctx.now, { templateKey: LETTER_REPORT_TEMPLATE, params: input });
    return { id: doc.id, symbol: doc.symbol, fileName: doc.fileName, downloadPath: documentDownloadPath(councilId, doc.id) };
  });
}

/** A notice to the citizen (thụ lý / hướng dẫn / chuyển đơn), numbered in the register; the documents engine records the one event. */
export async function issueLetterNotice(ctx: ActionCtx, councilId: string, letterId: string, input: { noticeKind: NoticeKind; guidance?: string; issuerId?: string; signerId?: string; signerName?: string; signerTitle?: string }) {
  return ctx.db.transaction(async (tx) => {
    await letterOf(tx, councilId, letterId);
    const { issuerId, ...params } = input;
    const doc = await issueDocumentTx(tx, ctx.actor, councilId, ctx.now, { templateKey: LETTER_NOTICE_TEMPLATE, issuerId, params: { letterId, ...params } });
    return { id: doc.id, symbol: doc.symbol, fileName: doc.fileName, noticeKind: input.noticeKind, noticeLabel: NOTICE_KIND_LABELS[input.noticeKind], downloadPath: documentDownloadPath(councilId, doc.id) };
  });
}
