// Reads of the coordination module: paged lists (folded, accent-insensitive search), a document's
// page, the council's people, periodic reports with lateness per agency. Reads write nothing.
import { aliasedTable, and, asc, count, desc, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../db/paging.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import {
  incomingDeadline, INCOMING_KIND_LABELS, INCOMING_STATE_LABELS, INVITATION_STATE_LABELS, invitationGoer, latenessByAgency, periodicTiming,
  PERIODIC_TIMING_LABELS, REPORT_OWNER_LABELS, REPORT_PERIOD_LABELS, URGENCY_LABELS, kindsInForce,
  type IncomingKind, type IncomingState, type InvitationState, type ReportOwner, type ReportPeriod, type Urgency,
} from '../../domain/coordination/index.ts';
import { DEADLINE_STATUS_LABELS } from '../../domain/calendar/index.ts';
import { users } from '../accounts/schema.ts';
import { agencies, bodies } from '../directory/schema.ts';
import { councilSessions } from '../sessions/schema.ts';
import { petitions } from '../petitions/schema.ts';
import { councilPeople, incomingOf, wordsSearch, type DbOrTx } from './common.ts';
import { executiveInvitations, incomingDocumentFiles, incomingDocuments, periodicReportKinds, periodicReports } from './schema.ts';

type Page = { page: number; pageSize: number };
const paged = <T>(items: T[], total: number, p: Page) => ({ items, total, page: p.page, pageSize: p.pageSize });

export interface IncomingFilter extends Page {
  q?: string;
  state?: string;
  kind?: string;
  /** open | overdue | done */
  track?: 'open' | 'overdue' | 'done';
  handlerUserId?: string;
}

const OPEN = sql`${incomingDocuments.state} not in ('replied', 'filed')`;

/** The list's WHERE clause; the handler's to-do line counts with the same one. */
export function incomingConds(councilId: string, f: Omit<IncomingFilter, 'page' | 'pageSize'>, day: string): SQL {
  return and(
    eq(incomingDocuments.councilId, councilId),
    f.state ? eq(incomingDocuments.state, f.state) : undefined,
    f.kind ? eq(incomingDocuments.kind, f.kind) : undefined,
    f.handlerUserId ? eq(incomingDocuments.handlerUserId, f.handlerUserId) : undefined,
    f.track === 'open' ? OPEN : undefined,
    f.track === 'overdue' ? and(OPEN, sql`${incomingDocuments.due} < ${day}`) : undefined,
    f.track === 'done' ? sql`not (${OPEN})` : undefined,
    wordsSearch(incomingDocuments.searchKey, f.q),
  )!;
}

const handler = aliasedTable(users, 'handler');

function incomingView(r: typeof incomingDocuments.$inferSelect & { handlerName: string | null }, day: string, calendar: WorkingCalendar) {
  const dl = incomingDeadline({ due: r.due, state: r.state as IncomingState, completedOn: r.completedOn }, day, calendar);
  const { searchKey: _s, createdById: _c, ...rest } = r;
  return {
    ...rest,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    registerNumber: `${r.number}/${r.year}`,
    kindLabel: INCOMING_KIND_LABELS[r.kind as IncomingKind] ?? r.kind,
    urgencyLabel: URGENCY_LABELS[r.urgency as Urgency] ?? r.urgency,
    stateLabel: INCOMING_STATE_LABELS[r.state as IncomingState] ?? r.state,
    deadlineStatus: dl.status,
    deadlineLabel: dl.status ? DEADLINE_STATUS_LABELS[dl.status] : dl.finishedLate ? 'Hoàn thành sau hạn' : null,
    daysOverdue: dl.daysOverdue,
    finishedLate: dl.finishedLate,
  };
}

export async function listIncoming(db: DbOrTx, councilId: string, f: IncomingFilter, day: string, calendar: WorkingCalendar) {
  const where = incomingConds(councilId, f, day);
  return pageWithTotal(
    f,
    (total) =>
      db.select({ d: incomingDocuments, handlerName: handler.fullName, total }).from(incomingDocuments)
        .leftJoin(handler, eq(handler.id, incomingDocuments.handlerUserId))
        .where(where)
        .orderBy(desc(incomingDocuments.year), desc(incomingDocuments.number)),
    () => countWhere(db, incomingDocuments, where),
    (r) => incomingView({ ...r.d, handlerName: r.handlerName }, day, calendar),
  );
}

export async function incomingDetail(db: DbOrTx, councilId: string, id: string, day: string, calendar: WorkingCalendar) {
  const d = await incomingOf(db, councilId, id);
  const [h] = d.handlerUserId ? await db.select({ fullName: users.fullName }).from(users).where(eq(users.id, d.handlerUserId)) : [];
  const [files, session, petition, sender] = await Promise.all([
    db.select({ id: incomingDocumentFiles.id, version: incomingDocumentFiles.version, fileName: incomingDocumentFiles.fileName, mimeType: incomingDocumentFiles.mimeType, size: incomingDocumentFiles.size, createdAt: incomingDocumentFiles.createdAt })
      .from(incomingDocumentFiles).where(eq(incomingDocumentFiles.documentId, d.id)).orderBy(asc(incomingDocumentFiles.version)),
    d.sessionId ? db.select({ id: councilSessions.id, title: councilSessions.title, openingDate: councilSessions.openingDate }).from(councilSessions).where(eq(councilSessions.id, d.sessionId)) : Promise.resolve([]),
    d.petitionId ? db.select({ id: petitions.id, number: petitions.number, text: petitions.text }).from(petitions).where(eq(petitions.id, d.petitionId)) : Promise.resolve([]),
    d.senderAgencyId ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, d.senderAgencyId)) : Promise.resolve([]),
  ]);
  return {
    ...incomingView({ ...d, handlerName: h?.fullName ?? null }, day, calendar),
    files: files.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
    session: session[0] ?? null,
    petition: petition[0] ? { ...petition[0], text: petition[0].text.slice(0, 300) } : null,
    senderAgency: sender[0] ?? null,
  };
}

export async function incomingFile(db: DbOrTx, councilId: string, id: string, fileId: string) {
  const d = await incomingOf(db, councilId, id);
  const [f] = await db.select().from(incomingDocumentFiles).where(and(eq(incomingDocumentFiles.id, fileId), eq(incomingDocumentFiles.documentId, d.id)));
  return f ?? null;
}

export async function peopleList(db: DbOrTx, councilId: string, f: Page & { q?: string }) {
  const all = await councilPeople(db, councilId, { q: f.q });
  return paged(all.slice((f.page - 1) * f.pageSize, f.page * f.pageSize), all.length, f);
}

// Invitations -------------------------------------------------------------------------------------


export async function listInvitations(db: DbOrTx, councilId: string, f: Page & { q?: string; userId?: string; when?: 'upcoming' | 'past' }, now: Date) {
  const where = and(
    eq(executiveInvitations.councilId, councilId),
    f.userId ? or(eq(executiveInvitations.inviteeUserId, f.userId), eq(executiveInvitations.attendeeUserId, f.userId)) : undefined,
    f.when === 'upcoming' ? sql`${executiveInvitations.startsAt} >= ${now.toISOString()}` : undefined,
    f.when === 'past' ? sql`${executiveInvitations.startsAt} < ${now.toISOString()}` : undefined,
    wordsSearch(executiveInvitations.searchKey, f.q),
  );
  const { items: list, total } = await pageWithTotal(
    f,
    (total) => db.select({ ...getTableColumns(executiveInvitations), total }).from(executiveInvitations)
      .where(where).orderBy(f.when === 'past' ? desc(executiveInvitations.startsAt) : asc(executiveInvitations.startsAt)),
    () => countWhere(db, executiveInvitations, where),
  );
  const userIds = [...new Set(list.flatMap((i) => [i.inviteeUserId, i.attendeeUserId].filter((x): x is string => !!x)))];
  const names = new Map((userIds.length ? await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, userIds)) : []).map((u) => [u.id, u.fullName]));
  const rows = list.map((i) => ({ i, inviteeName: names.get(i.inviteeUserId) ?? '', attendeeName: i.attendeeUserId ? names.get(i.attendeeUserId) ?? null : null }));
  return paged(rows.map(({ i, inviteeName, attendeeName }) => {
    const { searchKey: _s, ...rest } = i;
    const goer = invitationGoer({ state: i.state as InvitationState, inviteeUserId: i.inviteeUserId, attendeeUserId: i.attendeeUserId });
    return {
      ...rest, startsAt: i.startsAt.toISOString(), endsAt: i.endsAt?.toISOString() ?? null, createdAt: i.createdAt.toISOString(), updatedAt: i.updatedAt.toISOString(),
      inviteeName, attendeeName, stateLabel: INVITATION_STATE_LABELS[i.state as InvitationState] ?? i.state,
      goerName: goer === i.inviteeUserId ? inviteeName : goer ? attendeeName : null,
      past: i.startsAt <= now,
    };
  }), total, f);
}

// Periodic reports --------------------------------------------------------------------------------

export async function listKinds(db: DbOrTx, councilId: string, f: Page & { at?: string }) {
  const rows = await db.select().from(periodicReportKinds).where(eq(periodicReportKinds.councilId, councilId)).orderBy(asc(periodicReportKinds.validFrom), asc(periodicReportKinds.createdAt));
  const shown = f.at ? kindsInForce(rows, f.at) : rows;
  return paged(shown.slice((f.page - 1) * f.pageSize, f.page * f.pageSize).map((k) => ({
    ...k, createdAt: k.createdAt.toISOString(), updatedAt: k.updatedAt.toISOString(),
    periods: k.periods.split(','), ownerLabel: REPORT_OWNER_LABELS[k.owner as ReportOwner] ?? k.owner,
    periodLabels: k.periods.split(',').map((p) => REPORT_PERIOD_LABELS[p as ReportPeriod] ?? p),
  })), shown.length, f);
}

export async function listPeriodicReports(db: DbOrTx, councilId: string, f: Page & { year?: number; agencyId?: string; timing?: string }, day: string) {
  const rows = await db.select({
    r: periodicReports, title: periodicReportKinds.title, kindKey: periodicReportKinds.key, agencyName: agencies.name,
    sessionTitle: councilSessions.title, openingDate: councilSessions.openingDate, bodyName: bodies.name,
  }).from(periodicReports)
    .innerJoin(periodicReportKinds, eq(periodicReportKinds.id, periodicReports.kindId))
    .innerJoin(agencies, eq(agencies.id, periodicReports.agencyId))
    .leftJoin(councilSessions, eq(councilSessions.id, periodicReports.sessionId))
    .leftJoin(bodies, eq(bodies.id, periodicReports.verifyingBodyId))
    .where(and(
      eq(periodicReports.councilId, councilId),
      f.year ? eq(periodicReports.year, f.year) : undefined,
      f.agencyId ? eq(periodicReports.agencyId, f.agencyId) : undefined,
    ))
    .orderBy(asc(periodicReports.due), asc(periodicReportKinds.title));
  const all = rows.map(({ r, ...x }) => {
    const t = periodicTiming(r.due, r.receivedOn, day);
    return {
      ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
      title: x.title, kindKey: x.kindKey, agencyName: x.agencyName, sessionTitle: x.sessionTitle, openingDate: x.openingDate, verifyingBodyName: x.bodyName,
      periodLabel: REPORT_PERIOD_LABELS[r.period as ReportPeriod] ?? r.period,
      timing: t.timing, timingLabel: PERIODIC_TIMING_LABELS[t.timing], daysLate: t.daysLate,
    };
  });
  const shown = f.timing ? all.filter((r) => r.timing === f.timing) : all;
  return {
    ...paged(shown.slice((f.page - 1) * f.pageSize, f.page * f.pageSize), shown.length, f),
    /** Lateness counted per owing agency over every report of the selection (not only the page). */
    byAgency: latenessByAgency(all, day),
  };
}

/** Open documents assigned to the user, and how many are overdue (the handler's to-do line). */
export async function handlerCounts(db: DbOrTx, councilId: string, userId: string, day: string) {
  const [r] = await db.select({
    open: sql<number>`count(*) filter (where ${incomingConds(councilId, { handlerUserId: userId, track: 'open' }, day)})::int`,
    overdue: sql<number>`count(*) filter (where ${incomingConds(councilId, { handlerUserId: userId, track: 'overdue' }, day)})::int`,
    unassigned: sql<number>`count(*) filter (where ${incomingConds(councilId, { state: 'registered' }, day)})::int`,
  }).from(incomingDocuments).where(eq(incomingDocuments.councilId, councilId));
  return r ?? { open: 0, overdue: 0, unassigned: 0 };
}

