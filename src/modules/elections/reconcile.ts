// One citizen, one list (elections.md "Voter lists"): the database narrows every current voter of
// an election (all provinces' partitions) to the rows that share an ID number or a folded name and
// birth year with another row — the only rows the domain can match — and the domain
// (reconcileVoters) decides each pair: same person twice, one ID for two people, a mistyped ID, a
// missing ID with the same name and birth date; two different people who share a name are not
// merged. The report is per commune; resolving is removing one entry (a new version with reason).
import { eq, inArray, sql } from 'drizzle-orm';
import { reconcileVoters, MATCH_KIND_LABELS, type VoterMatch, type VoterRow } from '../../domain/elections/index.ts';
import { adminUnits } from '../directory/schema.ts';
import { pollingAreas } from './schema.ts';
import { voterEntries as v } from './votersSchema.ts';
import { councilPlace, type DbOrTx } from './common.ts';

export type CandidateRow = { voterId: string; version: number; pollingAreaId: string; communeCode: string; provinceCode: string; citizenId: string | null; fullName: string; birthDate: string; place: string };

/**
 * Current voters of the election that share an ID or a (folded name, birth year) with another
 * current voter anywhere in the election: one statement, grouped by the database.
 */
export async function reconcileCandidates(db: DbOrTx, electionId: string): Promise<CandidateRow[]> {
  // Keys are grouped over every version (a voter's own versions only over-include: the final
  // filter keeps current, listed rows); then only the rows holding a shared key are read.
  const res = await db.execute(sql`
    with ids as (
      select ${v.citizenId} as k from ${v} where ${v.electionId} = ${electionId} and ${v.citizenId} is not null
      group by ${v.citizenId} having count(*) > 1
    ), full_dates as (
      select ${v.nameKey} as n, ${v.birthDate} as b from ${v} where ${v.electionId} = ${electionId}
      group by ${v.nameKey}, ${v.birthDate} having count(*) > 1
    ), years as (
      select ${v.nameKey} as n, left(${v.birthDate}, 4) as y from ${v} where ${v.electionId} = ${electionId}
      group by ${v.nameKey}, left(${v.birthDate}, 4) having count(*) > 1 and bool_or(length(${v.birthDate}) = 4)
    ), cand as (
      select c.* from ${v} c join ids on ids.k = c.citizen_id where c.election_id = ${electionId}
      union
      select c.* from ${v} c join full_dates f on f.n = c.name_key and f.b = c.birth_date where c.election_id = ${electionId}
      union
      select c.* from ${v} c join years y on y.n = c.name_key and y.y = left(c.birth_date, 4) where c.election_id = ${electionId}
    )
    select voter_id, version, polling_area_id, commune_code, province_code, citizen_id, full_name, birth_date, place from cand
    where not removed and not exists (select 1 from voter_entries later where later.province_code = cand.province_code and later.voter_id = cand.voter_id and later.version > cand.version)`);
  return (res.rows as Record<string, unknown>[]).map((r) => ({
    voterId: r.voter_id as string, version: Number(r.version), pollingAreaId: r.polling_area_id as string, communeCode: r.commune_code as string,
    provinceCode: r.province_code as string, citizenId: (r.citizen_id as string | null) ?? null, fullName: r.full_name as string, birthDate: r.birth_date as string, place: r.place as string,
  }));
}

/** The domain's matches over the candidate rows. */
export function matchCandidates(rows: CandidateRow[]): { matches: VoterMatch[]; comparisons: number } {
  const domainRows: VoterRow[] = rows.map((r) => ({ id: r.voterId, pollingAreaId: r.pollingAreaId, communeCode: r.communeCode, provinceCode: r.provinceCode, citizenId: r.citizenId, fullName: r.fullName, birthDate: r.birthDate, place: r.place || null }));
  return reconcileVoters(domainRows);
}

export type ReportEntry = { voterId: string; version: number; fullName: string; birthDate: string; citizenId: string | null; pollingAreaId: string; areaLabel: string; communeName: string; provinceName: string; ours: boolean };

/** Duplicates and conflicts that concern the path's council: a commune's rows, or any row of a province's communes. */
export async function reconciliationReport(db: DbOrTx, councilId: string, electionId: string) {
  const place = await councilPlace(db, councilId);
  const rows = await reconcileCandidates(db, electionId);
  const { matches } = matchCandidates(rows);
  const byId = new Map(rows.map((r) => [r.voterId, r]));
  const ours = (r: CandidateRow) => (place.level === 'province' ? r.provinceCode === place.province.code : r.communeCode === place.unit.code);
  const mine = matches.filter((m) => ours(byId.get(m.a)!) || ours(byId.get(m.b)!));
  const areaIds = [...new Set(mine.flatMap((m) => [byId.get(m.a)!.pollingAreaId, byId.get(m.b)!.pollingAreaId]))];
  const areas = areaIds.length
    ? await db.select({ id: pollingAreas.id, number: pollingAreas.number, name: pollingAreas.name, commune: adminUnits.name, communeUnitId: pollingAreas.communeUnitId, councilId: pollingAreas.councilId })
        .from(pollingAreas).innerJoin(adminUnits, eq(adminUnits.id, pollingAreas.communeUnitId)).where(inArray(pollingAreas.id, areaIds))
    : [];
  const provinces = new Map((await db.select({ code: adminUnits.code, name: adminUnits.name }).from(adminUnits).where(eq(adminUnits.level, 'province'))).map((p) => [p.code, p.name]));
  const areaBy = new Map(areas.map((a) => [a.id, a]));
  const entry = (id: string): ReportEntry => {
    const r = byId.get(id)!;
    const a = areaBy.get(r.pollingAreaId);
    return {
      voterId: r.voterId, version: r.version, fullName: r.fullName, birthDate: r.birthDate, citizenId: r.citizenId, pollingAreaId: r.pollingAreaId,
      areaLabel: a ? `Khu vực bỏ phiếu số ${a.number}` : 'Khu vực bỏ phiếu', communeName: a?.commune ?? r.communeCode, provinceName: provinces.get(r.provinceCode) ?? r.provinceCode, ours: ours(r),
    };
  };
  const items = mine.map((m) => {
    const a = entry(m.a);
    const b = entry(m.b);
    let reason = m.reason;
    for (const e of [a, b]) reason = reason.replace(`dòng ${e.voterId}, khu vực ${e.pollingAreaId}`, `${e.areaLabel}, ${e.communeName}, ${e.provinceName}`);
    return { kind: m.kind, kindLabel: MATCH_KIND_LABELS[m.kind], scope: m.scope, reason, entries: [a, b] };
  });
  const order = { sameId: 0, idConflict: 1, nearId: 2, nameBirth: 3 } as const;
  items.sort((x, y) => order[x.kind] - order[y.kind] || x.entries[0]!.fullName.localeCompare(y.entries[0]!.fullName, 'vi'));
  return { items, total: items.length, candidates: rows.length };
}

