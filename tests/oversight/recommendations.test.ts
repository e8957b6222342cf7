// The whole life of supervision recommendations through the API, on both databases: a Ban drafts
// and issues its report (ND30, numbered in the register; due dates on the working-day calendar),
// each agency answers in its own inbox (accepts, partly, not — reasons required), files progress
// with evidence, the Ban verifies and closes; a not-accepted one is escalated straight to an
// explanation hearing with its document; overdue is computed on the day asked; every change is
// projected onto the follow-up engine in the same transaction; the public page shows results
// without the names of the staff who acted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { demoPdf } from '../../src/modules/sessions/seed.ts';

const pdfForm = (fields: Record<string, string>, files: [string, Uint8Array][] = []) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const [name, data] of files) f.append('files', new Blob([data as BlobPart], { type: 'application/pdf' }), name);
  return f;
};

for (const kind of dbKinds()) {
  describe(`oversight: the recommendations' lifecycle [${kind}]`, () => {
    let t: TestApp;
    let ban: TestClient;
    let vp: TestClient;
    let ward: TestClient;
    let dept: TestClient;
    let council: string;
    let ubnd: string;
    let sxd: string;
    let reportId: string;
    let recs: { id: string; agencyId: string; due: string; position: number }[] = [];

    beforeAll(async () => {
      // Thursday 5 March 2026
      t = await createTestApp(kind, { now: '2026-03-05T02:00:00Z' });
      ban = await t.as('ban.sahuynh');
      vp = await t.as('vp.sahuynh');
      ward = await t.as('ubnd.sahuynh');
      dept = await t.as('so.xaydung');
      council = t.id('council:sa-huynh');
      ubnd = t.id('agency:ubnd-sa-huynh');
      sxd = t.id('agency:so-xay-dung');
    }, 180_000);
    afterAll(() => t?.close());

    /** Moves the clock and signs everyone in again (sessions expire when days pass). */
    const at = async (iso: string) => {
      t.setNow(iso);
      [ban, vp, ward, dept] = await Promise.all(['ban.sahuynh', 'vp.sahuynh', 'ubnd.sahuynh', 'so.xaydung'].map((u) => t.as(u)));
    };
    const rows = async (q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows as Record<string, unknown>[];
    const agencyRec = (c: TestClient, agency: string, id: string) => json<any>(c.get(`/api/agencies/${agency}/recommendations/${id}`));

    it('the Ban drafts a report; issuing refuses a due date on a day off and names the next working day', async () => {
      const body = t.id('body:sa-huynh:committee:0');
      const draft = await json<any>(ban.post(`/api/councils/${council}/oversight-reports`, {
        bodyId: body,
        title: 'Báo cáo kết quả giám sát việc sửa chữa trường học trước năm học mới',
        scope: 'Giám sát tại 04 trường trên địa bàn phường.',
        results: 'Đã sửa chữa 03/04 trường.',
        shortcomings: 'Trường Tiểu học Sa Huỳnh chưa sửa mái.',
        recommendations: [
          { agencyId: ubnd, content: 'Sửa chữa mái Trường Tiểu học Sa Huỳnh trước mùa mưa bão.', workingDays: 20 },
          { agencyId: sxd, content: 'Thẩm định hồ sơ cải tạo Trường Tiểu học Sa Huỳnh trong thời hạn.', due: '2026-03-29' },
          { agencyId: ubnd, content: 'Bố trí kinh phí sửa chữa nhà vệ sinh Trường Mầm non Sa Huỳnh.', workingDays: 5 },
        ],
      }), 201);
      expect(draft.state).toBe('draft');
      // An agency sees nothing of a draft.
      expect((await json<any>(ward.get(`/api/agencies/${ubnd}/recommendations`))).items.every((r: any) => r.reportId !== draft.id)).toBe(true);
      const before = await rows(sql`select count(*)::int as n from documents`);
      const bad = await ban.post(`/api/councils/${council}/oversight-reports/${draft.id}/issue`, { version: draft.version, signerName: 'Võ Thị Kim' });
      expect(bad.status).toBe(422);
      // 29/03/2026 is a Sunday
      expect((await bad.json()).error.message).toBe('Kiến nghị 2: Thời hạn 29/03/2026 rơi vào ngày nghỉ (Chủ nhật): đề nghị chọn ngày làm việc, ví dụ 30/03/2026.');
      expect(await rows(sql`select count(*)::int as n from documents`)).toEqual(before);
      expect((await rows(sql`select state from oversight_recommendations where report_id = ${draft.id}`)).every((r) => r.state === 'draft')).toBe(true);
      expect(await rows(sql`select count(*)::int as n from followup_items where source_id in (select id from oversight_recommendations where report_id = ${draft.id})`)).toEqual([{ n: 0 }]);

      const fixed = await json<any>(ban.put(`/api/councils/${council}/oversight-reports/${draft.id}`, {
        version: draft.version, bodyId: body, title: draft.title,
        recommendations: [
          { agencyId: ubnd, content: 'Sửa chữa mái Trường Tiểu học Sa Huỳnh trước mùa mưa bão.', workingDays: 20 },
          { agencyId: sxd, content: 'Thẩm định hồ sơ cải tạo Trường Tiểu học Sa Huỳnh trong thời hạn.', due: '2026-03-30' },
          { agencyId: ubnd, content: 'Bố trí kinh phí sửa chữa nhà vệ sinh Trường Mầm non Sa Huỳnh.', workingDays: 5 },
        ],
      }));
      const issued = await json<any>(ban.post(`/api/councils/${council}/oversight-reports/${draft.id}/issue`, { version: fixed.version, signerName: 'Võ Thị Kim', signerTitle: 'Trưởng ban' }));
      expect(issued.state).toBe('issued');
      expect(issued.issuedOn).toBe('2026-03-05');
      expect(issued.symbol).toMatch(/^\d+\/BC-BKTNS$/);
      reportId = issued.id;
      recs = issued.recommendations;
      // 20 working days after Thu 05/03 → Thu 02/04; 5 → Thu 12/03
      expect(recs.map((r) => [r.position, r.due])).toEqual([[1, '2026-04-02'], [2, '2026-03-30'], [3, '2026-03-12']]);
      // each one is in the follow-up engine, owed by its agency, in the same transaction
      const items = await rows(sql`select source_id::text as id, agency_id::text as agency, due::text as due, original_due::text as "originalDue", state_label as label, link from followup_items where kind = 'recommendation' and source_id in (select id from oversight_recommendations where report_id = ${reportId}) order by due`);
      expect(items.map((i) => [i.due, i.originalDue, i.label])).toEqual([
        ['2026-03-12', '2026-03-12', 'Đã gửi kiến nghị, chờ cơ quan trả lời'], ['2026-03-30', '2026-03-30', 'Đã gửi kiến nghị, chờ cơ quan trả lời'], ['2026-04-02', '2026-04-02', 'Đã gửi kiến nghị, chờ cơ quan trả lời'],
      ]);
      expect(items.find((i) => i.agency === sxd)!.link).toBe(`/agencies/${sxd}/recommendations/${recs[1]!.id}`);
      const inbox = await json<any>(dept.get(`/api/agencies/${sxd}/obligations?kind=recommendation&pageSize=100`));
      expect(inbox.items.map((i: any) => i.sourceId)).toContain(recs[1]!.id);
      const doc = await rows(sql`select kind, symbol from documents where id = (select document_id from oversight_reports where id = ${reportId})`);
      expect(doc[0]).toMatchObject({ kind: 'bao_cao', symbol: issued.symbol });
      const download = await ban.get(`/api/councils/${council}/documents/${(await rows(sql`select document_id::text as id from oversight_reports where id = ${reportId}`))[0]!.id}/download`);
      expect(download.status).toBe(200);
    });

    it('each agency sees only what is addressed to it, and cannot close anything', async () => {
      const mine = await json<any>(ward.get(`/api/agencies/${ubnd}/recommendations?reportId=${reportId}`));
      expect(mine.items.map((r: any) => r.position)).toEqual([3, 1]); // by due date
      expect(mine.items.every((r: any) => r.agencyId === ubnd && r.statusLabel === 'Chờ cơ quan trả lời')).toBe(true);
      const theirs = recs.find((r) => r.agencyId === sxd)!;
      expect((await ward.get(`/api/agencies/${ubnd}/recommendations/${theirs.id}`)).status).toBe(404);
      expect((await ward.get(`/api/agencies/${sxd}/recommendations`)).status).toBe(403);
      expect((await ward.get(`/api/councils/${council}/recommendations`)).status).toBe(403);
      expect((await ward.post(`/api/councils/${council}/recommendations/${recs[0]!.id}/actions`, { action: 'assess_done', text: 'x' })).status).toBe(403);
      const self = await ward.post(`/api/agencies/${ubnd}/recommendations/${recs[0]!.id}/answer`, { action: 'assess_done' });
      expect(self.status).toBe(422);
      expect(await rows(sql`select count(*)::int as n from oversight_recommendation_events e join oversight_recommendations r on r.id = e.recommendation_id where r.report_id = ${reportId}`)).toEqual([{ n: 0 }]);
    });

    it('overdue is computed on the day asked; the list filter and the dashboard agree', async () => {
      const late = recs[2]!;
      await json(ward.post(`/api/agencies/${ubnd}/recommendations/${late.id}/answer`, { action: 'accept_partly', reason: 'Chỉ bố trí được 60% kinh phí trong năm 2026.' }));
      await at('2026-03-12T02:00:00Z'); // the due date itself: not overdue yet
      const q = (c: TestClient) => json<any>(c.get(`/api/councils/${council}/recommendations?overdue=true&reportId=${reportId}`));
      expect((await q(ban)).items.map((r: any) => r.id)).not.toContain(late.id);
      await at('2026-03-13T02:00:00Z');
      const list = await q(ban);
      expect(list.items.find((r: any) => r.id === late.id)).toMatchObject({ daysOverdue: 1, flags: ['overdue'] });
      const dash = await json<any>(ban.get(`/api/councils/${council}/recommendation-dashboard`));
      const allOverdue = await json<any>(ban.get(`/api/councils/${council}/recommendations?overdue=true&pageSize=200`));
      expect(dash.overdue).toBe(allOverdue.total);
      expect(dash.overdueItems.map((r: any) => r.id)).toEqual(allOverdue.items.slice(0, 10).map((r: any) => r.id));
      const row = dash.byAgency.find((a: any) => a.agencyId === ubnd);
      expect(row.overdue).toBeGreaterThanOrEqual(1);
      expect(dash.byStatus.map((s: any) => s.status)).toEqual(['awaiting_answer', 'not_accepted', 'in_progress', 'awaiting_verification', 'closed_done', 'closed_partly', 'closed_not_done']);
      // an extension keeps the original due date; the agency is no longer overdue
      const ext = await json<any>(ban.post(`/api/councils/${council}/recommendations/${late.id}/actions`, { action: 'extend_due', due: '2026-04-15', reason: 'Chờ bổ sung dự toán.', approvedBy: 'Chủ tịch HĐND phường' }));
      expect(ext).toMatchObject({ originalDue: '2026-03-12', due: '2026-04-15' });
      expect(await rows(sql`select original_due::text as o, due::text as d from followup_items where kind = 'recommendation' and source_id = ${late.id}`)).toEqual([{ o: '2026-03-12', d: '2026-04-15' }]);
      expect((await q(ban)).items.map((r: any) => r.id)).not.toContain(late.id);
    });

    it('accepted → progress with evidence → reported done → verified by the Ban and closed as implemented', async () => {
      const id = recs[0]!.id;
      await json(ward.post(`/api/agencies/${ubnd}/recommendations/${id}/answer`, { action: 'accept' }));
      await at('2026-03-16T02:00:00Z');
      // an .exe renamed .pdf is refused with nothing written
      const before = await rows(sql`select (select count(*)::int from oversight_recommendation_events) as e, (select count(*)::int from oversight_evidence_files) as f`);
      const exe = pdfForm({ kind: 'progress', text: 'Đã khảo sát mái.' }, [['anh.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, ...new Array(100).fill(0)])]]);
      expect((await ward.upload(`/api/agencies/${ubnd}/recommendations/${id}/reports`, exe)).status).toBe(422);
      expect(await rows(sql`select (select count(*)::int from oversight_recommendation_events) as e, (select count(*)::int from oversight_evidence_files) as f`)).toEqual(before);
      const p = await json<any>(ward.upload(`/api/agencies/${ubnd}/recommendations/${id}/reports`, pdfForm({ kind: 'progress', text: 'Đã khảo sát, lập dự toán sửa mái.' }, [['du-toan.pdf', demoPdf('du toan')], ['anh-hien-trang.pdf', demoPdf('anh')]])));
      expect(p.state).toBe('in_progress');
      expect(p.files).toHaveLength(2);
      await at('2026-03-30T02:00:00Z');
      const done = await json<any>(ward.upload(`/api/agencies/${ubnd}/recommendations/${id}/reports`, pdfForm({ kind: 'done', text: 'Đã sửa xong mái, nghiệm thu ngày 27/3.' }, [['nghiem-thu.pdf', demoPdf('nghiem thu')]])));
      expect(done).toMatchObject({ state: 'reported_done', answeredOn: '2026-03-30' });
      // the Ban sees it awaiting verification, with the files
      const d = await json<any>(ban.get(`/api/councils/${council}/recommendations/${id}`));
      expect(d.flags).toContain('awaiting_verification');
      expect(d.actions.map((a: any) => a.action)).toEqual(['assess_done', 'assess_partly', 'assess_not_done', 'reopen']);
      const file = d.events.find((e: any) => e.action === 'report_progress').files[0];
      const got = await ban.get(`/api/councils/${council}/recommendations/${id}/files/${file.id}`);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      // verification needs its finding
      expect((await ban.post(`/api/councils/${council}/recommendations/${id}/actions`, { action: 'assess_done' })).status).toBe(422);
      await at('2026-04-01T02:00:00Z');
      const closed = await json<any>(ban.post(`/api/councils/${council}/recommendations/${id}/actions`, { action: 'assess_done', text: 'Ban đã kiểm tra thực tế: mái đã được sửa.' }));
      expect(closed).toMatchObject({ state: 'assessed_done', closedOn: '2026-04-01' });
      const a = await agencyRec(ward, ubnd, id);
      expect(a).toMatchObject({ status: 'closed_done', statusLabel: 'Hoàn thành (đã xác minh)', actions: [] });
      expect(await rows(sql`select answered_on::text as a, closed_on::text as c, state_label as l from followup_items where kind = 'recommendation' and source_id = ${id}`)).toEqual([
        { a: '2026-03-30', c: '2026-04-01', l: 'Đã xác minh: hoàn thành' },
      ]);
      // one audit event per action
      const events = await rows(sql`select action from audit_events where entity_type = 'oversight_recommendation' and entity_id = ${id} order by id`);
      expect(events.map((e) => e.action)).toEqual([
        'oversight_recommendation.accept', 'oversight_recommendation.report_progress', 'oversight_recommendation.report_done', 'oversight_recommendation.assess_done',
      ]);
    });

    it('not accepted (reasons required), then escalated straight to an explanation hearing with its notice', async () => {
      const id = recs[1]!.id;
      await at('2026-04-02T02:00:00Z');
      const noReason = await dept.post(`/api/agencies/${sxd}/recommendations/${id}/answer`, { action: 'reject' });
      expect(noReason.status).toBe(422);
      expect((await noReason.json()).error.message).toBe('"Không tiếp thu": cần nêu lý do.');
      const r = await json<any>(dept.post(`/api/agencies/${sxd}/recommendations/${id}/answer`, { action: 'reject', reason: 'Hồ sơ cải tạo thuộc thẩm quyền thẩm định của Ủy ban nhân dân phường.' }));
      expect(r).toMatchObject({ state: 'not_accepted', dispositionReason: 'Hồ sơ cải tạo thuộc thẩm quyền thẩm định của Ủy ban nhân dân phường.' });
      const d = await json<any>(ban.get(`/api/councils/${council}/recommendations/${id}`));
      expect(d.flags).toContain('not_accepted');
      expect(d.escalation.open).toBe(true);
      expect(d.escalation.next).toMatchObject({ kind: 'reminder' });
      // a hearing needs its date
      const noDate = await ban.post(`/api/councils/${council}/recommendations/${id}/escalations`, { kind: 'hearing', signerName: 'Huỳnh Văn Đạt' });
      expect(noDate.status).toBe(422);
      const h = await json<any>(ban.post(`/api/councils/${council}/recommendations/${id}/escalations`, { kind: 'hearing', scheduledOn: '2026-04-20', note: 'Mời Giám đốc Sở dự.', signerName: 'Huỳnh Văn Đạt' }), 201);
      expect(h).toMatchObject({ kind: 'hearing', label: 'Phiên giải trình', scheduledOn: '2026-04-20', takenOn: '2026-04-02' });
      expect(h.document.symbol).toMatch(/^\d+\/TB-/);
      // the ladder goes on after the hearing: no going back to a reminder
      const back = await ban.post(`/api/councils/${council}/recommendations/${id}/escalations`, { kind: 'reminder', signerName: 'Huỳnh Văn Đạt' });
      expect(back.status).toBe(422);
      expect((await back.json()).error.message).toBe('Không thể thực hiện bước "Công văn đôn đốc" lúc này: bước tiếp theo là "Đưa vào nội dung chất vấn tại kỳ họp".');
      const after = await json<any>(ban.get(`/api/councils/${council}/recommendations/${id}`));
      expect(after.escalations.map((e: any) => [e.kind, e.symbol])).toEqual([['hearing', h.document.symbol]]);
      expect(after.escalation.next).toMatchObject({ kind: 'interpellation' });
      expect(await rows(sql`select state_label as l, answered_on as a, closed_on as c from followup_items where kind = 'recommendation' and source_id = ${id}`)).toEqual([
        { l: 'Không tiếp thu · Đã xử lý tiếp: Phiên giải trình', a: null, c: null },
      ]);
      // an agency cannot escalate or see the council's documents
      expect((await dept.post(`/api/councils/${council}/recommendations/${id}/escalations`, { kind: 'hearing', scheduledOn: '2026-04-20' })).status).toBe(403);
    });

    it('a committee acts only on its own Ban\'s reports', async () => {
      const other = t.id('body:sa-huynh:committee:1');
      const draft = await json<any>(vp.post(`/api/councils/${council}/oversight-reports`, {
        bodyId: other, title: 'Báo cáo khảo sát công tác y tế cơ sở', recommendations: [{ agencyId: ubnd, content: 'Bổ sung thuốc thiết yếu cho trạm y tế.', workingDays: 10 }],
      }), 201);
      const res = await ban.post(`/api/councils/${council}/oversight-reports/${draft.id}/issue`, { version: draft.version, signerName: 'Võ Thị Kim' });
      expect(res.status).toBe(403);
      expect((await ban.post(`/api/councils/${council}/oversight-reports`, { bodyId: other, title: 'x', recommendations: [] })).status).toBe(403);
    });

    it('the public page shows the report, each recommendation\'s result and the agencies\' reports, without staff names', async () => {
      const list = await json<any>(t.anonymous().get(`/api/public/councils/${council}/oversight-reports`));
      expect(list.items.map((r: any) => r.id)).toContain(reportId);
      const res = await t.anonymous().get(`/api/public/councils/${council}/oversight-reports/${reportId}`);
      const raw = await res.text();
      expect(res.status).toBe(200);
      const page = JSON.parse(raw);
      expect(page.recommendations.map((r: any) => r.statusLabel)).toEqual(['Hoàn thành (đã xác minh)', 'Không tiếp thu', 'Đang thực hiện']);
      expect(page.recommendations[0].history.map((h: any) => h.label)).toEqual(['Tiếp thu toàn bộ', 'Báo cáo tiến độ', 'Báo cáo đã thực hiện', 'Xác minh: hoàn thành']);
      for (const name of ['Đỗ Văn Tâm', 'Ngô Thị Thảo', 'Võ Thị Kim', 'userId', 'userName', 'uploadedBy']) expect(raw).not.toContain(name);
      // unpublishing takes it off at once
      await json(ban.post(`/api/councils/${council}/oversight-reports/${reportId}/publication`, { isPublic: false }));
      expect((await t.anonymous().get(`/api/public/councils/${council}/oversight-reports/${reportId}`)).status).toBe(404);
      await json(ban.post(`/api/councils/${council}/oversight-reports/${reportId}/publication`, { isPublic: true }));
    });

    it('the home page\'s lines count what the lists they open show', async () => {
      type Line = { key: string; count: number; link: string };
      const line = async (c: TestClient, id: string, key: string, q = '') => {
        const home = await json<{ groups: { id: string; entries: Line[] }[] }>(c.get(`/api/todo${q}`));
        return home.groups.find((g) => g.id === id)!.entries.find((e) => e.key === key)!;
      };
      for (const [c, id, key, q] of [
        [ward, ubnd, 'agency-recommendations-to-answer', ''], [ward, ubnd, 'agency-recommendations-overdue', ''],
        [dept, sxd, 'agency-recommendations-overdue', ''], [ban, council, 'recommendations-overdue', `?councilId=${council}`],
      ] as const) {
        const l = await line(c, id, key, q);
        const api = l.link.startsWith('/agencies') ? l.link : l.link.replace('/recommendation-dashboard', '/recommendations');
        expect(l.count).toBe((await json<any>(c.get(`/api${api}&pageSize=200`))).total);
      }
      // the not-accepted one is past its due date (30/03)
      expect((await line(ban, council, 'recommendations-overdue', `?councilId=${council}`)).count).toBeGreaterThan(0);
      expect((await line(dept, sxd, 'agency-recommendations-overdue')).count).toBeGreaterThan(0);
    });

    it('the demo report has recommendations at several stages', async () => {
      const all = await json<any>(vp.get(`/api/councils/${council}/oversight-reports`));
      const demo = all.items.find((r: any) => r.title.startsWith('Báo cáo kết quả giám sát việc quản lý, sử dụng vốn đầu tư công'));
      expect(demo).toBeDefined();
      // it reports on the programs part's demo activity, now reported
      expect(demo.activityId).toBe(t.id('oversight:activity:sa-huynh-ktns'));
      expect(await rows(sql`select state from oversight_activities where id = ${demo.activityId}`)).toEqual([{ state: 'reported' }]);
      await at('2026-11-26T02:00:00Z');
      const d = await json<any>(vp.get(`/api/councils/${council}/oversight-reports/${demo.id}`));
      const states = d.recommendations.map((r: any) => r.state);
      expect(states).toEqual(expect.arrayContaining(['assessed_done', 'not_accepted', 'in_progress', 'issued']));
      expect(d.recommendations.some((r: any) => r.flags.includes('overdue') && r.state === 'in_progress')).toBe(true);
    });
  });
}
