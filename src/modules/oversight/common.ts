// Shared helpers of the oversight module: scoped loaders (a record of another council is a 404),
// who may edit a body's programme, the council's supervision settings (defaults + its edits), the
// rule sets in force, and the overlap picture: every activity of the year across the council, the
// councils above and below it, with the directory's parent links of the supervised agencies.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { conflict, forbidden, invalid, notFound } from '../../server/errors.ts';
import { SUPER_ROLE, type AuthUser } from '../../server/permissions.ts';
import { defaultOversightRuleSets, findOverlaps, proposalDeadline, type Conflict, type OverlapActivity, type OversightRuleSet } from '../../domain/oversight/index.ts';
import type { PreparedText } from '../../domain/text/index.ts';
import { adminUnits, agencies, bodies, councils } from '../directory/schema.ts';
import { oversightActivities, oversightActivitySubjects, oversightPrograms, oversightSettings } from './schema.ts';
import type { DbOrTx } from '../petitions/common.ts';
import { petitionFields } from '../petitions/schema.ts';
import { ruleError, domain } from '../../server/ruleErrors.ts';
export { ruleError, domain };

export { loadCalendar, today, out, type ActionCtx, type DbOrTx } from '../petitions/common.ts';
export { knownYears } from '../sessions/common.ts';

export type Program = typeof oversightPrograms.$inferSelect;
export type Activity = typeof oversightActivities.$inferSelect;

export const BODY_KINDS = ['council', 'standing', 'committee', 'delegate_group', 'external'] as const;
export type ProgramBodyKind = (typeof BODY_KINDS)[number];

// Settings ----------------------------------------------------------------------------------------

export interface OversightSettings {
  /** Topic proposals for year Y are collected by this day ("MM-DD") of year Y − 1. */
  proposalDeadline: string;
  parentDepth: number;
  similarityThreshold: number;
  marginDays: number;
  /** Unsent notices due within this many days (or overdue) are reminded on the secretariat's to-do list. */
  noticeReminderDays: number;
}

export const DEFAULT_OVERSIGHT_SETTINGS: OversightSettings = { proposalDeadline: '03-01', parentDepth: 1, similarityThreshold: 0.35, marginDays: 0, noticeReminderDays: 7 };

/** Where each default comes from (shown beside it; UNVERIFIED ones are marked in the UI). */
export const SETTING_SOURCES: Record<keyof OversightSettings, { source: string; verified: boolean }> = {
  proposalDeadline: { source: 'Luật Hoạt động giám sát 87/2015/QH13, Điều 58 k1 (đã hết hiệu lực); chưa đối chiếu Luật 121/2025/QH15', verified: false },
  parentDepth: { source: 'Cấu hình của Nghị Trường: số cấp cơ quan cấp trên được tính là trùng đối tượng', verified: false },
  similarityThreshold: { source: 'Cấu hình của Nghị Trường: ngưỡng tương tự nội dung', verified: false },
  marginDays: { source: 'Cấu hình của Nghị Trường: số ngày cách nhau vẫn tính là trùng thời gian', verified: false },
  noticeReminderDays: { source: 'Cấu hình của Nghị Trường: nhắc gửi thông báo trước hạn bao nhiêu ngày', verified: false },
};

export async function settingsOf(db: DbOrTx, councilId: string): Promise<OversightSettings> {
  const [row] = await db.select().from(oversightSettings).where(eq(oversightSettings.councilId, councilId));
  return { ...DEFAULT_OVERSIGHT_SETTINGS, ...((row?.settings ?? {}) as Partial<OversightSettings>) };
}

/** The day proposals for `year` are due under the council's settings. */
export const proposalDueDate = (s: OversightSettings, year: number) => domain(() => proposalDeadline(year, s.proposalDeadline));

/** The shipped rule sets (Luật 87/2015 until 28/02/2026, Luật 121/2025 after): the same for every council for now. */
export function ruleSets(): OversightRuleSet[] {
  return defaultOversightRuleSets();
}

// Loaders and access ---------------------------------------------------------------------------

export async function programOf(db: DbOrTx, councilId: string, programId: string, opts: { lock?: boolean } = {}): Promise<Program> {
  const q = db.select().from(oversightPrograms).where(and(eq(oversightPrograms.id, programId), eq(oversightPrograms.councilId, councilId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw notFound('chương trình giám sát');
  return row;
}

export async function activityOf(db: DbOrTx, councilId: string, activityId: string, opts: { lock?: boolean } = {}): Promise<Activity> {
  const q = db.select().from(oversightActivities).where(and(eq(oversightActivities.id, activityId), eq(oversightActivities.councilId, councilId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw notFound('hoạt động giám sát');
  return row;
}

/**
 * May this user change this body's programme? The secretariat and the standing committee of the
 * council, for every body; a committee member only for their own committee's programme.
 */
export function assertMayEdit(user: AuthUser, program: Pick<Program, 'councilId' | 'bodyId' | 'bodyName'>): void {
  const ok = user.grants.some((g) => g.role === SUPER_ROLE
    || ((g.role === 'secretariat' || g.role === 'standing_member') && g.councilId === program.councilId)
    || (g.role === 'committee_member' && program.bodyId !== null && g.bodyId === program.bodyId));
  if (!ok) throw forbidden(`Chỉ ${program.bodyName}, Thường trực hoặc Văn phòng mới sửa được chương trình giám sát của ${program.bodyName}.`);
}

/** The body of a programme as sentences name it: "Ban Kinh tế – Ngân sách HĐND tỉnh". */
export async function bodyOfProgram(
  db: DbOrTx, councilId: string, input: { bodyKind: ProgramBodyKind; bodyId?: string | null; externalName?: string | null },
): Promise<{ bodyId: string | null; bodyName: string; bodyKey: string }> {
  const [c] = await db.select({ name: councils.name, shortName: councils.shortName }).from(councils).where(eq(councils.id, councilId));
  if (!c) throw notFound('hội đồng nhân dân');
  if (input.bodyKind === 'council') return { bodyId: null, bodyName: c.name, bodyKey: 'council' };
  if (input.bodyKind === 'external') {
    const name = (input.externalName ?? '').trim();
    if (!name) throw invalid('Hãy nhập tên cơ quan có kế hoạch giám sát (ví dụ: Đoàn đại biểu Quốc hội tỉnh).');
    return { bodyId: null, bodyName: name, bodyKey: `external:${name}` };
  }
  if (!input.bodyId) throw invalid('Hãy chọn Thường trực, Ban hoặc Tổ đại biểu có chương trình giám sát.');
  const [b] = await db.select().from(bodies).where(and(eq(bodies.id, input.bodyId), eq(bodies.councilId, councilId)));
  if (!b) throw notFound('Ban, Tổ đại biểu hoặc Thường trực của HĐND này');
  if (b.kind !== input.bodyKind) throw invalid('Loại cơ quan không khớp với cơ quan đã chọn.');
  // "Thường trực HĐND tỉnh" already names its council; a committee or group gets the council's short name.
  const bodyName = b.kind === 'standing' ? b.name : `${b.name} ${c.shortName}`;
  return { bodyId: b.id, bodyName, bodyKey: b.id };
}

// Overlap picture --------------------------------------------------------------------------------

/** The councils whose programmes are compared with this council's: itself, the councils above it and below it. */
export async function relatedCouncils(db: DbOrTx, councilId: string): Promise<{ id: string; name: string; relation: 'self' | 'upper' | 'lower' }[]> {
  const units = await db.select({ id: adminUnits.id, parentId: adminUnits.parentId }).from(adminUnits);
  const all = await db.select({ id: councils.id, unitId: councils.unitId, name: councils.name }).from(councils);
  const me = all.find((c) => c.id === councilId);
  if (!me) throw notFound('hội đồng nhân dân');
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const above = new Set<string>();
  for (let u = parent.get(me.unitId); u; u = parent.get(u)) {
    if (above.has(u)) break;
    above.add(u);
  }
  const isBelow = (unitId: string) => {
    const seen = new Set<string>();
    for (let u = parent.get(unitId); u; u = parent.get(u)) {
      if (u === me.unitId) return true;
      if (seen.has(u)) return false;
      seen.add(u);
    }
    return false;
  };
  type Related = { id: string; name: string; relation: 'self' | 'upper' | 'lower' };
  return all.flatMap((c): Related[] => {
    if (c.id === councilId) return [{ id: c.id, name: c.name, relation: 'self' }];
    if (above.has(c.unitId)) return [{ id: c.id, name: c.name, relation: 'upper' }];
    if (isBelow(c.unitId)) return [{ id: c.id, name: c.name, relation: 'lower' }];
    return [];
  });
}

/**
 * The directory's agency hierarchy for the overlap check: the recorded parent agency; otherwise a
 * department's parent is the People's Committee of its unit, and a commune's People's Committee
 * answers to the People's Committee of the unit above.
 */
export async function agencyParents(db: DbOrTx): Promise<Map<string, string | null>> {
  const rows = await db.select({ id: agencies.id, kind: agencies.kind, unitId: agencies.unitId, parent: agencies.parentAgencyId, active: agencies.active }).from(agencies);
  const units = await db.select({ id: adminUnits.id, parentId: adminUnits.parentId }).from(adminUnits);
  const unitParent = new Map(units.map((u) => [u.id, u.parentId]));
  const committeeOfUnit = new Map<string, string>();
  for (const r of rows) if (r.kind === 'people_committee' && r.unitId && r.active) committeeOfUnit.set(r.unitId, r.id);
  const out = new Map<string, string | null>();
  for (const r of rows) {
    let p: string | null = r.parent;
    if (!p && r.unitId && r.kind !== 'people_committee' && r.kind !== 'na_delegation' && r.kind !== 'fatherland_front') p = committeeOfUnit.get(r.unitId) ?? null;
    if (!p && r.unitId && r.kind === 'people_committee') {
      const up = unitParent.get(r.unitId);
      p = up ? committeeOfUnit.get(up) ?? null : null;
    }
    out.set(r.id, p === r.id ? null : p);
  }
  return out;
}

/** Prepared texts kept across checks (the text engine's cost), bounded. */
const textCache = new Map<string, PreparedText>();
function cache(): Map<string, PreparedText> {
  if (textCache.size > 20_000) textCache.clear();
  return textCache;
}

export type PictureActivity = Omit<OverlapActivity, 'fieldIds'> & {
  fieldIds: string[];
  programId: string;
  councilName: string;
  relation: 'self' | 'upper' | 'lower';
  kind: string;
  state: string;
  programState: string;
  bodyKind: string;
};

/** Every activity of `year` in the council and the councils above and below it, as the domain compares them. */
export async function overlapPicture(db: DbOrTx, councilId: string, year: number): Promise<{ activities: PictureActivity[]; parentOf: Map<string, string | null> }> {
  const related = await relatedCouncils(db, councilId);
  const byId = new Map(related.map((c) => [c.id, c]));
  const rows = await db
    .select({ a: oversightActivities, bodyName: oversightPrograms.bodyName, programState: oversightPrograms.state })
    .from(oversightActivities)
    .innerJoin(oversightPrograms, eq(oversightPrograms.id, oversightActivities.programId))
    .where(and(inArray(oversightActivities.councilId, [...byId.keys()]), eq(oversightActivities.year, year), sql`${oversightActivities.state} <> 'cancelled'`));
  const ids = rows.map((r) => r.a.id);
  const subjects = ids.length
    ? await db.select({ activityId: oversightActivitySubjects.activityId, id: agencies.id, name: agencies.name, shortName: agencies.shortName })
      .from(oversightActivitySubjects).innerJoin(agencies, eq(agencies.id, oversightActivitySubjects.agencyId))
      .where(inArray(oversightActivitySubjects.activityId, ids))
    : [];
  const subjectsOf = new Map<string, { id: string; name: string }[]>();
  for (const s of subjects) {
    const l = subjectsOf.get(s.activityId) ?? [];
    l.push({ id: s.id, name: subjectName(s) });
    subjectsOf.set(s.activityId, l);
  }
  const activities = rows.map(({ a, bodyName, programState }): PictureActivity => ({
    id: a.id,
    bodyName,
    councilId: a.councilId,
    title: a.title,
    content: a.content,
    fieldIds: [...a.fieldIds],
    subjects: (subjectsOf.get(a.id) ?? []).sort((x, y) => (x.id < y.id ? -1 : 1)),
    start: a.startDate,
    end: a.endDate,
    programId: a.programId,
    councilName: byId.get(a.councilId)!.name,
    relation: byId.get(a.councilId)!.relation,
    kind: a.kind,
    state: a.state,
    programState,
    bodyKind: a.bodyKind,
  }));
  return { activities: activities.filter((a) => a.subjects.length > 0), parentOf: await agencyParents(db) };
}

/** "Sở Xây dựng" rather than "Sở Xây dựng tỉnh Quảng Ngãi" when a short name says it. */
export function subjectName(a: { name: string; shortName: string }): string {
  return a.shortName && a.shortName.startsWith('Sở ') ? a.shortName : a.name;
}

/**
 * Fields compare across councils by their code: each council has its own taxonomy rows (petition
 * fields), so "xay-dung" of the province meets "xay-dung" of a commune.
 */
export async function withFieldCodes(db: DbOrTx, acts: PictureActivity[]): Promise<void> {
  const ids = [...new Set(acts.flatMap((a) => a.fieldIds))];
  if (!ids.length) return;
  const rows = await db.select({ id: petitionFields.id, code: petitionFields.code }).from(petitionFields).where(inArray(petitionFields.id, ids));
  const code = new Map(rows.map((r) => [r.id, r.code]));
  for (const a of acts) a.fieldIds = a.fieldIds.map((f) => code.get(f) ?? f);
}

/** The conflicts of the year's picture seen from this council (only pairs with at least one of `focus`, when given). */
export async function conflictsFor(db: DbOrTx, councilId: string, year: number, focus?: ReadonlySet<string>): Promise<{ activities: PictureActivity[]; conflicts: Conflict[] }> {
  const [{ activities, parentOf }, s] = await Promise.all([overlapPicture(db, councilId, year), settingsOf(db, councilId)]);
  await withFieldCodes(db, activities);
  const all = domain(() => findOverlaps(activities, { parentOf, parentDepth: s.parentDepth, similarityThreshold: s.similarityThreshold, marginDays: s.marginDays, textCache: cache() }));
  const conflicts = focus ? all.filter((c) => focus.has(c.a) || focus.has(c.b)) : all;
  return { activities, conflicts };
}

/** The conflicts of one activity, each with the sentence to show on it and the other activity's body. */
export function sentencesOf(id: string, conflicts: readonly Conflict[], acts: readonly PictureActivity[]) {
  const byId = new Map(acts.map((a) => [a.id, a]));
  return conflicts.flatMap((c) => {
    if (c.a !== id && c.b !== id) return [];
    const other = byId.get(c.a === id ? c.b : c.a)!;
    return [{
      type: c.type,
      sentence: c.a === id ? c.sentenceA : c.sentenceB,
      otherActivityId: other.id,
      otherTitle: other.title,
      otherBody: other.bodyName,
      otherCouncil: other.councilName,
      acrossCouncils: c.acrossCouncils,
      from: c.from,
      to: c.to,
    }];
  });
}

export type ActivitySentence = ReturnType<typeof sentencesOf>[number];

export function assertDraftOrAmendable(program: Program): void {
  if (program.state !== 'draft' && program.state !== 'adopted' && program.state !== 'amended') throw conflict('Chương trình giám sát không còn sửa được.');
}
