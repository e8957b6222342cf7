// What election day needs from the elections core (schema.ts of the elections module): the
// election, its polling areas with their units per ballot type and listed voters, the units with
// seats and candidates, and what the signed-in user may do (Tổ: its area; Ban: its unit; Ủy ban:
// its level). Implemented over the core's tables.
import type { BallotType } from '../../domain/elections/index.ts';
import type { AuthUser } from '../../server/permissions.ts';
import type { DbOrTx } from '../petitions/common.ts';

export type DayElection = { id: string; councilId: string; electionDay: string; name: string; ballotTypes: BallotType[] };
export type DayArea = { id: string; electionId: string; number: string; name: string; communeId: string; communeName: string; votersOnList: number; votersMale: number; votersFemale: number; units: Partial<Record<BallotType, string>> };
export type DayCandidate = { id: string; name: string; birthDate: string; struckOff: boolean };
export type DayUnit = { id: string; electionId: string; ballotType: BallotType; number: number; name: string; seats: number; body: 'nationalAssembly' | 'council'; candidates: DayCandidate[] };

/** What the user may do in one election: the committee everything; a Ban its units; a Tổ its areas. */
export type DayAccess = { committee: boolean; unitIds: ReadonlySet<string>; areaIds: ReadonlySet<string> };

export function canEnterArea(a: DayAccess, area: DayArea): boolean {
  return a.committee || a.areaIds.has(area.id) || Object.values(area.units).some((u) => u !== undefined && a.unitIds.has(u));
}
export function canManageUnit(a: DayAccess, unitId: string): boolean {
  return a.committee || a.unitIds.has(unitId);
}

export async function loadElection(_db: DbOrTx, _councilId: string, _electionId: string): Promise<DayElection> {
  throw new Error('elections core not merged yet');
}
export async function loadAreas(_db: DbOrTx, _electionId: string): Promise<DayArea[]> {
  throw new Error('elections core not merged yet');
}
export async function loadUnits(_db: DbOrTx, _electionId: string): Promise<DayUnit[]> {
  throw new Error('elections core not merged yet');
}
export async function accessOf(_db: DbOrTx, _user: AuthUser, _election: DayElection): Promise<DayAccess> {
  throw new Error('elections core not merged yet');
}
/** An election whose results may be shown publicly (any election: only published minutes are returned). */
export async function loadPublicElection(_db: DbOrTx, _electionId: string): Promise<DayElection> {
  throw new Error('elections core not merged yet');
}
