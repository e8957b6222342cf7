// Voter lists through the API, on each database: the demo's one duplicate across communes found;
// planted duplicates (same ID in two provinces, a missing ID with the same name and birth date,
// namesakes who are different people — not merged); ballots computed per residence case; the list
// append-only (versions with reason; UPDATE/DELETE refused by the database); Tổ scope and
// permissions; the spreadsheet import with per-row errors; exports audited; no identities in counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { createCouncil, createUnit } from '../../src/modules/directory/service.ts';
import { createPollingArea } from '../../src/modules/elections/actions/core.ts';
import { DEMO_DUPLICATE } from '../../src/modules/elections/seed.ts';
import { toTcvn3 } from '../../src/domain/text/legacy.ts';

type Voter = { voterId: string; version: number; fullName: string; citizenId: string | null; ballotNa: boolean; ballotProvince: boolean; ballotCommune: boolean; eligibilityReason: string; removed: boolean; change: string; reason: string; marks: string[] };
type Report = { items: { kind: string; scope: string; reason: string; entries: { voterId: string; fullName: string; communeName: string; provinceName: string }[] }[]; total: number };

const SYS = { id: null, name: 'Hệ thống' };

for (const kind of dbKinds()) {
  describe(`voter lists [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let sh: string;
    let prov: string;
    let e: string;
    let a1: string;
    let a2: string;
    const base = () => `/api/councils/${sh}/elections/${e}`;
    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-02-20T02:00:00Z' });
      vp = await t.as('vp.sahuynh');
      sh = t.id('council:sa-huynh');
      prov = t.id('council:province');
      e = t.id('election:2026');
      a1 = t.id('pollingArea:sh1');
      a2 = t.id('pollingArea:sh2');
    }, 180_000);
    afterAll(() => t?.close());

    const add = (area: string, body: Record<string, unknown>, c: TestClient = vp) => c.post(`${base()}/areas/${area}/voters`, { ethnicity: 'Kinh', reason: 'Bổ sung sau niêm yết', ...body });

    it('demo: the one citizen on two lists (two communes) is reported to both communes; the late posting is flagged', async () => {
      const rep = await json<Report>(vp.get(`${base()}/reconciliation?pageSize=200`));
      const dup = rep.items.filter((i) => i.entries.some((x) => x.fullName === DEMO_DUPLICATE.fullName));
      expect(dup).toHaveLength(1);
      expect(dup[0]).toMatchObject({ kind: 'sameId', scope: 'sameProvince' });
      expect(dup[0]!.entries.map((x) => x.communeName).sort()).toEqual(['Sa Huỳnh', 'Trà Câu']);
      expect(dup[0]!.reason).toContain('Khu vực bỏ phiếu số 1, Sa Huỳnh');
      const tc = t.id('council:tra-cau');
      const tcRep = await json<Report>((await t.as('admin')).get(`/api/councils/${tc}/elections/${e}/reconciliation?pageSize=200`));
      expect(tcRep.items.filter((i) => i.kind === 'sameId')).toHaveLength(1);
      const areas = await json<{ items: { number: number; communeCode: string; postingProblem: string | null }[] }>((await t.as('vp.tinh')).get(`/api/councils/${prov}/elections/${e}/areas?pageSize=50`));
      const late = areas.items.filter((a) => a.postingProblem);
      expect(late.map((a) => a.communeCode)).toEqual(['21706']);
      expect(late[0]!.postingProblem).toContain('03/02/2026');
    });

    it('planted duplicates: same ID in two provinces, a missing ID with the same name and birth date; namesakes not merged', async () => {
      // A second province with a commune and a polling area in the same election.
      const p2 = await createUnit(t.db, SYS, { code: '52', name: 'Gia Lai', type: 'tinh' });
      await createCouncil(t.db, SYS, { unitId: p2.id, name: 'Hội đồng nhân dân tỉnh Gia Lai', shortName: 'HĐND tỉnh' });
      const c2 = await createUnit(t.db, SYS, { code: '21900', name: 'An Nhơn', type: 'phuong', parentId: p2.id });
      const cc2 = await createCouncil(t.db, SYS, { unitId: c2.id, name: 'Hội đồng nhân dân phường An Nhơn', shortName: 'HĐND phường' });
      const area = await createPollingArea({ db: t.db, actor: SYS, now: new Date('2026-02-20T02:00:00Z') }, cc2.id, e, { number: 1, name: 'Nhà văn hóa khu phố 1', kind: 'ordinary' });
      const parts = await t.db.execute(sql`select relname from pg_class where relname = 'voter_entries_p52'`);
      expect(parts.rows).toHaveLength(1);
      const admin = await t.as('admin');
      const addAt = (council: string, areaId: string, body: Record<string, unknown>) => admin.post(`/api/councils/${council}/elections/${e}/areas/${areaId}/voters`, { ethnicity: 'Kinh', residenceKind: 'permanent', reason: 'Bổ sung (kiểm thử)', ...body });
      // 1. Same ID in two provinces.
      await json(addAt(sh, a1, { citizenId: '051190001111', fullName: 'Đoàn Văn Khải', birthDate: '1990-01-02', sex: 'male' }), 201);
      await json(addAt(cc2.id, area.id, { citizenId: '051 190 001 111', fullName: 'Đoàn Văn Khải', birthDate: '1990-01-02', sex: 'male' }), 201);
      // 2. Missing ID, same name (other spelling of tones/case) and birth date, two communes.
      await json(addAt(sh, a2, { citizenId: null, fullName: 'Hoàng Thị Thủy', birthDate: '1972-08-09', sex: 'female' }), 201);
      await json(addAt(cc2.id, area.id, { citizenId: '052172334455', fullName: 'hoàng thị thuỷ', birthDate: '1972-08-09', sex: 'female' }), 201);
      // 3. Namesakes: same name and birth year, different IDs and birth dates → different people.
      await json(addAt(sh, a1, { citizenId: '051180777001', fullName: 'Nguyễn Văn Tèo', birthDate: '1980-03-03', sex: 'male' }), 201);
      await json(addAt(cc2.id, area.id, { citizenId: '052180123999', fullName: 'Nguyễn Văn Tèo', birthDate: '1980-11-20', sex: 'male' }), 201);
      // Same name AND birth date but two valid IDs far apart: also different people.
      await json(addAt(sh, a2, { citizenId: '051175000001', fullName: 'Lê Văn Tư', birthDate: '1975-05-05', sex: 'male' }), 201);
      await json(addAt(cc2.id, area.id, { citizenId: '052175999888', fullName: 'Lê Văn Tư', birthDate: '1975-05-05', sex: 'male' }), 201);

      const rep = await json<Report>(vp.get(`${base()}/reconciliation?pageSize=200`));
      const about = (name: string) => rep.items.filter((i) => i.entries.some((x) => x.fullName.toLowerCase() === name.toLowerCase()));
      expect(about('Đoàn Văn Khải')).toHaveLength(1);
      expect(about('Đoàn Văn Khải')[0]).toMatchObject({ kind: 'sameId', scope: 'acrossProvinces' });
      expect(about('Đoàn Văn Khải')[0]!.entries.map((x) => x.provinceName).sort()).toEqual(['Gia Lai', 'Quảng Ngãi']);
      expect(about('Hoàng Thị Thủy')).toHaveLength(1);
      expect(about('Hoàng Thị Thủy')[0]!.kind).toBe('nameBirth');
      expect(about('Nguyễn Văn Tèo')).toHaveLength(0);
      expect(about('Lê Văn Tư')).toHaveLength(0);
      // Resolved by removing one entry (a new version): the pair leaves the report.
      const khai = about('Đoàn Văn Khải')[0]!.entries.find((x) => x.communeName === 'An Nhơn')!;
      await json(admin.post(`/api/councils/${cc2.id}/elections/${e}/areas/${area.id}/voters/${khai.voterId}/removals`, { reason: 'Trùng với danh sách phường Sa Huỳnh (đăng ký thường trú tại đó)', version: 1 }), 201);
      const after = await json<Report>(vp.get(`${base()}/reconciliation?pageSize=200`));
      expect(after.items.filter((i) => i.entries.some((x) => x.fullName === 'Đoàn Văn Khải'))).toHaveLength(0);
    });

    it('ballots are computed per residence case, never typed', async () => {
      const cases: [Record<string, unknown>, [boolean, boolean, boolean]][] = [
        [{ residenceKind: 'permanent' }, [true, true, true]],
        [{ residenceKind: 'temporary', residenceSince: '2025-03-15', temporaryAddress: 'Thạnh Đức 1' }, [true, true, true]],
        [{ residenceKind: 'temporary', residenceSince: '2025-03-16', temporaryAddress: 'Thạnh Đức 1' }, [true, true, false]],
        [{ residenceKind: 'permanent', status: 'soldier' }, [true, true, false]],
        [{ residenceKind: 'permanent', status: 'detainee' }, [true, true, false]],
        [{ residenceKind: 'permanent', status: 'voteElsewhereCertificate' }, [true, true, false]],
        [{ residenceKind: 'permanent', status: 'quarantined' }, [true, true, true]],
      ];
      for (const [i, [facts, want]] of cases.entries()) {
        const v = await json<Voter>(add(a1, { citizenId: `05119500${String(1000 + i)}`, fullName: `Cử Tri Thử ${i}`, birthDate: '1995-06-01', sex: 'male', ballotCommune: true, ...facts }), 201);
        expect([v.ballotNa, v.ballotProvince, v.ballotCommune], JSON.stringify(facts)).toEqual(want);
        expect(v.eligibilityReason.length).toBeGreaterThan(10);
      }
      const under = await add(a1, { citizenId: '051208000001', fullName: 'Chưa Đủ Tuổi', birthDate: '2008-03-16', sex: 'male', residenceKind: 'permanent' });
      expect(under.status).toBe(422);
      expect((await under.json()).error.message).toContain('chưa đủ 18 tuổi');
      const badId = await add(a1, { citizenId: '05119', fullName: 'Sai Số', birthDate: '1990-01-01', sex: 'male', residenceKind: 'permanent' });
      expect(badId.status).toBe(422);
      expect((await badId.json()).error.message).toContain('12 chữ số');
      const noReason = await vp.post(`${base()}/areas/${a1}/voters`, { fullName: 'Không Lý Do', birthDate: '1990-01-01', sex: 'male', residenceKind: 'permanent' });
      expect(noReason.status).toBe(422);
    });

    it('append-only: a correction and an exclusion are new versions; the database refuses UPDATE and DELETE', async () => {
      const v = await json<Voter>(add(a2, { citizenId: '051188123456', fullName: 'Trịnh Văn Sửa', birthDate: '1988-02-02', sex: 'male', residenceKind: 'permanent' }), 201);
      const c = await json<Voter>(vp.post(`${base()}/areas/${a2}/voters/${v.voterId}/corrections`, { fullName: 'Trịnh Văn Sữa', reason: 'Sai chính tả tên theo Căn cước', version: 1 }), 201);
      expect(c).toMatchObject({ version: 2, change: 'correct', fullName: 'Trịnh Văn Sữa' });
      const stale = await vp.post(`${base()}/areas/${a2}/voters/${v.voterId}/corrections`, { fullName: 'X Y', reason: 'cũ', version: 1 });
      expect(stale.status).toBe(409);
      const ex = await json<Voter>(vp.post(`${base()}/areas/${a2}/voters/${v.voterId}/exclusions`, { ground: 'prisonTerm', endsAt: null, reason: 'Bản án số 12/2026/HS-ST', version: 2 }), 201);
      expect(ex).toMatchObject({ version: 3, removed: true, ballotNa: false, ballotCommune: false });
      const hist = await json<{ items: Voter[] }>(vp.get(`${base()}/areas/${a2}/voters/${v.voterId}/versions`));
      expect(hist.items.map((h) => [h.version, h.change, h.fullName])).toEqual([[1, 'add', 'Trịnh Văn Sửa'], [2, 'correct', 'Trịnh Văn Sữa'], [3, 'exclude', 'Trịnh Văn Sữa']]);
      const list = await json<{ items: Voter[] }>(vp.get(`${base()}/areas/${a2}/voters?q=trinh van sua`));
      expect(list.items).toHaveLength(0);
      await expect(t.db.execute(sql`update voter_entries set full_name = 'Khác' where voter_id = ${v.voterId}`)).rejects.toThrow();
      await expect(t.db.execute(sql`delete from voter_entries where voter_id = ${v.voterId}`)).rejects.toThrow();
      await expect(t.db.execute(sql`truncate voter_entries`)).rejects.toThrow();
      const rows = await t.db.execute(sql`select count(*)::int as n from voter_entries where voter_id = ${v.voterId}`);
      expect((rows.rows[0] as { n: number }).n).toBe(3);
      const audit = await t.db.execute(sql`select action, after from audit_events where entity_id = ${v.voterId} order by id`);
      expect(audit.rows.map((r) => (r as { action: string }).action)).toEqual(['voter_entry.add', 'voter_entry.correct', 'voter_entry.exclude']);
      expect(JSON.stringify(audit.rows)).not.toContain('051188123456');
    });

    it('a move (temporary residence elsewhere) removes here and adds there, one citizen on one list', async () => {
      const v = await json<Voter>(add(a1, { citizenId: '051170555444', fullName: 'Tô Văn Chuyển', birthDate: '1970-07-07', sex: 'male', residenceKind: 'permanent' }), 201);
      const m = await json<{ steps: Voter[] }>(vp.post(`${base()}/areas/${a1}/voters/${v.voterId}/moves`, { kind: 'movedAfterPosting', toAreaId: a2, on: '2026-02-20', version: 1 }), 201);
      expect(m.steps.map((s) => [s.change, s.removed])).toEqual([['move', true], ['add', false]]);
      const rep = await json<Report>(vp.get(`${base()}/reconciliation?pageSize=200`));
      expect(rep.items.filter((i) => i.entries.some((x) => x.fullName === 'Tô Văn Chuyển'))).toHaveLength(0);
    });

    it('complaints: within 30 days of posting, answered within 5 days', async () => {
      const late = await vp.post(`${base()}/areas/${a1}/complaints`, { complainant: 'Người Khiếu Nại', content: 'Thiếu tên', receivedOn: '2026-03-04' });
      expect(late.status).toBe(422);
      expect((await late.json()).error.message).toContain('30 ngày');
      const c = await json<{ id: string; answerDue: string }>(vp.post(`${base()}/areas/${a1}/complaints`, { complainant: 'Người Khiếu Nại', content: 'Thiếu tên', receivedOn: '2026-02-20' }), 201);
      expect(c.answerDue).toBe('2026-02-25');
      const ans = await json<{ late: boolean; state: string }>(vp.post(`${base()}/areas/${a1}/complaints/${c.id}/answer`, { answer: 'Đã bổ sung', answeredOn: '2026-02-26' }));
      expect(ans).toMatchObject({ late: true, state: 'answered' });
    });

    it('scopes: a Tổ member reads only its area and cannot change the list; another ward and anonymous are refused', async () => {
      const to = await t.as('to.sahuynh');
      expect((await to.get(`${base()}/areas/${a1}/voters`)).status).toBe(200);
      expect((await to.get(`${base()}/areas/${a2}/voters`)).status).toBe(403);
      expect((await to.get(`${base()}/areas/${a2}/voters/list.xlsx`)).status).toBe(403);
      expect((await add(a1, { fullName: 'A B', birthDate: '1990-01-01', sex: 'male', residenceKind: 'permanent' }, to)).status).toBe(403);
      expect((await to.get(`${base()}/reconciliation?pageSize=200`)).status).toBe(403);
      const other = await t.as('vp.ducpho');
      expect((await other.get(`${base()}/areas/${a1}/voters`)).status).toBe(403);
      const ducpho = t.id('council:duc-pho-ward');
      expect((await other.get(`/api/councils/${ducpho}/elections/${e}/areas/${a1}/voters`)).status).toBe(404);
      expect((await t.anonymous().get(`${base()}/areas/${a1}/voters`)).status).toBe(401);
      const delegate = await t.as('daibieu.sahuynh');
      expect((await delegate.get(`${base()}/areas/${a1}/voters`)).status).toBe(403);
      // Counts carry no identities.
      const counts = await delegate.get(`/api/councils/${sh}/elections/${e}/voter-counts`);
      expect(counts.status).toBe(403);
      const raw = await (await vp.get(`${base()}/voter-counts`)).text();
      expect(raw).not.toContain(DEMO_DUPLICATE.citizenId!);
      expect(raw).not.toContain(DEMO_DUPLICATE.fullName);
      expect(JSON.parse(raw).items[0]).toMatchObject({ number: 1 });
    });

    it('exports (Mẫu 31 .xlsx/.docx, Mẫu 10 cards) are audited', async () => {
      const before = await t.db.execute(sql`select count(*)::int as n from audit_events where action = 'voter_list.export'`);
      const x = await vp.get(`${base()}/areas/${a1}/voters/list.xlsx`);
      expect(x.status).toBe(200);
      expect(new Uint8Array(await x.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
      const d = await vp.get(`${base()}/areas/${a1}/voters/list.docx`);
      expect(d.status).toBe(200);
      const cards = await vp.get(`${base()}/areas/${a1}/voters/cards.docx`);
      expect(cards.status).toBe(200);
      const after = await t.db.execute(sql`select count(*)::int as n from audit_events where action = 'voter_list.export'`);
      expect((after.rows[0] as { n: number }).n - (before.rows[0] as { n: number }).n).toBe(3);
    });

    it('import: a commune spreadsheet with a legacy-font cell, columns guessed, per-row errors, nothing written until clean', async () => {
      const csv = (rows: string[]) => new Blob([['Khu vực bỏ phiếu,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Thường trú,Tạm trú,Tạm trú từ ngày', ...rows].join('\n')], { type: 'text/csv' });
      const form = (rows: string[], mode: string) => {
        const f = new FormData();
        f.append('file', csv(rows), 'ds-cu-tri.csv');
        f.append('mode', mode);
        f.append('jobId', 'job-import-1');
        return f;
      };
      const bad = ['1,Nguyễn Văn Nhập,01/02/1980,Nam,051080111222,Thạnh Đức 1,,', '2,Lê Thị Lỗi,1990,Nữ,12345,Long Thạnh 1,,', '9,Trần Văn Sai,02/03/1970,Nam,,Châu Me,,', '2,Phạm Văn Mới,05/05/1999,Nam,,,Long Thạnh 1,01/10/2025'];
      const prev = await json<{ mode: string; errors: { row: number; message: string }[]; total: number }>(vp.upload(`${base()}/voters/import`, form(bad, 'preview')));
      expect(prev.total).toBe(4);
      expect(prev.errors.map((x) => x.row)).toEqual([3, 4]);
      expect(prev.errors[0]!.message).toContain('12 chữ số');
      expect(prev.errors[1]!.message).toContain('khu vực bỏ phiếu số "9"');
      const refused = await vp.upload(`${base()}/voters/import`, form(bad, 'commit'));
      expect(refused.status).toBe(422);
      const legacy = `1,${toTcvn3('Võ Thị Ngọc Hường')},07/08/1966,Nữ,051166778899,Thạnh Đức 2,,`;
      const ok = await json<{ created: number; byArea: Record<string, number> }>(vp.upload(`${base()}/voters/import`, form([bad[0]!, bad[3]!, legacy], 'commit')));
      expect(ok.created).toBe(3);
      const repaired = await json<{ items: Voter[] }>(vp.get(`${base()}/areas/${a1}/voters?q=051166778899`));
      expect(repaired.items[0]!.fullName).toBe('Võ Thị Ngọc Hường');
      expect(ok.byArea[a2]).toBe(1);
      const list = await json<{ items: Voter[] }>(vp.get(`${base()}/areas/${a2}/voters?q=pham van moi`));
      expect(list.items[0]).toMatchObject({ ballotCommune: false, change: 'add' });
      const progress = await json<{ phase: string }>(vp.get(`${base()}/voters/import-progress/job-import-1`));
      expect(progress.phase).toBe('done');
    });
  });
}
