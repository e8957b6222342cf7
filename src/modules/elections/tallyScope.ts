// What election day needs from the elections core (schema.ts): the election, the polling areas
// the path's council covers with their units per ballot type and their listed voters (counts
// only, never a voter's identity), the units with seats and candidates, and what the signed-in
// user may do: the committee (secretariat of the path's council, elections.manage) everything at
// its level; a Ban member (election_body_members.user_id of a unitBoard) its unit; a Tổ member
// its polling area.
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { BallotType } from '../../domain/elections/index.ts';
import { notFound } from '../../server/errors.ts';
import type { AuthUser } from '../../server/permissions.ts';
import { adminUnits } from '../directory/schema.ts';
import type { DbOrTx } from '../petitions/common.ts';
import { candidates, elections, electoralUnits, pollingAreas } from './schema.ts';
import { electionScopeOf } from './access.ts';

export type DayElection = { id: string; councilId: string; electionDay: string; name: string; ballotTypes: BallotType[] };
export type DayArea = { id: string; electionId: string; number: string; name: string; communeId: string; communeName: string; councilId: string; votersOnList: number; votersMale: number; votersFemale: number; votersByBallot: Record<BallotType, number>; units: Partial<Record<BallotType, string>> };
export type DayCandidate = { id: string; name: string; birthDate: string; struckOff: boolean };
export type DayUnit = { id: string; electionId: string; councilId: string; ballotType: BallotType; number: number; name: string; seats: number; body: 'nationalAssembly' | 'council'; candidates: DayCandidate[] };

/** What the user may do in one election: the committee everything; a Ban its units; a Tổ its areas. */
export type DayAccess = { committee: boolean; unitIds: ReadonlySet<string>; areaIds: ReadonlySet<string> };

export function canEnterArea(a: DayAccess, area: DayArea): boolean {
  return a.committee || a.areaIds.has(area.id) || Object.values(area.units).some((u) => u !== undefined && a.unitIds.has(u));
}
export function canManageUnit(a: DayAccess, unitId: string): boolean {
  return a.committee || a.unitIds.has(unitId);
}

/** The election as seen from the path's council (any council with polling areas or units in it). */
export async function loadElection(db: DbOrTx, councilId: string, electionId: string): Promise<DayElection> {
  const [e] = await db.select().from(elections).where(eq(elections.id, electionId));
  if (!e) throw notFound('cuộc bầu cử');
  if (e.councilId !== councilId) {
    const [a] = await db.select({ id: pollingAreas.id }).from(pollingAreas).where(and(eq(pollingAreas.electionId, electionId), or(eq(pollingAreas.councilId, councilId), eq(pollingAreas.provinceCouncilId, councilId)))).limit(1);
    const [u] = a ? [a] : await db.select({ id: electoralUnits.id }).from(electoralUnits).where(and(eq(electoralUnits.electionId, electionId), eq(electoralUnits.councilId, councilId))).limit(1);
    if (!u) throw notFound('cuộc bầu cử');
  }
  return { id: e.id, councilId, electionDay: e.electionDay, name: e.name, ballotTypes: e.ballotTypes as BallotType[] };
}

/** Any election, for the public results (only published minutes are shown). */
export async function loadPublicElection(db: DbOrTx, electionId: string): Promise<DayElection> {
  const [e] = await db.select().from(elections).where(eq(elections.id, electionId));
  if (!e) throw notFound('cuộc bầu cử');
  return { id: e.id, councilId: e.councilId, electionDay: e.electionDay, name: e.name, ballotTypes: e.ballotTypes as BallotType[] };
}

type Counts = { total: number; male: number; female: number; na: number; province: number; commune: number };

/**
 * Listed voters per area now: the latest version of each voter's row, not removed; counts only.
 * (The core's currentVoterCounts answers 42P01 on its "later" alias at the time of writing; this
 * stays until it works.)
 */
async function voterCounts(db: DbOrTx, electionId: string): Promise<Map<string, Counts>> {
  const res = await db.execute(sql`
    select polling_area_id as area, count(*)::int as total, count(*) filter (where sex = 'male')::int as male, count(*) filter (where sex = 'female')::int as female,
      count(*) filter (where ballot_na)::int as na, count(*) filter (where ballot_province)::int as province, count(*) filter (where ballot_commune)::int as commune
    from (select distinct on (province_code, voter_id) polling_area_id, sex, removed, ballot_na, ballot_province, ballot_commune
          from voter_entries where election_id = ${electionId} order by province_code, voter_id, version desc) v
    where not removed group by polling_area_id`);
  const out = new Map<string, Counts>();
  for (const r of res.rows as ({ area: string } & Counts)[]) {
    out.set(r.area, { total: Number(r.total), male: Number(r.male), female: Number(r.female), na: Number(r.na), province: Number(r.province), commune: Number(r.commune) });
  }
  return out;
}

/** The polling areas `councilId` covers (a commune's own; a province's all of its communes'), when given. */
export async function loadAreas(db: DbOrTx, election: Pick<DayElection, 'id' | 'councilId'>, scoped = true): Promise<DayArea[]> {
  const electionId = election.id;
  const councilId = scoped ? election.councilId : undefined;
  const rows = await db
    .select({ a: pollingAreas, communeName: adminUnits.name })
    .from(pollingAreas)
    .innerJoin(adminUnits, eq(adminUnits.id, pollingAreas.communeUnitId))
    .where(and(eq(pollingAreas.electionId, electionId), councilId ? or(eq(pollingAreas.councilId, councilId), eq(pollingAreas.provinceCouncilId, councilId)) : undefined))
    .orderBy(asc(pollingAreas.communeCode), asc(pollingAreas.number));
  const counts = await voterCounts(db, electionId);
  return rows.map(({ a, communeName }) => {
    const n = counts.get(a.id) ?? { total: 0, male: 0, female: 0, na: 0, province: 0, commune: 0 };
    const units: Partial<Record<BallotType, string>> = {};
    if (a.naUnitId) units.na = a.naUnitId;
    if (a.provinceUnitId) units.province = a.provinceUnitId;
    if (a.communeUnitIdOfBallot) units.commune = a.communeUnitIdOfBallot;
    return { id: a.id, electionId: a.electionId, number: String(a.number), name: a.name, communeId: a.communeUnitId, communeName, councilId: a.councilId, votersOnList: n.total, votersMale: n.male, votersFemale: n.female, votersByBallot: { na: n.na, province: n.province, commune: n.commune }, units };
  });
}

/** Units with their seats and candidates (ballot order); struck-off candidates stay, void in the count. */
export async function loadUnits(db: DbOrTx, election: Pick<DayElection, 'id' | 'councilId'>, scoped = true): Promise<DayUnit[]> {
  const all = await db.select().from(electoralUnits).where(eq(electoralUnits.electionId, election.id)).orderBy(asc(electoralUnits.ballotType), asc(electoralUnits.number));
  let rows = all;
  if (scoped) {
    const seen = new Set((await loadAreas(db, election)).flatMap((a) => Object.values(a.units)));
    rows = all.filter((u) => u.councilId === election.councilId || seen.has(u.id));
  }
  const cands = rows.length
    ? await db.select().from(candidates).where(and(inArray(candidates.electoralUnitId, rows.map((r) => r.id)), inArray(candidates.state, ['official', 'removed', 'elected', 'notElected']))).orderBy(asc(candidates.listOrder), asc(candidates.fullName))
    : [];
  return rows.map((u) => ({
    id: u.id,
    electionId: u.electionId,
    councilId: u.councilId,
    ballotType: u.ballotType as BallotType,
    number: u.number,
    name: u.name,
    seats: u.seats,
    body: u.ballotType === 'na' ? 'nationalAssembly' : 'council',
    candidates: cands.filter((c) => c.electoralUnitId === u.id).map((c) => ({ id: c.id, name: c.fullName, birthDate: c.birthDate, struckOff: c.state === 'removed' })),
  }));
}

/** The user's reach in the election from the path's council (the core's electionScopeOf). */
export async function accessOf(db: DbOrTx, user: AuthUser, election: DayElection): Promise<DayAccess> {
  const scope = await electionScopeOf(db, user, election.councilId, election.id);
  if (scope.all) return { committee: true, unitIds: new Set(), areaIds: new Set() };
  return { committee: false, unitIds: new Set(scope.unitIds), areaIds: new Set(scope.areaIds) };
}
