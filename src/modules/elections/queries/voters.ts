// Read side of the voter lists: the current version of each voter (the latest; a removal version
// takes the voter off), a voter's history, counts per area for the election day (no identities).
import { and, asc, count, desc, eq, getTableColumns, inArray, like, sql, type SQL } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../../db/paging.ts';
import { fold } from '../../../domain/text/index.ts';
import { ballotMarks, EXCLUSION_GROUND_LABELS, VOTER_STATUS_LABELS, type ExclusionGround, type VoterStatus } from '../../../domain/elections/index.ts';
import { notFound } from '../../../server/errors.ts';
import { voterEntries as v, voterListComplaints } from '../votersSchema.ts';
import { out, type DbOrTx } from '../common.ts';


/** No later version of the same voter. */
export const isCurrent: SQL = sql`not exists (select 1 from voter_entries later where later.province_code = ${v.provinceCode} and later.voter_id = ${v.voterId} and later.version > ${v.version})`;

export type EntryRow = typeof v.$inferSelect;

/** The voter's latest version (removed or not) in the area's province. */
export async function currentVersion(db: DbOrTx, provinceCode: string, voterId: string): Promise<EntryRow> {
  const [row] = await db.select().from(v).where(and(eq(v.provinceCode, provinceCode), eq(v.voterId, voterId))).orderBy(desc(v.version)).limit(1);
  if (!row) throw notFound('cử tri trong danh sách');
  return row;
}

/** Current voters on an area's list, in list order (household, then row order). */
export async function areaVoters(db: DbOrTx, area: { id: string; provinceCode: string }, p: { page: number; pageSize: number; q?: string }, withRemoved = false) {
  const q = p.q ? fold(p.q) : '';
  const where = and(eq(v.provinceCode, area.provinceCode), eq(v.pollingAreaId, area.id), isCurrent, withRemoved ? undefined : eq(v.removed, false),
    q ? (/^\d+$/.test(q) ? like(v.citizenId, `%${q}%`) : like(v.nameKey, `%${q}%`)) : undefined);
  const { items: rows, total } = await pageWithTotal(
    p,
    (total) => db.select({ ...getTableColumns(v), total }).from(v).where(where).orderBy(asc(v.household), asc(v.rowOrder), asc(v.createdAt), asc(v.id)),
    () => countWhere(db, v, where),
  );
  return { items: rows.map(view), total, page: p.page, pageSize: p.pageSize };
}

/** Every current voter of an area in list order (exports). */
export async function allAreaVoters(db: DbOrTx, area: { id: string; provinceCode: string }) {
  return db.select().from(v).where(and(eq(v.provinceCode, area.provinceCode), eq(v.pollingAreaId, area.id), isCurrent, eq(v.removed, false)))
    .orderBy(asc(v.household), asc(v.rowOrder), asc(v.createdAt), asc(v.id));
}

export function view(r: EntryRow) {
  const { nameKey: _k, createdBy: _c, importId: _i, ...rest } = out(r);
  return {
    ...rest,
    marks: ballotMarks({ ballots: { na: r.ballotNa, province: r.ballotProvince, commune: r.ballotCommune }, reason: '' }),
    statusLabel: VOTER_STATUS_LABELS[r.status as VoterStatus] ?? r.status,
    exclusionLabel: r.exclusionGround ? EXCLUSION_GROUND_LABELS[r.exclusionGround as ExclusionGround] : null,
  };
}

export async function voterHistory(db: DbOrTx, provinceCode: string, voterId: string) {
  const rows = await db.select().from(v).where(and(eq(v.provinceCode, provinceCode), eq(v.voterId, voterId))).orderBy(asc(v.version));
  if (!rows.length) throw notFound('cử tri trong danh sách');
  return rows.map(view);
}

export type AreaCounts = { areaId: string; total: number; male: number; female: number; na: number; province: number; commune: number };

/** Voters on each area's list (current, not removed): counts only, for turnout and tally sheets. */
export async function currentVoterCounts(db: DbOrTx, areaIds: string[]): Promise<AreaCounts[]> {
  if (!areaIds.length) return [];
  const rows = await db.select({
    areaId: v.pollingAreaId,
    total: sql<number>`count(*)::int`,
    male: sql<number>`(count(*) filter (where ${v.sex} = 'male'))::int`,
    female: sql<number>`(count(*) filter (where ${v.sex} = 'female'))::int`,
    na: sql<number>`(count(*) filter (where ${v.ballotNa}))::int`,
    province: sql<number>`(count(*) filter (where ${v.ballotProvince}))::int`,
    commune: sql<number>`(count(*) filter (where ${v.ballotCommune}))::int`,
  }).from(v).where(and(inArray(v.pollingAreaId, areaIds), isCurrent, eq(v.removed, false))).groupBy(v.pollingAreaId);
  const by = new Map(rows.map((r) => [r.areaId, r]));
  return areaIds.map((id) => by.get(id) ?? { areaId: id, total: 0, male: 0, female: 0, na: 0, province: 0, commune: 0 });
}

export async function areaComplaints(db: DbOrTx, electionId: string, areaId: string, p: { page: number; pageSize: number }) {
  const where = and(eq(voterListComplaints.electionId, electionId), eq(voterListComplaints.pollingAreaId, areaId));
  const { items: rows, total } = await pageWithTotal(
    p,
    (total) => db.select({ ...getTableColumns(voterListComplaints), total }).from(voterListComplaints).where(where).orderBy(desc(voterListComplaints.receivedOn)),
    () => countWhere(db, voterListComplaints, where),
  );
  return { items: rows.map(out), total, page: p.page, pageSize: p.pageSize };
}
