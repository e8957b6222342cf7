// The election as data through the API, on each database: an election with its derived calendar
// (fixed dates, weekends not moved), units with the seat limit and the candidate-count check, polling
// areas (special kinds) whose province partition of the voter list is created, bodies and members.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';

for (const kind of dbKinds()) {
  describe(`elections core [${kind}]`, () => {
    let t: TestApp;
    let vpTinh: TestClient;
    let vpXa: TestClient;
    let prov: string;
    let sh: string;
    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-01-10T02:00:00Z', seed: true });
      vpTinh = await t.as('vp.tinh');
      vpXa = await t.as('vp.sahuynh');
      prov = t.id('council:province');
      sh = t.id('council:sa-huynh');
    }, 180_000);
    afterAll(() => t?.close());

    it('an election, its units, areas, bodies and candidates; the calendar derived with fixed dates', async () => {
      const e = await json<{ id: string }>(vpTinh.post(`/api/councils/${prov}/elections`, { name: 'Bầu cử thử nghiệm 2031', electionDay: '2031-03-16', ballotTypes: ['province', 'commune'] }), 201);
      const view = await json<{ calendar: { key: string; by: string; onWeekend: boolean }[] }>(vpTinh.get(`/api/councils/${prov}/elections/${e.id}`));
      const posted = view.calendar.find((m) => m.key === 'voterListPosted')!;
      expect(posted.by).toBe('2031-02-04'); // 40 days before, not moved
      const revote = view.calendar.find((m) => m.key === 'additionalRoundOrRevote')!;
      expect(revote.by).toBe('2031-03-23');
      expect(revote.onWeekend).toBe(true);

      const tooMany = await vpTinh.post(`/api/councils/${prov}/elections/${e.id}/units`, { ballotType: 'province', number: 1, name: 'Đơn vị số 1', seats: 6 });
      expect(tooMany.status).toBe(422);
      expect((await tooMany.json()).error.message).toContain('không quá 5');
      const wrongLevel = await vpXa.post(`/api/councils/${sh}/elections/${e.id}/units`, { ballotType: 'province', number: 1, name: 'Đơn vị số 1', seats: 3 });
      expect(wrongLevel.status).toBe(422);
      const pu = await json<{ id: string }>(vpTinh.post(`/api/councils/${prov}/elections/${e.id}/units`, { ballotType: 'province', number: 1, name: 'Đơn vị số 1', seats: 3 }), 201);
      const cu = await json<{ id: string }>(vpXa.post(`/api/councils/${sh}/elections/${e.id}/units`, { ballotType: 'commune', number: 1, name: 'Đơn vị số 1', seats: 2 }), 201);
      const area = await json<{ id: string; provinceCode: string }>(vpXa.post(`/api/councils/${sh}/elections/${e.id}/areas`, { number: 1, name: 'Khu vực bỏ phiếu số 1', kind: 'hospital', provinceUnitId: pu.id, communeUnitId: cu.id }), 201);
      expect(area.provinceCode).toBe('51');
      const parts = await t.db.execute(sql`select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'voter_entries' order by 1`);
      expect(parts.rows.map((r) => (r as { relname: string }).relname)).toContain('voter_entries_p51');
      // The province committee sees the commune's area; another commune's clerk does not.
      const seen = await json<{ items: { id: string }[]; total: number }>(vpTinh.get(`/api/councils/${prov}/elections/${e.id}/areas`));
      expect(seen.items.map((a) => a.id)).toContain(area.id);
      const team = await json<{ id: string }>(vpXa.post(`/api/councils/${sh}/elections/${e.id}/bodies`, { kind: 'pollingTeam', name: 'Tổ bầu cử số 1', pollingAreaId: area.id }), 201);
      await json(vpXa.post(`/api/councils/${sh}/elections/${e.id}/bodies/${team.id}/members`, { fullName: 'Nguyễn Văn Tổ', position: 'chair' }), 201);
      const again = await vpXa.post(`/api/councils/${sh}/elections/${e.id}/bodies`, { kind: 'pollingTeam', name: 'Tổ khác', pollingAreaId: area.id });
      expect(again.status).toBe(409);
      for (const [i, n] of ['Trần Thị An', 'Lê Văn Bình', 'Phạm Văn Cường', 'Võ Thị Dung'].entries()) {
        await json(vpTinh.post(`/api/councils/${prov}/elections/${e.id}/units/${pu.id}/candidates`, { fullName: n, birthDate: `197${i}-05-0${i + 1}`, sex: i % 2 ? 'male' : 'female' }), 201);
      }
      const units = await json<{ items: { id: string; candidateCount: number; candidateCheck: { ok: boolean; required: number } }[] }>(vpTinh.get(`/api/councils/${prov}/elections/${e.id}/units?ballotType=province`));
      const u = units.items.find((x) => x.id === pu.id)!;
      expect(u.candidateCount).toBe(4);
      expect(u.candidateCheck).toMatchObject({ ok: false, required: 5 });
    });
  });
}
