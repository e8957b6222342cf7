// The setup screens' API and the committee's documents, on each database: editing an election, a
// unit, an area and a body (rules and scope kept, one audit event each); the accounts a member can
// be linked to; complaints about a voter list with the window and answer deadline from the rule
// set and the overdue flag computed from today; complaints about results likewise; Mẫu 25 and
// Mẫu 26 as Word files from the results; Mẫu 31 on A4 landscape and voter cards with no header row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { auditEvents } from '../../src/modules/audit/schema.ts';
import { buildDayElection, commune, type DayFixture } from './daySupport.ts';
import { docxText } from '../documents/support.ts';
import { httpLogin, listen, sse } from '../chamber/support.ts';

const OUT = path.resolve('test-results/elections-docs');
const keep = (name: string, bytes: Uint8Array) => {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, name), bytes);
};
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

for (const kind of dbKinds()) {
  describe(`elections setup and committee documents [${kind}]`, () => {
    let t: TestApp;
    let f: DayFixture;
    let vpXa: TestClient;
    let vpTinh: TestClient;
    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2031-03-16T02:00:00Z', seed: true });
      f = await buildDayElection(t);
      vpXa = await t.as('vp.sahuynh');
      vpTinh = await t.as('vp.tinh');
    }, 240_000);
    afterAll(() => t?.close());

    it('turnout is live: a Tổ report reaches an open stream (PostgreSQL: NOTIFY at commit), counts only; a refused report sends nothing', async () => {
      const vp = await t.as('vp.sahuynh');
      await json(vp.put(`${f.base}/day-settings`, { turnoutHours: ['09:00', '11:00', '14:00', '17:00', '19:00'], inventoryIdentity: 'issued' }));
      const srv = await listen(t);
      try {
        const h = await httpLogin(srv.url, 'vp.sahuynh');
        const stream = await sse(`${srv.url}${f.base}/turnout/live`, h);
        expect((await stream.next((e) => e.event === 'snapshot')).data).toEqual({ electionId: f.electionId });
        const to1 = await httpLogin(srv.url, f.users.to1);
        const bad = await fetch(`${srv.url}${f.base}/polling-areas/${f.areas[0]}/turnout`, { method: 'PUT', headers: to1, body: JSON.stringify({ at: '10:00', voted: 10 }) });
        expect(bad.status).toBe(422);
        const ok = await fetch(`${srv.url}${f.base}/polling-areas/${f.areas[0]}/turnout`, { method: 'PUT', headers: to1, body: JSON.stringify({ at: '09:00', voted: 12 }) });
        expect(ok.status).toBe(200);
        const u = await stream.next((e) => e.event === 'update');
        expect(u.data.payload).toEqual({ type: 'turnout', pollingAreaId: f.areas[0], at: '09:00', voted: 12, kind: 'estimated' });
        expect(stream.events.filter((e) => e.event === 'update')).toHaveLength(1);
        stream.close();
        // Another commune's clerk cannot open this election's stream.
        const other = await httpLogin(srv.url, 'vp.ducpho');
        const denied = await fetch(`${srv.url}/api/councils/${t.id('council:duc-pho-ward')}/elections/${f.electionId}/turnout/live`, { headers: { cookie: other.cookie! } });
        expect(denied.status).toBe(404);
      } finally {
        await srv.close();
      }
    });

    it('edits keep the rules: seats ≤ 5, no ballot dropped under a unit, only the level that made it; each edit audited', async () => {
      const pe = `/api/councils/${f.prov}/elections/${f.electionId}`;
      const renamed = await json<{ name: string; note: string }>(vpTinh.patch(pe, { name: 'Bầu cử thử nghiệm (đã sửa)', note: 'Theo Nghị quyết 40' }));
      expect(renamed).toMatchObject({ name: 'Bầu cử thử nghiệm (đã sửa)', note: 'Theo Nghị quyết 40' });
      const drop = await vpTinh.patch(pe, { ballotTypes: ['province'] });
      expect(drop.status).toBe(409);
      expect((await drop.json()).error.message).toBe('Không bỏ được loại phiếu bầu đã có đơn vị bầu cử.');
      const empty = await vpTinh.patch(pe, {});
      expect(empty.status).toBe(422);
      expect((await empty.json()).error.message).toContain('Chưa có thông tin nào để sửa.');
      // The commune's clerk edits the commune's election data, not the province's election.
      expect((await vpXa.patch(`${f.base}`, { name: 'x' })).status).toBe(422);

      const tooMany = await vpXa.patch(`${f.base}/units/${f.communeUnitId}`, { seats: 6 });
      expect(tooMany.status).toBe(422);
      expect((await tooMany.json()).error.message).toContain('không quá 5');
      expect(await json(vpXa.patch(`${f.base}/units/${f.communeUnitId}`, { resolution: '05/NQ-UBBC' }))).toMatchObject({ seats: 2, resolution: '05/NQ-UBBC' });
      const area = await json<{ name: string; kind: string }>(vpXa.patch(`${f.base}/areas/${f.areas[0]}`, { name: 'Nhà văn hóa Long Thạnh 1', kind: 'ordinary', hamlets: 'Long Thạnh 1' }));
      expect(area.name).toBe('Nhà văn hóa Long Thạnh 1');
      // The province's committee sees the commune's area but the UBND xã sets it.
      expect((await vpTinh.patch(`/api/councils/${f.prov}/elections/${f.electionId}/areas/${f.areas[0]}`, { name: 'y' })).status).toBe(422);
      const bodies = await json<{ items: { id: string; kind: string }[] }>(vpXa.get(`${f.base}/bodies`));
      const team = bodies.items.find((b) => b.kind === 'pollingTeam')!;
      expect(await json(vpXa.patch(`${f.base}/bodies/${team.id}`, { decision: '21/QĐ-UBND' }))).toMatchObject({ decision: '21/QĐ-UBND' });
      const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'polling_area.update'), eq(auditEvents.entityId, f.areas[0]!)));
      expect(events).toHaveLength(1);
      expect(events[0]!.before).toMatchObject({ name: 'Khu vực bỏ phiếu số 1' });

      const accounts = await json<{ items: { username: string }[] }>(vpXa.get(`${f.base}/member-accounts`));
      expect(accounts.items.map((a) => a.username)).toEqual(expect.arrayContaining([f.users.to1, f.users.to2, f.users.ban1, 'to.sahuynh']));
      expect((await (await t.as(f.users.to1)).get(`${f.base}/member-accounts`)).status).toBe(403);
    });

    it('voter-list complaints: 30 days from posting, answered in 5 (the rule set of the election day); overdue computed from today', async () => {
      await json(vpXa.post(`${f.base}/areas/${f.areas[0]}/posting`, { postedOn: '2031-02-01' }));
      const late = await vpXa.post(`${f.base}/areas/${f.areas[0]}/complaints`, { complainant: 'Bà Lê Thị Hoa', content: 'Thiếu tên con tôi', receivedOn: '2031-03-04' });
      expect(late.status).toBe(422);
      const lateMsg = (await late.json()).error.message as string;
      expect(lateMsg).toContain('30 ngày kể từ ngày niêm yết, đến hết ngày 03/03/2031');
      expect(lateMsg).toContain('Điều 33');
      const c = await json<{ id: string; answerDue: string }>(vpXa.post(`${f.base}/areas/${f.areas[0]}/complaints`, { complainant: 'Bà Lê Thị Hoa', content: 'Thiếu tên con tôi', receivedOn: '2031-02-10' }), 201);
      expect(c.answerDue).toBe('2031-02-15');
      t.setNow('2031-02-14T03:00:00Z');
      let list = await json<{ items: { id: string; overdue: boolean; areaNumber: number; rule: string }[]; rule: { answerWithinDays: number } }>(vpXa.get(`${f.base}/voter-list-complaints?state=open`));
      expect(list.items.find((x) => x.id === c.id)).toMatchObject({ overdue: false, areaNumber: 1 });
      expect(list.rule.answerWithinDays).toBe(5);
      t.setNow('2031-02-16T03:00:00Z');
      list = await json(vpXa.get(`${f.base}/voter-list-complaints?state=open`));
      expect(list.items.find((x) => x.id === c.id)).toMatchObject({ overdue: true });
      expect(list.items[0]!.rule).toContain('Điều 33');
      await json(vpXa.post(`${f.base}/areas/${f.areas[0]}/complaints/${c.id}/answer`, { answer: 'Đã bổ sung tên', answeredOn: '2031-02-16' }));
      const answered = await json<{ items: { id: string; overdue: boolean; late: boolean }[] }>(vpXa.get(`${f.base}/voter-list-complaints?state=answered`));
      expect(answered.items.find((x) => x.id === c.id)).toMatchObject({ overdue: false, late: true });
      // The province's committee sees the commune's complaints; a Tổ member does not reach them.
      expect((await json<{ total: number }>(vpTinh.get(`/api/councils/${f.prov}/elections/${f.electionId}/voter-list-complaints`))).total).toBeGreaterThanOrEqual(1);
      expect((await (await t.as(f.users.to1)).get(`${f.base}/voter-list-complaints`)).status).toBe(403);
      t.setNow('2031-03-16T02:00:00Z');
    });

    it('Mẫu 31 on A4 landscape, voter cards without an empty header row', async () => {
      const list = new Uint8Array(await (await vpXa.get(`${f.base}/areas/${f.areas[0]}/voters/list.docx`)).arrayBuffer());
      keep('mau-31.docx', list);
      const xml = documentXml(list);
      expect(xml).toMatch(/<w:pgSz[^>]*w:orient="landscape"/);
      expect(docxText(list)).toContain('(7a) Thường trú');
      const cards = new Uint8Array(await (await vpXa.get(`${f.base}/areas/${f.areas[0]}/voters/cards.docx`)).arrayBuffer());
      keep('mau-10-the-cu-tri.docx', cards);
      const cx = documentXml(cards);
      // The cards' grid: its first row is two cards, not an empty header.
      const grid = cx.split('<w:tbl>').find((tbl) => tbl.includes('THẺ CỬ TRI — Số: 1'))!;
      const firstRow = grid.split('</w:tr>')[0]!;
      expect(firstRow).toContain('THẺ CỬ TRI — Số: 1');
      expect(firstRow).not.toContain('<w:tblHeader/>');
    });

    it('Mẫu 25 and Mẫu 26 from the results: a draft before the summary, the record after; complaints about results overdue when undecided', async () => {
      const to1 = await t.as(f.users.to1);
      const to2 = await t.as(f.users.to2);
      const ban1 = await t.as(f.users.ban1);
      const noneYet = await vpXa.get(`${f.base}/results/summary.docx?ballotType=commune`);
      expect(noneYet.status).toBe(409);
      const s1 = await json<{ sheetId: string }>(to1.put(`${f.base}/polling-areas/${f.areas[0]}/tally-sheets/commune`, commune(f)));
      const s2 = await json<{ sheetId: string }>(to2.put(`${f.base}/polling-areas/${f.areas[1]}/tally-sheets/commune`, commune(f, { votersOnList: 80, votersMale: 35, votersFemale: 45, votersVoted: 70, ballotsIssued: 70, ballotsReceived: 70, validBallots: 70, invalidBallots: 0, inventory: { supplied: 80, spoiled: 0, unused: 10 }, emptySlots: 40 }, [50, 30, 20])));
      for (const [c, s] of [[to1, s1], [to2, s2]] as const) {
        await json(c.post(`${f.base}/tally-sheets/${s.sheetId}/submit`, {}));
        await json(ban1.post(`${f.base}/tally-sheets/${s.sheetId}/lock`, {}));
      }
      const draft = docxText(new Uint8Array(await (await vpXa.get(`${f.base}/results/summary.docx?ballotType=commune`)).arrayBuffer()));
      expect(draft).toContain('BIÊN BẢN TỔNG KẾT (DỰ THẢO)');
      expect(draft).toContain('chưa xác nhận kết quả của Đơn vị bầu cử số 1');
      await json(ban1.post(`${f.base}/units/${f.communeUnitId}/result`, { round: 'first' }), 201);
      await json(vpXa.post(`${f.base}/results/summary`, { ballotType: 'commune' }), 201);
      const m25 = new Uint8Array(await (await vpXa.get(`${f.base}/results/summary.docx?ballotType=commune`)).arrayBuffer());
      keep('mau-25.docx', m25);
      const text = docxText(m25);
      for (const line of ['ỦY BAN BẦU CỬ', 'BIÊN BẢN TỔNG KẾT', 'Tổng số đơn vị bầu cử: 1.', 'Tổng số đại biểu được bầu: 2.', 'Đơn vị bầu cử số 1', '180', '160', '88,89%', '158', 'Nguyễn Văn Hải', 'Trúng cử', 'Không có khiếu nại về kết quả bầu cử.', 'TM. ỦY BAN BẦU CỬ', 'Thường trực HĐND, UBND, Ban Thường trực Ủy ban MTTQ Việt Nam phường Sa Huỳnh', 'Thường trực HĐND, UBND, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Quảng Ngãi']) expect(text).toContain(line);
      expect(text).not.toContain('Chính phủ');
      expect(text).not.toContain('DỰ THẢO');
      expect(documentXml(m25)).toMatch(/w:orient="landscape"/);
      const m26 = new Uint8Array(await (await vpXa.get(`${f.base}/results/winners.docx?ballotType=commune`)).arrayBuffer());
      keep('mau-26.docx', m26);
      const wText = docxText(m26);
      for (const line of ['DANH SÁCH', 'Những người trúng cử', 'Tổng số người trúng cử: 2/2', 'Nguyễn Văn Hải', 'Đặng Thị Lan', '10/02/1965', '120', '75,95%']) expect(wText).toContain(line);
      expect(wText).not.toContain('Huỳnh Văn Minh');
      // A Tổ member reads them too (elections.day.read); a wrong level is a 404.
      expect((await to1.get(`${f.base}/results/winners.docx?ballotType=commune`)).status).toBe(200);
      expect((await vpXa.get(`${f.base}/results/winners.docx?ballotType=na`)).status).toBe(404);

      await json(vpXa.post(`${f.base}/results/publish`, { ballotType: 'commune' }));
      const overview = await json<{ minutes: { id: string; scope: string }[] }>(vpXa.get(`${f.base}/result-complaints/overview`));
      const unitMinutes = overview.minutes.find((m) => m.scope === 'unit')!.id;
      const c = await json<{ id: string }>(vpXa.post(`${f.base}/result-complaints`, { minutesId: unitMinutes, complainant: 'Ông Trần Văn Khiếu', content: 'Đề nghị xem lại số phiếu', receivedOn: '2031-03-18' }), 201);
      t.setNow('2031-03-26T03:00:00Z');
      vpXa = await t.as('vp.sahuynh'); // ten days on: a new session
      const after = await json<{ items: { id: string; overdue: boolean; timing: { decideBy: string } }[] }>(vpXa.get(`${f.base}/result-complaints/overview`));
      expect(after.items.find((x) => x.id === c.id)).toMatchObject({ overdue: true, timing: { decideBy: '2031-03-25' } });
      await json(vpXa.post(`${f.base}/result-complaints/${c.id}/decision`, { decision: 'Giữ nguyên kết quả', decidedOn: '2031-03-26' }));
      const done = await json<{ items: { id: string; overdue: boolean; state: string }[] }>(vpXa.get(`${f.base}/result-complaints/overview`));
      expect(done.items.find((x) => x.id === c.id)).toMatchObject({ overdue: false, state: 'decided' });
      const withComplaint = docxText(new Uint8Array(await (await vpXa.get(`${f.base}/results/summary.docx?ballotType=commune`)).arrayBuffer()));
      expect(withComplaint).toContain('Đã nhận 1 khiếu nại về kết quả bầu cử; đã giải quyết 1.');
      t.setNow('2031-03-16T02:00:00Z');
    });
  });
}
