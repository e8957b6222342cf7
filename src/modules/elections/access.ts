// Who sees and enters what inside a council's election (elections.md "Roles"): the council's
// committee staff (elections.manage / elections.voters in the council) every area of the council
// (or of its province); a Ban member only the areas of the Ban's unit; a Tổ member only the Tổ's
// area. Members are linked by election_body_members.user_id. Used by the voter lists here and by
// election day (turnout, tally sheets).
import { and, eq, inArray, or } from 'drizzle-orm';
import { can, type AuthUser } from '../../server/permissions.ts';
import { forbidden } from '../../server/errors.ts';
import { electionBodies, electionBodyMembers, pollingAreas } from './schema.ts';
import type { DbOrTx } from './common.ts';

export type ElectionScope = { all: true } | { all: false; areaIds: string[]; unitIds: string[] };

export async function electionScopeOf(db: DbOrTx, user: AuthUser | null, councilId: string, electionId: string): Promise<ElectionScope> {
  if (can(user, 'elections.manage', { councilId }) || can(user, 'elections.voters', { councilId })) return { all: true };
  if (!user) return { all: false, areaIds: [], unitIds: [] };
  const bodies = await db.select({ kind: electionBodies.kind, areaId: electionBodies.pollingAreaId, unitId: electionBodies.electoralUnitId })
    .from(electionBodyMembers).innerJoin(electionBodies, eq(electionBodies.id, electionBodyMembers.bodyId))
    .where(and(eq(electionBodyMembers.userId, user.id), eq(electionBodies.electionId, electionId)));
  const unitIds = bodies.filter((b) => b.kind === 'unitBoard' && b.unitId).map((b) => b.unitId!);
  const areaIds = new Set(bodies.filter((b) => b.kind === 'pollingTeam' && b.areaId).map((b) => b.areaId!));
  if (unitIds.length) {
    const rows = await db.select({ id: pollingAreas.id }).from(pollingAreas).where(and(eq(pollingAreas.electionId, electionId),
      or(inArray(pollingAreas.naUnitId, unitIds), inArray(pollingAreas.provinceUnitId, unitIds), inArray(pollingAreas.communeUnitIdOfBallot, unitIds))));
    for (const r of rows) areaIds.add(r.id);
  }
  return { all: false, areaIds: [...areaIds], unitIds };
}

export function inScope(scope: ElectionScope, areaId: string): boolean {
  return scope.all || scope.areaIds.includes(areaId);
}

/** Refuses (403) an area outside the caller's Tổ / Ban. */
export async function requireArea(db: DbOrTx, user: AuthUser | null, councilId: string, electionId: string, areaId: string): Promise<ElectionScope> {
  const scope = await electionScopeOf(db, user, councilId, electionId);
  if (!inScope(scope, areaId)) throw forbidden('Bạn chỉ được làm việc với khu vực bỏ phiếu của Tổ (Ban) bầu cử mình.');
  return scope;
}
