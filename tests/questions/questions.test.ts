// Interpellation and commitments through the API, on each database: the demo data; a delegate files
// slips from the portal (bad input refused in Vietnamese); delegates see their own slips and the
// published ones; only the standing committee groups, orders, decides and closes; an answer in the
// sitting records commitments (projected onto followup_items); the agency sees and reports on its
// own commitments only; a written answer gets its due date from the profile; commitments due before
// the next session are listed and re-questioned; the public pages carry no delegate-private data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { demoPdf } from '../../src/modules/sessions/seed.ts';
import { createUser, grantRole } from '../../src/modules/accounts/service.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/seed.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/service.ts';
import { users } from '../../src/modules/accounts/schema.ts';
import { delegates } from '../../src/modules/directory/schema.ts';
import { questionsForMinutes } from '../../src/modules/sessions/questions/queries.ts';

interface Slip { id: string; sessionId: string; subject: string; state: string; mine: boolean; delegateName: string; topicId: string | null; writtenDue: string | null; citations: { kind: string; id: string; label: string }[]; answer: { summary: string; commitments: Commitment[] } | null }
interface Commitment { id: string; agencyId: string; content: string; dueOn: string; state: string; stateLabel: string; sessionId: string; overdue: boolean }
interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

const followup = async (t: TestApp, id: string) =>
  (await t.db.execute(sql`select agency_id::text as "agencyId", due::text as due, answered_on::text as "answeredOn", closed_on::text as "closedOn", state_label as "stateLabel", link from followup_items where kind = 'commitment' and source_id = ${id}`)).rows[0] as
    { agencyId: string; due: string; answeredOn: string | null; closedOn: string | null; stateLabel: string; link: string } | undefined;

const err = async (res: Response | Promise<Response>, status: number) => {
  const r = await res;
  const body = await r.text();
  expect(r.status, body).toBe(status);
  return (JSON.parse(body) as { error: { message: string } }).error.message;
};

for (const kind of dbKinds()) {
  describe(`sessions: interpellation and commitments [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let tt: TestClient;
    let tin: TestClient;
    let other: TestClient;
    let ubnd: TestClient;
    let sxd: TestClient;
    let sh: string;
    let ubndId: string;
    let planned: { id: string; openingDate: string; termId: string };
    let held: { id: string };
    const slipBody = (extra: Record<string, unknown> = {}) => ({
      sessionId: planned.id, subject: 'Ô nhiễm môi trường tại bãi rác Đồng Nà', content: 'Đề nghị cho biết giải pháp xử lý mùi hôi và nước rỉ rác ảnh hưởng đến các hộ dân lân cận.',
      addressedAgencyId: ubndId, addressedName: 'Trần Văn Lâm', addressedPost: 'Chủ tịch UBND phường', ...extra,
    });

    // Moving the clock days ahead ends the sign-in sessions: sign in again.
    const login = async () => Promise.all(['vp.sahuynh', 'tt.sahuynh', 'daibieu.sahuynh', 'ubnd.sahuynh', 'so.xaydung', 'daibieu2.sahuynh'].map((u) => t.as(u)));
    const moveTo = async (when: string) => {
      t.setNow(when);
      [vp, tt, tin, ubnd, sxd, other] = await login();
    };

    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      sh = t.id('council:sa-huynh');
      ubndId = t.id('agency:ubnd-sa-huynh');
      [vp, tt, tin, ubnd, sxd] = await Promise.all(['vp.sahuynh', 'tt.sahuynh', 'daibieu.sahuynh', 'ubnd.sahuynh', 'so.xaydung'].map((u) => t.as(u)));
      const u = await createUser(t.db, SYSTEM_ACTOR, { username: 'daibieu2.sahuynh', fullName: 'Đại biểu thứ hai', password: DEMO_PASSWORD, mustChangePassword: false });
      await grantRole(t.db, SYSTEM_ACTOR, u.id, { role: 'delegate', councilId: sh, bodyId: null, agencyId: null });
      await t.db.update(users).set({ email: 'daibieu2@example.vn' }).where(eq(users.id, u.id));
      await t.db.update(delegates).set({ email: 'daibieu2@example.vn' }).where(eq(delegates.id, t.id('delegate:sa-huynh:5')));
      other = await t.as('daibieu2.sahuynh');
      const sessions = await json<Page<{ id: string; state: string; openingDate: string; termId: string }>>(vp.get(`/api/councils/${sh}/sessions?pageSize=50`));
      planned = sessions.items.find((s) => s.state === 'planned')!;
      held = sessions.items.filter((s) => s.state === 'closed').sort((a, b) => b.openingDate.localeCompare(a.openingDate))[0]!;
    }, 180_000);
    afterAll(() => t?.close());

    it('demo: a topic answered with two commitments, one due before the session being prepared, and two slips filed for it', async () => {
      const topics = await json<Page<{ title: string; slips: Slip[]; answer: { commitments: Commitment[] } }>>(tt.get(`/api/councils/${sh}/sessions/${held.id}/question-topics`));
      expect(topics.total).toBe(1);
      expect(topics.items[0]!.slips).toHaveLength(3);
      expect(topics.items[0]!.slips.every((s) => s.state === 'answered')).toBe(true);
      expect(topics.items[0]!.answer.commitments).toHaveLength(2);
      for (const c of topics.items[0]!.answer.commitments) expect(await followup(t, c.id)).toBeTruthy();
      const due = await json<Page<Commitment> & { report: { due: string; days: number; unverified: boolean } }>(tt.get(`/api/councils/${sh}/sessions/${planned.id}/commitments-due`));
      expect(due.total).toBe(1);
      expect(due.items[0]!.state).toBe('inProgress');
      expect(due.report).toMatchObject({ days: 10, unverified: true });
      expect(due.report.due < planned.openingDate).toBe(true);
      // Delegates see the same list in the portal, to question again.
      const portalDue = await json<Page<Commitment>>(tin.get(`/api/councils/${sh}/portal/sessions/${planned.id}/commitments-due`));
      expect(portalDue.items.map((c) => c.id)).toEqual(due.items.map((c) => c.id));
      const mine = await json<Page<Slip>>(tin.get(`/api/councils/${sh}/portal/questions?sessionId=${planned.id}`));
      expect(mine.items.map((s) => s.subject)).toEqual(['Tiến độ sửa chữa đường giao thông nông thôn', 'Chất vấn lại: chi trả bồi thường dự án kè biển']);
      expect(mine.items[1]!.citations[0]).toMatchObject({ kind: 'commitment', id: due.items[0]!.id });
      expect(mine.items[0]!.citations.map((c) => c.kind)).toEqual(['petition', 'supervision']);
      // The standing committee's to-do line counts the slips its list shows waiting for a decision.
      const todo = await json<{ groups: { scope: string; entries: { key: string; count: number; link: string }[] }[] }>(tt.get(`/api/todo?councilId=${sh}`));
      const line = todo.groups.flatMap((g) => g.entries).find((e) => e.key === 'questions-submitted')!;
      const waiting = await json<Page<Slip>>(tt.get(`/api/councils/${sh}/sessions/${planned.id}/questions?state=submitted&pageSize=1`));
      expect(line.count).toBe(waiting.total);
      expect(line.count).toBe(2);
      expect(line.link).toBe(`/councils/${sh}/questions?sessionId=${planned.id}&tab=slips&state=submitted`);
      const theirs = await json<{ groups: { entries: { key: string }[] }[] }>(tin.get(`/api/todo?councilId=${sh}`));
      expect(theirs.groups.flatMap((g) => g.entries).map((e) => e.key)).not.toContain('questions-submitted');
    });

    it('refuses bad slips with Vietnamese messages and writes nothing', async () => {
      const before = (await t.db.execute(sql`select count(*)::int as n from question_slips`)).rows[0] as { n: number };
      expect(await err(tin.post(`/api/councils/${sh}/portal/questions`, slipBody({ subject: '  ' })), 422)).toContain('Vấn đề chất vấn không được để trống');
      expect(await err(tin.post(`/api/councils/${sh}/portal/questions`, slipBody({ addressedAgencyId: t.id('agency:so-xay-dung') })), 422)).toContain('không thuộc cấp của Hội đồng nhân dân này');
      expect(await err(tin.post(`/api/councils/${sh}/portal/questions`, slipBody({ citations: [{ kind: 'petition', id: 'x' }] })), 422)).toBe('Dẫn chứng thứ 1 (kiến nghị cử tri): mã không hợp lệ.');
      const foreign = (await t.db.execute(sql`select id::text from petitions where council_id <> ${sh} limit 1`)).rows[0] as { id: string } | undefined;
      if (foreign) expect(await err(tin.post(`/api/councils/${sh}/portal/questions`, slipBody({ citations: [{ kind: 'petition', id: foreign.id }] })), 422)).toContain('không thuộc Hội đồng nhân dân này');
      expect(await err(tin.post(`/api/councils/${sh}/portal/questions`, slipBody({ sessionId: held.id })), 409)).toContain('đã bế mạc');
      expect(await err(tin.post(`/api/councils/${sh}/portal/questions`, slipBody({ addressedAgencyId: null })), 422)).toContain('cần chọn cơ quan');
      await err(vp.post(`/api/councils/${sh}/portal/questions`, slipBody()), 403);
      await err(tin.post(`/api/councils/${t.id('council:province')}/portal/questions`, slipBody()), 403);
      const after = (await t.db.execute(sql`select count(*)::int as n from question_slips`)).rows[0] as { n: number };
      expect(after.n).toBe(before.n);
    });

    let a: Slip;
    let b: Slip;
    let c: Slip;
    let commitment: Commitment;
    it('a delegate sees their own slips and the published ones, not another delegate\'s unpublished slip', async () => {
      a = await json<Slip>(tin.post(`/api/councils/${sh}/portal/questions`, slipBody()), 201);
      b = await json<Slip>(other.post(`/api/councils/${sh}/portal/questions`, slipBody({ subject: 'Mùi hôi bãi rác ảnh hưởng trường học' })), 201);
      c = await json<Slip>(other.post(`/api/councils/${sh}/portal/questions`, slipBody({ subject: 'Cấp giấy chứng nhận quyền sử dụng đất chậm', addressedAgencyId: null, addressedName: null, addressedPost: null })), 201);
      const seen = await json<Page<Slip>>(tin.get(`/api/councils/${sh}/portal/questions?sessionId=${planned.id}&pageSize=50`));
      expect(seen.items.map((s) => s.id)).toContain(a.id);
      expect(seen.items.map((s) => s.id)).not.toContain(b.id);
      // The held session's answered slips are published to every delegate.
      const all = await json<Page<Slip>>(other.get(`/api/councils/${sh}/portal/questions?pageSize=50`));
      expect(all.items.filter((s) => s.sessionId === held.id && s.state === 'answered')).toHaveLength(3);
      expect(all.items.filter((s) => s.mine).map((s) => s.id).sort()).toEqual([b.id, c.id].sort());
      const mineOnly = await json<Page<Slip>>(other.get(`/api/councils/${sh}/portal/questions?mine=true`));
      expect(mineOnly.total).toBe(2);
      const search = await json<Page<Slip>>(tin.get(`/api/councils/${sh}/portal/questions?q=${encodeURIComponent('bai rac')}`));
      expect(search.items.map((s) => s.id)).toEqual([a.id]);
    });

    let topicId: string;
    it('only the standing committee groups slips into topics, chooses who answers and orders them', async () => {
      const body = { title: 'Môi trường tại bãi rác Đồng Nà', answererAgencyId: ubndId, answererName: 'Trần Văn Lâm', answererPost: 'Chủ tịch UBND phường', slipIds: [a.id, b.id] };
      await err(vp.post(`/api/councils/${sh}/sessions/${planned.id}/question-topics`, body), 403);
      await err(tin.post(`/api/councils/${sh}/sessions/${planned.id}/question-topics`, body), 403);
      expect(await err(tt.post(`/api/councils/${sh}/sessions/${planned.id}/question-topics`, { ...body, title: '' }), 422)).toContain('Tên nhóm vấn đề không được để trống');
      expect(await err(tt.post(`/api/councils/${sh}/sessions/${planned.id}/question-topics`, { ...body, slipIds: [a.id, t.id('council:sa-huynh')] }), 422)).toContain('không thuộc kỳ họp này');
      const topic = await json<{ id: string; position: number }>(tt.post(`/api/councils/${sh}/sessions/${planned.id}/question-topics`, body), 201);
      topicId = topic.id;
      expect(topic.position).toBe(1);
      const second = await json<{ id: string; position: number }>(tt.post(`/api/councils/${sh}/sessions/${planned.id}/question-topics`, { title: 'Đất đai', slipIds: [] }), 201);
      expect(second.position).toBe(2);
      expect(await err(tt.put(`/api/councils/${sh}/sessions/${planned.id}/question-order`, { topicIds: [second.id] }), 422)).toContain('đúng một lần mỗi nhóm');
      await err(vp.put(`/api/councils/${sh}/sessions/${planned.id}/question-order`, { topicIds: [second.id, topic.id] }), 403);
      await json(tt.put(`/api/councils/${sh}/sessions/${planned.id}/question-order`, { topicIds: [second.id, topic.id] }));
      const topics = await json<Page<{ id: string; position: number; slips: Slip[] }>>(vp.get(`/api/councils/${sh}/sessions/${planned.id}/question-topics`));
      expect(topics.items.map((x) => x.id)).toEqual([second.id, topic.id]);
      expect(topics.items[1]!.slips.map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
      // Grouped: now the first delegate sees the other's slip.
      const seen = await json<Page<Slip>>(tin.get(`/api/councils/${sh}/portal/questions?sessionId=${planned.id}&pageSize=50`));
      expect(seen.items.find((s) => s.id === b.id)?.state).toBe('grouped');
      expect(seen.items.map((s) => s.id)).not.toContain(c.id);
      expect(await err(tt.post(`/api/councils/${sh}/question-slips/${c.id}/decision`, { action: 'notSelect' }), 422)).toContain('Cần nêu lý do');
      await err(vp.post(`/api/councils/${sh}/question-slips/${c.id}/decision`, { action: 'requireWritten' }), 403);
    });

    it('a written answer is due 20 days later (profile default, unverified) and is recorded for the slip', async () => {
      const d = await json<Slip & { dueExplanation: { due: string; profile: { days: number; unverified: boolean } } }>(tt.post(`/api/councils/${sh}/question-slips/${c.id}/decision`, { action: 'requireWritten' }));
      expect(d.state).toBe('writtenDue');
      expect(d.dueExplanation.profile).toMatchObject({ days: 20, unverified: true });
      expect(d.writtenDue).toBe('2026-12-16');
      expect(await err(vp.post(`/api/councils/${sh}/question-answers`, { slipId: c.id, mode: 'oral', answeredOn: '2026-11-26', summary: 'x' }), 422)).toContain('nhóm vấn đề');
      const ans = await json<{ commitments: Commitment[] }>(vp.post(`/api/councils/${sh}/question-answers`, {
        slipId: c.id, mode: 'written', answeredOn: '2026-11-26', reference: '120/UBND-ĐC', answererAgencyId: ubndId, answererName: 'Trần Văn Lâm', answererPost: 'Chủ tịch UBND phường', summary: 'UBND phường đã rà soát 46 hồ sơ tồn đọng; sẽ cấp xong trong quý I năm 2027.',
        commitments: [{ agencyId: ubndId, ownerName: 'Trần Văn Lâm', ownerPost: 'Chủ tịch UBND phường', content: 'Cấp xong 46 giấy chứng nhận tồn đọng.', dueOn: '2027-03-31' }],
      }), 201);
      expect(ans.commitments).toHaveLength(1);
      // The standing committee extends it with a reason; the first due date stays.
      const id = ans.commitments[0]!.id;
      expect(await err(tt.post(`/api/councils/${sh}/commitments/${id}/extend`, { dueOn: '2027-06-30', reason: ' ' }), 422)).toContain('Lý do gia hạn');
      await err(vp.post(`/api/councils/${sh}/commitments/${id}/extend`, { dueOn: '2027-06-30', reason: 'x' }), 403);
      const extended = await json<Commitment & { originalDue: string }>(tt.post(`/api/councils/${sh}/commitments/${id}/extend`, { dueOn: '2027-06-30', reason: 'Chờ bản đồ địa chính mới.' }));
      expect(extended).toMatchObject({ dueOn: '2027-06-30', originalDue: '2027-03-31' });
      expect(await followup(t, id)).toMatchObject({ due: '2027-06-30' });
      const origin = (await t.db.execute(sql`select original_due::text as d from followup_items where kind = 'commitment' and source_id = ${id}`)).rows[0] as { d: string };
      expect(origin.d).toBe('2027-03-31');
      const slip = (await json<Page<Slip>>(other.get(`/api/councils/${sh}/portal/questions?mine=true`))).items.find((s) => s.id === c.id)!;
      expect(slip.state).toBe('answered');
      expect(slip.answer?.summary).toContain('46 hồ sơ');
    });

    it('an answer in the sitting needs the session opened, then records the commitments', async () => {
      const body = {
        topicId, mode: 'oral', answeredOn: planned.openingDate, summary: 'Chủ tịch UBND phường nhận trách nhiệm; cam kết đóng cửa ô chôn lấp số 2 và xây hệ thống xử lý nước rỉ rác.',
        commitments: [
          { agencyId: ubndId, ownerName: 'Trần Văn Lâm', ownerPost: 'Chủ tịch UBND phường', content: 'Đóng cửa ô chôn lấp số 2, phủ đất và phun chế phẩm khử mùi.', dueOn: '2026-12-20' },
        ],
      };
      expect(await err(vp.post(`/api/councils/${sh}/question-answers`, body), 422)).toContain('không được sau hôm nay');
      await moveTo(`${planned.openingDate}T03:00:00Z`);
      expect(await err(vp.post(`/api/councils/${sh}/question-answers`, body), 409)).toContain('chưa khai mạc');
      await json(vp.post(`/api/councils/${sh}/sessions/${planned.id}/transition`, { action: 'convene' }));
      await json(vp.post(`/api/councils/${sh}/sessions/${planned.id}/transition`, { action: 'open' }));
      expect(await err(vp.post(`/api/councils/${sh}/question-answers`, { ...body, commitments: [{ ...body.commitments[0], dueOn: '2026-11-01' }] }), 422)).toContain('phải sau ngày trả lời');
      expect(await err(vp.post(`/api/councils/${sh}/question-answers`, { ...body, commitments: [{ ...body.commitments[0], agencyId: t.id('agency:so-xay-dung') }] }), 422)).toContain('không thuộc cấp');
      await err(tin.post(`/api/councils/${sh}/question-answers`, body), 403);
      const ans = await json<{ commitments: Commitment[] }>(vp.post(`/api/councils/${sh}/question-answers`, body), 201);
      commitment = ans.commitments[0]!;
      expect(commitment.state).toBe('open');
      // Projected onto the one follow-up engine in the same transaction.
      expect(await followup(t, commitment.id)).toEqual({ agencyId: ubndId, due: '2026-12-20', answeredOn: null, closedOn: null, stateLabel: 'Chưa báo cáo', link: `/agencies/${ubndId}/commitments/${commitment.id}` });
      expect(await err(vp.post(`/api/councils/${sh}/question-answers`, body), 409)).toContain('đã có câu trả lời');
      const seen = await json<Page<Slip>>(tin.get(`/api/councils/${sh}/portal/questions?sessionId=${planned.id}&pageSize=50`));
      expect(seen.items.find((s) => s.id === b.id)?.answer?.commitments.map((x) => x.id)).toEqual([commitment.id]);
    });

    it('the agency sees only its commitments and reports progress and completion with evidence', async () => {
      const own = await json<Page<Commitment>>(ubnd.get(`/api/agencies/${ubndId}/commitments?pageSize=50`));
      expect(own.total).toBe(4);
      expect(own.items.every((x) => x.agencyId === ubndId)).toBe(true);
      const sxdId = t.id('agency:so-xay-dung');
      // The construction department sees only its own (the province's demo commitment), never the ward's.
      const theirs = await json<Page<Commitment>>(sxd.get(`/api/agencies/${sxdId}/commitments?pageSize=50`));
      expect(theirs.total).toBe(1);
      expect(theirs.items.every((x) => x.agencyId === sxdId)).toBe(true);
      await err(sxd.get(`/api/agencies/${ubndId}/commitments`), 403);
      await err(sxd.get(`/api/agencies/${sxdId}/commitments/${commitment.id}`), 404);
      const form = (kind: string, text: string, file?: Uint8Array) => {
        const f = new FormData();
        f.append('kind', kind);
        f.append('text', text);
        if (file) f.append('file', new Blob([file as BlobPart], { type: 'application/pdf' }), 'bien-ban-dong-cua-o-chon-lap.pdf');
        return f;
      };
      await err(sxd.upload(`/api/agencies/${sxdId}/commitments/${commitment.id}/reports`, form('done', 'x')), 404);
      expect(await err(ubnd.upload(`/api/agencies/${ubndId}/commitments/${commitment.id}/reports`, form('done', '')), 422)).toContain('Nội dung báo cáo không được để trống');
      expect(await err(ubnd.upload(`/api/agencies/${ubndId}/commitments/${commitment.id}/reports`, form('done', 'x', new TextEncoder().encode('MZ\x90\x00 not a document'))), 422)).toBeTruthy();
      await json(ubnd.upload(`/api/agencies/${ubndId}/commitments/${commitment.id}/reports`, form('progress', 'Đã phủ đất 60% diện tích ô chôn lấp số 2.')), 201);
      const done = await json<Commitment>(ubnd.upload(`/api/agencies/${ubndId}/commitments/${commitment.id}/reports`, form('done', 'Đã đóng cửa ô chôn lấp số 2; biên bản nghiệm thu kèm theo.', demoPdf('bien ban'))), 201);
      expect(done.state).toBe('reportedDone');
      const todo = await json<{ groups: { entries: { key: string; count: number }[] }[] }>(tt.get(`/api/todo?councilId=${sh}`));
      const toVerify = todo.groups.flatMap((g) => g.entries).find((e) => e.key === 'commitments-to-verify')!;
      expect(toVerify.count).toBe((await json<Page<Commitment>>(tt.get(`/api/councils/${sh}/commitments?state=reportedDone&pageSize=1`))).total);
      expect(toVerify.count).toBe(1);
      expect(await followup(t, commitment.id)).toMatchObject({ answeredOn: planned.openingDate, closedOn: null, stateLabel: 'Cơ quan báo cáo đã hoàn thành' });
      const inbox = await json<Page<{ kind: string; sourceId: string }>>(ubnd.get(`/api/agencies/${ubndId}/obligations?kind=commitment&pageSize=50`));
      expect(inbox.items.map((x) => x.sourceId)).toContain(commitment.id);
      const detail = await json<{ reports: { id: string; kind: string; fileName: string | null }[] }>(tt.get(`/api/councils/${sh}/commitments/${commitment.id}`));
      expect(detail.reports.map((r) => r.kind)).toEqual(['progress', 'done']);
      const file = detail.reports[1]!;
      const res = await tt.get(`/api/councils/${sh}/commitments/${commitment.id}/reports/${file.id}/file`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
    });

    it('only the standing committee verifies and closes; a closed commitment takes no more reports', async () => {
      await err(vp.post(`/api/councils/${sh}/commitments/${commitment.id}/verify`, { decision: 'close' }), 403);
      await err(ubnd.post(`/api/councils/${sh}/commitments/${commitment.id}/verify`, { decision: 'close' }), 403);
      expect(await err(tt.post(`/api/councils/${sh}/commitments/${commitment.id}/verify`, { decision: 'reopen' }), 422)).toContain('Cần nêu lý do');
      const closed = await json<Commitment & { closedOn: string }>(tt.post(`/api/councils/${sh}/commitments/${commitment.id}/verify`, { decision: 'close', note: 'Đoàn giám sát đã kiểm tra thực tế.' }));
      expect(closed.state).toBe('closed');
      expect(closed.closedOn).toBe(planned.openingDate);
      expect(await followup(t, commitment.id)).toMatchObject({ closedOn: planned.openingDate, stateLabel: 'Đã hoàn thành (Thường trực xác nhận)' });
      const f = new FormData();
      f.append('kind', 'progress');
      f.append('text', 'thêm');
      expect(await err(ubnd.upload(`/api/agencies/${ubndId}/commitments/${commitment.id}/reports`, f), 422)).toContain('không thể báo cáo tiến độ');
    });

    it('lists commitments due before the next session and lets delegates question them again', async () => {
      await moveTo('2026-12-14T03:00:00Z');
      await json(vp.post(`/api/councils/${sh}/sessions/${planned.id}/transition`, { action: 'close' }));
      const next = await json<{ id: string }>(vp.post(`/api/councils/${sh}/sessions`, { termId: planned.termId, kind: 'thematic', openingDate: '2026-12-28', closingDate: '2026-12-28' }), 201);
      const due = await json<Page<Commitment & { canRequestion: boolean }> & { report: { due: string } | null; openCount: number }>(tt.get(`/api/councils/${sh}/sessions/${next.id}/commitments-due?pageSize=50`));
      // The demo's commitment due soon and this session's (closed), not those due in 2027.
      expect(due.items.map((x) => x.content).sort()).toEqual(['Chi trả dứt điểm tiền bồi thường, hỗ trợ cho các hộ bị ảnh hưởng bởi dự án kè chống sạt lở bờ biển.', 'Đóng cửa ô chôn lấp số 2, phủ đất và phun chế phẩm khử mùi.'].sort());
      expect(due.openCount).toBe(1);
      expect(due.report?.due).toBe('2026-12-18');
      const open = due.items.find((x) => x.canRequestion)!;
      expect(await err(tin.post(`/api/councils/${sh}/portal/questions`, slipBody({ sessionId: next.id, followsCommitmentId: t.id('council:sa-huynh') })), 404)).toBeTruthy();
      const again = await json<Slip & { followsCommitmentId: string }>(tin.post(`/api/councils/${sh}/portal/questions`, slipBody({ sessionId: next.id, subject: 'Chất vấn lại', followsCommitmentId: open.id })), 201);
      expect(again.followsCommitmentId).toBe(open.id);
      expect(again.citations[0]).toMatchObject({ kind: 'commitment', id: open.id });
      const detail = await json<{ requestioned: { id: string }[] }>(tt.get(`/api/councils/${sh}/commitments/${open.id}`));
      expect(detail.requestioned.map((s) => s.id)).toContain(again.id);
    });

    it('publishes answers and commitments without delegate-private data', async () => {
      const anon = t.anonymous();
      const res = await anon.get(`/api/public/councils/${sh}/question-answers?pageSize=50`);
      const raw = await res.text();
      expect(res.status).toBe(200);
      const page = JSON.parse(raw) as Page<{ summary: string; questions: string[]; commitments: { stateLabel: string }[] }>;
      expect(page.total).toBe(3);
      expect(page.items.flatMap((x) => x.commitments).length).toBe(4);
      const people = (await t.db.execute(sql`select full_name, email, phone from delegates where council_id = ${sh}`)).rows as { full_name: string; email: string; phone: string }[];
      for (const p of people) {
        expect(raw).not.toContain(p.full_name);
        if (p.email) expect(raw).not.toContain(p.email);
        if (p.phone) expect(raw).not.toContain(p.phone);
      }
      expect(raw).not.toContain('delegateId');
      const commitmentsRaw = await (await anon.get(`/api/public/councils/${sh}/commitments?pageSize=50`)).text();
      expect((JSON.parse(commitmentsRaw) as Page<unknown>).total).toBe(4);
      for (const p of people) expect(commitmentsRaw).not.toContain(p.full_name);
      expect((await anon.get(`/api/public/councils/00000000-0000-4000-8000-000000000000/commitments`)).status).toBe(404);
    });

    it('gives the minutes the topics with answerer and answer summary, written answers and commitments', async () => {
      const m = await questionsForMinutes(t.db, planned.id);
      expect(m.topics.map((x) => x.title)).toEqual(['Đất đai', 'Môi trường tại bãi rác Đồng Nà']);
      expect(m.topics[1]!.slips).toHaveLength(2);
      expect(m.topics[1]!.answer?.answererName).toBe('Trần Văn Lâm');
      expect(m.topics[1]!.answer?.summary).toContain('nhận trách nhiệm');
      expect(m.writtenAnswers.map((x) => x.id)).toContain(c.id);
      expect(m.commitments.map((x) => x.content)).toHaveLength(2);
    });
  });
}
