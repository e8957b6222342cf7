// The set-based reconciliation (reconcileCandidates: hashed keys grouped in the database, latest
// versions by index) gives exactly the matches of the naive way — every current voter into the
// domain's index — on each database, with corrections and removals as later versions (an older
// version's name must not match), year-only birth dates, namesakes and planted duplicates across
// provinces. And the column-wise writer (insertColumns) stores every value as given.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb, dbKinds } from '../support/db.ts';
import type { Database } from '../../src/db/client.ts';
import { fold } from '../../src/domain/text/index.ts';
import { reconcileVoters, type VoterRow } from '../../src/domain/elections/index.ts';
import { matchCandidates, reconcileCandidates } from '../../src/modules/elections/reconcile.ts';
import { writeEntries } from '../../src/modules/elections/voterImport.ts';
import { ensureVoterPartition } from '../../src/modules/elections/votersPartitions.ts';
import type { EntryValues } from '../../src/modules/elections/voterRows.ts';

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Cường', 'Phạm Thu Hà', 'Huỳnh Đức Lộc', 'Võ Thị Mai'];

function entry(election: string, province: string, i: number, over: Partial<EntryValues> = {}): EntryValues {
  const fullName = NAMES[i % NAMES.length]!;
  return {
    provinceCode: province, electionId: election, voterId: randomUUID(), version: 1, pollingAreaId: randomUUID(), communeCode: `${province}${String(i % 3).padStart(3, '0')}`,
    change: 'initial', reason: '', removed: false, citizenId: `0${province}0${String(80 + (i % 20)).padStart(2, '0')}${String(i).padStart(6, '0')}`,
    fullName, nameKey: fold(fullName), birthDate: `19${String(60 + (i % 30))}-0${1 + (i % 9)}-1${i % 10}`, sex: i % 2 ? 'female' : 'male', ethnicity: 'Kinh',
    residenceKind: 'permanent', residenceSince: null, permanentAddress: `Thôn ${i % 7}`, temporaryAddress: '', currentAddress: '', place: '', status: 'none',
    exclusionGround: null, exclusionEndsAt: null, ballotNa: true, ballotProvince: true, ballotCommune: i % 5 !== 0, eligibilityReason: 'Thường trú: bầu cả ba cấp.',
    note: '', household: `H${i >> 2}`, rowOrder: i, importId: null, createdBy: null, ...over,
  };
}

const key = (m: { kind: string; a: string; b: string }) => `${m.kind} ${m.a} ${m.b}`;

for (const kind of dbKinds()) {
  describe(`set-based reconciliation [${kind}]`, () => {
    let database: Database;
    const election = randomUUID();
    const rows: EntryValues[] = [];
    beforeAll(async () => {
      database = await createTestDb(kind);
      for (const p of ['51', '52']) await ensureVoterPartition(database.db, p);
      for (let i = 0; i < 1500; i++) rows.push(entry(election, i % 2 ? '52' : '51', i));
      // Same ID in the other province; missing ID with the same name and birth date; a mistyped ID.
      for (let i = 0; i < 20; i++) rows.push({ ...rows[i]!, provinceCode: rows[i]!.provinceCode === '51' ? '52' : '51', voterId: randomUUID(), residenceKind: 'temporary', residenceSince: '2025-10-01' });
      for (let i = 20; i < 30; i++) rows.push({ ...rows[i]!, voterId: randomUUID(), citizenId: null });
      for (let i = 30; i < 35; i++) rows.push({ ...rows[i]!, voterId: randomUUID(), citizenId: rows[i]!.citizenId!.slice(0, 11) + String((Number(rows[i]!.citizenId!.slice(11)) + 1) % 10) });
      // Year-only birth dates of namesakes.
      for (let i = 40; i < 45; i++) rows.push({ ...rows[i]!, voterId: randomUUID(), citizenId: null, birthDate: rows[i]!.birthDate.slice(0, 4) });
      // A different person with the same name and birth date and their own ID: not merged (no pair unless IDs are near).
      rows.push({ ...rows[50]!, voterId: randomUUID(), citizenId: '099199999999' });
      // Odd values: an empty text in one row, a null and a control character (the JSON fallback).
      rows.push(entry(election, '51', 2000, { note: 'ghi chú có \u001f ký tự lạ', residenceKind: 'temporary', residenceSince: '2025-12-01', ballotCommune: false }));
      // Column-wise for the batch; the odd row alone (a one-row batch, then the JSON fallback).
      await database.db.transaction(async (tx) => writeEntries(tx, rows.slice(0, -1)));
      await database.db.transaction(async (tx) => writeEntries(tx, rows.slice(-1)));
      // Later versions: a voter corrected to another name (the old name matched a duplicate: it
      // must no longer), and a duplicate removed.
      const corrected = rows[60]!;
      const twin = { ...corrected, voterId: randomUUID(), citizenId: null };
      await database.db.transaction(async (tx) => writeEntries(tx, [twin, { ...corrected, version: 2, change: 'correct', reason: 'Sửa họ tên', fullName: 'Đặng Quốc Toàn', nameKey: fold('Đặng Quốc Toàn') }, { ...rows[1500]!, version: 2, change: 'remove', reason: 'Trùng danh sách', removed: true }]));
    }, 180_000);
    afterAll(() => database?.close());

    it('finds exactly the matches of the naive way (every current voter through the domain), planted ones included', async () => {
      const db = database.db;
      const cands = await reconcileCandidates(db, election);
      const ours = matchCandidates(cands).matches;
      const all = await db.execute(sql`
        select distinct on (province_code, voter_id) voter_id, version, removed, polling_area_id, commune_code, province_code, citizen_id, full_name, birth_date, place
        from voter_entries where election_id = ${election} order by province_code, voter_id, version desc`);
      const current: VoterRow[] = (all.rows as Record<string, unknown>[]).filter((r) => !r.removed).map((r) => ({
        id: r.voter_id as string, pollingAreaId: r.polling_area_id as string, communeCode: r.commune_code as string, provinceCode: r.province_code as string,
        citizenId: (r.citizen_id as string | null) ?? null, fullName: r.full_name as string, birthDate: r.birth_date as string, place: (r.place as string) || null,
      }));
      const naive = reconcileVoters(current).matches;
      expect(ours.map(key).sort()).toEqual(naive.map(key).sort());
      const kinds = (k: string) => ours.filter((m) => m.kind === k).length;
      expect(kinds('sameId')).toBe(19); // one of the 20 was removed by a later version
      expect(kinds('nearId')).toBeGreaterThanOrEqual(5);
      expect(kinds('nameBirth')).toBeGreaterThanOrEqual(10 + 5);
      // The corrected voter's old name no longer matches its twin; the different person is not merged.
      expect(ours.some((m) => [m.a, m.b].includes(rows[60]!.voterId))).toBe(false);
      expect(cands.every((c) => c.version === 1 || c.voterId === rows[60]!.voterId)).toBe(true);
    });

    it('stores every value as written, column-wise or through the fallback', async () => {
      const got = await database.db.execute(sql`select * from voter_entries where election_id = ${election} and version = 1 order by row_order, voter_id`);
      expect(got.rows.length).toBe(rows.length + 1);
      const odd = (got.rows as Record<string, unknown>[]).find((r) => r.row_order === 2000)!;
      expect(odd.note).toBe('ghi chú có \u001f ký tự lạ');
      expect(odd.residence_kind).toBe('temporary');
      expect(String(odd.residence_since).slice(0, 10)).toBe('2025-12-01');
      expect(odd.ballot_commune).toBe(false);
      const first = (got.rows as Record<string, unknown>[]).find((r) => r.voter_id === rows[1]!.voterId)!;
      expect([first.citizen_id, first.full_name, first.birth_date, first.ballot_commune, first.exclusion_ground, first.temporary_address, first.household]).toEqual(
        [rows[1]!.citizenId, rows[1]!.fullName, rows[1]!.birthDate, rows[1]!.ballotCommune, null, '', rows[1]!.household]);
      const noId = (got.rows as Record<string, unknown>[]).filter((r) => r.citizen_id === null).length;
      expect(noId).toBe(10 + 5 + 1);
    });
  });
}
