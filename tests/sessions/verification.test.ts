// The verification chain through the API, on each database: the demo's budget tờ trình verified
// with points to explain; the standing committee assigns (a Ban's own report goes to another Ban);
// only the assigned committee files its meeting and report (another committee's member gets 403,
// another agency 404); the drafter must answer every point to explain; the chain page's steps,
// dates and lateness. Reminders before and after due dates go once per due date through the
// notification path to a real SMTP server; the reminder letter is an ND30 document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json, startSmtp } from '../petitions/support.ts';
import { users } from '../../src/modules/accounts/schema.ts';
import { createUser, grantRole } from '../../src/modules/accounts/service.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/service.ts';
import { documents } from '../../src/modules/documents/schema.ts';
import { notifications } from '../../src/modules/notifications/schema.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/seed.ts';
import { runSessionReminders } from '../../src/modules/sessions/reminders.ts';

interface Point { key: string; referenceLabel: string; conclusion: string; requiresAnswer: boolean; answer: { kind: string; text: string } | null }
interface Chain {
  item: { id: string; title: string; state: string; committeeName: string | null; presenterName: string };
  assignment: { committeeName: string; submissionNumber: string } | null;
  meeting: { meetingOn: string; drafterPresent: boolean } | null;
  report: { number: string; issuedOn: string; conclusion: string; needsResponse: boolean; points: Point[] } | null;
  response: { number: string; issuedOn: string; filedVia: string } | null;
  chain: { steps: { kind: string; number: string | null; date: string | null; due: string | null; timing: string | null; daysLate: number | null; status: string; required: boolean }[]; lateSteps: number; complete: boolean };
  may: { verify: boolean; respond: boolean };
}
interface Item { id: string; title: string; state: string; presenterName: string; committeeBodyId: string | null; documents: { id: string; kind: string; dueDate: string | null; receivedOn: string | null }[] }

const TODAY = '2026-11-26';

for (const kind of dbKinds()) {
  describe(`verification chain and reminders [${kind}]`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let vp: TestClient;
    let tt: TestClient;
    let ban: TestClient;
    let ubnd: TestClient;
    let sh: string;
    let items: Item[];
    const config = () => ({ publicUrl: 'http://localhost:3000', secureCookies: false, smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Nghị Trường <no-reply@nghitruong.test>' } });
    const deps = () => ({ db: t.db, clock: () => t.now, config: config() });
    const item = (prefix: string) => items.find((i) => i.title.startsWith(prefix))!;
    const chainOf = (id: string, c: TestClient = vp) => json<Chain>(c.get(`/api/councils/${sh}/session-items/${id}/chain`));

    beforeAll(async () => {
      smtp = await startSmtp();
      t = await createTestApp(kind, { now: `${TODAY}T02:00:00Z`, config: config() });
      await t.db.update(users).set({ email: 'tam.do@ubnd-sahuynh.test' }).where(eq(users.username, 'ubnd.sahuynh'));
      await t.db.update(users).set({ email: 'thao.ngo@soxaydung.test' }).where(eq(users.username, 'so.xaydung'));
      await t.db.update(notifications).set({ email: 'none' }); // the demo seed's own events are not this test's
      sh = t.id('council:sa-huynh');
      [vp, tt, ban, ubnd] = await Promise.all(['vp.sahuynh', 'tt.sahuynh', 'ban.sahuynh', 'ubnd.sahuynh'].map((u) => t.as(u)));
      const list = await json<{ items: { id: string; state: string }[] }>(vp.get(`/api/councils/${sh}/sessions`));
      const s = await json<{ items: Item[] }>(vp.get(`/api/councils/${sh}/sessions/${list.items.find((x) => x.state === 'planned')!.id}`));
      items = s.items;
    }, 300_000);
    afterAll(async () => {
      await t?.close();
      await smtp?.close();
    });

    it('demo: the budget tờ trình is verified with points to explain; the chain shows each step with its due date', async () => {
      const budget = item('Tờ trình về dự toán');
      const c = await chainOf(budget.id);
      expect(c.item.state).toBe('verified');
      expect(c.assignment).toMatchObject({ committeeName: 'Ban Kinh tế – Ngân sách', submissionNumber: '125/TTr-UBND' });
      expect(c.meeting).toMatchObject({ meetingOn: '2026-11-24', drafterPresent: true });
      expect(c.report).toMatchObject({ number: '12/BC-BKTNS', issuedOn: '2026-11-25', conclusion: 'pointsToExplain', needsResponse: true });
      // Points in document order: general first, then Điều 1, Điều 2, the appendix last.
      expect(c.report!.points.map((p) => p.referenceLabel)).toEqual(['nội dung chung', 'khoản 2 Điều 1', 'Điều 2', 'Phụ lục II']);
      expect(c.report!.points.filter((p) => p.requiresAnswer).map((p) => p.key)).toEqual(['y3', 'y4']);
      const [sub, ver, resp, resolution] = c.chain.steps;
      // Opening 08/12/2026; the ward's lead times: tờ trình 15 days, report 5 days, response 3 days before (05/12 is a Saturday → Friday 04/12).
      expect(sub).toMatchObject({ kind: 'submission', number: '125/TTr-UBND', due: '2026-11-23', timing: 'receivedOnTime', date: '2026-11-20' });
      expect(ver).toMatchObject({ kind: 'verificationReport', number: '12/BC-BKTNS', date: '2026-11-25', due: '2026-12-03', timing: 'receivedOnTime' });
      expect(resp).toMatchObject({ kind: 'responseReport', date: null, due: '2026-12-04', timing: 'expected', required: true });
      expect(resolution).toMatchObject({ kind: 'resolution', status: 'Chưa thông qua' });
      expect(c.chain.complete).toBe(false);
      // The presenting agency sees its own item's chain; another agency does not.
      const mine = await json<Chain>(ubnd.get(`/api/agencies/${t.id('agency:ubnd-sa-huynh')}/session-items/${budget.id}/chain`));
      expect(mine.may.respond).toBe(true);
      const sx = await t.as('so.xaydung');
      expect((await sx.get(`/api/agencies/${t.id('agency:so-xay-dung')}/session-items/${budget.id}/chain`)).status).toBe(404);
      expect((await sx.get(`/api/agencies/${t.id('agency:ubnd-sa-huynh')}/session-items/${budget.id}/chain`)).status).toBe(403);
    });

    it('assigns, verifies and answers; another committee, another agency and a half answer are refused', async () => {
      const report = item('Báo cáo tình hình kinh tế');
      const committee0 = t.id('body:sa-huynh:committee:0');
      const committee1 = t.id('body:sa-huynh:committee:1');
      // Only the standing committee assigns; a Ban's own report goes to another Ban.
      expect((await vp.post(`/api/councils/${sh}/session-items/${report.id}/assignment`, { committeeBodyId: committee0 })).status).toBe(403);
      await json(tt.post(`/api/councils/${sh}/session-items/${report.id}/assignment`, { committeeBodyId: committee0, submissionNumber: '130/BC-UBND' }));
      const supervision = item('Báo cáo kết quả giám sát');
      const own = await tt.post(`/api/councils/${sh}/session-items/${supervision.id}/assignment`, { committeeBodyId: committee0 });
      expect(own.status).toBe(422);
      expect((await own.json()).error.message).toContain('là cơ quan trình nội dung này');
      await json(tt.post(`/api/councils/${sh}/session-items/${supervision.id}/assignment`, { committeeBodyId: committee1 }));

      // A member of the Ban Văn hóa – Xã hội cannot file for the Ban Kinh tế – Ngân sách's item, nor the reverse.
      const other = await createUser(t.db, SYSTEM_ACTOR, { username: 'ban2.sahuynh', fullName: 'Phan Thị Lan', password: DEMO_PASSWORD, mustChangePassword: false });
      await grantRole(t.db, SYSTEM_ACTOR, other.id, { role: 'committee_member', bodyId: committee1 });
      const ban2 = await t.as('ban2.sahuynh');
      const meeting = { meetingOn: '2026-11-25', attendees: 'Các thành viên Ban', drafterPresent: true, drafterAttendees: 'Chánh Văn phòng UBND phường' };
      const refused = await ban2.put(`/api/councils/${sh}/session-items/${report.id}/verification-meeting`, meeting);
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.message).toContain('Ban Kinh tế – Ngân sách');
      expect((await ban.put(`/api/councils/${sh}/session-items/${supervision.id}/verification-meeting`, meeting)).status).toBe(403);
      expect((await chainOf(report.id, ban2)).may.verify).toBe(false);
      expect((await (await t.as('daibieu.sahuynh')).put(`/api/councils/${sh}/session-items/${report.id}/verification-meeting`, meeting)).status).toBe(403);

      // The report needs the meeting first and a reference for each point; the item must have arrived.
      const points = [
        { key: 'a', reference: 'Mục II', conclusion: 'agreeWithChanges', content: 'Bổ sung số liệu giải ngân vốn đầu tư công đến 30/11.' },
        { key: 'b', reference: 'Mục III phần nhiệm vụ', conclusion: 'pointsToExplain', content: 'Làm rõ giải pháp thu hút đầu tư vào khu du lịch biển.' },
      ];
      const body = { number: '13/BC-BKTNS', issuedOn: '2026-11-26', conclusion: 'pointsToExplain', points };
      const before = await ban.put(`/api/councils/${sh}/session-items/${report.id}/verification-report`, { ...body, points: points.slice(0, 1) });
      expect(before.status).toBe(409);
      expect((await before.json()).error.message).toContain('Hãy ghi cuộc họp thẩm tra');
      await json(ban.put(`/api/councils/${sh}/session-items/${report.id}/verification-meeting`, meeting));
      const badRef = await ban.put(`/api/councils/${sh}/session-items/${report.id}/verification-report`, body);
      expect(badRef.status).toBe(422);
      expect((await badRef.json()).error.message).toContain('Ý kiến thứ 2: cần ghi rõ điều, khoản hoặc mục liên quan');
      points[1]!.reference = 'Mục III';
      // Not yet received (planned): the state machine refuses verification.
      const planned = await ban.put(`/api/councils/${sh}/session-items/${report.id}/verification-report`, body);
      expect(planned.status).toBe(422);
      await json(vp.post(`/api/councils/${sh}/session-documents/${report.documents[0]!.id}/paper`, { receivedOn: '2026-11-24' }));
      const filed = await json<{ requiringAnswer: string[] }>(ban.put(`/api/councils/${sh}/session-items/${report.id}/verification-report`, body));
      expect(filed.requiringAnswer).toEqual(['b']);
      // Once the report is filed, editing the item cannot move it to another Ban either (nothing written).
      const moved = await vp.patch(`/api/councils/${sh}/session-items/${report.id}`, { committeeBodyId: committee1 });
      expect(moved.status).toBe(409);
      expect((await moved.json()).error.message).toContain('không thể phân công lại Ban khác');
      expect((await chainOf(report.id)).assignment).toMatchObject({ committeeName: 'Ban Kinh tế – Ngân sách' });
      await json(vp.patch(`/api/councils/${sh}/session-items/${report.id}`, { committeeBodyId: committee0 }));

      // Another agency cannot answer; a response that leaves a point to explain unanswered is refused, nothing written.
      const agency = t.id('agency:ubnd-sa-huynh');
      const sx = await t.as('so.xaydung');
      expect((await sx.post(`/api/agencies/${t.id('agency:so-xay-dung')}/session-items/${report.id}/response`, { number: '1/BC', issuedOn: TODAY, answers: [] })).status).toBe(404);
      const half = await ubnd.post(`/api/agencies/${agency}/session-items/${report.id}/response`, {
        number: '140/BC-UBND', issuedOn: TODAY, answers: [{ pointKey: 'a', kind: 'accepted', text: 'Đã bổ sung số liệu.' }],
      });
      expect(half.status).toBe(422);
      expect((await half.json()).error.message).toContain('Chưa trả lời ý kiến về Mục III');
      expect((await chainOf(report.id)).response).toBeNull();
      await json(ubnd.post(`/api/agencies/${agency}/session-items/${report.id}/response`, {
        number: '140/BC-UBND', issuedOn: TODAY, answers: [
          { pointKey: 'a', kind: 'accepted', text: 'Đã bổ sung số liệu giải ngân đến 30/11/2026.' },
          { pointKey: 'b', kind: 'explained', text: 'Phường đã trình tỉnh điều chỉnh quy hoạch khu du lịch; giải pháp nêu tại Mục III.2.' },
        ],
      }), 201);
      const c = await chainOf(report.id);
      expect(c.item.state).toBe('responded');
      expect(c.response).toMatchObject({ number: '140/BC-UBND', issuedOn: TODAY, filedVia: 'app' });
      expect(c.report!.points.find((p) => p.key === 'b')!.answer).toMatchObject({ kind: 'explained' });
      expect(c.chain.steps.map((s) => s.date)).toEqual(['2026-11-24', '2026-11-26', '2026-11-26', null]);
      // The tờ trình arrived a day after its due date (23/11): the chain says so.
      expect(c.chain.steps[0]).toMatchObject({ timing: 'receivedLate', daysLate: 1 });
      expect(c.chain.lateSteps).toBe(1);
      // Once answered, the committee's report is closed.
      expect((await ban.put(`/api/councils/${sh}/session-items/${report.id}/verification-report`, body)).status).toBe(409);
      expect((await ubnd.post(`/api/agencies/${agency}/session-items/${report.id}/response`, { number: 'x', issuedOn: TODAY, answers: [] })).status).toBe(409);
    });

    it('reminds each agency once per due date, before and after it, in the app and by e-mail; a second run sends nothing', async () => {
      const to = (addr: string) => smtp.mails.filter((m) => m.to.includes(addr));
      const ubndMail = 'tam.do@ubnd-sahuynh.test';
      // 27/11: the draft resolution of the budget item is in; nothing the ward's UBND owes is overdue except
      // what the province's agencies owe; the budget item's response report (due 04/12) is 5 working days away.
      t.setNow('2026-11-27T02:00:00Z');
      const first = await runSessionReminders(deps());
      expect(first.ran).toBe(true);
      const again = await runSessionReminders(deps());
      expect(again.ran).toBe(false);
      const sx = to('thao.ngo@soxaydung.test');
      expect(sx.length).toBe(1);
      expect(sx[0]!.subject).toMatch(/^\[Nghị Trường\] Quá hạn \d+ ngày: Tờ trình – Báo cáo tình hình thực hiện các dự án đầu tư xây dựng trọng điểm năm 2026 \(hạn ngày \d\d\/\d\d\/2026\)$/);
      expect(sx[0]!.body).toContain('Kính gửi Sở Xây dựng tỉnh Quảng Ngãi');
      expect(to(ubndMail).map((m) => m.subject)).toEqual([]);

      // 01/12 (Tuesday): the response report is due in 3 working days → one reminder before the due date.
      t.setNow('2026-12-01T02:00:00Z');
      await runSessionReminders(deps());
      const before = to(ubndMail);
      expect(before.map((m) => m.subject)).toEqual(['[Nghị Trường] Nhắc hạn nộp: Báo cáo tiếp thu, giải trình – Tờ trình về dự toán thu, chi ngân sách phường Sa Huỳnh năm 2027 (hạn ngày 04/12/2026)']);
      expect(before[0]!.body).toContain('chậm nhất ngày 04/12/2026');
      expect(before[0]!.body).toContain('http://localhost:3000/agencies/');
      // In the app too, for the agency's responder.
      const notes = await json<{ items: { kind: string; title: string }[] }>((await t.as('ubnd.sahuynh')).get('/api/notifications?pageSize=100'));
      expect(notes.items.filter((n) => n.kind === 'session.document_reminder').map((n) => n.title)).toEqual([before[0]!.subject.replace('[Nghị Trường] ', '')]);
      // 02/12, 03/12: nothing new; the province's overdue document was reminded once.
      for (const day of ['2026-12-02', '2026-12-03']) {
        t.setNow(`${day}T02:00:00Z`);
        expect((await runSessionReminders(deps())).ran).toBe(true);
      }
      expect(to(ubndMail)).toHaveLength(1);
      expect(to('thao.ngo@soxaydung.test')).toHaveLength(1);
      // 07/12 (Monday, after the due date 04/12): one overdue reminder.
      t.setNow('2026-12-07T02:00:00Z');
      await runSessionReminders(deps());
      expect(to(ubndMail).map((m) => m.subject).slice(1)).toEqual(['[Nghị Trường] Quá hạn 3 ngày: Báo cáo tiếp thu, giải trình – Tờ trình về dự toán thu, chi ngân sách phường Sa Huỳnh năm 2027 (hạn ngày 04/12/2026)']);
      t.setNow(`${TODAY}T02:00:00Z`);
    });

    it('issues the reminder letter as an ND30 công văn listing what the agency still owes', async () => {
      t.setNow('2026-12-07T02:00:00Z');
      vp = await t.as('vp.sahuynh');
      const budget = item('Tờ trình về dự toán');
      const sessionId = (await chainOf(budget.id)).item as unknown as { sessionId: string };
      const res = await json<{ document: { id: string; symbol: string } }>(vp.post(`/api/councils/${sh}/sessions/${sessionId.sessionId}/reminder-letters`, {
        agencyId: t.id('agency:ubnd-sa-huynh'), signerName: 'Huỳnh Văn Đạt',
      }), 201);
      expect(res.document.symbol).toMatch(/^\d+\/HĐND-VP$/);
      const [doc] = await t.db.select().from(documents).where(eq(documents.id, res.document.id));
      const content = doc!.content as { header: { subjectLine: string }; kinhGui: string[]; body: { type: string; text?: string; rows?: string[][] }[]; signature: { signerName: string } };
      expect(content.header.subjectLine).toBe('V/v đôn đốc gửi tài liệu trình kỳ họp');
      expect(content.kinhGui).toEqual(['Ủy ban nhân dân phường Sa Huỳnh']);
      expect(content.body[0]!.text).toBe('Để chuẩn bị Kỳ họp thứ 3 Hội đồng nhân dân phường Sa Huỳnh (dự kiến khai mạc ngày 08/12/2026), Thường trực HĐND phường đã đề nghị Ủy ban nhân dân phường Sa Huỳnh gửi các tài liệu trình kỳ họp theo thời hạn quy định. Tuy nhiên, đến ngày 07/12/2026, Ủy ban nhân dân phường Sa Huỳnh còn 01 tài liệu chưa gửi (có danh sách kèm theo).');
      expect(content.body[1]!.rows).toEqual([['1', 'Tờ trình về dự toán thu, chi ngân sách phường Sa Huỳnh năm 2027', 'Báo cáo tiếp thu, giải trình', '04/12/2026', 'Quá hạn 03 ngày']]);
      expect(content.signature.signerName).toBe('Huỳnh Văn Đạt');
      // An agency that owes nothing gets no letter.
      const none = await vp.post(`/api/councils/${sh}/sessions/${sessionId.sessionId}/reminder-letters`, { agencyId: t.id('agency:mttq-sa-huynh'), signerName: 'Huỳnh Văn Đạt' });
      expect(none.status).toBe(422);
      expect((await none.json()).error.message).toContain('không có tài liệu nào');
      t.setNow(`${TODAY}T02:00:00Z`);
    });
  });
}
