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
 * Current voters of the election that share an ID or a (folded name, birth date) with another
 * current voter anywhere in the election, or a (folded name, birth year) with a year-only row.
 * Set-based, in three steps whatever the number of voters:
 * 1. one scan of every province's partition, grouped by three 64-bit key hashes at once (GROUPING
 *    SETS, one hash table each): the ID, the folded name + birth date, and (year-only rows) the
 *    folded name + year; only keys held by more than one row are kept (a few per thousand);
 * 2. a second scan keeps the rows whose key is among them (hashed sub-plans: a probe per row);
 * 3. only for those rows, the voter's latest version is read from the version index, one
 *    statement per province (its own partition): a row that is not the current version is dropped.
 * A hash collision only lets an extra row through (the domain decides every pair), never merges.
 */
export async function reconcileCandidates(db: DbOrTx, electionId: string): Promise<CandidateRow[]> {
  // Keys are grouped over every listed version (a voter's own older versions only over-include:
  // step 3 keeps current rows). grouping(i, d, y): 3 = the ID set, 5 = name + date, 6 = name + year.
  const res = await db.execute(sql`
    with k as (
      select hashtextextended(${v.citizenId}, 0) as i,
             hashtextextended(${v.nameKey} || '|' || ${v.birthDate}, 0) as d,
             case when length(${v.birthDate}) = 4 then hashtextextended(${v.nameKey} || '|' || ${v.birthDate}, 0) end as y
      from ${v} where ${v.electionId} = ${electionId} and not ${v.removed}
    ), g as materialized (
      select grouping(i, d, y) as gs, i, d, y from k
      group by grouping sets ((i), (d), (y))
      having (grouping(i, d, y) = 3 and i is not null and count(*) > 1)
          or (grouping(i, d, y) = 5 and count(*) > 1)
          or (grouping(i, d, y) = 6 and y is not null)
    )
    select c.voter_id, c.version, c.polling_area_id, c.commune_code, c.province_code, c.citizen_id, c.full_name, c.birth_date, c.place
    from ${v} c
    where c.election_id = ${electionId} and not c.removed and (
      hashtextextended(c.citizen_id, 0) in (select i from g where gs = 3)
      or hashtextextended(c.name_key || '|' || c.birth_date, 0) in (select d from g where gs = 5)
      or hashtextextended(c.name_key || '|' || left(c.birth_date, 4), 0) in (select y from g where gs = 6))`);
  const rows = (res.rows as Record<string, unknown>[]).map((r) => ({
    voterId: r.voter_id as string, version: Number(r.version), pollingAreaId: r.polling_area_id as string, communeCode: r.commune_code as string,
    provinceCode: r.province_code as string, citizenId: (r.citizen_id as string | null) ?? null, fullName: r.full_name as string, birthDate: r.birth_date as string, place: r.place as string,
  }));
  // Step 3: the latest version of each candidate voter, per province partition (the index
  // (province_code, voter_id, version)); a candidate row that is not it is an older version.
  const byProvince = new Map<string, CandidateRow[]>();
  for (const r of rows) {
    const list = byProvince.get(r.provinceCode);
    if (list) list.push(r);
    else byProvince.set(r.provinceCode, [r]);
  }
  const current: CandidateRow[] = [];
  for (const [province, list] of byProvince) {
    const latest = new Map<string, number>();
    for (let i = 0; i < list.length; i += LATEST_BATCH) {
      const ids = list.slice(i, i + LATEST_BATCH).map((r) => r.voterId).join(',');
      const found = await db.execute(sql`
        select ${v.voterId} as voter_id, max(${v.version}) as version from ${v}
        where ${v.provinceCode} = ${province} and ${v.voterId} = any(string_to_array(${ids}, ',')::uuid[]) group by ${v.voterId}`);
      for (const f of found.rows as { voter_id: string; version: number | string }[]) latest.set(f.voter_id, Number(f.version));
    }
    for (const r of list) if (latest.get(r.voterId) === r.version) current.push(r);
  }
  return current;
}

/** Voter ids per statement when reading the latest versions of the candidates. */
const LATEST_BATCH = 20_000;

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

