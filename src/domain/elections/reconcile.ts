/**
 * One citizen, one list (elections.md "Voter lists"): find the same person on more than one list,
 * by ID number, and by name + date of birth (+ place when both rows give one) where an ID is
 * missing or mistyped. Names are compared with accents, case, spacing and tone placement folded
 * (src/domain/text). Two rows with different valid IDs that are not one digit apart are different
 * people, however alike their names: they are never merged.
 *
 * Cost: rows are indexed by ID and by (folded name, birth date); only rows sharing a key are
 * compared (a year-only birth date against that name and year), so a list of n voters costs O(n)
 * plus the pairs inside each key.
 */
import { fold } from '../text/index.ts';
import { normalizeCitizenId } from './voters.ts';

export type VoterRow = {
  /** The row's own id (stable across versions). */
  id: string;
  pollingAreaId: string;
  communeCode: string;
  provinceCode: string;
  citizenId: string | null;
  fullName: string;
  /** 'YYYY-MM-DD', or 'YYYY' when only the year is known. */
  birthDate: string;
  /** Place of origin or birth where the ID is missing (optional). */
  place?: string | null;
};

export type MatchKind = 'sameId' | 'idConflict' | 'nearId' | 'nameBirth';
export const MATCH_KIND_LABELS: Readonly<Record<MatchKind, string>> = {
  sameId: 'Trùng số Căn cước',
  idConflict: 'Một số Căn cước cho hai người khác nhau',
  nearId: 'Có thể nhập sai số Căn cước',
  nameBirth: 'Trùng họ tên và ngày sinh (thiếu hoặc sai số Căn cước)',
};

export type MatchScope = 'sameArea' | 'sameCommune' | 'sameProvince' | 'acrossProvinces';
const SCOPE_TEXT: Readonly<Record<MatchScope, string>> = {
  sameArea: 'trong cùng khu vực bỏ phiếu',
  sameCommune: 'ở hai khu vực bỏ phiếu của cùng một xã',
  sameProvince: 'ở hai xã của cùng một tỉnh',
  acrossProvinces: 'ở hai tỉnh',
};

export type VoterMatch = {
  kind: MatchKind;
  scope: MatchScope;
  /** Row ids, smaller first. */
  a: string;
  b: string;
  /** Vietnamese, for the commune that resolves it. */
  reason: string;
};

type Prepared = { row: VoterRow; id: string | null; name: string; year: string; place: string | null };

function prepare(row: VoterRow): Prepared {
  const place = row.place ? fold(row.place) : null;
  return { row, id: normalizeCitizenId(row.citizenId), name: fold(row.fullName), year: row.birthDate.slice(0, 4), place: place || null };
}

function birthCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  return (a.length === 4 || b.length === 4) && a.slice(0, 4) === b.slice(0, 4);
}

/** One digit changed, or two adjacent digits swapped. */
function nearIds(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

function scopeOf(a: VoterRow, b: VoterRow): MatchScope {
  if (a.provinceCode !== b.provinceCode) return 'acrossProvinces';
  if (a.communeCode !== b.communeCode) return 'sameProvince';
  if (a.pollingAreaId !== b.pollingAreaId) return 'sameCommune';
  return 'sameArea';
}

/** The match between two rows, or null. Symmetric; exported so a brute force can check the index. */
export function matchPair(x: Prepared, y: Prepared): VoterMatch | null {
  const sameName = x.name === y.name;
  const sameBirth = birthCompatible(x.row.birthDate, y.row.birthDate);
  const samePerson = sameName && sameBirth && (x.place === null || y.place === null || x.place === y.place);
  let kind: MatchKind | null = null;
  if (x.id !== null && x.id === y.id) kind = samePerson ? 'sameId' : 'idConflict';
  else if (samePerson && x.id !== null && y.id !== null) kind = nearIds(x.id, y.id) ? 'nearId' : null;
  else if (samePerson) kind = 'nameBirth';
  if (kind === null) return null;
  const [p, q] = x.row.id < y.row.id ? [x.row, y.row] : [y.row, x.row];
  const scope = scopeOf(p, q);
  const where = SCOPE_TEXT[scope];
  const who = `"${p.fullName}" (dòng ${p.id}, khu vực ${p.pollingAreaId}) và "${q.fullName}" (dòng ${q.id}, khu vực ${q.pollingAreaId})`;
  const reason =
    kind === 'sameId'
      ? `${who} có cùng số Căn cước ${x.id} ${where}: một công dân chỉ được ghi tên trong một danh sách cử tri.`
      : kind === 'idConflict'
        ? `${who} có cùng số Căn cước ${x.id} ${where} nhưng khác họ tên hoặc ngày sinh: cần kiểm tra lại số Căn cước.`
        : kind === 'nearId'
          ? `${who} trùng họ tên, ngày sinh ${where}; số Căn cước ${p.citizenId} và ${q.citizenId} chỉ khác một chữ số: có thể nhập sai.`
          : `${who} trùng họ tên và ngày sinh ${where}, thiếu hoặc sai số Căn cước: có thể là một người.`;
  return { kind, scope, a: p.id, b: q.id, reason };
}

export { prepare as prepareVoterRow };

export type ReconcileResult = { matches: VoterMatch[]; comparisons: number };

/** Every match in `rows`, each pair once, ordered by row ids. */
export function reconcileVoters(rows: readonly VoterRow[]): ReconcileResult {
  const prepared = rows.map(prepare);
  const buckets = new Map<string, Prepared[]>();
  const put = (key: string, p: Prepared): void => {
    const b = buckets.get(key);
    if (b) b.push(p);
    else buckets.set(key, [p]);
  };
  // Same ID; same folded name and full birth date. A year-only birth date is compared with every
  // row of that name and year (year-only rows are few).
  const byNameYear = new Map<string, Prepared[]>();
  const yearOnly: Prepared[] = [];
  for (const p of prepared) {
    if (p.id !== null) put(`i${p.id}`, p);
    if (p.row.birthDate.length === 4) yearOnly.push(p);
    else put(`d${p.name}|${p.row.birthDate}`, p);
    const k = `${p.name}|${p.year}`;
    const g = byNameYear.get(k);
    if (g) g.push(p);
    else byNameYear.set(k, [p]);
  }
  const seen = new Set<string>();
  const matches: VoterMatch[] = [];
  let comparisons = 0;
  const compare = (x: Prepared, y: Prepared): void => {
    comparisons++;
    const m = matchPair(x, y);
    if (m === null) return;
    const key = `${m.a}\u0000${m.b}`;
    if (seen.has(key)) return;
    seen.add(key);
    matches.push(m);
  };
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) for (let j = i + 1; j < bucket.length; j++) compare(bucket[i]!, bucket[j]!);
  }
  for (const p of yearOnly) for (const q of byNameYear.get(`${p.name}|${p.year}`)!) if (q !== p) compare(p, q);
  matches.sort((m1, m2) => (m1.a < m2.a ? -1 : m1.a > m2.a ? 1 : m1.b < m2.b ? -1 : m1.b > m2.b ? 1 : 0));
  return { matches, comparisons };
}
