// Read side of the oversight module: programmes of a council (and those of the councils below,
// which the upper council sees), one programme with its activities, conflicts and versions, the
// year's timeline with conflicts, an agency's own activities, the public pages and progress per body.
import { and, asc, count, desc, eq, getTableColumns, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../db/paging.ts';
import { ACTIVITY_KIND_LABELS, type ActivityKind } from '../../domain/oversight/index.ts';
import { agencies, councils } from '../directory/schema.ts';
import { addDays } from '../../domain/calendar/index.ts';
import { OVERSIGHT_STEP_LABELS, PROGRAM_STATE_LABELS, type OversightStep, type ProgramState } from '../../domain/oversight/index.ts';
import { conflictsFor, out, programOf, relatedCouncils, sentencesOf, settingsOf, subjectName, type DbOrTx } from './common.ts';
import { oversightActivities, oversightActivitySubjects, oversightNotices, oversightProgramVersions, oversightPrograms, oversightUploads } from './schema.ts';

export const ACTIVITY_STATE_LABELS: Record<string, string> = {
  planned: 'Trong chương trình', founded: 'Đã thành lập đoàn', notified: 'Đã thông báo', fieldwork: 'Đang giám sát',
  reported: 'Đã có báo cáo', closed: 'Đã kết thúc', postponed: 'Tạm hoãn', cancelled: 'Đã hủy',
};
/** Activities counted as done for a programme's progress. */
const DONE = ['reported', 'closed'];

async function subjectsOf(db: DbOrTx, activityIds: string[]) {
  if (!activityIds.length) return new Map<string, { id: string; name: string }[]>();
  const rows = await db.select({ activityId: oversightActivitySubjects.activityId, id: agencies.id, name: agencies.name, shortName: agencies.shortName })
    .from(oversightActivitySubjects).innerJoin(agencies, eq(agencies.id, oversightActivitySubjects.agencyId))
    .where(inArray(oversightActivitySubjects.activityId, activityIds));
  const m = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) m.set(r.activityId, [...(m.get(r.activityId) ?? []), { id: r.id, name: subjectName(r) }]);
  return m;
}

/** Programmes of the council, and with `lower` those of the councils below it (read only). */
export async function listPrograms(db: DbOrTx, councilId: string, q: { year?: number; lower?: boolean; page: number; pageSize: number }) {
  const related = await relatedCouncils(db, councilId);
  const ids = q.lower ? related.filter((c) => c.relation !== 'upper').map((c) => c.id) : [councilId];
  const where: SQL[] = [inArray(oversightPrograms.councilId, ids)];
  if (q.year) where.push(eq(oversightPrograms.year, q.year));
  const filter = and(...where);
  const { items: rows, total } = await pageWithTotal(
    q,
    (total) =>
      db.select({ p: oversightPrograms, councilName: councils.name, total }).from(oversightPrograms).innerJoin(councils, eq(councils.id, oversightPrograms.councilId))
        .where(filter).orderBy(desc(oversightPrograms.year), sql`${oversightPrograms.councilId} <> ${councilId}`, asc(councils.sortKey), asc(oversightPrograms.bodyKind), asc(oversightPrograms.bodyName)),
    () => countWhere(db, oversightPrograms, filter),
  );
  const progress = await progressOf(db, rows.map((r) => r.p.id));
  return {
    items: rows.map((r) => ({
      ...out(r.p), councilName: r.councilName, own: r.p.councilId === councilId, stateLabel: PROGRAM_STATE_LABELS[r.p.state as ProgramState] ?? r.p.state,
      ...(progress.get(r.p.id) ?? { activities: 0, done: 0 }),
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}

async function progressOf(db: DbOrTx, programIds: string[]) {
  if (!programIds.length) return new Map<string, { activities: number; done: number }>();
  const rows = await db.select({
    programId: oversightActivities.programId,
    activities: sql<number>`count(*) filter (where ${oversightActivities.state} <> 'cancelled')::int`,
    done: sql<number>`count(*) filter (where ${inArray(oversightActivities.state, DONE)})::int`,
  }).from(oversightActivities).where(inArray(oversightActivities.programId, programIds)).groupBy(oversightActivities.programId);
  return new Map(rows.map((r) => [r.programId, { activities: r.activities, done: r.done }]));
}

/** One programme: its activities with subjects and conflicts (sentences), and its versions. */
export async function programDetail(db: DbOrTx, viewerCouncilId: string, programId: string) {
  const related = await relatedCouncils(db, viewerCouncilId);
  const visible = related.filter((c) => c.relation !== 'upper').map((c) => c.id);
  const [p] = await db.select().from(oversightPrograms).where(and(eq(oversightPrograms.id, programId), inArray(oversightPrograms.councilId, visible)));
  const program = p ?? (await programOf(db, viewerCouncilId, programId));
  const acts = await db.select().from(oversightActivities).where(eq(oversightActivities.programId, program.id)).orderBy(asc(oversightActivities.startDate), asc(oversightActivities.title));
  const subjects = await subjectsOf(db, acts.map((a) => a.id));
  const { activities, conflicts } = acts.length ? await conflictsFor(db, program.councilId, program.year, new Set(acts.map((a) => a.id))) : { activities: [], conflicts: [] };
  const versions = await db.select().from(oversightProgramVersions).where(eq(oversightProgramVersions.programId, program.id)).orderBy(asc(oversightProgramVersions.version));
  return {
    ...out(program),
    own: program.councilId === viewerCouncilId,
    stateLabel: PROGRAM_STATE_LABELS[program.state as ProgramState] ?? program.state,
    activities: acts.map((a) => ({
      ...out(a),
      kindLabel: ACTIVITY_KIND_LABELS[a.kind as ActivityKind] ?? a.kind,
      stateLabel: ACTIVITY_STATE_LABELS[a.state] ?? a.state,
      subjects: subjects.get(a.id) ?? [],
      conflicts: sentencesOf(a.id, conflicts, activities),
    })),
    versions: versions.map((v) => out(v)),
  };
}

/** The year's timeline (Gantt): every activity of the council and the councils above and below, with its conflicts. */
export async function timeline(db: DbOrTx, councilId: string, year: number) {
  const { activities, conflicts } = await conflictsFor(db, councilId, year);
  return {
    year,
    activities: activities
      .sort((a, b) => (a.relation === b.relation ? 0 : a.relation === 'self' ? -1 : b.relation === 'self' ? 1 : a.relation === 'upper' ? -1 : 1) || a.bodyName.localeCompare(b.bodyName, 'vi') || a.start.localeCompare(b.start))
      .map((a) => ({
        id: a.id, programId: a.programId, councilId: a.councilId, councilName: a.councilName, relation: a.relation, bodyName: a.bodyName, title: a.title,
        kind: a.kind, kindLabel: ACTIVITY_KIND_LABELS[a.kind as ActivityKind] ?? a.kind, start: a.start, end: a.end, subjects: a.subjects,
        programState: a.programState, conflicts: sentencesOf(a.id, conflicts, activities),
      })),
    conflicts: conflicts.map((c) => ({ type: c.type, a: c.a, b: c.b, from: c.from, to: c.to, sentenceA: c.sentenceA, sentenceB: c.sentenceB, acrossCouncils: c.acrossCouncils })),
  };
}

/** The activities an agency is supervised in (its own login), with the files it uploaded. */
export async function agencyActivities(db: DbOrTx, agencyId: string, q: { page: number; pageSize: number }) {
  const filter = and(eq(oversightActivitySubjects.agencyId, agencyId), sql`${oversightActivities.state} <> 'cancelled'`, sql`${oversightPrograms.state} <> 'draft'`);
  const { items: rows, total } = await pageWithTotal(
    q,
    (total) =>
      db.select({ a: oversightActivities, bodyName: oversightPrograms.bodyName, councilName: councils.name, total })
        .from(oversightActivitySubjects)
        .innerJoin(oversightActivities, eq(oversightActivities.id, oversightActivitySubjects.activityId))
        .innerJoin(oversightPrograms, eq(oversightPrograms.id, oversightActivities.programId))
        .innerJoin(councils, eq(councils.id, oversightActivities.councilId))
        .where(filter).orderBy(asc(oversightActivities.startDate)),
    async () =>
      (await db.select({ n: count() }).from(oversightActivitySubjects)
        .innerJoin(oversightActivities, eq(oversightActivities.id, oversightActivitySubjects.activityId))
        .innerJoin(oversightPrograms, eq(oversightPrograms.id, oversightActivities.programId)).where(filter))[0]?.n ?? 0,
  );
  const ids = rows.map((r) => r.a.id);
  const files = ids.length
    ? await db.select({ id: oversightUploads.id, activityId: oversightUploads.activityId, title: oversightUploads.title, fileName: oversightUploads.fileName, size: oversightUploads.size, createdAt: oversightUploads.createdAt })
      .from(oversightUploads).where(and(inArray(oversightUploads.activityId, ids), eq(oversightUploads.agencyId, agencyId))).orderBy(asc(oversightUploads.createdAt))
    : [];
  return {
    items: rows.map((r) => ({
      id: r.a.id, title: r.a.title, kind: r.a.kind, kindLabel: ACTIVITY_KIND_LABELS[r.a.kind as ActivityKind] ?? r.a.kind, startDate: r.a.startDate, endDate: r.a.endDate,
      state: r.a.state, stateLabel: ACTIVITY_STATE_LABELS[r.a.state] ?? r.a.state, bodyName: r.bodyName, councilName: r.councilName, content: r.a.content,
      files: files.filter((f) => f.activityId === r.a.id).map((f) => out(f)),
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}

/** Published programmes of a council for the public pages (no internal notes, reasons or files). */
export async function publicPrograms(db: DbOrTx, councilId: string, q: { year?: number; page: number; pageSize: number }) {
  const where = and(eq(oversightPrograms.councilId, councilId), isNotNull(oversightPrograms.publishedAt), ...(q.year ? [eq(oversightPrograms.year, q.year)] : []));
  const { items: rows, total } = await pageWithTotal(
    q,
    (total) =>
      db.select({ ...getTableColumns(oversightPrograms), total }).from(oversightPrograms).where(where).orderBy(desc(oversightPrograms.year), asc(oversightPrograms.bodyName)),
    () => countWhere(db, oversightPrograms, where),
  );
  const acts = rows.length
    ? await db.select().from(oversightActivities).where(and(inArray(oversightActivities.programId, rows.map((r) => r.id)), sql`${oversightActivities.state} <> 'cancelled'`)).orderBy(asc(oversightActivities.startDate))
    : [];
  const subjects = await subjectsOf(db, acts.map((a) => a.id));
  return {
    items: rows.map((p) => ({
      id: p.id, year: p.year, title: p.title, bodyName: p.bodyName, state: p.state, stateLabel: PROGRAM_STATE_LABELS[p.state as ProgramState] ?? p.state,
      adoptedOn: p.adoptedOn, resolutionNumber: p.resolutionNumber,
      activities: acts.filter((a) => a.programId === p.id).map((a) => ({
        id: a.id, title: a.title, kindLabel: ACTIVITY_KIND_LABELS[a.kind as ActivityKind] ?? a.kind, startDate: a.startDate, endDate: a.endDate,
        stateLabel: ACTIVITY_STATE_LABELS[a.state] ?? a.state, subjects: (subjects.get(a.id) ?? []).map((s) => s.name),
      })),
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}

/** The upper dashboard's "supervision activities" column: per council, activities of the year of `at` begun by `at` (not cancelled). */
export async function activitiesStartedBy(db: DbOrTx, councilIds: string[], at: string): Promise<Map<string, number>> {
  if (!councilIds.length) return new Map();
  const rows = await db.select({ councilId: oversightActivities.councilId, n: sql<number>`count(*)::int` }).from(oversightActivities)
    .where(and(inArray(oversightActivities.councilId, councilIds), eq(oversightActivities.year, Number(at.slice(0, 4))), sql`${oversightActivities.startDate} <= ${at}`, sql`${oversightActivities.state} <> 'cancelled'`))
    .groupBy(oversightActivities.councilId);
  return new Map(rows.map((r) => [r.councilId, r.n]));
}

/**
 * Notices owed to the supervised bodies and not sent yet, by due date; with `pending`, only those
 * due within the council's reminder window (or overdue): the secretariat's reminder.
 */
export async function councilNotices(db: DbOrTx, councilId: string, day: string, q: { pending?: boolean; page: number; pageSize: number }) {
  const s = await settingsOf(db, councilId);
  const where = and(
    eq(oversightNotices.councilId, councilId), sql`${oversightNotices.sentOn} is null`, sql`${oversightNotices.dueDate} is not null`,
    sql`${oversightActivities.state} <> 'cancelled'`,
    ...(q.pending ? [sql`${oversightNotices.dueDate} <= ${addDays(day, s.noticeReminderDays)}`] : []),
  );
  const { items: rows, total } = await pageWithTotal(
    q,
    (total) =>
      db.select({ n: oversightNotices, title: oversightActivities.title, agencyName: agencies.name, shortName: agencies.shortName, total }).from(oversightNotices)
        .innerJoin(oversightActivities, eq(oversightActivities.id, oversightNotices.activityId)).innerJoin(agencies, eq(agencies.id, oversightNotices.agencyId))
        .where(where).orderBy(asc(oversightNotices.dueDate), asc(agencies.name)),
    async () => (await db.select({ n: count() }).from(oversightNotices).innerJoin(oversightActivities, eq(oversightActivities.id, oversightNotices.activityId)).where(where))[0]?.n ?? 0,
  );
  return {
    items: rows.map((r) => ({
      ...out(r.n), activityTitle: r.title, agencyName: subjectName({ name: r.agencyName, shortName: r.shortName }),
      stepLabel: OVERSIGHT_STEP_LABELS[r.n.step as OversightStep] ?? r.n.step, overdue: r.n.dueDate! < day,
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}
