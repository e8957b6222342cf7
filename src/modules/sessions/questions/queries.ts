// Reads of interpellation: a delegate's slips and the published ones (portal), the session's slips
// and topics (standing committee), commitments of a council or of an agency, the list of
// commitments due before a session (for the standing committee's report and re-questioning), the
// public answers and commitments (no delegate-private data), and questionsForMinutes.
import { answerHistory, commitmentEscalationView } from './followThrough.ts';
import { and, asc, count, desc, eq, getTableColumns, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../../db/paging.ts';
import { alias } from 'drizzle-orm/pg-core';
import { nameSearch } from '../../../db/textSearch.ts';
import { notFound } from '../../../server/errors.ts';
import { agencies, councils, delegates } from '../../directory/schema.ts';
import { petitions } from '../../petitions/schema.ts';
import {
  commitmentReportDate, COMMITMENT_STATE_LABELS, SLIP_STATE_LABELS, SessionRuleError,
  type CommitmentState, type SlipState,
} from '../../../domain/sessions/index.ts';
import { knownYears, loadCalendar, ruleSetOf, sessionOf, today, type DbOrTx } from '../common.ts';
import { councilSessions } from '../schema.ts';
import { delegateOf } from '../portal/actions.ts';
import { commitmentOf } from './actions.ts';
import { commitmentReports, commitments, questionAnswers, questionSlips, questionTopics } from './schema.ts';

type Paging = { page: number; pageSize: number };
const page = <T>(items: T[], total: number, p: Paging) => ({ items, total, page: p.page, pageSize: p.pageSize });
const total = async (q: PromiseLike<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
/** The total column of a statement that is not a page (slipBase, commitmentQuery). */
const NO_TOTAL = sql<number>`0`;


const addressed = alias(agencies, 'addressed_agency');

// Slips ----------------------------------------------------------------------------------------

const slipColumns = {
  slip: questionSlips,
  delegateName: delegates.fullName,
  agencyName: addressed.name,
  topicTitle: questionTopics.title,
  topicPosition: questionTopics.position,
  sessionTitle: councilSessions.title,
};

/** Slips with their names; `total`: a page's total column (pageWithTotal), a constant elsewhere. */
function slipBase(db: DbOrTx, total: SQL<number> = NO_TOTAL) {
  return db.select({ ...slipColumns, total }).from(questionSlips)
    .innerJoin(delegates, eq(delegates.id, questionSlips.delegateId))
    .innerJoin(councilSessions, eq(councilSessions.id, questionSlips.sessionId))
    .leftJoin(addressed, eq(addressed.id, questionSlips.addressedAgencyId))
    .leftJoin(questionTopics, eq(questionTopics.id, questionSlips.topicId));
}

type SlipRow = Omit<Awaited<ReturnType<ReturnType<typeof slipBase>['where']>>[number], 'total'>;

async function answersFor(db: DbOrTx, slips: SlipRow[]) {
  const topicIds = [...new Set(slips.map((s) => s.slip.topicId).filter((x): x is string => !!x))];
  const slipIds = slips.map((s) => s.slip.id);
  if (!slipIds.length) return { bySlip: new Map<string, AnswerView>() };
  const rows = await db.select().from(questionAnswers).where(or(
    inArray(questionAnswers.slipId, slipIds),
    topicIds.length ? inArray(questionAnswers.topicId, topicIds) : undefined,
  ));
  const views = await answerViews(db, rows);
  const bySlip = new Map<string, AnswerView>();
  for (const s of slips) {
    const a = views.find((v) => (v.slipId && v.slipId === s.slip.id) || (v.topicId && v.topicId === s.slip.topicId && s.slip.state === 'answered'));
    if (a) bySlip.set(s.slip.id, a);
  }
  return { bySlip };
}

export type AnswerView = Awaited<ReturnType<typeof answerViews>>[number];

async function answerViews(db: DbOrTx, rows: (typeof questionAnswers.$inferSelect)[]) {
  const ids = rows.map((r) => r.id);
  const made = ids.length ? await commitmentRows(db, inArray(commitments.answerId, ids)) : [];
  const names = await agencyNames(db, rows.map((r) => r.answererAgencyId));
  return rows.map((r) => ({
    id: r.id, topicId: r.topicId, slipId: r.slipId, mode: r.mode, modeLabel: r.mode === 'oral' ? 'Trả lời tại phiên chất vấn' : 'Trả lời bằng văn bản',
    answererName: r.answererName, answererPost: r.answererPost, answererAgencyId: r.answererAgencyId, answererAgencyName: r.answererAgencyId ? names.get(r.answererAgencyId) ?? null : null,
    summary: r.summary, answeredOn: r.answeredOn, reference: r.reference, version: r.version, correctedOn: r.correctedOn,
    commitments: made.filter((c) => c.answerId === r.id),
  }));
}

async function agencyNames(db: DbOrTx, ids: (string | null)[]) {
  const want = [...new Set(ids.filter((x): x is string => !!x))];
  const rows = want.length ? await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, want)) : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

function slipView(r: SlipRow, answer: AnswerView | undefined, mine: boolean) {
  const s = r.slip;
  return {
    id: s.id, sessionId: s.sessionId, sessionTitle: r.sessionTitle, delegateId: s.delegateId, delegateName: r.delegateName, mine,
    subject: s.subject, content: s.content,
    addressedAgencyId: s.addressedAgencyId, addressedAgencyName: r.agencyName, addressedName: s.addressedName, addressedPost: s.addressedPost,
    citations: s.citations as { kind: string; id: string; label: string }[],
    followsSlipId: s.followsSlipId, followsCommitmentId: s.followsCommitmentId,
    state: s.state, stateLabel: SLIP_STATE_LABELS[s.state as SlipState] ?? s.state,
    topicId: s.topicId, topicTitle: r.topicTitle, topicPosition: r.topicPosition,
    decisionNote: s.decisionNote, writtenRequestedOn: s.writtenRequestedOn, writtenDue: s.writtenDue,
    filedAt: s.filedAt.toISOString(), version: s.version,
    answer: answer ?? null,
  };
}

async function slipPage(db: DbOrTx, where: SQL | undefined, p: Paging, mineOf: (r: SlipRow) => boolean, newestFirst = false) {
  const found = await pageWithTotal(
    p,
    (total) =>
      slipBase(db, total).where(where).orderBy(desc(councilSessions.openingDate), newestFirst ? desc(questionSlips.filedAt) : asc(questionSlips.filedAt), asc(questionSlips.id)),
    () => countWhere(db, questionSlips, where),
  );
  const { bySlip } = await answersFor(db, found.items);
  return { ...found, items: found.items.map((r) => slipView(r, bySlip.get(r.slip.id), mineOf(r))) };
}

const PUBLISHED = inArray(questionSlips.state, ['grouped', 'writtenDue', 'answered']);

/** The portal: the delegate's own slips and the slips other delegates may see (taken up or answered). */
export async function portalQuestions(db: DbOrTx, councilId: string, userId: string | null, q: Paging & { sessionId?: string; mine?: boolean; q?: string }) {
  const d = await delegateOf(db, userId, councilId);
  const visible = d ? (q.mine ? eq(questionSlips.delegateId, d.id) : or(eq(questionSlips.delegateId, d.id), PUBLISHED)) : q.mine ? sql`false` : PUBLISHED;
  const where = and(eq(questionSlips.councilId, councilId), visible, q.sessionId ? eq(questionSlips.sessionId, q.sessionId) : undefined, nameSearch(questionSlips.searchKey, q.q));
  return { ...(await slipPage(db, where, q, (r) => !!d && r.slip.delegateId === d.id, true)), delegate: d ? { id: d.id, fullName: d.fullName } : null };
}

/** Every slip of a session (standing committee, secretariat). */
export async function sessionQuestions(db: DbOrTx, councilId: string, sessionId: string, q: Paging & { state?: string; topicId?: string; q?: string }) {
  await sessionOf(db, councilId, sessionId);
  const where = and(
    eq(questionSlips.sessionId, sessionId),
    q.state ? eq(questionSlips.state, q.state) : undefined,
    q.topicId ? eq(questionSlips.topicId, q.topicId) : undefined,
    nameSearch(questionSlips.searchKey, q.q),
  );
  const res = await slipPage(db, where, q, () => false);
  const counts = await db.select({ state: questionSlips.state, n: count() }).from(questionSlips).where(eq(questionSlips.sessionId, sessionId)).groupBy(questionSlips.state);
  return { ...res, counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])) };
}

/** The session's topics in questioning order, each with its slips, who answers, the answer and its commitments. */
export async function sessionTopics(db: DbOrTx, councilId: string, sessionId: string, p: Paging) {
  await sessionOf(db, councilId, sessionId);
  const where = eq(questionTopics.sessionId, sessionId);
  const { items: rows, total: n } = await pageWithTotal(
    p,
    (total) => db.select({ ...getTableColumns(questionTopics), total }).from(questionTopics).where(where).orderBy(asc(questionTopics.position)),
    () => countWhere(db, questionTopics, where),
  );
  const ids = rows.map((t) => t.id);
  const [slips, answers, names] = await Promise.all([
    ids.length ? slipBase(db).where(inArray(questionSlips.topicId, ids)).orderBy(asc(questionSlips.filedAt)) : [],
    ids.length ? db.select().from(questionAnswers).where(inArray(questionAnswers.topicId, ids)).then((r) => answerViews(db, r)) : [],
    agencyNames(db, rows.map((t) => t.answererAgencyId)),
  ]);
  return page(rows.map((t) => ({
    id: t.id, sessionId: t.sessionId, title: t.title, position: t.position,
    answererAgencyId: t.answererAgencyId, answererAgencyName: t.answererAgencyId ? names.get(t.answererAgencyId) ?? null : null,
    answererName: t.answererName, answererPost: t.answererPost, version: t.version,
    slips: slips.filter((s) => s.slip.topicId === t.id).map((s) => slipView(s, undefined, false)),
    answer: answers.find((a) => a.topicId === t.id) ?? null,
  })), n, p);
}

// Commitments ----------------------------------------------------------------------------------

function commitmentQuery(db: DbOrTx, where: SQL | undefined, total: SQL<number> = NO_TOTAL) {
  return db.select({ c: commitments, agencyName: agencies.name, sessionTitle: councilSessions.title, sessionOpening: councilSessions.openingDate, total })
    .from(commitments)
    .innerJoin(agencies, eq(agencies.id, commitments.agencyId))
    .innerJoin(councilSessions, eq(councilSessions.id, commitments.sessionId))
    .where(where).orderBy(asc(commitments.dueOn), asc(commitments.id));
}

async function commitmentRows(db: DbOrTx, where: SQL | undefined) {
  return (await commitmentQuery(db, where)).map((r) => commitmentView(r));
}

/** A page of commitments and their total; `count`: the count alone, when the page is empty past the first. */
function commitmentPage(db: DbOrTx, where: SQL | undefined, p: Paging, count = () => countWhere(db, commitments, where)) {
  return pageWithTotal(p, (total) => commitmentQuery(db, where, total), count, (r) => commitmentView(r));
}

function commitmentView(r: { c: typeof commitments.$inferSelect; agencyName: string; sessionTitle: string; sessionOpening: string }, now?: string) {
  const c = r.c;
  return {
    id: c.id, councilId: c.councilId, sessionId: c.sessionId, sessionTitle: r.sessionTitle, answerId: c.answerId,
    agencyId: c.agencyId, agencyName: r.agencyName, ownerName: c.ownerName, ownerPost: c.ownerPost, content: c.content,
    madeOn: c.madeOn, originalDue: c.originalDue, dueOn: c.dueOn,
    state: c.state, stateLabel: COMMITMENT_STATE_LABELS[c.state as CommitmentState] ?? c.state,
    doneReportedOn: c.doneReportedOn, closedOn: c.closedOn, verificationNote: c.verificationNote, version: c.version,
    ...(now ? { overdue: c.state !== 'closed' && c.dueOn < now } : {}),
  };
}

export type CommitmentScope = { councilId: string } | { agencyId: string };
const scopeCond = (s: CommitmentScope) => ('councilId' in s ? eq(commitments.councilId, s.councilId) : eq(commitments.agencyId, s.agencyId));

/** Commitments of a council (standing committee) or of an agency (its own only), with computed overdue. */
export async function commitmentList(db: DbOrTx, scope: CommitmentScope, q: Paging & { state?: string; sessionId?: string; open?: boolean; q?: string }, now: Date) {
  const where = and(
    scopeCond(scope),
    q.state ? eq(commitments.state, q.state) : undefined,
    q.open ? sql`${commitments.state} <> 'closed'` : undefined,
    q.sessionId ? eq(commitments.sessionId, q.sessionId) : undefined,
    q.q ? sql`lower(${commitments.content}) like ${`%${q.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`}` : undefined,
  );
  const day = today(now);
  const found = await commitmentPage(db, where, q);
  return { ...found, items: found.items.map((r) => ({ ...r, overdue: r.state !== 'closed' && r.dueOn < day })) };
}

/** One commitment with the answer it came from and its reports (evidence files by link, not content). */
export async function commitmentDetail(db: DbOrTx, scope: CommitmentScope, id: string, now: Date) {
  const c = await commitmentOf(db, scope, id);
  const [row] = await commitmentRows(db, eq(commitments.id, c.id));
  const [answer] = await answerViews(db, await db.select().from(questionAnswers).where(eq(questionAnswers.id, c.answerId)));
  const [topic] = answer?.topicId ? await db.select({ title: questionTopics.title }).from(questionTopics).where(eq(questionTopics.id, answer.topicId)) : [];
  const [slip] = answer?.slipId ? await db.select({ subject: questionSlips.subject }).from(questionSlips).where(eq(questionSlips.id, answer.slipId)) : [];
  const reports = await db.select({
    id: commitmentReports.id, kind: commitmentReports.kind, text: commitmentReports.text, reportedOn: commitmentReports.reportedOn,
    fileName: commitmentReports.fileName, mimeType: commitmentReports.mimeType, createdAt: commitmentReports.createdAt,
  }).from(commitmentReports).where(eq(commitmentReports.commitmentId, c.id)).orderBy(asc(commitmentReports.createdAt));
  const requestioned = await db.select({ id: questionSlips.id, sessionId: questionSlips.sessionId, subject: questionSlips.subject, state: questionSlips.state })
    .from(questionSlips).where(eq(questionSlips.followsCommitmentId, c.id));
  return {
    ...row!, overdue: row!.state !== 'closed' && row!.dueOn < today(now),
    source: { topicTitle: topic?.title ?? null, slipSubject: slip?.subject ?? null, answer: answer ? { ...answer, commitments: undefined } : null },
    reports: reports.map((r) => ({ ...r, kindLabel: REPORT_KIND_LABELS[r.kind] ?? r.kind, createdAt: r.createdAt.toISOString() })),
    requestioned: requestioned.map((s) => ({ ...s, stateLabel: SLIP_STATE_LABELS[s.state as SlipState] ?? s.state })),
    escalation: await commitmentEscalationView(db, c, today(now)),
    answerHistory: answer ? await answerHistory(db, answer.id) : [],
  };
}

const REPORT_KIND_LABELS: Record<string, string> = {
  progress: 'Báo cáo tiến độ', done: 'Báo cáo hoàn thành', verified: 'Thường trực xác nhận hoàn thành', reopened: 'Thường trực yêu cầu tiếp tục thực hiện', extended: 'Thường trực gia hạn',
};

export async function reportFile(db: DbOrTx, scope: CommitmentScope, commitmentId: string, reportId: string) {
  const c = await commitmentOf(db, scope, commitmentId);
  const [r] = await db.select().from(commitmentReports).where(and(eq(commitmentReports.id, reportId), eq(commitmentReports.commitmentId, c.id)));
  if (!r || !r.content) throw notFound('tệp minh chứng');
  return { fileName: r.fileName ?? 'minh-chung', mimeType: r.mimeType ?? 'application/octet-stream', content: r.content };
}

/**
 * The commitments due before a session opens, made at earlier sessions of the council: the list
 * for the standing committee's report (due `commitmentReportDaysBefore` before the opening, from
 * the session's rule set) and for re-questioning the ones not closed.
 */
export async function commitmentsDue(db: DbOrTx, councilId: string, sessionId: string, q: Paging & { open?: boolean }, now: Date) {
  const s = await sessionOf(db, councilId, sessionId);
  const where = and(
    eq(commitments.councilId, councilId),
    lt(commitments.madeOn, s.openingDate),
    lt(commitments.dueOn, s.openingDate),
    lt(councilSessions.openingDate, s.openingDate),
    q.open ? sql`${commitments.state} <> 'closed'` : undefined,
  );
  const [set, calendar] = await Promise.all([ruleSetOf(db, councilId, s.ruleSetKey), loadCalendar(db)]);
  let report: { due: string; nominalDate: string; movedBecause: string | null; days: number; unverified: boolean; source: string } | null = null;
  let reportError: string | null = null;
  try {
    const r = commitmentReportDate(s.openingDate, set, calendar, knownYears(calendar));
    report = { due: r.due, nominalDate: r.nominalDate, movedBecause: r.movedBecause, days: r.profile.days, unverified: r.profile.unverified, source: r.profile.source };
  } catch (err) {
    if (!(err instanceof SessionRuleError)) throw err;
    reportError = err.message;
  }
  const day = today(now);
  const dueCount = (cond: SQL | undefined) => total(db.select({ n: count() }).from(commitments).innerJoin(councilSessions, eq(councilSessions.id, commitments.sessionId)).where(cond));
  const [found, open] = await Promise.all([
    commitmentPage(db, where, q, () => dueCount(where)),
    dueCount(and(where, sql`${commitments.state} <> 'closed'`)),
  ]);
  return {
    ...found,
    items: found.items.map((r) => ({ ...r, overdue: r.state !== 'closed' && r.dueOn < day, canRequestion: r.state !== 'closed' })),
    session: { id: s.id, title: s.title, openingDate: s.openingDate },
    report, reportError, openCount: Number(open),
  };
}

// Pickers --------------------------------------------------------------------------------------

/** Agencies a slip may be addressed to: the directory's active agencies of the council's unit. */
export async function addressees(db: DbOrTx, councilId: string, q: Paging & { q?: string }) {
  const [c] = await db.select({ unitId: councils.unitId }).from(councils).where(eq(councils.id, councilId));
  if (!c) throw notFound('hội đồng nhân dân');
  const where = and(eq(agencies.unitId, c.unitId), eq(agencies.active, true), nameSearch(agencies.searchKey, q.q));
  return pageWithTotal(
    q,
    (total) =>
      db.select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName, kind: agencies.kind, total }).from(agencies).where(where).orderBy(asc(agencies.sortKey), asc(agencies.name)),
    () => countWhere(db, agencies, where),
  );
}

/** What a slip may cite: the council's petitions (sent to an agency), or commitments of earlier sessions. */
export async function citationOptions(db: DbOrTx, councilId: string, q: Paging & { kind: 'petition' | 'commitment'; q?: string }) {
  if (q.kind === 'commitment') {
    const where = and(eq(commitments.councilId, councilId), q.q ? sql`lower(${commitments.content}) like ${`%${q.q.toLowerCase()}%`}` : undefined);
    const found = await commitmentPage(db, where, q);
    return { ...found, items: found.items.map((r) => ({ kind: 'commitment', id: r.id, label: `${r.content} (${r.agencyName}, hạn ${r.dueOn}; ${r.stateLabel.toLowerCase()})`, state: r.state, sessionId: r.sessionId })) };
  }
  const where = and(eq(petitions.councilId, councilId), sql`${petitions.status} <> 'draft'`, nameSearch(petitions.searchText, q.q));
  return pageWithTotal(
    q,
    (total) =>
      db.select({ id: petitions.id, number: petitions.number, text: petitions.text, total }).from(petitions).where(where).orderBy(desc(petitions.number)),
    () => countWhere(db, petitions, where),
    (r) => ({ kind: 'petition', id: r.id, label: `KN-${r.number}: ${r.text.length > 160 ? `${r.text.slice(0, 159)}…` : r.text}` }),
  );
}

// Public ---------------------------------------------------------------------------------------

/**
 * Answers to questions, newest session first, with the questions' subjects (never who filed them
 * or anything only delegates see), who answered and the commitments made with their status.
 */
export async function publicAnswers(db: DbOrTx, councilId: string, p: Paging) {
  const where = eq(questionAnswers.councilId, councilId);
  const { items: rows, total: n } = await pageWithTotal(
    p,
    (total) =>
      db.select({ a: questionAnswers, sessionTitle: councilSessions.title, openingDate: councilSessions.openingDate, topicTitle: questionTopics.title, total })
        .from(questionAnswers).innerJoin(councilSessions, eq(councilSessions.id, questionAnswers.sessionId))
        .leftJoin(questionTopics, eq(questionTopics.id, questionAnswers.topicId))
        .where(where).orderBy(desc(councilSessions.openingDate), asc(questionTopics.position), asc(questionAnswers.answeredOn), asc(questionAnswers.id)),
    () => countWhere(db, questionAnswers, where),
  );
  const views = await answerViews(db, rows.map((r) => r.a));
  const topicIds = rows.map((r) => r.a.topicId).filter((x): x is string => !!x);
  const slipIds = rows.map((r) => r.a.slipId).filter((x): x is string => !!x);
  const subjects = topicIds.length || slipIds.length
    ? await db.select({ id: questionSlips.id, topicId: questionSlips.topicId, subject: questionSlips.subject, addressedName: questionSlips.addressedName, addressedPost: questionSlips.addressedPost })
      .from(questionSlips).where(or(topicIds.length ? inArray(questionSlips.topicId, topicIds) : undefined, slipIds.length ? inArray(questionSlips.id, slipIds) : undefined))
      .orderBy(asc(questionSlips.filedAt))
    : [];
  return page(rows.map((r, i) => {
    const v = views[i]!;
    return {
      id: v.id, sessionTitle: r.sessionTitle, openingDate: r.openingDate, topicTitle: r.topicTitle,
      questions: subjects.filter((s) => (r.a.topicId && s.topicId === r.a.topicId) || s.id === r.a.slipId).map((s) => s.subject),
      mode: v.mode, modeLabel: v.modeLabel, answererName: v.answererName, answererPost: v.answererPost, answererAgencyName: v.answererAgencyName,
      summary: v.summary, answeredOn: v.answeredOn, reference: v.reference,
      // A corrected answer says so (the current text is shown; the correction's day with it).
      version: r.a.version, correctedOn: r.a.correctedOn,
      commitments: v.commitments.map(publicCommitment),
    };
  }), n, p);
}

function publicCommitment(c: ReturnType<typeof commitmentView>) {
  return {
    id: c.id, sessionTitle: c.sessionTitle, agencyName: c.agencyName, ownerName: c.ownerName, ownerPost: c.ownerPost, content: c.content,
    madeOn: c.madeOn, dueOn: c.dueOn, state: c.state, stateLabel: c.stateLabel, closedOn: c.closedOn,
  };
}

export async function publicCommitments(db: DbOrTx, councilId: string, q: Paging & { open?: boolean }, now: Date) {
  const where = and(eq(commitments.councilId, councilId), q.open ? sql`${commitments.state} <> 'closed'` : undefined);
  const day = today(now);
  const found = await commitmentPage(db, where, q);
  return { ...found, items: found.items.map((c) => ({ ...publicCommitment(c), overdue: c.state !== 'closed' && c.dueOn < day })) };
}

// Minutes --------------------------------------------------------------------------------------

/**
 * For the session's minutes (helper "resolutions"): the topics in questioning order, each with its
 * slips (subject, delegate, addressee), who answered and a summary of the answer; the slips
 * answered in writing or still awaiting a written answer; and every commitment made at the session.
 */
export async function questionsForMinutes(db: DbOrTx, sessionId: string) {
  const topics = await db.select().from(questionTopics).where(eq(questionTopics.sessionId, sessionId)).orderBy(asc(questionTopics.position));
  const slips = await slipBase(db).where(eq(questionSlips.sessionId, sessionId)).orderBy(asc(questionSlips.filedAt), asc(questionSlips.id));
  const answers = await answerViews(db, await db.select().from(questionAnswers).where(eq(questionAnswers.sessionId, sessionId)).orderBy(asc(questionAnswers.answeredOn)));
  const names = await agencyNames(db, topics.map((t) => t.answererAgencyId));
  const slipLine = (s: SlipRow) => ({
    id: s.slip.id, subject: s.slip.subject, content: s.slip.content, delegateName: s.delegateName,
    addressee: [s.slip.addressedName, s.slip.addressedPost, s.agencyName].filter(Boolean).join(', ') || null,
    state: s.slip.state, stateLabel: SLIP_STATE_LABELS[s.slip.state as SlipState] ?? s.slip.state,
  });
  const answerLine = (a: AnswerView | undefined) => (a ? {
    mode: a.mode, modeLabel: a.modeLabel, answererName: a.answererName, answererPost: a.answererPost, answererAgencyName: a.answererAgencyName,
    answeredOn: a.answeredOn, summary: a.summary, reference: a.reference,
  } : null);
  const written = slips.filter((s) => !s.slip.topicId || answers.some((a) => a.slipId === s.slip.id));
  return {
    topics: topics.map((t) => ({
      id: t.id, position: t.position, title: t.title,
      answerer: { name: t.answererName, post: t.answererPost, agencyName: t.answererAgencyId ? names.get(t.answererAgencyId) ?? null : null },
      slips: slips.filter((s) => s.slip.topicId === t.id && !answers.some((a) => a.slipId === s.slip.id)).map(slipLine),
      answer: answerLine(answers.find((a) => a.topicId === t.id)),
    })),
    writtenAnswers: written.filter((s) => s.slip.state === 'answered' || s.slip.state === 'writtenDue').map((s) => ({
      ...slipLine(s), writtenDue: s.slip.writtenDue, answer: answerLine(answers.find((a) => a.slipId === s.slip.id)),
    })),
    notSelected: written.filter((s) => s.slip.state === 'notSelected' || s.slip.state === 'submitted').map((s) => ({ ...slipLine(s), decisionNote: s.slip.decisionNote })),
    commitments: answers.flatMap((a) => a.commitments).map((c) => ({
      id: c.id, agencyName: c.agencyName, ownerName: c.ownerName, ownerPost: c.ownerPost, content: c.content, dueOn: c.dueOn, state: c.state, stateLabel: c.stateLabel,
    })),
  };
}


