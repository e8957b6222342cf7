// Expected documents with their timing (domain documentTiming: computed from dates, never stored),
// seen by a council (a session, a year, a presenting agency: the lateness dashboard and its
// drill-down) or by the presenting agency itself (its own documents only).
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { pageWithTotal, totalColumn } from '../../../db/paging.ts';
import type { WorkingCalendar } from '../../../domain/calendar/index.ts';
import {
  documentTiming, latenessByAgency, EXPECTED_DOCUMENT_KIND_LABELS, type DocumentTiming, type ExpectedDocumentKind,
} from '../../../domain/sessions/index.ts';
import { agencies, bodies, councils } from '../../directory/schema.ts';
import { councilSessions, sessionDocumentFiles, sessionDocuments, sessionItems } from '../schema.ts';
import { inForce, ruleSetsOf, type DbOrTx } from '../common.ts';

export interface DocumentFilter {
  councilId?: string;
  agencyId?: string;
  sessionId?: string;
  year?: number;
  /** Presenting agency or council body. */
  presenterId?: string;
  /** One timing, anyLate (received late or late and not received: the dashboard's "late") or
   * notReceived (expected, due soon or late: what the agency still owes). */
  timing?: TimingFilter;
}

export type TimingFilter = DocumentTiming | 'anyLate' | 'notReceived';

/** The conditions of a filter's scope (council, agency, session, year, presenter), timing aside. */
function scopeConds(f: DocumentFilter): SQL[] {
  const where: SQL[] = [];
  if (f.councilId) where.push(eq(sessionDocuments.councilId, f.councilId));
  if (f.agencyId) where.push(eq(sessionDocuments.agencyId, f.agencyId));
  if (f.sessionId) where.push(eq(sessionDocuments.sessionId, f.sessionId));
  if (f.year) where.push(sql`extract(year from ${councilSessions.openingDate}) = ${f.year}`);
  if (f.presenterId) where.push(sql`coalesce(${sessionItems.presenterAgencyId}, ${sessionItems.presenterBodyId}) = ${f.presenterId}`);
  return where;
}

/** The list's columns: the document with its item, session, presenter and council. */
const rowColumns = {
  doc: sessionDocuments,
  itemTitle: sessionItems.title, itemKind: sessionItems.kind, itemState: sessionItems.state,
  presenterId: sql<string>`coalesce(${sessionItems.presenterAgencyId}, ${sessionItems.presenterBodyId})`,
  presenterName: sql<string>`coalesce(${agencies.name}, ${bodies.name}, '')`,
  sessionTitle: councilSessions.title, openingDate: councilSessions.openingDate, sessionState: councilSessions.state,
  councilName: councils.name,
};

/** Due order: the session's opening, the item's place, the due date, then creation. */
const dueOrder = [asc(councilSessions.openingDate), asc(sessionItems.position), asc(sessionDocuments.dueDate), asc(sessionDocuments.createdAt)];

/**
 * The documents of a filter joined with their item, session and presenter: `where` adds
 * conditions, `first` orders before the due order, `total` is selected as a column (pageWithTotal).
 */
function documentSelect<E extends Record<string, SQL> = Record<never, SQL>>(db: DbOrTx, f: DocumentFilter, o: { where?: SQL[]; first?: SQL[]; extra?: E } = {}) {
  const where = [...scopeConds(f), ...(o.where ?? [])];
  return db
    .select({ ...rowColumns, ...(o.extra ?? ({} as E)) })
    .from(sessionDocuments)
    .innerJoin(sessionItems, eq(sessionItems.id, sessionDocuments.itemId))
    .innerJoin(councilSessions, eq(councilSessions.id, sessionDocuments.sessionId))
    .innerJoin(councils, eq(councils.id, sessionDocuments.councilId))
    .leftJoin(agencies, eq(agencies.id, sessionItems.presenterAgencyId))
    .leftJoin(bodies, eq(bodies.id, sessionItems.presenterBodyId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(...(o.first ?? []), ...dueOrder);
}

/** One page of a filter's documents (`o` as documentSelect's) and their total, from one statement (pageWithTotal). */
function documentPage<T>(db: DbOrTx, p: { page: number; pageSize: number }, f: DocumentFilter, o: { where: SQL[]; first?: SQL[] }, map: (r: Row) => T) {
  return pageWithTotal<Row & { total: number }, T>(
    p,
    (total) => documentSelect(db, f, { ...o, extra: { total } }),
    // An empty page past the first: the total alone.
    async () => (await documentSelect(db, f, { where: o.where, extra: { total: totalColumn } }).limit(1))[0]?.total ?? 0,
    map,
  );
}

/** Every document of a filter, in due order (a session's page, the lateness report). */
export function documentRows(db: DbOrTx, f: DocumentFilter) {
  return documentSelect(db, f);
}

/**
 * SQL: the documents whose timing (domain documentTiming) is `f` on `day`. `notSoonFrom` is the first
 * due date that is no longer "due soon" — addWorkingDays(day, dueSoonWorkingDays + 1): a document
 * not received, due on or after `day`, is due soon when at most that many working days lie in
 * (day, due], that is when it is due before the next working day after them (a due date on the
 * weekend after the last one counts too). Equal to filtering documentTiming's result (tested over
 * every day of a year and the demo data).
 */
export function timingCond(f: TimingFilter, day: string, notSoonFrom: SQL): SQL {
  const due = sql`${sessionDocuments.dueDate}`;
  const received = sql`${sessionDocuments.receivedOn}`;
  const revised = sql`${sessionDocuments.lastRevisedOn}`;
  const late = sql`(${received} is null and ${due} < ${day})`;
  const receivedLate = sql`(${received} > ${due})`;
  switch (f) {
    case 'late': return late;
    case 'dueSoon': return sql`(${received} is null and ${due} >= ${day} and ${due} < ${notSoonFrom})`;
    case 'expected': return sql`(${received} is null and (${due} is null or ${due} >= ${notSoonFrom}))`;
    case 'receivedLate': return receivedLate;
    case 'revisedAfterDeadline': return sql`(${received} <= ${due} and ${revised} > ${due})`;
    case 'receivedOnTime': return sql`(${received} is not null and (${due} is null or (${received} <= ${due} and (${revised} is null or ${revised} <= ${due}))))`;
    case 'anyLate': return sql`(${late} or ${receivedLate})`;
    case 'notReceived': return sql`(${received} is null)`;
  }
}

/** The first due date that is no longer "due soon" on `day` (timingCond's `notSoonFrom`). */
export function soonBefore(day: string, calendar: WorkingCalendar, dueSoonWorkingDays: number): string {
  return calendar.addWorkingDays(day, dueSoonWorkingDays + 1);
}

type Row = Awaited<ReturnType<typeof documentRows>>[number];

/** One document as JSON, with its timing and (optionally) its file versions. */
export function documentJson(r: Row, day: string, calendar: WorkingCalendar, dueSoonWorkingDays: number, files?: FileMeta[]) {
  const d = r.doc;
  const t = documentTiming({ due: d.dueDate, receivedOn: d.receivedOn, lastRevisedOn: d.lastRevisedOn, today: day, dueSoonWorkingDays, calendar });
  return {
    id: d.id, itemId: d.itemId, sessionId: d.sessionId, councilId: d.councilId, agencyId: d.agencyId,
    kind: d.kind, kindLabel: EXPECTED_DOCUMENT_KIND_LABELS[d.kind as ExpectedDocumentKind] ?? d.kind, title: d.title,
    dueDate: d.dueDate, dueExplanation: d.dueExplanation, receivedOn: d.receivedOn, receivedVia: d.receivedVia, lastRevisedOn: d.lastRevisedOn,
    timing: t.timing, daysLate: t.daysLate, timingLabel: t.label,
    itemTitle: r.itemTitle, presenterId: r.presenterId, presenterName: r.presenterName,
    sessionTitle: r.sessionTitle, openingDate: r.openingDate, councilName: r.councilName,
    ...(files ? { files } : {}),
  };
}

export type FileMeta = { id: string; version: number; fileName: string; mimeType: string; size: number; receivedOn: string; createdAt: string };

export async function filesOf(db: DbOrTx, documentIds: string[]): Promise<Map<string, FileMeta[]>> {
  const byDoc = new Map<string, FileMeta[]>();
  if (!documentIds.length) return byDoc;
  const rows = await db.select({
    id: sessionDocumentFiles.id, documentId: sessionDocumentFiles.documentId, version: sessionDocumentFiles.version,
    fileName: sessionDocumentFiles.fileName, mimeType: sessionDocumentFiles.mimeType, size: sessionDocumentFiles.size,
    receivedOn: sessionDocumentFiles.receivedOn, createdAt: sessionDocumentFiles.createdAt,
  }).from(sessionDocumentFiles).where(inArray(sessionDocumentFiles.documentId, documentIds)).orderBy(desc(sessionDocumentFiles.version));
  for (const { documentId, createdAt, ...f } of rows) {
    const list = byDoc.get(documentId) ?? [];
    list.push({ ...f, createdAt: createdAt.toISOString() });
    byDoc.set(documentId, list);
  }
  return byDoc;
}

/** The "due soon" threshold of the council's rule set in force today. */
export async function dueSoonOf(db: DbOrTx, councilId: string, day: string): Promise<number> {
  return inForce(await ruleSetsOf(db, councilId), day).profile.dueSoonWorkingDays;
}

export function lateness(rows: Row[], day: string, calendar: WorkingCalendar, dueSoon: number) {
  return latenessByAgency(
    rows.map((r) => ({ agencyId: r.presenterId, agencyName: r.presenterName, due: r.doc.dueDate, receivedOn: r.doc.receivedOn, lastRevisedOn: r.doc.lastRevisedOn })),
    day, calendar, dueSoon,
  );
}

const paged = <T>(all: T[], page: number, pageSize: number) => ({ items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize });

/** A council's documents (the drill-down of the dashboard), filtered by timing, one page: one statement. */
export async function councilDocuments(db: DbOrTx, councilId: string, f: DocumentFilter & { page: number; pageSize: number }, day: string, calendar: WorkingCalendar) {
  const dueSoon = await dueSoonOf(db, councilId, day);
  const scope = { ...f, councilId };
  const where = f.timing ? [timingCond(f.timing, day, sql`${soonBefore(day, calendar, dueSoon)}::date`)] : [];
  return documentPage(db, f, scope, { where }, (r) => documentJson(r, day, calendar, dueSoon));
}

/** Lateness per presenting agency over a council's sessions of a year (or one session), one page of agencies. */
export async function councilLateness(db: DbOrTx, councilId: string, f: { year?: number; sessionId?: string; page: number; pageSize: number }, day: string, calendar: WorkingCalendar) {
  const dueSoon = await dueSoonOf(db, councilId, day);
  const rows = await documentRows(db, { councilId, year: f.year, sessionId: f.sessionId });
  const all = lateness(rows, day, calendar, dueSoon);
  const totals = all.reduce((s, a) => ({ documents: s.documents + a.documents, late: s.late + a.late }), { documents: 0, late: 0 });
  return { ...paged(all, f.page, f.pageSize), year: f.year ?? null, sessionId: f.sessionId ?? null, totals };
}

/** The presenting agency's own expected documents of sessions not closed, with their files (unless o.files is false), one page. */
export async function agencyDocuments(db: DbOrTx, agencyId: string, f: { page: number; pageSize: number; timing?: TimingFilter }, day: string, calendar: WorkingCalendar, o: { files?: boolean } = {}) {
  // "Due soon" is each council's own threshold (its rule set in force today).
  const councilIds = (await db.selectDistinct({ id: sessionDocuments.councilId }).from(sessionDocuments).where(eq(sessionDocuments.agencyId, agencyId))).map((r) => r.id);
  const dueSoonByCouncil = new Map<string, number>();
  for (const c of councilIds) dueSoonByCouncil.set(c, await dueSoonOf(db, c, day));
  const soon = councilIds.length
    ? sql`(case ${sessionDocuments.councilId} ${sql.join(councilIds.map((c) => sql`when ${c}::uuid then ${soonBefore(day, calendar, dueSoonByCouncil.get(c)!)}::date`), sql` `)} end)`
    : sql`null::date`;
  const scope = { agencyId };
  const where = [ne(councilSessions.state, 'closed'), ...(f.timing ? [timingCond(f.timing, day, soon)] : [])];
  // What the agency still owes: the nearest due date first.
  const first = f.timing === 'notReceived' || f.timing === 'late' ? [sql`${sessionDocuments.dueDate} asc nulls last`] : [];
  const page = await documentPage(db, f, scope, { where, first }, (r) => documentJson(r, day, calendar, dueSoonByCouncil.get(r.doc.councilId)!));
  // The home page's lines show no files (o.files false): one statement less each.
  const files = o.files === false ? new Map<string, FileMeta[]>() : await filesOf(db, page.items.map((d) => d.id));
  return { ...page, items: page.items.map((d) => ({ ...d, files: files.get(d.id) ?? [] })) };
}
