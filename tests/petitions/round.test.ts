// A whole round through the API, from the contact meeting to the answer back to voters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { writeXlsx } from '../../src/modules/spreadsheets/index.ts';
import { runDailyReminders } from '../../src/modules/petitions/jobs/dailyReminders.ts';
import { json, startSmtp } from './support.ts';

for (const kind of dbKinds()) {
  describe(`petitions: a whole round [${kind}]`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    const config = () => ({
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Nghị Trường <no-reply@nghitruong.test>' },
    });
    beforeAll(async () => {
      smtp = await startSmtp();
      t = await createTestApp(kind, { config: config() });
    });
    afterAll(async () => {
      await t?.close();
      await smtp?.close();
    });

    it('goes from meetings to the answer, reminder, review and carry-over', async () => {
      let vp = await t.as('vp.sahuynh');
      const councilId = t.id('council:sa-huynh');
      const base = `/api/councils/${councilId}`;
      const unitId = t.id('unit:sa-huynh');

      // 1. Round and meetings
      const round = await json(vp.post(`${base}/petition-rounds`, {
        name: 'Tiếp xúc cử tri trước kỳ họp thứ 3, HĐND phường Sa Huỳnh khóa I',
        kind: 'before_session', sessionName: 'Kỳ họp thứ 3', startDate: '2026-11-20',
      }), 201);
      const meeting1 = await json(vp.post(`${base}/petition-rounds/${round.id}/meetings`, {
        heldOn: '2026-11-22', place: 'Nhà văn hóa tổ dân phố Thạnh Đức 1', mode: 'hybrid', unitId,
        bodyId: t.id('body:sa-huynh:group:1'), delegatesPresent: ['Nguyễn Văn An', 'Trần Thị Bích'], votersAttending: 120,
        chairedBy: 'Ủy ban MTTQ Việt Nam phường Sa Huỳnh',
      }), 201);
      const meeting2 = await json(vp.post(`${base}/petition-rounds/${round.id}/meetings`, {
        heldOn: '2026-11-23', place: 'Hội trường khu phố Long Thạnh 2', mode: 'in_person', unitId, votersAttending: 85,
      }), 201);

      // 2. Intake: bulk, pasted list, spreadsheet
      const bulk = await json(vp.post(`${base}/opinions/bulk`, {
        roundId: round.id, meetingId: meeting1.id,
        items: [
          { text: 'Đề nghị nâng cấp, sửa chữa tuyến đường bê tông tổ dân phố Thạnh Đức 1 bị ngập nước mỗi khi mưa lớn.', voterName: 'Trịnh Văn Bí Mật', voterHamlet: 'Thạnh Đức 1' },
          { text: 'Điện áp khu dân cư Thạnh Đức 2 thường xuyên yếu, đề nghị Điện lực nâng công suất trạm biến áp.', voterName: 'Hoàng Thị Riêng Tư', voterHamlet: 'Thạnh Đức 2' },
          { text: 'Đề nghị sửa chữa phòng học Trường Tiểu học Phổ Thạnh bị xuống cấp, dột nát.', voterName: 'Lâm Văn Kín Đáo', voterHamlet: 'Thạnh Đức 1' },
        ],
      }), 201);
      expect(bulk.created).toBe(3);
      expect(bulk.items[0].voterName).toBe('Trịnh Văn Bí Mật');

      const split = await json(vp.post(`${base}/opinions/split`, {
        text: 'Cử tri phản ánh:\n1. Tuyến đường bê tông tổ dân phố Thạnh Đức 1 xuống cấp, ngập nước khi mưa lớn, đề nghị nâng cấp.\n2) Đề nghị lắp đặt đèn chiếu sáng\n   trên tuyến đường ven biển.\na) Đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân tổ dân phố Long Thạnh 2.',
      }));
      expect(split.items.map((i: { text: string }) => i.text)).toEqual([
        'Cử tri phản ánh:',
        'Tuyến đường bê tông tổ dân phố Thạnh Đức 1 xuống cấp, ngập nước khi mưa lớn, đề nghị nâng cấp.',
        'Đề nghị lắp đặt đèn chiếu sáng trên tuyến đường ven biển.',
        'Đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân tổ dân phố Long Thạnh 2.',
      ]);
      const pasted = await json(vp.post(`${base}/opinions/bulk`, {
        roundId: round.id, meetingId: meeting2.id, items: split.items.slice(1).map((i: { text: string }) => ({ text: i.text })),
      }), 201);
      expect(pasted.created).toBe(3);

      const xlsx = await writeXlsx({
        sheetName: 'Ý kiến cử tri',
        columns: [
          { header: 'STT', key: 'n' }, { header: 'Họ và tên', key: 'name' }, { header: 'Thôn, tổ dân phố', key: 'hamlet' },
          { header: 'Xã, phường', key: 'unit' }, { header: 'Nội dung ý kiến, kiến nghị', key: 'text' },
        ],
        rows: [
          { n: 1, name: 'Phan Thị Giấu Tên', hamlet: 'Long Thạnh 1', unit: 'Phường Sa Huỳnh', text: 'Đề nghị sửa chữa đoạn Quốc lộ 1A qua phường Sa Huỳnh bị hư hỏng nặng.' },
          { n: 2, name: 'Vũ Văn Ẩn Danh', hamlet: 'Long Thạnh 2', unit: 'Sa Huỳnh', text: 'Nước sạch sinh hoạt thường xuyên bị cúp, đề nghị công ty cấp nước khắc phục.' },
        ],
      });
      const form = (mode: string) => {
        const f = new FormData();
        f.append('file', new Blob([xlsx as BlobPart]), 'y-kien-long-thanh.xlsx');
        f.append('roundId', round.id);
        f.append('meetingId', meeting2.id);
        f.append('mode', mode);
        return f;
      };
      const preview = await json(vp.upload(`${base}/opinions/import`, form('preview')));
      expect(preview.errors).toEqual([]);
      expect(preview.valid).toBe(2);
      expect(preview.mapping.text).toBe('Nội dung ý kiến, kiến nghị');
      const committed = await json(vp.upload(`${base}/opinions/import`, form('commit')));
      expect(committed.created).toBe(2);

      const all = await json(vp.get(`${base}/opinions?roundId=${round.id}&pageSize=50`));
      expect(all.total).toBe(8);
      const byText = (s: string) => all.items.find((o: { text: string }) => o.text.includes(s));
      const road1 = byText('Thạnh Đức 1 bị ngập');
      const road2 = byText('xuống cấp, ngập nước');
      const power = byText('Điện áp');
      const school = byText('Trường Tiểu học');
      const ql1a = byText('Quốc lộ 1A');
      expect(ql1a.voterName).toBe('Phan Thị Giấu Tên');
      expect(ql1a.unitId).toBe(unitId);

      // 3. Classify: suggestions, then the clerk confirms
      const sug = await json(vp.post(`${base}/opinions/suggestions`, { opinionIds: [road1.id, power.id, ql1a.id] }));
      const s = (id: string) => sug.items.find((x: { opinionId: string }) => x.opinionId === id);
      expect(s(ql1a.id).competentLevel.level).toBe('central');
      expect(s(power.id).field.name).toBe('Điện');
      expect(s(road1.id).field.name).toBe('Giao thông');
      expect(['commune', 'province']).toContain(s(road1.id).competentLevel.level);
      const fields = (await json(vp.get(`${base}/petition-fields`))).items;
      const fieldId = (name: string) => fields.find((f: { name: string }) => f.name === name).id;
      const soXayDung = t.id('agency:so-xay-dung');
      const dienLuc = t.id('agency:dien-luc');
      const ubnd = t.id('agency:ubnd-sa-huynh');
      const rule = await json(vp.post(`${base}/routing-rules`, { fieldId: fieldId('Giao thông'), competentLevel: 'province', agencyId: soXayDung }), 201);
      // The rules list names what a rule points to, one page at a time.
      const rules = await json(vp.get(`${base}/routing-rules?pageSize=200`));
      expect(rules.items.find((r: { id: string }) => r.id === rule.id)).toMatchObject({ fieldName: 'Giao thông', agencyName: 'Sở Xây dựng tỉnh Quảng Ngãi', unitName: null });
      const firstOfOne = await json(vp.get(`${base}/routing-rules?pageSize=1`));
      expect(firstOfOne).toMatchObject({ total: rules.total, page: 1, pageSize: 1 });
      expect(firstOfOne.items).toEqual([rules.items[0]]);
      const badLevel = await vp.post(`${base}/opinions/classify`, { items: [{ opinionId: road1.id, version: road1.version, competentLevel: 'district' }] });
      expect(badLevel.status).toBe(422);
      expect((await badLevel.json()).error.message).toContain('Cấp thẩm quyền');
      const classified = await json(vp.post(`${base}/opinions/classify`, {
        items: [
          { opinionId: road1.id, version: road1.version, fieldId: fieldId('Giao thông'), competentLevel: 'province', agencyId: soXayDung },
          { opinionId: road2.id, version: road2.version, fieldId: fieldId('Giao thông'), competentLevel: 'province', agencyId: soXayDung },
          { opinionId: power.id, version: power.version, fieldId: fieldId('Điện'), competentLevel: 'province', agencyId: dienLuc },
          { opinionId: school.id, version: school.version, fieldId: fieldId('Giáo dục'), competentLevel: 'commune', agencyId: ubnd },
        ],
      }));
      const v = (id: string) => classified.items.find((o: { id: string }) => o.id === id).version;

      // 4. Aggregate: the same road raised at two meetings becomes one petition
      const proposals = await json(vp.get(`${base}/petition-rounds/${round.id}/merge-proposals`));
      const roadGroup = proposals.groups.find((g: { opinions: { id: string }[] }) => g.opinions.some((o) => o.id === road1.id));
      expect(roadGroup?.opinions.map((o: { id: string }) => o.id).sort()).toEqual([road1.id, road2.id].sort());
      const pRoad = await json(vp.post(`${base}/petitions`, {
        roundId: round.id, opinions: [{ id: road1.id, version: v(road1.id) }, { id: road2.id, version: v(road2.id) }], canonicalOpinionId: road2.id,
      }), 201);
      expect(pRoad.agencyId).toBe(soXayDung);
      const pPower = await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: [{ id: power.id, version: v(power.id) }] }), 201);
      const pSchool = await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: [{ id: school.id, version: v(school.id) }] }), 201);
      const roadDetail = await json(vp.get(`${base}/petitions/${pRoad.id}`));
      expect(roadDetail.sources).toMatchObject({ opinions: 2, meetings: 2, communes: 1, voters: 2 });
      expect(roadDetail.opinions.map((o: { voterName?: string }) => o.voterName)).toContain('Trịnh Văn Bí Mật');

      // 5. Dispatch: 30 days from 02/12/2026 is 01/01/2027 (New Year), then a weekend → Monday 04/01/2027
      const d1 = await json(vp.post(`${base}/dispatches`, {
        roundId: round.id, agencyId: soXayDung, letterNumber: '45/HĐND-VP', letterDate: '2026-12-02', petitionIds: [pRoad.id],
      }), 201);
      expect(d1.dueDate).toBe('2027-01-04');
      expect(d1.dueRule.nominalDate).toBe('2027-01-01');
      expect(d1.dueRule.movedBecause).toBeTruthy();
      await json(vp.post(`${base}/dispatches`, { roundId: round.id, agencyId: dienLuc, letterNumber: '46/HĐND-VP', letterDate: '2026-12-02', petitionIds: [pPower.id] }), 201);
      await json(vp.post(`${base}/dispatches`, { roundId: round.id, agencyId: ubnd, letterNumber: '47/HĐND-VP', letterDate: '2026-12-02', petitionIds: [pSchool.id] }), 201);
      const again = await vp.post(`${base}/dispatches`, { roundId: round.id, agencyId: dienLuc, letterNumber: '48/HĐND-VP', letterDate: '2026-12-02', petitionIds: [pPower.id] });
      expect(again.status).toBe(409);

      // 6. Agencies answer, return, or miss the deadline
      const dl = await t.as('dienluc');
      const inboxDl = await json(dl.get(`/api/agencies/${dienLuc}/dispatch-items?pageSize=100`));
      const itemPower = inboxDl.items.find((i: { petitionId: string }) => i.petitionId === pPower.id);
      expect(itemPower.communes).toEqual(['Sa Huỳnh']);
      await json(dl.post(`/api/agencies/${dienLuc}/dispatch-items/${itemPower.id}/response`, {
        result: 'resolved', text: 'Đã lắp đặt thêm trạm biến áp 250 kVA tại khu dân cư Thạnh Đức 2, hoàn thành ngày 15/12/2026.', letterNumber: '1520/PCQN-KD', letterDate: '2026-12-16',
      }), 201);

      const ub = await t.as('ubnd.sahuynh');
      const inboxUb = await json(ub.get(`/api/agencies/${ubnd}/dispatch-items?pageSize=100`));
      const itemSchool = inboxUb.items.find((i: { petitionId: string }) => i.petitionId === pSchool.id);
      await json(ub.post(`/api/agencies/${ubnd}/dispatch-items/${itemSchool.id}/return`, {
        reason: 'Trường Tiểu học Phổ Thạnh do Sở Giáo dục và Đào tạo đầu tư sửa chữa theo kế hoạch của tỉnh.',
      }));
      const returned = await json(vp.get(`${base}/petitions/${pSchool.id}`));
      expect(returned.status).toBe('returned');
      const vpNotes = await json(vp.get('/api/notifications'));
      expect(vpNotes.items.some((n: { title: string }) => n.title.includes('trả lại kiến nghị'))).toBe(true);
      // Re-routed to the competent department.
      await json(vp.patch(`${base}/petitions/${pSchool.id}`, { version: returned.version, competentLevel: 'province', agencyId: t.id('agency:so-gd') }));
      const rerouted = await json(vp.post(`${base}/dispatches`, {
        roundId: round.id, agencyId: t.id('agency:so-gd'), letterNumber: '52/HĐND-VP', letterDate: '2026-12-10', petitionIds: [pSchool.id],
      }), 201);
      expect(rerouted.petitionCount).toBe(1);

      // 7. The Sở Xây dựng misses its deadline; the daily job reminds it by e-mail
      t.setNow('2027-01-06T01:00:00Z');
      vp = await t.as('vp.sahuynh'); // sessions last 12 hours
      const overdue = await json(vp.get(`${base}/petitions?deadline=overdue&roundId=${round.id}`));
      expect(overdue.items.map((p: { id: string }) => p.id)).toEqual([pRoad.id]);
      expect(overdue.items[0].deadlineStatus).toBe('overdue');
      const due = (await json(vp.get(`${base}/reminders/due`))).items;
      expect(due.find((a: { agencyId: string }) => a.agencyId === soXayDung).overdue).toBeGreaterThanOrEqual(1);

      const deps = { db: t.db, clock: () => t.now, config: config() };
      const run = (await runDailyReminders(deps)) as { ran: boolean; emailsSent?: number };
      expect(run.ran).toBe(true);
      expect(run.emailsSent).toBeGreaterThanOrEqual(1);
      expect((await runDailyReminders(deps)).ran).toBe(false);
      const mail = smtp.mails.find((m) => m.to.includes('soxaydung@example.vn'));
      expect(mail).toBeDefined();
      expect(mail!.subject).toContain('Đôn đốc trả lời kiến nghị của cử tri');
      expect(mail!.subject).toContain('quá hạn');
      expect(mail!.body).toContain('Kính gửi: Sở Xây dựng tỉnh Quảng Ngãi');
      expect(mail!.body).toContain(`Kiến nghị số ${pRoad.number}`);
      expect(mail!.body).toContain('Tuyến đường bê tông tổ dân phố Thạnh Đức 1 xuống cấp');
      expect(mail!.body).toContain('Quá hạn — hạn trả lời 04/01/2027 (quá hạn 2 ngày)');
      expect(mail!.raw).not.toContain('Trịnh Văn Bí Mật');

      const sx = await t.as('so.xaydung');
      const notes = await json(sx.get('/api/notifications?unread=true'));
      expect(notes.unread).toBeGreaterThanOrEqual(1);
      await json(sx.post(`/api/notifications/${notes.items[0].id}/read`));
      expect((await json(sx.get('/api/notifications?unread=true'))).unread).toBe(notes.unread - 1);

      // The secretariat records a reminder in one click.
      const reminder = await json(vp.post(`${base}/reminders`, { agencyId: soXayDung, letterNumber: '03/HĐND-VP' }), 201);
      expect(reminder.petitionIds).toContain(pRoad.id);
      expect(reminder.petitionIds).not.toContain(pPower.id);

      // The Sở answers late: not resolved.
      const inboxSx = await json(sx.get(`/api/agencies/${soXayDung}/dispatch-items?state=pending&pageSize=100`));
      const itemRoad = inboxSx.items.find((i: { petitionId: string }) => i.petitionId === pRoad.id);
      expect(itemRoad.deadlineStatus).toBe('overdue');
      const answer = await json(sx.post(`/api/agencies/${soXayDung}/dispatch-items/${itemRoad.id}/response`, {
        result: 'unresolved', text: 'Tuyến đường chưa có trong kế hoạch đầu tư công trung hạn; sẽ đề xuất bố trí vốn năm 2028.', letterNumber: '88/SXD-HT',
      }), 201);
      const attach = new FormData();
      attach.append('file', new Blob([new TextEncoder().encode('%PDF-1.4 công văn trả lời')], { type: 'application/pdf' }), 'Công văn 88-SXD.pdf');
      const att = await json(sx.upload(`/api/agencies/${soXayDung}/responses/${answer.id}/attachments`, attach), 201);
      const dlFile = await vp.get(`${base}/attachments/${att.id}`);
      expect(dlFile.status).toBe(200);
      expect(await dlFile.text()).toContain('công văn trả lời');

      // 8. Review: the power answer is satisfactory; the road answer is not
      const ban = await t.as('ban.sahuynh');
      const okReview = await json(ban.post(`${base}/petitions/${pPower.id}/reviews`, { verdict: 'satisfactory', comment: 'Cử tri xác nhận điện áp đã ổn định.' }), 201);
      expect(okReview.petitionStatus).toBe('closed');
      const tt = await t.as('tt.sahuynh');
      const notOk = await json(tt.post(`${base}/petitions/${pRoad.id}/reviews`, { verdict: 'unsatisfactory', comment: 'Đề nghị UBND tỉnh xem xét bố trí vốn sớm hơn.' }), 201);
      expect(notOk.petitionStatus).toBe('unsatisfied');

      // 9. Carry-over into the next round; outstanding across two sessions
      const next = await json(vp.post(`${base}/petition-rounds`, {
        name: 'Tiếp xúc cử tri trước kỳ họp thứ 4, HĐND phường Sa Huỳnh khóa I', kind: 'before_session', startDate: '2027-06-01',
      }), 201);
      expect(next.sequence).toBe(round.sequence + 1);
      const closed = await json(vp.post(`${base}/petition-rounds/${round.id}/close`, { carryOverTo: next.id }));
      expect(closed.status).toBe('closed');
      expect(closed.carriedOver).toBe(2); // the road (unsatisfied) and the school (still waiting)
      const carried = await json(vp.get(`${base}/petitions/${pRoad.id}`));
      expect(carried.roundId).toBe(next.id);
      expect(carried.outstandingSessions).toBe(2);
      expect(carried.status).toBe('draft');
      expect(carried.rounds.map((r: { roundId: string }) => r.roundId)).toEqual([round.id, next.id]);
      const nextList = await json(vp.get(`${base}/petitions?roundId=${next.id}`));
      const listed = nextList.items.find((p: { id: string }) => p.id === pRoad.id);
      expect(listed).toMatchObject({ outstandingSessions: 2, carriedOver: true });
      expect((await json(vp.get(`${base}/petitions/${pPower.id}`))).status).toBe('closed');

      // 10. The timeline tells the whole story
      const timeline = (await json(vp.get(`${base}/petitions/${pRoad.id}/timeline?pageSize=200`))).items;
      const actions = timeline.map((e: { action: string }) => e.action);
      for (const a of ['opinion.create', 'opinion.classify', 'petition.merge', 'petition.dispatch', 'petition.remind', 'petition.answer', 'petition.attach', 'petition.review', 'petition.carry_over']) {
        expect(actions).toContain(a);
      }
      expect(JSON.stringify(timeline)).not.toContain('Trịnh Văn Bí Mật');

      // The round page shows the per-level figures.
      const page = await json(vp.get(`${base}/petition-rounds/${round.id}`));
      expect(page.levels.map((l: { level: string }) => l.level)).toEqual(['central', 'province', 'commune']);
      expect(page.levels.find((l: { level: string }) => l.level === 'province').count).toBe(3);
      expect(page.intake).toMatchObject({ opinions: 8, meetings: 2 });
    });
  });
}
