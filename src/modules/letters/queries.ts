// Reading letters, always through the domain's redaction for the viewer's audience: the list and
// the page of the council (handlers, staff), the agency's view of a letter forwarded to it, the
// delegate's own list, the figures for the session report and the public counts.
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { pageWithTotal } from '../../db/paging.ts';
import type { AuthUser } from '../../server/permissions.ts';
import { notFound } from '../../server/errors.ts';
import { nameSearch } from '../../db/textSearch.ts';
import {
  allowedLetterActions, letterFieldName, letterStepDue, redactLetter, ruleSetByKey, stepsAtReceipt, LetterRuleError, LETTER_STEP_LABELS, LETTER_ACTION_LABELS, LETTER_CHANNEL_LABELS, LETTER_KIND_LABELS, LETTER_STATE_LABELS,
  type Audience, type LetterChannel, type LetterKind, type LetterState,
} from '../../domain/letters/index.ts';
import { daysOverdue } from '../../domain/calendar/index.ts';
import { agencies } from '../directory/schema.ts';
import { documents } from '../documents/schema.ts';
import { opinions } from '../petitions/schema.ts';
import { domain, knownYears, letterRuleSets, viewerAudience, type DbOrTx, type LetterRow } from './common.ts';
import { letterForwardings, letterSigners, letters } from './schema.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { letterTaxonomy, type TaxonomyField } from './fields.ts';
import { LETTER_NOTICE_TEMPLATE, NOTICE_KIND_LABELS, type NoticeKind } from './noticeTemplate.ts';
import { attachmentsOf, protectList, type AttachmentView } from './attachments.ts';

export interface LetterFilter {
  kind?: LetterKind;
  state?: LetterState;
  /** owed: forwarded, the agency has not answered; overdue: the same past its due date. */
  followup?: 'owed' | 'overdue' | 'result_received';
  q?: string;
  delegateId?: string;
  page: number;
  pageSize: number;
}

function whereOf(councilId: string | null, f: LetterFilter, day: string): SQL | undefined {
  return and(
    councilId ? eq(letters.councilId, councilId) : undefined,
    f.kind ? eq(letters.kind, f.kind) : undefined,
    f.state ? eq(letters.state, f.state) : undefined,
    f.followup === 'owed' ? eq(letters.state, 'forwarded') : undefined,
    f.followup === 'overdue' ? and(eq(letters.state, 'forwarded'), sql`${letters.due} < ${day}`) : undefined,
    f.followup === 'result_received' ? eq(letters.state, 'result_received') : undefined,
    f.delegateId ? eq(letters.delegateId, f.delegateId) : undefined,
    nameSearch(letters.searchKey, f.q),
  );
}

async function signersOf(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, (typeof letterSigners.$inferSelect)[]>();
  const rows = await db.select().from(letterSigners).where(inArray(letterSigners.letterId, ids)).orderBy(asc(letterSigners.position));
  const m = new Map<string, (typeof letterSigners.$inferSelect)[]>();
  for (const s of rows) m.set(s.letterId, [...(m.get(s.letterId) ?? []), s]);
  return m;
}

/** One letter as `audience` may see it, with the labels and follow-up state. A denunciation's signers never come here (revealIdentity). */
function view(l: LetterRow & { agencyName?: string | null }, signers: (typeof letterSigners.$inferSelect)[], audience: Exclude<Audience, 'public'>, day: string, fields: TaxonomyField[], attachments: AttachmentView[] = []) {
  const r = redactLetter(
    {
      id: l.id, reference: l.reference, kind: l.kind as LetterKind, handleAsDenunciation: l.handleAsDenunciation, state: l.state, receivedOn: l.receivedOn,
      fieldId: l.fieldCode, agencyId: l.agencyId,
      signers: signers.map((s) => ({ name: s.name, address: s.address, idNumber: s.idNumber, phone: s.phone, email: s.email })),
      summary: l.summary, content: l.content, attachments, handlerIds: l.handlerIds,
    },
    audience,
  );
  const overdue = l.state === 'forwarded' && l.due !== null && l.due < day;
  return {
    ...r,
    // Even a named handler reads a denunciation's identity only through the audited step.
    signers: l.handleAsDenunciation ? null : r.signers,
    // A denunciation's attachments: its named handlers only, under neutral names (opened through an audited step).
    attachments: l.handleAsDenunciation
      ? (audience === 'handler' ? protectList(attachments) : [])
      : attachments.filter((a) => r.attachments.some((x) => x.id === a.id)),
    identityProtected: l.handleAsDenunciation,
    number: l.number,
    year: l.year,
    kindLabel: LETTER_KIND_LABELS[l.kind as LetterKind],
    stateLabel: LETTER_STATE_LABELS[l.state as LetterState],
    channel: l.channel,
    channelLabel: LETTER_CHANNEL_LABELS[l.channel as LetterChannel] ?? l.channel,
    respondent: r.content === null ? null : l.respondent,
    anonymous: l.anonymous,
    ruleSetKey: l.ruleSetKey,
    splitFromId: l.splitFromId,
    duplicateOfId: l.duplicateOfId,
    delegateId: l.delegateId,
    agencyName: l.agencyName ?? null,
    forwardedOn: l.forwardedOn,
    due: l.due,
    overdue,
    daysOverdue: overdue ? daysOverdue(l.due!, day) : 0,
    resultReceivedOn: l.resultReceivedOn,
    resultSummary: r.content === null ? null : l.resultSummary,
    citizenInformedOn: l.citizenInformedOn,
    closedOn: l.closedOn,
    outcomeNote: r.content === null ? null : l.outcomeNote,
    fromContactMeeting: l.sourceOpinionId !== null,
    fieldCode: l.fieldCode,
    fieldName: letterFieldName(l.fieldCode, fields),
    fieldConfirmed: l.fieldConfirmed,
    fieldSuggested: l.fieldConfirmed || !l.fieldSuggested ? null : { code: l.fieldSuggested, name: letterFieldName(l.fieldSuggested, fields) },
    version: l.version,
    audience,
  };
}

const listColumns = { l: letters, agencyName: agencies.name, total: sql<number>`count(*) over ()`.mapWith(Number) };

/** The council's list (one statement for the page and its total), each row redacted for the viewer. */
export async function listLetters(db: DbOrTx, user: AuthUser, councilId: string, f: LetterFilter, day: string) {
  const rows = await db
    .select(listColumns)
    .from(letters)
    .leftJoin(agencies, eq(agencies.id, letters.agencyId))
    .where(whereOf(councilId, f, day))
    .orderBy(desc(letters.receivedOn), desc(letters.number))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const signers = await signersOf(db, rows.filter((r) => !r.l.handleAsDenunciation).map((r) => r.l.id));
  const { fields } = await letterTaxonomy(db, councilId);
  const files = await attachmentsOf(db, { letterIds: rows.map((r) => r.l.id) });
  return {
    items: rows.map((r) => view({ ...r.l, agencyName: r.agencyName }, signers.get(r.l.id) ?? [], viewerAudience(user, r.l), day, fields, files.get(r.l.id) ?? [])),
    total: rows[0]?.total ?? (f.page > 1 ? await totalOf(db, whereOf(councilId, f, day)) : 0),
    page: f.page,
    pageSize: f.pageSize,
  };
}

async function totalOf(db: DbOrTx, where: SQL | undefined) {
  const [r] = await db.select({ n: count() }).from(letters).where(where);
  return r?.n ?? 0;
}

async function detailParts(db: DbOrTx, l: LetterRow) {
  const [agency] = l.agencyId ? await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, l.agencyId)) : [];
  const forwardings = await db
    .select({ f: letterForwardings, agencyName: agencies.name, documentSymbol: documents.symbol })
    .from(letterForwardings)
    .innerJoin(agencies, eq(agencies.id, letterForwardings.toAgencyId))
    .leftJoin(documents, eq(documents.id, letterForwardings.documentId))
    .where(eq(letterForwardings.letterId, l.id))
    .orderBy(asc(letterForwardings.createdAt));
  const related = await db
    .select({ id: letters.id, reference: letters.reference, kind: letters.kind })
    .from(letters)
    .where(sql`${letters.splitFromId} = ${l.id} or ${letters.id} = ${l.splitFromId} or ${letters.id} = ${l.duplicateOfId} or ${letters.duplicateOfId} = ${l.id}`);
  return { agencyName: agency?.name ?? null, forwardings, related };
}

/** A letter's page for the council: the redacted letter, its deadlines from its own rule set, the transmission log, the actions allowed. */
export async function letterDetail(db: DbOrTx, user: AuthUser, councilId: string, letterId: string, day: string, calendar: WorkingCalendar) {
  const [l] = await db.select().from(letters).where(and(eq(letters.id, letterId), eq(letters.councilId, councilId)));
  if (!l) throw notFound('đơn');
  const parts = await detailParts(db, l);
  const signers = l.handleAsDenunciation ? [] : ((await signersOf(db, [l.id])).get(l.id) ?? []);
  const audience = viewerAudience(user, l);
  // Each deadline on its own: a year the holiday table does not cover yet names itself on its
  // line instead of hiding the whole letter.
  const set = domain(() => ruleSetByKey(letterRuleSets(), l.ruleSetKey));
  type Deadline = { step: string; label: string; due: string | null; error: string | null; source: string; verified: boolean; unit: string; value: number };
  const deadlines = stepsAtReceipt(l.kind as LetterKind, l.competence === 'ours').flatMap((step): Deadline[] => {
    const rule = set.rules[step];
    if (!rule) return [];
    try {
      const due = letterStepDue(step, l.receivedOn, set, calendar, knownYears(calendar));
      return due ? [{ step, label: LETTER_STEP_LABELS[step], due: due.due, error: null, source: rule.source, verified: rule.verified, unit: rule.unit, value: rule.value }] : [];
    } catch (err) {
      if (!(err instanceof LetterRuleError)) throw err;
      return [{ step, label: LETTER_STEP_LABELS[step], due: null, error: err.message, source: rule.source, verified: rule.verified, unit: rule.unit, value: rule.value }];
    }
  });
  const { fields } = await letterTaxonomy(db, councilId);
  const files = await attachmentsOf(db, { letterIds: [l.id] });
  return {
    ...view({ ...l, agencyName: parts.agencyName }, signers, audience, day, fields, files.get(l.id) ?? []),
    deadlines,
    forwardings: parts.forwardings.map((f) => ({ id: f.f.id, agencyName: f.agencyName, forwardedOn: f.f.forwardedOn, letterNumber: f.f.letterNumber, documentId: f.f.documentId, resultDue: f.f.resultDue })),
    related: parts.related.map((r) => ({ ...r, kindLabel: LETTER_KIND_LABELS[r.kind as LetterKind] })),
    origin: audience === 'handler' || audience === 'council_staff' ? (l.handleAsDenunciation ? null : l.origin) : null,
    actions: allowedLetterActions(l.state as LetterState, l.kind as LetterKind).map((a) => ({ action: a, label: LETTER_ACTION_LABELS[a] })),
    mayRevealIdentity: l.handleAsDenunciation && audience === 'handler',
    notices: (await db.select({ id: documents.id, symbol: documents.symbol, issuedOn: documents.issuedOn, status: documents.status, params: documents.params }).from(documents)
      .where(and(eq(documents.councilId, councilId), eq(documents.templateKey, LETTER_NOTICE_TEMPLATE), sql`${documents.params}->>'letterId' = ${l.id}`)).orderBy(asc(documents.createdAt)))
      .map((d) => {
        const kind = (d.params as { noticeKind: NoticeKind }).noticeKind;
        return { id: d.id, symbol: d.symbol, issuedOn: d.issuedOn, status: d.status, noticeKind: kind, label: NOTICE_KIND_LABELS[kind], downloadPath: `/api/councils/${councilId}/documents/${d.id}/download` };
      }),
  };
}

/** The letter as the agency it was forwarded to sees it (content, never a denouncer's identity). */
export async function agencyLetter(db: DbOrTx, agencyId: string, letterId: string, day: string) {
  const [l] = await db.select().from(letters).where(and(eq(letters.id, letterId), eq(letters.agencyId, agencyId)));
  if (!l) throw notFound('đơn được chuyển đến cơ quan');
  const signers = l.handleAsDenunciation ? [] : ((await signersOf(db, [l.id])).get(l.id) ?? []);
  const parts = await detailParts(db, l);
  const { fields } = await letterTaxonomy(db, l.councilId);
  const files = await attachmentsOf(db, { letterIds: [l.id] });
  return { ...view({ ...l, agencyName: parts.agencyName }, signers, 'agency', day, fields, files.get(l.id) ?? []), forwardings: parts.forwardings.filter((f) => f.f.toAgencyId === agencyId).map((f) => ({ forwardedOn: f.f.forwardedOn, letterNumber: f.f.letterNumber, resultDue: f.f.resultDue })) };
}

/** What the delegate owes the citizen next, for their own list. */
function nextStep(l: LetterRow, day: string): string {
  switch (l.state) {
    case 'forwarded': return l.due && l.due < day ? 'Cơ quan quá hạn báo kết quả: đôn đốc, gặp người có thẩm quyền hoặc báo cáo Thường trực' : 'Chờ cơ quan có thẩm quyền báo kết quả';
    case 'result_received': return l.citizenWantsNotice ? 'Thông báo kết quả cho công dân (trong 05 ngày làm việc)' : 'Kết thúc theo dõi';
    case 'citizen_informed': return 'Kết thúc theo dõi';
    case 'classified': case 'received': return 'Hướng dẫn công dân hoặc chuyển đơn đến cơ quan có thẩm quyền';
    default: return '—';
  }
}

export async function delegateLetters(db: DbOrTx, user: AuthUser, councilId: string, delegateId: string, f: LetterFilter, day: string) {
  const page = await listLetters(db, user, councilId, { ...f, delegateId }, day);
  if (!page.items.length) return { ...page, items: [] };
  const rows = new Map((await db.select().from(letters).where(inArray(letters.id, page.items.map((i) => i.id)))).map((l) => [l.id, l]));
  return { ...page, items: page.items.map((i) => ({ ...i, nextStep: nextStep(rows.get(i.id)!, day) })) };
}

/** Figures for the session report: by kind, state and agency (counts only, no letter). */
export async function letterFigures(db: DbOrTx, councilId: string, from: string, to: string, day: string) {
  const within = and(eq(letters.councilId, councilId), sql`${letters.receivedOn} between ${from} and ${to}`);
  const [byKind, byState, byAgency, byField, taxonomy] = await Promise.all([
    db.select({ key: letters.kind, n: count() }).from(letters).where(within).groupBy(letters.kind),
    db.select({ key: letters.state, n: count() }).from(letters).where(within).groupBy(letters.state),
    db.select({ key: agencies.name, n: count(), overdue: sql<number>`count(*) filter (where ${letters.state} = 'forwarded' and ${letters.due} < ${day})::int` })
      .from(letters).innerJoin(agencies, eq(agencies.id, letters.agencyId)).where(within).groupBy(agencies.name),
    // A field counts once the clerk confirmed it; a mere suggestion stays "not classified".
    db.select({ key: sql<string | null>`case when ${letters.fieldConfirmed} then ${letters.fieldCode} end`, n: count() }).from(letters).where(within).groupBy(sql`1`),
    letterTaxonomy(db, councilId),
  ]);
  const order = new Map(taxonomy.fields.map((f, i) => [f.code, i]));
  return {
    from, to,
    total: byKind.reduce((n, r) => n + r.n, 0),
    byKind: byKind.map((r) => ({ kind: r.key, label: LETTER_KIND_LABELS[r.key as LetterKind], count: r.n })),
    byState: byState.map((r) => ({ state: r.key, label: LETTER_STATE_LABELS[r.key as LetterState], count: r.n })),
    byAgency: byAgency.map((r) => ({ agency: r.key, count: r.n, overdue: r.overdue })),
    byField: byField
      .map((r) => ({ field: r.key, label: letterFieldName(r.key, taxonomy.fields), count: r.n }))
      .sort((a, b) => (a.field === null ? 1 : b.field === null ? -1 : (order.get(a.field) ?? 999) - (order.get(b.field) ?? 999))),
  };
}

/** Complaints raised at contact meetings that left the petition track and wait to be received here. */
export async function pendingFromContactMeetings(db: DbOrTx, councilId: string, page: { page: number; pageSize: number }) {
  const where = and(eq(opinions.councilId, councilId), eq(opinions.kind, 'complaint'), isNull(letters.id));
  return pageWithTotal(
    page,
    (total) =>
      db
        .select({ id: opinions.id, text: opinions.text, receivedOn: opinions.receivedOn, voterCount: opinions.voterCount, total })
        .from(opinions)
        .leftJoin(letters, eq(letters.sourceOpinionId, opinions.id))
        .where(where)
        .orderBy(asc(opinions.createdAt)),
    async () => (await db.select({ n: count() }).from(opinions).leftJoin(letters, eq(letters.sourceOpinionId, opinions.id)).where(where))[0]?.n ?? 0,
  );
}

