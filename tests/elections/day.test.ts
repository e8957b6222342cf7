// Election day through the API, on each database: turnout by the Tổ of each area only (counts,
// never names), the dashboard with the areas not reported; a tally sheet that fails a check,
// returned and fixed, locked; a locked sheet changed only by a new version with its reason (the
// audit shows both); the Ban's unit result with the winners' reasons, the summary, publication,
// the public page (no complainant) and a complaint within the Điều 87 deadlines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { auditEvents } from '../../src/modules/audit/schema.ts';
import { tallySheetVersions } from '../../src/modules/elections/daySchema.ts';
import { buildDayElection, commune, type DayFixture } from './daySupport.ts';
import { docxText } from '../documents/support.ts';

for (const kind of dbKinds()) {
  describe(`election day [${kind}]`, () => {
    let t: TestApp;
    let f: DayFixture;
    let vpXa: TestClient;
    let to1: TestClient;
    let to2: TestClient;
    let ban1: TestClient;
    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2031-03-16T02:00:00Z', seed: true });
      f = await buildDayElection(t);
      vpXa = await t.as('vp.sahuynh');
      to1 = await t.as(f.users.to1);
      to2 = await t.as(f.users.to2);
      ban1 = await t.as(f.users.ban1);
    }, 240_000);
    afterAll(() => t?.close());

    it('turnout: the committee sets the hours; each Tổ reports only its own area, cumulative, never over the list', async () => {
      const hours = ['09:00', '11:00', '14:00', '17:00', '19:00'];
      expect((await to1.put(`${f.base}/day-settings`, { turnoutHours: hours, inventoryIdentity: 'issued' })).status).toBe(403);
      await json(vpXa.put(`${f.base}/day-settings`, { turnoutHours: hours, inventoryIdentity: 'issued' }));
      const a1 = `${f.base}/polling-areas/${f.areas[0]}/turnout`;
      await json(to1.put(a1, { at: '09:00', voted: 30 }));
      const other = await to1.put(`${f.base}/polling-areas/${f.areas[1]}/turnout`, { at: '09:00', voted: 5 });
      expect(other.status).toBe(403);
      expect((await other.json()).error.message).toBe('Bạn chỉ được báo cáo số cử tri đi bầu của khu vực bỏ phiếu mình phụ trách.');
      const down = await to1.put(a1, { at: '11:00', voted: 20 });
      expect(down.status).toBe(422);
      expect((await down.json()).error.message).toContain('số liệu cộng dồn không bao giờ giảm');
      const offHour = await to1.put(a1, { at: '10:00', voted: 40 });
      expect(offHour.status).toBe(422);
      expect((await offHour.json()).error.message).toContain('không phải giờ báo cáo do Ủy ban bầu cử quy định');
      const over = await to1.put(a1, { at: '11:00', voted: 101 });
      expect((await over.json()).error.message).toContain('lớn hơn tổng số cử tri của khu vực bỏ phiếu (100)');
      await json(to1.put(a1, { at: '11:00', voted: 62 }));

      const dash = await vpXa.get(`${f.base}/turnout?at=11:00`);
      const raw = await dash.text();
      const d = JSON.parse(raw);
      expect(d.total).toMatchObject({ voted: 62, votersOnList: 180, reportedAreas: 1, kind: 'estimated' });
      expect(d.total.notReportedNames).toEqual(['Khu vực bỏ phiếu số 2']);
      expect(d.units.map((u: { voted: number }) => u.voted)).toEqual([62, 62]);
      expect(d.communes).toHaveLength(1);
      expect(d.areas.find((a: { id: string }) => a.id === f.areas[1]).reported).toBe(false);
      // Counts only: no voter's name or identity leaves the server.
      expect(raw).not.toContain('Cử tri thử nghiệm');
      // A Tổ sees only its own area on the dashboard.
      const own = await json(to2.get(`${f.base}/turnout`));
      expect(own.areas.map((a: { id: string }) => a.id)).toEqual([f.areas[1]]);
    });

    it('a sheet that fails a check is named, cannot be locked, is returned, fixed and locked; the Tổ of another area cannot touch it', async () => {
      const url = `${f.base}/polling-areas/${f.areas[0]}/tally-sheets/commune`;
      const form = await json(to1.get(url));
      expect(form.unit).toMatchObject({ seats: 2 });
      expect(form.unit.candidates).toHaveLength(3);
      expect(form.area).toMatchObject({ votersOnList: 100, votersMale: 40, votersFemale: 60 });
      expect((await to2.put(url, commune(f))).status).toBe(403);
      const saved = await json<{ sheetId: string }>(to1.put(url, commune(f, { invalidBallots: 3 })));
      const detail = await json(to1.get(`${f.base}/tally-sheets/${saved.sheetId}`));
      expect(detail.versions[0].failures.map((x: { check: string }) => x.check)).toEqual(['validPlusInvalid']);
      expect(detail.versions[0].failures[0].message).toBe('Dòng "Số phiếu hợp lệ" (88) cộng dòng "Số phiếu không hợp lệ" (3) bằng 91, khác dòng "Số phiếu thu vào" (90).');
      await json(to1.post(`${f.base}/tally-sheets/${saved.sheetId}/submit`, {}));
      expect((await to1.put(url, commune(f))).status).toBe(409);
      expect((await to1.post(`${f.base}/tally-sheets/${saved.sheetId}/lock`, {})).status).toBe(403);
      const blocked = await ban1.post(`${f.base}/tally-sheets/${saved.sheetId}/lock`, {});
      expect(blocked.status).toBe(422);
      expect((await blocked.json()).error.message).toContain('Chưa khóa sổ được: Số phiếu hợp lệ cộng số phiếu không hợp lệ bằng số phiếu thu vào');
      expect((await ban1.post(`${f.base}/tally-sheets/${saved.sheetId}/return`, {})).status).toBe(422);
      await json(ban1.post(`${f.base}/tally-sheets/${saved.sheetId}/return`, { reason: 'Số phiếu không hợp lệ không khớp' }));
      await json(to1.put(url, commune(f)));
      await json(to1.post(`${f.base}/tally-sheets/${saved.sheetId}/submit`, {}));
      const locked = await json(ban1.post(`${f.base}/tally-sheets/${saved.sheetId}/lock`, {}));
      expect(locked).toMatchObject({ version: 1, state: 'locked' });
    });

    it('append-only: a locked sheet changes only by a new version with its reason; the old one stays; the audit shows both', async () => {
      const url = `${f.base}/polling-areas/${f.areas[0]}/tally-sheets/commune`;
      const { sheet } = await json(to1.get(url));
      const id = sheet.id as string;
      const edit = await to1.put(url, commune(f, {}, [71, 60, 40]));
      expect(edit.status).toBe(409);
      expect((await edit.json()).error.message).toContain('không được sửa, tẩy xóa');
      expect((await to1.post(`${f.base}/tally-sheets/${id}/versions`, { ...commune(f, {}, [71, 59, 40]), reason: '' })).status).toBe(422);
      await json(to1.post(`${f.base}/tally-sheets/${id}/versions`, { ...commune(f, {}, [71, 59, 40]), reason: 'Đếm lại phiếu của ông Hải và bà Lan theo biên bản giấy' }), 201);
      let d = await json(to1.get(`${f.base}/tally-sheets/${id}`));
      expect(d.versions.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([[1, 'locked'], [2, 'draft']]);
      expect(d.versions[0].figures.candidates[0].votes).toBe(70);
      await json(to1.post(`${f.base}/tally-sheets/${id}/submit`, {}));
      await json(ban1.post(`${f.base}/tally-sheets/${id}/lock`, {}));
      d = await json(to1.get(`${f.base}/tally-sheets/${id}`));
      expect(d.versions.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([[1, 'superseded'], [2, 'locked']]);
      expect(d.versions[0].figures.candidates[0].votes).toBe(70);
      expect(d.versions[1].figures.candidates[0].votes).toBe(71);
      expect(d.versions[1].reason).toBe('Đếm lại phiếu của ông Hải và bà Lan theo biên bản giấy');
      const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'tally_sheet'), eq(auditEvents.entityId, id))).orderBy(asc(auditEvents.id));
      expect(events.map((e) => e.action)).toEqual([
        'election_tally.create', 'election_tally.submit', 'election_tally.return', 'election_tally.save', 'election_tally.submit', 'election_tally.lock',
        'election_tally.correct', 'election_tally.submit', 'election_tally.lock',
      ]);
      const correct = events.find((e) => e.action === 'election_tally.correct')!;
      expect((correct.before as { version: number; figures: { candidates: { votes: number }[] } }).figures.candidates[0]!.votes).toBe(70);
      expect((correct.after as { version: number; reason: string }).reason).toContain('Đếm lại');
      const rows = await t.db.select().from(tallySheetVersions).where(eq(tallySheetVersions.sheetId, id));
      expect(rows).toHaveLength(2);
    });

    it('the Ban confirms the unit result with every reason; the committee sums up, publishes; the public page names winners, never a complainant', async () => {
      const url2 = `${f.base}/polling-areas/${f.areas[1]}/tally-sheets/commune`;
      const s2 = await json<{ sheetId: string }>(to2.put(url2, commune(f, { votersOnList: 80, votersMale: 35, votersFemale: 45, votersVoted: 70, ballotsIssued: 70, ballotsReceived: 70, validBallots: 70, invalidBallots: 0, inventory: { supplied: 80, spoiled: 0, unused: 10 }, emptySlots: 140 - 100 }, [50, 30, 20])));
      const early = await ban1.post(`${f.base}/units/${f.communeUnitId}/result`, { round: 'first' });
      expect(early.status).toBe(409);
      expect((await early.json()).error.message).toBe('Chưa đủ biên bản đã khóa sổ: khu vực bỏ phiếu số 2.');
      await json(to2.post(`${f.base}/tally-sheets/${s2.sheetId}/submit`, {}));
      await json(ban1.post(`${f.base}/tally-sheets/${s2.sheetId}/lock`, {}));
      const live = await json(ban1.get(`${f.base}/units/${f.communeUnitId}/result`));
      expect(live.rollUp.figures).toMatchObject({ votersOnList: 180, votersVoted: 160, validBallots: 158 });
      expect(live.outcome.winners.map((w: { name: string }) => w.name)).toEqual(['Nguyễn Văn Hải', 'Đặng Thị Lan']);
      expect(live.outcome.candidates[2].reason).toContain('chưa quá một nửa');
      await json(ban1.post(`${f.base}/units/${f.communeUnitId}/result`, { round: 'first' }), 201);
      // The Ban's minutes (Mẫu 24) as Word: figures, winners highest first, every reason.
      const docx = await ban1.get(`${f.base}/units/${f.communeUnitId}/result/minutes.docx`);
      expect(docx.status).toBe(200);
      const bytes = new Uint8Array(await docx.arrayBuffer());
      if (process.env.NT_KEEP_DOCX) (await import('node:fs')).writeFileSync(process.env.NT_KEEP_DOCX, bytes);
      const text = docxText(bytes);
      for (const line of ['BIÊN BẢN', 'Xác định kết quả bầu cử đại biểu Hội đồng nhân dân', 'Số cử tri đã tham gia bỏ phiếu: 160, đạt tỷ lệ 88,89%', 'Danh sách những người trúng cử', 'Huỳnh Văn Minh được 60/158 phiếu hợp lệ', 'TRƯỞNG BAN']) {
        expect(text).toContain(line);
      }
      expect((await ban1.post(`${f.base}/results/summary`, { ballotType: 'commune' })).status).toBe(403);
      const summary = await json(vpXa.post(`${f.base}/results/summary`, { ballotType: 'commune' }), 201);
      const level = await json(vpXa.get(`${f.base}/results?ballotType=commune`));
      expect(level.units[0].rounds[0]).toMatchObject({ round: 'first', confirmed: true });
      expect(level.units[0].rounds[0].outcome.reasons.at(-1)).toBe('Đã bầu đủ 2 đại biểu.');
      const pub = await json(vpXa.post(`${f.base}/results/publish`, { ballotType: 'commune' }));
      expect(pub.publishedOn).toBe('2031-03-16');

      const unitMinutes = level.units[0].rounds[0].minutesId;
      const late = await json(vpXa.post(`${f.base}/result-complaints`, { minutesId: unitMinutes, complainant: 'Ông Khiếu Nại Bí Mật', content: 'Đề nghị xem lại số phiếu', receivedOn: '2031-03-20' }), 201);
      expect(late.timing.inTime).toBe(false);
      const c = await json(vpXa.post(`${f.base}/result-complaints`, { minutesId: unitMinutes, complainant: 'Ông Khiếu Nại Bí Mật', content: 'Đề nghị xem lại số phiếu', receivedOn: '2031-03-18' }), 201);
      expect(c.timing).toMatchObject({ inTime: true, fileBy: '2031-03-19', decideBy: '2031-03-25' });
      await json(vpXa.post(`${f.base}/result-complaints/${c.id}/decision`, { decision: 'Giữ nguyên kết quả', decidedOn: '2031-03-20' }));
      const again = await vpXa.post(`${f.base}/result-complaints/${c.id}/decision`, { decision: 'Khác', decidedOn: '2031-03-21' });
      expect((await again.json()).error.message).toContain('quyết định cuối cùng');
      expect((await vpXa.post(`${f.base}/result-complaints/${late.id}/decision`, { decision: 'x', decidedOn: '2031-03-21' })).status).toBe(409);

      const publicRes = await t.anonymous().get(`/api/public/elections/${f.electionId}/results`);
      const raw = await publicRes.text();
      expect(publicRes.status).toBe(200);
      const p = JSON.parse(raw);
      expect(p.units).toHaveLength(1);
      expect(p.units[0].outcome.winners.map((w: { name: string }) => w.name)).toEqual(['Nguyễn Văn Hải', 'Đặng Thị Lan']);
      expect(p.units[0].areas.map((a: { number: string }) => a.number).sort()).toEqual(['1', '2']);
      expect(raw).not.toContain('Khiếu Nại Bí Mật');
      expect(raw).not.toContain('Cử tri thử nghiệm');
      expect(summary.scope).toBe('council');
    });
  });
}
