// Read side of the election as data: elections, units (with the candidate-count check), polling
// areas, bodies and members, candidates, the calendar derived from election day.
import { and, asc, count, desc, eq, getTableColumns, inArray, or } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../../db/paging.ts';
import { checkCandidateCount, checkVoterListPosting, electionCalendar, type BallotType } from '../../../domain/elections/index.ts';
import { candidates, electionBodies, electionBodyMembers, elections, electoralUnits, pollingAreas } from '../schema.ts';
import { councilPlace, electionOf, out, rule, type DbOrTx } from '../common.ts';

type Page = { page: number; pageSize: number };

export async function listElections(db: DbOrTx, p: Page) {
  const { items: rows, total } = await pageWithTotal(
    p,
    (total) => db.select({ ...getTableColumns(elections), total }).from(elections).orderBy(desc(elections.electionDay)),
    () => countWhere(db, elections, undefined),
  );
  return { items: rows.map(out), total, page: p.page, pageSize: p.pageSize };
}

export async function electionView(db: DbOrTx, electionId: string) {
  const e = await electionOf(db, electionId);
  return { ...out(e), calendar: rule(() => electionCalendar(e.electionDay)) };
}

/** Units the council sees: its own, and for a province council the communes' units of the province. */
async function visibleCouncils(db: DbOrTx, councilId: string, electionId: string): Promise<string[]> {
  const place = await councilPlace(db, councilId);
  if (place.level !== 'province') return [councilId];
  const rows = await db.selectDistinct({ id: pollingAreas.councilId }).from(pollingAreas).where(and(eq(pollingAreas.electionId, electionId), eq(pollingAreas.provinceCouncilId, councilId)));
  return [councilId, ...rows.map((r) => r.id)];
}

export async function listUnits(db: DbOrTx, councilId: string, electionId: string, p: Page, ballot?: BallotType) {
  const ids = await visibleCouncils(db, councilId, electionId);
  const where = and(eq(electoralUnits.electionId, electionId), inArray(electoralUnits.councilId, ids), ballot ? eq(electoralUnits.ballotType, ballot) : undefined);
  const { items: rows, total } = await pageWithTotal(
    p,
    (total) => db.select({ ...getTableColumns(electoralUnits), total }).from(electoralUnits).where(where).orderBy(asc(electoralUnits.ballotType), asc(electoralUnits.number)),
    () => countWhere(db, electoralUnits, where),
  );
  const counts = rows.length
    ? await db.select({ unitId: candidates.electoralUnitId, n: count() }).from(candidates).where(and(inArray(candidates.electoralUnitId, rows.map((r) => r.id)), inArray(candidates.state, ['official', 'preliminary', 'afterVoterMeetings', 'fileReceived']))).groupBy(candidates.electoralUnitId)
    : [];
  const by = new Map(counts.map((c) => [c.unitId, c.n]));
  const items = rows.map((u) => ({ ...out(u), candidateCount: by.get(u.id) ?? 0, candidateCheck: checkCandidateCount(u.ballotType as BallotType, u.seats, by.get(u.id) ?? 0) }));
  return { items, total, page: p.page, pageSize: p.pageSize };
}

export async function listAreas(db: DbOrTx, councilId: string, electionId: string, p: Page, areaIds?: string[]) {
  const e = await electionOf(db, electionId);
  const where = and(eq(pollingAreas.electionId, electionId), or(eq(pollingAreas.councilId, councilId), eq(pollingAreas.provinceCouncilId, councilId)), areaIds ? inArray(pollingAreas.id, areaIds.length ? areaIds : ['00000000-0000-0000-0000-000000000000']) : undefined);
  const { items: rows, total } = await pageWithTotal(
    p,
    (total) => db.select({ ...getTableColumns(pollingAreas), total }).from(pollingAreas).where(where).orderBy(asc(pollingAreas.communeCode), asc(pollingAreas.number)),
    () => countWhere(db, pollingAreas, where),
  );
  const items = rows.map((a) => ({ ...out(a), postingProblem: a.listPostedOn ? checkVoterListPosting(a.listPostedOn, e.electionDay) : null }));
  return { items, total, page: p.page, pageSize: p.pageSize };
}

export async function listBodies(db: DbOrTx, councilId: string, electionId: string, p: Page) {
  const ids = await visibleCouncils(db, councilId, electionId);
  const where = and(eq(electionBodies.electionId, electionId), inArray(electionBodies.councilId, ids));
  const { items: rows, total } = await pageWithTotal(
    p,
    (total) => db.select({ ...getTableColumns(electionBodies), total }).from(electionBodies).where(where).orderBy(asc(electionBodies.kind), asc(electionBodies.name)),
    () => countWhere(db, electionBodies, where),
  );
  const members = rows.length ? await db.select().from(electionBodyMembers).where(inArray(electionBodyMembers.bodyId, rows.map((r) => r.id))).orderBy(asc(electionBodyMembers.createdAt)) : [];
  const items = rows.map((b) => ({ ...out(b), members: members.filter((m) => m.bodyId === b.id).map(out) }));
  return { items, total, page: p.page, pageSize: p.pageSize };
}

export async function listCandidates(db: DbOrTx, unitId: string, p: Page) {
  const where = eq(candidates.electoralUnitId, unitId);
  const { items: rows, total } = await pageWithTotal(
    p,
    (total) => db.select({ ...getTableColumns(candidates), total }).from(candidates).where(where).orderBy(asc(candidates.listOrder), asc(candidates.fullName)),
    () => countWhere(db, candidates, where),
  );
  return { items: rows.map(out), total, page: p.page, pageSize: p.pageSize };
}
