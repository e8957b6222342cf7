// Shared helpers of the elections module: scoped loaders (a record outside the path's council is a
// 404), the province above a commune, domain errors as Vietnamese 422s.
import { and, eq, or } from 'drizzle-orm';
import { invalid, notFound } from '../../server/errors.ts';

import { adminUnits, councils } from '../directory/schema.ts';
import { electionBodies, elections, electoralUnits, pollingAreas } from './schema.ts';
import type { DbOrTx } from '../petitions/common.ts';
import { ruleError } from '../../server/ruleErrors.ts';
export { ruleError };

export { today, out, type ActionCtx, type DbOrTx } from '../petitions/common.ts';

/** Runs a pure rule, turning its refusal into a 422. */
export function rule<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    return ruleError(err);
  }
}

export async function electionOf(db: DbOrTx, electionId: string) {
  const [e] = await db.select().from(elections).where(eq(elections.id, electionId));
  if (!e) throw notFound('cuộc bầu cử');
  return e;
}

/** The council's administrative unit, its level and its province (walking up the tree). */
export async function councilPlace(db: DbOrTx, councilId: string) {
  const [c] = await db.select({ unitId: councils.unitId, name: councils.name }).from(councils).where(eq(councils.id, councilId));
  if (!c) throw notFound('hội đồng nhân dân');
  let [u] = await db.select().from(adminUnits).where(eq(adminUnits.id, c.unitId));
  const unit = u!;
  let guard = 0;
  while (u && u.level !== 'province' && u.parentId && guard++ < 6) {
    [u] = await db.select().from(adminUnits).where(eq(adminUnits.id, u.parentId));
  }
  if (!u || u.level !== 'province') throw invalid(`Không xác định được tỉnh của ${c.name}.`);
  const [pc] = await db.select({ id: councils.id }).from(councils).where(eq(councils.unitId, u.id));
  if (!pc) throw invalid(`Tỉnh ${u.name} chưa có hội đồng nhân dân trong danh bạ.`);
  return { unit, level: unit.level === 'province' ? ('province' as const) : ('commune' as const), province: u, provinceCouncilId: pc.id };
}

/** A polling area the path's council covers (its commune's or its province's council). */
export async function areaOf(db: DbOrTx, councilId: string, electionId: string, areaId: string) {
  const [a] = await db.select().from(pollingAreas).where(and(eq(pollingAreas.id, areaId), eq(pollingAreas.electionId, electionId),
    or(eq(pollingAreas.councilId, councilId), eq(pollingAreas.provinceCouncilId, councilId))));
  if (!a) throw notFound('khu vực bỏ phiếu');
  return a;
}

/** An electoral unit of the path's council (or of a commune in the path's province). */
export async function unitOf(db: DbOrTx, councilId: string, electionId: string, unitId: string) {
  const [u] = await db.select().from(electoralUnits).where(and(eq(electoralUnits.id, unitId), eq(electoralUnits.electionId, electionId)));
  if (!u) throw notFound('đơn vị bầu cử');
  if (u.councilId !== councilId) {
    const place = await councilPlace(db, u.councilId);
    if (place.provinceCouncilId !== councilId) throw notFound('đơn vị bầu cử');
  }
  return u;
}

export async function bodyOf(db: DbOrTx, councilId: string, electionId: string, bodyId: string) {
  const [b] = await db.select().from(electionBodies).where(and(eq(electionBodies.id, bodyId), eq(electionBodies.electionId, electionId)));
  if (!b) throw notFound('tổ chức phụ trách bầu cử');
  if (b.councilId !== councilId) {
    const place = await councilPlace(db, b.councilId);
    if (place.provinceCouncilId !== councilId) throw notFound('tổ chức phụ trách bầu cử');
  }
  return b;
}
