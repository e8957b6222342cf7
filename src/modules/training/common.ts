// Shared helpers of the training module: scoped loaders, the council's current term, and the one
// picture every read computes from (delegates with their bodies and whether they are new, required
// courses, classes, sessions, enrolments and attendance counts) — completion is computed from it
// with domain/training, never stored.
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { notFound } from '../../server/errors.ts';
import { audienceOf, classCompletion, courseStanding, personKey, shareInForce, type AudienceRule, type ClassCompletion, type CourseStanding, type DelegateProfile, type EnrolmentState } from '../../domain/training/index.ts';
import { bodies, councils, delegates, memberships, terms } from '../directory/schema.ts';
import { trainingClasses, trainingCourses, trainingEnrolments, trainingSessions } from './schema.ts';
import type { DbOrTx } from '../petitions/common.ts';
import { domain } from '../../server/ruleErrors.ts';
export { domain };

export { today, out, type ActionCtx, type DbOrTx } from '../petitions/common.ts';

export type CourseRow = typeof trainingCourses.$inferSelect;
export type ClassRow = typeof trainingClasses.$inferSelect;

export async function courseOf(db: DbOrTx, councilId: string, courseId: string): Promise<CourseRow> {
  const [c] = await db.select().from(trainingCourses).where(and(eq(trainingCourses.id, courseId), eq(trainingCourses.councilId, councilId)));
  if (!c) throw notFound('khóa bồi dưỡng');
  return c;
}

export async function classOf(db: DbOrTx, councilId: string, classId: string, opts: { lock?: boolean } = {}): Promise<ClassRow> {
  const q = db.select().from(trainingClasses).where(and(eq(trainingClasses.id, classId), eq(trainingClasses.councilId, councilId)));
  const [c] = opts.lock ? await q.for('update') : await q;
  if (!c) throw notFound('lớp bồi dưỡng');
  return c;
}

/** The council's term in force in `year` (else its latest). */
export async function currentTerm(db: DbOrTx, councilId: string, year: number) {
  const rows = await db.select().from(terms).where(eq(terms.councilId, councilId)).orderBy(asc(terms.startYear));
  return rows.filter((t) => t.startYear <= year && year <= t.endYear).pop() ?? rows.pop() ?? null;
}

/** The council's own default share (settings.training.completionShare), if it set one. */
export async function councilShare(db: DbOrTx, councilId: string): Promise<number | null> {
  const [c] = await db.select({ settings: councils.settings }).from(councils).where(eq(councils.id, councilId));
  const s = (c?.settings as { training?: { completionShare?: unknown } } | undefined)?.training?.completionShare;
  return typeof s === 'number' ? s : null;
}

export interface DelegateInfo extends DelegateProfile {
  fullName: string;
  position: string;
  councilId: string;
  bodies: { id: string; name: string; kind: string; role: string }[];
}

/** The delegates of councils (a term each), with their bodies and whether they are new to the council's delegates. */
export async function delegatesOf(db: DbOrTx, councilIds: string[], termIds: string[]): Promise<DelegateInfo[]> {
  if (!councilIds.length || !termIds.length) return [];
  const rows = await db.select().from(delegates).where(and(inArray(delegates.councilId, councilIds), inArray(delegates.termId, termIds))).orderBy(asc(delegates.sortKey), asc(delegates.id));
  if (!rows.length) return [];
  const ms = await db.select({ delegateId: memberships.delegateId, bodyId: bodies.id, name: bodies.name, kind: bodies.kind, role: memberships.role })
    .from(memberships).innerJoin(bodies, eq(bodies.id, memberships.bodyId)).where(inArray(memberships.delegateId, rows.map((r) => r.id)));
  // Elected before: a delegate record of an earlier term (any council: levels merged in 2025) with the same name and birth year.
  const termRows = await db.select().from(terms).where(inArray(terms.id, termIds));
  const firstYear = Math.min(...termRows.map((t) => t.startYear));
  const lastYear = Math.max(...termRows.map((t) => t.startYear));
  const years = [...new Set(rows.map((r) => r.birthYear).filter((y): y is number => y !== null))];
  const earlier = years.length
    ? await db.select({ fullName: delegates.fullName, birthYear: delegates.birthYear, startYear: terms.startYear }).from(delegates)
      .innerJoin(terms, eq(terms.id, delegates.termId)).where(and(inArray(delegates.birthYear, years), lt(terms.startYear, lastYear)))
    : [];
  const startOf = new Map(termRows.map((t) => [t.id, t.startYear]));
  return rows.map((d) => {
    const key = personKey(d.fullName, d.birthYear);
    const start = startOf.get(d.termId ?? '') ?? firstYear;
    const isNew = !earlier.some((e) => e.startYear < start && personKey(e.fullName, e.birthYear) === key);
    const mine = ms.filter((m) => m.delegateId === d.id);
    return {
      id: d.id, termId: d.termId, status: d.status, isNew, fullName: d.fullName, position: d.position, councilId: d.councilId,
      memberships: mine.map((m) => ({ bodyId: m.bodyId, bodyKind: m.kind, role: m.role })),
      bodies: mine.map((m) => ({ id: m.bodyId, name: m.name, kind: m.kind, role: m.role })),
    };
  });
}

export interface EnrolmentFact {
  id: string;
  classId: string;
  delegateId: string;
  state: EnrolmentState;
  reason: string;
  source: string;
  certificateDocumentId: string | null;
  present: number;
  marked: number;
  completion: ClassCompletion;
}

export interface ClassFact {
  row: ClassRow;
  sessionCount: number;
  heldCount: number;
  finished: boolean;
}

/** Classes of the courses with their session counts; enrolments with attendance and completion. */
export async function classFacts(db: DbOrTx, courses: CourseRow[], day: string, share: (c: CourseRow) => number, opts: { delegateIds?: string[] } = {}) {
  const courseIds = courses.map((c) => c.id);
  if (!courseIds.length) return { classes: [] as ClassFact[], enrolments: [] as EnrolmentFact[] };
  const rows = await db.select().from(trainingClasses).where(inArray(trainingClasses.courseId, courseIds)).orderBy(asc(trainingClasses.startsOn), asc(trainingClasses.id));
  const classIds = rows.map((r) => r.id);
  const counts = classIds.length
    ? await db.select({ classId: trainingSessions.classId, n: sql<number>`count(*)::int`, held: sql<number>`count(*) filter (where ${trainingSessions.heldOn} <= ${day})::int` })
      .from(trainingSessions).where(inArray(trainingSessions.classId, classIds)).groupBy(trainingSessions.classId)
    : [];
  const byClass = new Map(counts.map((c) => [c.classId, c]));
  const classes: ClassFact[] = rows.map((row) => ({
    row, sessionCount: byClass.get(row.id)?.n ?? 0, heldCount: byClass.get(row.id)?.held ?? 0, finished: row.state === 'finished' || row.endsOn < day,
  }));
  if (!classIds.length) return { classes, enrolments: [] as EnrolmentFact[] };
  const where = opts.delegateIds ? and(inArray(trainingEnrolments.classId, classIds), inArray(trainingEnrolments.delegateId, opts.delegateIds.length ? opts.delegateIds : ['00000000-0000-0000-0000-000000000000'])) : inArray(trainingEnrolments.classId, classIds);
  const en = await db.select({
    e: trainingEnrolments,
    present: sql<number>`(select count(*) from training_attendance a where a.enrolment_id = "training_enrolments"."id" and a.status = 'present')::int`,
    marked: sql<number>`(select count(*) from training_attendance a where a.enrolment_id = "training_enrolments"."id")::int`,
  }).from(trainingEnrolments).where(where);
  const classById = new Map(classes.map((c) => [c.row.id, c]));
  const courseById = new Map(courses.map((c) => [c.id, c]));
  const enrolments: EnrolmentFact[] = en.map(({ e, present, marked }) => {
    const cl = classById.get(e.classId)!;
    const completion = classCompletion({
      sessionCount: cl.sessionCount, heldCount: cl.heldCount, present, share: share(courseById.get(cl.row.courseId)!), enrolment: e.state as EnrolmentState, finished: cl.finished,
    });
    return { id: e.id, classId: e.classId, delegateId: e.delegateId, state: e.state as EnrolmentState, reason: e.reason, source: e.source, certificateDocumentId: e.certificateDocumentId, present, marked, completion };
  });
  return { classes, enrolments };
}

export interface Standing {
  delegate: DelegateInfo;
  course: CourseRow;
  standing: CourseStanding;
  best: EnrolmentFact | null;
  enrolments: EnrolmentFact[];
}

/** Everything a council's training reads need for its current term: who is required where, and how far each got. */
export async function councilPicture(db: DbOrTx, councilId: string, day: string, opts: { termId?: string } = {}) {
  const term = opts.termId ? (await db.select().from(terms).where(and(eq(terms.id, opts.termId), eq(terms.councilId, councilId))))[0] : await currentTerm(db, councilId, Number(day.slice(0, 4)));
  if (!term) return { term: null, delegates: [] as DelegateInfo[], courses: [] as CourseRow[], classes: [] as ClassFact[], enrolments: [] as EnrolmentFact[], standings: [] as Standing[], shareOf: (_: CourseRow) => shareInForce(null).share };
  const councilDefault = await councilShare(db, councilId);
  const shareOf = (c: CourseRow) => domain(() => shareInForce(c.completionShare, councilDefault)).share;
  const courses = await db.select().from(trainingCourses).where(and(eq(trainingCourses.councilId, councilId), eq(trainingCourses.termId, term.id))).orderBy(asc(trainingCourses.createdAt), asc(trainingCourses.id));
  const ds = await delegatesOf(db, [councilId], [term.id]);
  const { classes, enrolments } = await classFacts(db, courses, day, shareOf);
  const standings: Standing[] = [];
  for (const course of courses.filter((c) => c.required)) {
    const classIds = new Set(classes.filter((c) => c.row.courseId === course.id).map((c) => c.row.id));
    for (const d of audienceOf(ds, course.audience as AudienceRule[], term.id)) {
      const mine = enrolments.filter((e) => e.delegateId === d.id && classIds.has(e.classId));
      const standing = courseStanding(mine.map((e) => e.completion));
      const best = mine.find((e) => (e.completion.state === 'no_sessions' ? 'in_progress' : e.completion.state) === standing) ?? null;
      standings.push({ delegate: d, course, standing, best, enrolments: mine });
    }
  }
  return { term, delegates: ds, courses, classes, enrolments, standings, shareOf };
}

export const MODE_LABELS: Record<string, string> = { in_person: 'Trực tiếp', online: 'Trực tuyến', mixed: 'Trực tiếp kết hợp trực tuyến' };
export const CLASS_KIND_LABELS: Record<string, string> = { trainers: 'Lớp bồi dưỡng báo cáo viên (tập huấn viên)', local: 'Lớp nhân rộng do báo cáo viên giảng', regular: 'Lớp bồi dưỡng' };
export const CLASS_STATE_LABELS: Record<string, string> = { planned: 'Dự kiến', open: 'Đang ghi danh', running: 'Đang học', finished: 'Đã kết thúc' };
export const ENROLMENT_STATE_LABELS: Record<string, string> = { invited: 'Được mời', enrolled: 'Đã ghi danh', excused: 'Vắng có lý do' };
export const ATTENDANCE_LABELS: Record<string, string> = { present: 'Có mặt', absent_excused: 'Vắng có lý do', absent: 'Vắng không lý do' };
export const BODY_KIND_LABELS: Record<string, string> = { standing: 'Thường trực', committee: 'Ban', delegate_group: 'Tổ đại biểu' };
