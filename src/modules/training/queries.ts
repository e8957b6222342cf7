// Reads of the training module: they compute completion from attendance on the day asked and
// write nothing.
import { and, asc, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../db/paging.ts';
import { invalid, notFound } from '../../server/errors.ts';
import { pageFrom } from '../../server/route.ts';
import { fold } from '../../domain/text/normalize.ts';
import {
  audienceOf, CLASS_COMPLETION_LABELS, COURSE_STANDING_LABELS, coverage, describeRule, shareInForce, termCompleted,
  type AudienceRule, type CourseStanding,
} from '../../domain/training/index.ts';
import { bodies, councils, delegates, terms } from '../directory/schema.ts';
import { lowerCouncilsAt } from '../dashboards/queries/lowerCouncils.ts';
import type { Db } from '../../db/client.ts';
import { nameSearch } from '../../db/textSearch.ts';
import {
  ATTENDANCE_LABELS, BODY_KIND_LABELS, CLASS_KIND_LABELS, CLASS_STATE_LABELS, ENROLMENT_STATE_LABELS, MODE_LABELS,
  classFacts, classOf, councilPicture, councilShare, courseOf, currentTerm, delegatesOf, domain, out, type CourseRow, type DbOrTx, type DelegateInfo, type EnrolmentFact,
} from './common.ts';
import { trainingAttendance, trainingClasses, trainingCourses, trainingEnrolments, trainingMaterials, trainingSessions } from './schema.ts';
import { sessionsOf } from './actions.ts';

type Page = { page: number; pageSize: number; q?: string | undefined };

async function bodyNames(db: DbOrTx, councilId: string) {
  const rows = await db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(eq(bodies.councilId, councilId));
  return new Map(rows.map((b) => [b.id, b.name]));
}

const rulesView = (rules: AudienceRule[], names: Map<string, string>) => rules.map((r) => ({ ...r, label: describeRule(r, (id) => names.get(id)) }));

export async function listCourses(db: DbOrTx, councilId: string, p: Page & { termId?: string | undefined }, day: string) {
  const term = p.termId ? { id: p.termId } : await currentTerm(db, councilId, Number(day.slice(0, 4)));
  const where = and(
    eq(trainingCourses.councilId, councilId),
    term ? eq(trainingCourses.termId, term.id) : undefined,
    nameSearch(trainingCourses.searchKey, p.q),
  );
  const { items: rows, total } = await pageWithTotal(
    p,
    (total) => db.select({ ...getTableColumns(trainingCourses), total }).from(trainingCourses).where(where).orderBy(desc(trainingCourses.createdAt), asc(trainingCourses.id)),
    () => countWhere(db, trainingCourses, where),
  );
  const names = await bodyNames(db, councilId);
  const classCounts = rows.length
    ? await db.select({ courseId: trainingClasses.courseId, n: sql<number>`count(*)::int` }).from(trainingClasses).where(inArray(trainingClasses.courseId, rows.map((r) => r.id))).groupBy(trainingClasses.courseId)
    : [];
  const cc = new Map(classCounts.map((c) => [c.courseId, c.n]));
  return {
    items: rows.map((r) => ({ ...out(r), modeLabel: MODE_LABELS[r.mode] ?? r.mode, audience: rulesView(r.audience as AudienceRule[], names), classCount: cc.get(r.id) ?? 0 })),
    total, page: p.page, pageSize: p.pageSize,
  };
}

function classView(c: { row: typeof trainingClasses.$inferSelect; sessionCount: number; heldCount: number }) {
  return { ...out(c.row), kindLabel: CLASS_KIND_LABELS[c.row.kind] ?? c.row.kind, stateLabel: CLASS_STATE_LABELS[c.row.state] ?? c.row.state, sessionCount: c.sessionCount, heldCount: c.heldCount };
}

export async function courseDetail(db: DbOrTx, councilId: string, courseId: string, day: string) {
  const course = await courseOf(db, councilId, courseId);
  const names = await bodyNames(db, councilId);
  const councilDefault = await councilShare(db, councilId);
  const share = domain(() => shareInForce(course.completionShare, councilDefault));
  const { classes, enrolments } = await classFacts(db, [course], day, () => share.share);
  const audience = audienceOf(await delegatesOf(db, [councilId], [course.termId]), course.audience as AudienceRule[], course.termId);
  const done = new Set(enrolments.filter((e) => e.completion.state === 'completed').map((e) => e.delegateId));
  const materials = await db.select({ id: trainingMaterials.id, title: trainingMaterials.title, fileName: trainingMaterials.fileName, mimeType: trainingMaterials.mimeType, size: trainingMaterials.size, createdAt: trainingMaterials.createdAt })
    .from(trainingMaterials).where(eq(trainingMaterials.courseId, courseId)).orderBy(asc(trainingMaterials.createdAt));
  const parents = classes.map((c) => c.row.parentClassId).filter((x): x is string => !!x);
  const parentRows = parents.length ? await db.select({ id: trainingClasses.id, title: trainingClasses.title, councilId: trainingClasses.councilId }).from(trainingClasses).where(inArray(trainingClasses.id, parents)) : [];
  const [term] = await db.select().from(terms).where(eq(terms.id, course.termId));
  return {
    ...out(course),
    modeLabel: MODE_LABELS[course.mode] ?? course.mode,
    termName: term ? `${term.name} (${term.startYear}–${term.endYear})` : '',
    audience: rulesView(course.audience as AudienceRule[], names),
    share: { value: share.share, verified: share.verified, source: share.source },
    figures: { audience: audience.length, completed: audience.filter((d) => done.has(d.id)).length, enrolled: new Set(enrolments.map((e) => e.delegateId)).size },
    classes: classes.map((c) => ({
      ...classView(c),
      enrolled: enrolments.filter((e) => e.classId === c.row.id).length,
      completed: enrolments.filter((e) => e.classId === c.row.id && e.completion.state === 'completed').length,
      parent: parentRows.find((p) => p.id === c.row.parentClassId) ?? null,
    })),
    materials: materials.map((m) => out(m)),
  };
}

/** Who must attend the course (paged), with how far each got. */
export async function courseAudience(db: DbOrTx, councilId: string, courseId: string, p: Page, day: string) {
  const course = await courseOf(db, councilId, courseId);
  const councilDefault = await councilShare(db, councilId);
  const share = domain(() => shareInForce(course.completionShare, councilDefault)).share;
  const audience = audienceOf(await delegatesOf(db, [councilId], [course.termId]), course.audience as AudienceRule[], course.termId);
  const q = p.q?.trim() ? fold(p.q.trim()) : null;
  const shown = q ? audience.filter((d) => fold(d.fullName).includes(q)) : audience;
  const { enrolments } = await classFacts(db, [course], day, () => share, { delegateIds: shown.map((d) => d.id) });
  const page = pageFrom(shown, p);
  return { ...page, items: page.items.map((d) => ({ ...delegateView(d), classes: enrolments.filter((e) => e.delegateId === d.id).map((e) => ({ classId: e.classId, state: e.completion.state, stateLabel: CLASS_COMPLETION_LABELS[e.completion.state], present: e.present, sessionCount: e.completion.sessionCount })) })) };
}

const delegateView = (d: DelegateInfo) => ({
  delegateId: d.id, fullName: d.fullName, position: d.position, isNew: d.isNew,
  bodies: d.bodies.map((b) => ({ id: b.id, name: b.name, kindLabel: BODY_KIND_LABELS[b.kind] ?? b.kind, role: b.role })),
});

export async function classDetail(db: DbOrTx, councilId: string, classId: string, day: string) {
  const cl = await classOf(db, councilId, classId);
  const course = await courseOf(db, councilId, cl.courseId);
  const councilDefault = await councilShare(db, councilId);
  const share = domain(() => shareInForce(course.completionShare, councilDefault));
  const { classes, enrolments } = await classFacts(db, [course], day, () => share.share);
  const fact = classes.find((c) => c.row.id === classId)!;
  const mine = enrolments.filter((e) => e.classId === classId);
  const sessions = await sessionsOf(db, classId);
  const marks = mine.length
    ? await db.select().from(trainingAttendance).where(inArray(trainingAttendance.enrolmentId, mine.map((e) => e.id)))
    : [];
  const people = mine.length ? await db.select({ id: delegates.id, fullName: delegates.fullName, position: delegates.position, councilId: delegates.councilId, councilName: councils.shortName })
    .from(delegates).innerJoin(councils, eq(councils.id, delegates.councilId)).where(inArray(delegates.id, mine.map((e) => e.delegateId))).orderBy(asc(delegates.sortKey)) : [];
  const [parent] = cl.parentClassId ? await db.select({ id: trainingClasses.id, title: trainingClasses.title, councilId: trainingClasses.councilId, startsOn: trainingClasses.startsOn }).from(trainingClasses).where(eq(trainingClasses.id, cl.parentClassId)) : [];
  const children = await db.select({ id: trainingClasses.id, title: trainingClasses.title, councilId: trainingClasses.councilId, councilName: councils.name, startsOn: trainingClasses.startsOn })
    .from(trainingClasses).innerJoin(councils, eq(councils.id, trainingClasses.councilId)).where(eq(trainingClasses.parentClassId, classId)).orderBy(asc(trainingClasses.startsOn));
  const byEnrolment = new Map(mine.map((e) => [e.id, e]));
  return {
    ...classView(fact),
    course: { id: course.id, title: course.title, modeLabel: MODE_LABELS[course.mode] ?? course.mode },
    share: { value: share.share, verified: share.verified, source: share.source },
    parent: parent ?? null,
    children,
    sessions: sessions.map((s) => ({ ...out(s), held: s.heldOn <= day, present: marks.filter((m) => m.sessionId === s.id && m.status === 'present').length, marked: marks.filter((m) => m.sessionId === s.id).length })),
    enrolments: people.map((p) => {
      const e = mine.find((x) => x.delegateId === p.id)!;
      return {
        id: e.id, delegateId: p.id, fullName: p.fullName, position: p.position, councilName: p.councilName, state: e.state, stateLabel: ENROLMENT_STATE_LABELS[e.state] ?? e.state,
        reason: e.reason, source: e.source, certificateDocumentId: e.certificateDocumentId,
        present: e.present, completion: e.completion.state, completionLabel: CLASS_COMPLETION_LABELS[e.completion.state], needed: e.completion.needed,
        marks: Object.fromEntries(marks.filter((m) => byEnrolment.get(m.enrolmentId)?.delegateId === p.id).map((m) => [m.sessionId, { status: m.status, label: ATTENDANCE_LABELS[m.status] ?? m.status, channel: m.channel }])),
      };
    }),
  };
}

export interface ReportFilter extends Page {
  council?: string | undefined;
  bodyId?: string | undefined;
  courseId?: string | undefined;
  standing?: CourseStanding | undefined;
}

/** The councils a council's staff may report on: itself and the councils directly below it. */
export async function reportableCouncils(db: Db, councilId: string, day: string) {
  const [self] = await db.select({ id: councils.id, name: councils.name }).from(councils).where(eq(councils.id, councilId));
  if (!self) throw notFound('hội đồng nhân dân');
  const lower = await lowerCouncilsAt(db, councilId, day);
  return [{ id: self.id, name: self.name, own: true }, ...lower.map((l) => ({ id: l.council_id, name: l.council_name, own: false }))];
}

/** Who has not completed required training: one row per delegate and required course (paged, computed). */
export async function notCompletedRows(db: Db, councilId: string, f: ReportFilter, day: string) {
  const allowed = await reportableCouncils(db, councilId, day);
  const target = f.council ?? councilId;
  const council = allowed.find((c) => c.id === target);
  if (!council) throw invalid('Chỉ xem được Hội đồng nhân dân này và các Hội đồng nhân dân cấp dưới trực tiếp.');
  const pic = await councilPicture(db, target, day);
  const q = f.q?.trim() ? fold(f.q.trim()) : null;
  const rows = pic.standings
    .filter((s) => s.standing !== 'completed')
    .filter((s) => !f.bodyId || s.delegate.bodies.some((b) => b.id === f.bodyId))
    .filter((s) => !f.courseId || s.course.id === f.courseId)
    .filter((s) => !f.standing || s.standing === f.standing)
    .filter((s) => !q || fold(s.delegate.fullName).includes(q))
    .map((s) => ({
      councilId: target, councilName: council.name,
      ...delegateView(s.delegate),
      courseId: s.course.id, courseTitle: s.course.title,
      standing: s.standing, standingLabel: COURSE_STANDING_LABELS[s.standing],
      present: s.best?.present ?? 0, sessionCount: s.best?.completion.sessionCount ?? 0, needed: s.best?.completion.needed ?? 0,
      reason: s.best?.reason ?? '',
    }));
  return { council, term: pic.term ? { id: pic.term.id, name: pic.term.name, startYear: pic.term.startYear, endYear: pic.term.endYear } : null, rows };
}

export async function notCompletedReport(db: Db, councilId: string, f: ReportFilter, day: string) {
  const { council, term, rows } = await notCompletedRows(db, councilId, f, day);
  return { ...pageFrom(rows, f), council: { id: council.id, name: council.name }, term };
}

/** Coverage of a council and of the councils directly below it (the upper level sees them side by side). */
export async function trainingCoverage(db: Db, councilId: string, day: string) {
  const list = await reportableCouncils(db, councilId, day);
  const items = [];
  for (const c of list) {
    const pic = await councilPicture(db, c.id, day);
    const serving = pic.delegates.filter((d) => d.status === 'active');
    const completedAny = new Set(pic.enrolments.filter((e) => e.completion.state === 'completed').map((e) => e.delegateId));
    const byDelegate = new Map<string, CourseStanding[]>();
    for (const s of pic.standings) byDelegate.set(s.delegate.id, [...(byDelegate.get(s.delegate.id) ?? []), s.standing]);
    const required = [...byDelegate.values()];
    const doneRequired = required.filter((st) => termCompleted(st)).length;
    const covered = serving.filter((d) => completedAny.has(d.id)).length;
    items.push({
      councilId: c.id, councilName: c.name, own: c.own,
      termName: pic.term ? `${pic.term.name} (${pic.term.startYear}–${pic.term.endYear})` : null,
      delegates: serving.length, covered, coverage: coverage(covered, serving.length),
      required: required.length, requiredCompleted: doneRequired, notCompleted: required.length - doneRequired,
      courses: pic.courses.length, classes: pic.classes.length,
    });
  }
  return pageFrom(items, { page: 1, pageSize: Math.max(1, items.length) });
}

/** The delegate's own record: required courses and how far they got, every class they were in, certificates. */
export async function myTraining(db: DbOrTx, councilId: string, delegateId: string | null, day: string) {
  if (!delegateId) return { delegate: null, term: null, completed: false, required: [], classes: [] };
  const pic = await councilPicture(db, councilId, day);
  const [d] = await db.select({ id: delegates.id, fullName: delegates.fullName, position: delegates.position }).from(delegates).where(eq(delegates.id, delegateId));
  const mineStandings = pic.standings.filter((s) => s.delegate.id === delegateId);
  // Every class they were enrolled in, whichever council ran it (a trainers' class above included).
  const ens = await db.select({ e: trainingEnrolments, cl: trainingClasses, course: trainingCourses, councilName: councils.name }).from(trainingEnrolments)
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
    .innerJoin(councils, eq(councils.id, trainingClasses.councilId))
    .where(eq(trainingEnrolments.delegateId, delegateId)).orderBy(desc(trainingClasses.startsOn));
  const facts = new Map<string, EnrolmentFact>();
  for (const [courseId, group] of Object.entries(Object.groupBy(ens, (x) => x.course.id))) {
    const course = group![0]!.course as CourseRow;
    const def = await councilShare(db, course.councilId);
    const share = domain(() => shareInForce(course.completionShare, def)).share;
    const { enrolments } = await classFacts(db, [course], day, () => share, { delegateIds: [delegateId] });
    for (const e of enrolments) facts.set(e.id, e);
    void courseId;
  }
  const classIds = ens.map((x) => x.cl.id);
  const sessions = classIds.length ? await db.select().from(trainingSessions).where(inArray(trainingSessions.classId, classIds)).orderBy(asc(trainingSessions.position)) : [];
  const marks = ens.length ? await db.select().from(trainingAttendance).where(inArray(trainingAttendance.enrolmentId, ens.map((x) => x.e.id))) : [];
  const materials = ens.length ? await db.select({ id: trainingMaterials.id, courseId: trainingMaterials.courseId, title: trainingMaterials.title, fileName: trainingMaterials.fileName, size: trainingMaterials.size })
    .from(trainingMaterials).where(inArray(trainingMaterials.courseId, [...new Set(ens.map((x) => x.course.id))])).orderBy(asc(trainingMaterials.createdAt)) : [];
  return {
    delegate: d ?? null,
    term: pic.term ? { id: pic.term.id, name: pic.term.name, startYear: pic.term.startYear, endYear: pic.term.endYear } : null,
    completed: termCompleted(mineStandings.map((s) => s.standing)),
    required: mineStandings.map((s) => ({ courseId: s.course.id, courseTitle: s.course.title, standing: s.standing, standingLabel: COURSE_STANDING_LABELS[s.standing], present: s.best?.present ?? 0, sessionCount: s.best?.completion.sessionCount ?? 0, needed: s.best?.completion.needed ?? 0 })),
    classes: ens.map((x) => {
      const f = facts.get(x.e.id);
      return {
        enrolmentId: x.e.id, classId: x.cl.id, title: x.cl.title, kindLabel: CLASS_KIND_LABELS[x.cl.kind] ?? x.cl.kind, courseTitle: x.course.title, councilName: x.councilName,
        startsOn: x.cl.startsOn, endsOn: x.cl.endsOn, place: x.cl.place, link: x.cl.link, state: x.e.state, reason: x.e.reason,
        completion: f?.completion.state ?? 'no_sessions', completionLabel: CLASS_COMPLETION_LABELS[f?.completion.state ?? 'no_sessions'],
        present: f?.present ?? 0, needed: f?.completion.needed ?? 0, hasCertificate: !!x.e.certificateDocumentId,
        sessions: sessions.filter((s) => s.classId === x.cl.id).map((s) => {
          const m = marks.find((mk) => mk.sessionId === s.id && mk.enrolmentId === x.e.id);
          return { id: s.id, position: s.position, heldOn: s.heldOn, topic: s.topic, status: m?.status ?? null, statusLabel: m ? ATTENDANCE_LABELS[m.status] : s.heldOn <= day ? 'Chưa điểm danh' : 'Sắp học' };
        }),
        materials: materials.filter((m) => m.courseId === x.course.id).map(({ courseId: _c, ...m }) => m),
      };
    }),
  };
}

/** An enrolment of the delegate (their own certificate), or 404. */
export async function ownEnrolment(db: DbOrTx, delegateId: string | null, enrolmentId: string) {
  const [e] = await db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, enrolmentId));
  if (!e || !delegateId || e.delegateId !== delegateId) throw notFound('ghi danh của bạn');
  return e;
}

export async function materialOf(db: DbOrTx, councilId: string, courseId: string, materialId: string) {
  const [m] = await db.select({ m: trainingMaterials }).from(trainingMaterials).innerJoin(trainingCourses, eq(trainingCourses.id, trainingMaterials.courseId))
    .where(and(eq(trainingMaterials.id, materialId), eq(trainingMaterials.courseId, courseId), eq(trainingCourses.councilId, councilId)));
  if (!m) throw notFound('tài liệu');
  return m.m;
}

/** A material the delegate may read: of a course whose class they are enrolled in. */
export async function ownMaterial(db: DbOrTx, delegateId: string | null, materialId: string) {
  if (!delegateId) throw notFound('tài liệu');
  const [m] = await db.select({ m: trainingMaterials }).from(trainingMaterials)
    .where(and(eq(trainingMaterials.id, materialId), sql`exists (select 1 from training_enrolments e join training_classes c on c.id = e.class_id where c.course_id = "training_materials"."course_id" and e.delegate_id = ${delegateId})`));
  if (!m) throw notFound('tài liệu');
  return m.m;
}

/** Trainers' classes a local class of this council may relay (its own and those of councils whose direct lower council it is), with their trainees of this council. */
export async function trainerClasses(db: Db, councilId: string, p: Page, day: string) {
  const rows = await db.select({ cl: trainingClasses, councilName: councils.name }).from(trainingClasses).innerJoin(councils, eq(councils.id, trainingClasses.councilId))
    .where(eq(trainingClasses.kind, 'trainers')).orderBy(desc(trainingClasses.startsOn), asc(trainingClasses.id));
  const upper = new Map<string, boolean>();
  for (const cid of new Set(rows.map((r) => r.cl.councilId))) {
    upper.set(cid, cid === councilId || (await lowerCouncilsAt(db, cid, day)).some((l) => l.council_id === councilId));
  }
  const allowed = rows.filter((r) => upper.get(r.cl.councilId));
  const page = pageFrom(allowed, p);
  const ids = page.items.map((r) => r.cl.id);
  const trainees = ids.length ? await db.select({ classId: trainingEnrolments.classId, delegateId: delegates.id, fullName: delegates.fullName })
    .from(trainingEnrolments).innerJoin(delegates, eq(delegates.id, trainingEnrolments.delegateId))
    .where(and(inArray(trainingEnrolments.classId, ids), eq(delegates.councilId, councilId), sql`${trainingEnrolments.state} <> 'excused'`)).orderBy(asc(delegates.sortKey)) : [];
  return {
    ...page,
    items: page.items.map((r) => ({ id: r.cl.id, title: r.cl.title, councilName: r.councilName, startsOn: r.cl.startsOn, endsOn: r.cl.endsOn, trainees: trainees.filter((t) => t.classId === r.cl.id).map(({ classId: _c, ...t }) => t) })),
  };
}
