// Resolutions through the API, on each database: the demo register (numbers from the council's
// series in the documents register, a typed number recorded there too), statuses on dates from
// the links (amended, then repealed), the in-force rule, links refused (cycle, later target,
// duplicate), certification only by the standing committee, tasks reported by the agency from
// its login and confirmed, the session's minutes and conclusion notice as register documents, and
// the public list (published only, totals only, nothing internal). Bad input: Vietnamese errors,
// nothing half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { documentIssuers, documents, documentTypedNumbers } from '../../src/modules/documents/schema.ts';
import { resolutions, resolutionTasks } from '../../src/modules/resolutions/schema.ts';
import { auditEvents } from '../../src/modules/audit/schema.ts';
import { followupItems } from '../../src/modules/followup/schema.ts';

interface Row { id: string; symbol: string | null; title: string; status: string; statusLabel: string; passedOn: string; inForceFrom: string | null }
interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

const TODAY = '2026-11-26';
/** The text of a .docx (runs joined), to find what the document says. */
const docText = (docx: Uint8Array) => strFromU8(unzipSync(docx)['word/document.xml']!).replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

for (const kind of dbKinds()) {
  describe(`resolutions [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let tt: TestClient;
    let ubnd: TestClient;
    let sh: string;
    let list: Row[];
    const bySymbol = (s: string) => list.find((r) => r.symbol === s)!;
    const statusOf = async (id: string, on: string) => (await json<{ status: { status: string } }>(vp.get(`/api/councils/${sh}/resolutions/${id}?on=${on}`))).status.status;

    beforeAll(async () => {
      t = await createTestApp(kind, { now: `${TODAY}T02:00:00Z` });
      sh = t.id('council:sa-huynh');
      [vp, tt, ubnd] = await Promise.all(['vp.sahuynh', 'tt.sahuynh', 'ubnd.sahuynh'].map((u) => t.as(u)));
      list = (await json<Page<Row>>(vp.get(`/api/councils/${sh}/resolutions?pageSize=50`))).items;
    }, 300_000);
    afterAll(async () => t?.close());

    it('numbers come from the council series of the one register; a typed number is recorded there', async () => {
      expect(list.map((r) => r.symbol).sort()).toEqual(['01/2026/NQ-HĐND', '12/NQ-HĐND', '13/2026/NQ-HĐND', '14/NQ-HĐND']);
      const [issuer] = await t.db.select().from(documentIssuers).where(and(eq(documentIssuers.councilId, sh), eq(documentIssuers.kind, 'council')));
      expect(issuer!.code).toBe('HĐND');
      // The demo's resolutions were numbered before the system: their numbers are in that register.
      const typed = await t.db.select().from(documentTypedNumbers).where(eq(documentTypedNumbers.issuerId, issuer!.id));
      expect(typed.map((x) => x.symbol).sort()).toEqual(['01/2026/NQ-HĐND', '12/NQ-HĐND', '13/2026/NQ-HĐND', '14/NQ-HĐND']);
      const notSecretariat = await tt.post(`/api/councils/${sh}/resolutions`, {});
      expect(notSecretariat.status).toBe(403);
      // The standing committee's own series is apart: its notices do not take resolution numbers.
      const [standing] = await t.db.select().from(documentIssuers).where(and(eq(documentIssuers.councilId, sh), eq(documentIssuers.kind, 'standing')));
      const tb = await t.db.select({ symbol: documents.symbol }).from(documents).where(eq(documents.issuerId, standing!.id));
      expect(tb.every((d) => !d.symbol.includes('NQ'))).toBe(true);
    });

    it('status on any date: in force, amended from the amendment’s entry into force', async () => {
      const base = bySymbol('01/2026/NQ-HĐND');
      expect(await statusOf(base.id, '2026-04-30')).toBe('notYetInForce');
      expect(await statusOf(base.id, '2026-05-01')).toBe('inForce');
      expect(await statusOf(base.id, '2026-07-25')).toBe('inForce');
      expect(await statusOf(base.id, '2026-07-26')).toBe('amended');
      const amended = await json<Page<Row>>(vp.get(`/api/councils/${sh}/resolutions?on=2026-08-01&status=amended`));
      expect(amended.items.map((r) => r.symbol)).toEqual(['01/2026/NQ-HĐND']);
      const search = await json<Page<Row>>(vp.get(`/api/councils/${sh}/resolutions?q=${encodeURIComponent('to dan pho')}`));
      expect(search.items.map((r) => r.symbol).sort()).toEqual(['01/2026/NQ-HĐND', '13/2026/NQ-HĐND']);
    });

    it('lifecycle: register, in-force rule, certify (chair only) with the next number, repeal, refused links', async () => {
      const sessions = await json<Page<{ id: string; state: string; openingDate: string; closingDate: string }>>(vp.get(`/api/councils/${sh}/sessions?state=closed`));
      const mid = sessions.items.find((s) => s.openingDate.endsWith('07-15'))!;
      const body = { title: 'Nghị quyết bãi bỏ Nghị quyết quy định mức chi hỗ trợ hoạt động của Tổ dân phố', normative: true, passedOn: mid.closingDate, sessionId: mid.id };
      const early = await vp.post(`/api/councils/${sh}/resolutions`, { ...body, inForceFrom: mid.closingDate });
      expect(early.status).toBe(422);
      expect((await early.json()).error.message).toMatch(/không sớm hơn 10 ngày/);
      const before = await t.db.select().from(resolutions).where(eq(resolutions.councilId, sh));
      expect(before).toHaveLength(4);

      const outside = await vp.post(`/api/councils/${sh}/resolutions`, { ...body, passedOn: '2026-08-20' });
      expect(outside.status).toBe(422);
      expect((await outside.json()).error.message).toMatch(/Ngày thông qua phải trong thời gian Kỳ họp thứ 2/);

      const created = await json<{ id: string }>(vp.post(`/api/councils/${sh}/resolutions`, { ...body, inForceFrom: '2026-09-01', announced: { for: 13, against: 1, abstain: 0, total: 15 } }), 201);
      expect((await vp.post(`/api/councils/${sh}/resolutions/${created.id}/certify`, {})).status).toBe(403);
      const pub = await vp.post(`/api/councils/${sh}/resolutions/${created.id}/publication`, { publishedOn: TODAY, publishedWhere: 'Cổng thông tin' });
      expect(pub.status).toBe(409);
      const certified = await json<{ symbol: string; documentId: string; inForceFrom: string }>(tt.post(`/api/councils/${sh}/resolutions/${created.id}/certify`, { signerName: 'Huỳnh Văn Đạt' }));
      // The next number of the council's series follows the highest typed one.
      expect(certified.symbol).toBe('15/2026/NQ-HĐND');
      const [issuer] = await t.db.select().from(documentIssuers).where(and(eq(documentIssuers.councilId, sh), eq(documentIssuers.kind, 'council')));
      const issued = await t.db.select({ symbol: documents.symbol }).from(documents).where(eq(documents.issuerId, issuer!.id));
      expect(issued.map((d) => d.symbol)).toEqual(['15/2026/NQ-HĐND']);
      // A typed number already used is refused by the register.
      const other = await json<{ id: string }>(vp.post(`/api/councils/${sh}/resolutions`, { ...body, title: 'Nghị quyết khác', normative: false }), 201);
      const taken = await tt.post(`/api/councils/${sh}/resolutions/${other.id}/certify`, { typedSymbol: '14/NQ-HĐND' });
      expect(taken.status).toBe(409);
      expect((await taken.json()).error.message).toMatch(/Số 14 năm 2026/);
      expect(certified.inForceFrom).toBe('2026-09-01');
      expect((await tt.post(`/api/councils/${sh}/resolutions/${created.id}/certify`, {})).status).toBe(409);
      const patched = await vp.patch(`/api/councils/${sh}/resolutions/${created.id}`, { title: 'Khác' });
      expect(patched.status).toBe(409);

      // The document is the resolution, in the register, with the year in its number.
      const dl = await vp.get(`/api/councils/${sh}/documents/${certified.documentId}/download`);
      expect(dl.status).toBe(200);
      const xml = docText(new Uint8Array(await dl.arrayBuffer()));
      expect(xml).toContain('15/2026/NQ-HĐND');
      expect(xml).toContain('NGHỊ QUYẾT');
      expect(xml).toContain('Hiệu lực thi hành');

      const base = bySymbol('01/2026/NQ-HĐND');
      await json(vp.post(`/api/councils/${sh}/resolutions/${created.id}/links`, { toId: base.id, type: 'repeals' }), 201);
      expect(await statusOf(base.id, '2026-08-31')).toBe('amended');
      expect(await statusOf(base.id, '2026-09-01')).toBe('repealed');
      const detail = await json<{ timeline: { kind: string; date: string }[]; actedOnBy: { label: string }[] }>(vp.get(`/api/councils/${sh}/resolutions/${base.id}`));
      expect(detail.timeline.map((e) => e.kind)).toEqual(['passed', 'inForce', 'amends', 'repeals']);
      expect(detail.actedOnBy.map((l) => l.label).sort()).toEqual(['Bị bãi bỏ bởi', 'Được sửa đổi, bổ sung bởi']);

      const dup = await vp.post(`/api/councils/${sh}/resolutions/${created.id}/links`, { toId: base.id, type: 'repeals' });
      expect(dup.status).toBe(422);
      const later = await vp.post(`/api/councils/${sh}/resolutions/${base.id}/links`, { toId: created.id, type: 'amends' });
      expect(later.status).toBe(422);
      expect((await later.json()).error.message).toMatch(/chỉ văn bản ban hành sau/);
      const ended = await vp.post(`/api/councils/${sh}/resolutions/${bySymbol('14/NQ-HĐND').id}/links`, { toId: bySymbol('12/NQ-HĐND').id, type: 'replaces', partial: true });
      expect(ended.status).toBe(422);
      expect((await ended.json()).error.message).toMatch(/Thay thế là thay toàn bộ/);
    });

    it('a cycle among resolutions passed the same day is refused', async () => {
      const amend = bySymbol('13/2026/NQ-HĐND');
      const socio = bySymbol('14/NQ-HĐND');
      await json(vp.post(`/api/councils/${sh}/resolutions/${socio.id}/links`, { toId: amend.id, type: 'amends', provisions: 'Điều 1' }), 201);
      const cycle = await vp.post(`/api/councils/${sh}/resolutions/${amend.id}/links`, { toId: socio.id, type: 'amends' });
      expect(cycle.status).toBe(422);
      expect((await cycle.json()).error.message).toMatch(/vòng tròn/);
    });

    it('tasks: assigned, reported by the agency from its login, confirmed by the standing committee; others refused', async () => {
      const ubndId = t.id('agency:ubnd-sa-huynh');
      const socio = bySymbol('14/NQ-HĐND');
      const bad = await vp.post(`/api/councils/${sh}/resolutions/${socio.id}/tasks`, { agencyId: ubndId, title: 'X', due: '2026-01-01' });
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.message).toBe('Hạn hoàn thành không được trước ngày giao nhiệm vụ.');
      const empty = await vp.post(`/api/councils/${sh}/resolutions/${socio.id}/tasks`, { agencyId: ubndId, title: ' ', due: '2027-01-01' });
      expect(empty.status).toBe(422);
      expect(JSON.stringify(await empty.json())).toContain('Nội dung nhiệm vụ không được để trống.');
      const task = await json<{ id: string }>(vp.post(`/api/councils/${sh}/resolutions/${socio.id}/tasks`, { agencyId: ubndId, title: 'Báo cáo kết quả thu ngân sách quý IV', due: '2027-01-15', reportEveryMonths: 1 }), 201);

      const item = async () => (await t.db.select().from(followupItems).where(and(eq(followupItems.kind, 'resolution_task'), eq(followupItems.sourceId, task.id))))[0]!;
      expect(await item()).toMatchObject({ agencyId: ubndId, councilId: sh, due: '2027-01-15', originalDue: '2027-01-15', answeredOn: null, closedOn: null, stateLabel: 'Đang thực hiện', link: `/agencies/${ubndId}/resolution-tasks?task=${task.id}` });
      expect((await item()).detail).toContain('14/NQ-HĐND');
      // The agency's one inbox lists it with the other kinds.
      const inbox = await json<Page<{ kind: string; sourceId: string }>>(ubnd.get(`/api/agencies/${ubndId}/obligations?kind=resolution_task&pageSize=50`));
      expect(inbox.items.map((x) => x.sourceId)).toContain(task.id);
      // The demo's tasks are there too (projected by the seed through the same actions).
      expect(inbox.total).toBeGreaterThanOrEqual(4);
      await json(vp.patch(`/api/councils/${sh}/resolution-tasks/${task.id}`, { due: '2027-02-15' }));
      expect(await item()).toMatchObject({ due: '2027-02-15', originalDue: '2027-01-15' });
      const mine = await json<Page<{ id: string; overdue: boolean; state: string }>>(ubnd.get(`/api/agencies/${ubndId}/resolution-tasks?pageSize=50`));
      expect(mine.items.map((x) => x.id)).toContain(task.id);
      expect(mine.items.filter((x) => x.overdue).length).toBeGreaterThan(0);
      const overdue = await json<Page<{ overdue: boolean }>>(vp.get(`/api/councils/${sh}/resolution-tasks?overdue=true`));
      expect(overdue.total).toBeGreaterThan(0);
      // The home page's line counts the list it opens.
      const todo = await json<{ groups: { id: string; entries: { key: string; count: number; link: string }[] }[] }>(vp.get(`/api/todo?councilId=${sh}`));
      const line = todo.groups.find((g) => g.id === sh)!.entries.find((e) => e.key === 'resolution-tasks-overdue')!;
      expect(line).toMatchObject({ count: overdue.total, link: `/councils/${sh}/resolution-tasks?overdue=true` });
      expect(overdue.items.every((x) => x.overdue)).toBe(true);

      const other = await t.as('so.xaydung');
      expect((await other.get(`/api/agencies/${ubndId}/resolution-tasks`)).status).toBe(403);
      const soXd = t.id('agency:so-xay-dung');
      expect((await other.post(`/api/agencies/${soXd}/resolution-tasks/${task.id}/reports`, { kind: 'progress', content: 'x' })).status).toBe(404);

      await json(ubnd.post(`/api/agencies/${ubndId}/resolution-tasks/${task.id}/reports`, { kind: 'completed', content: 'Đã hoàn thành, thu đạt 104% dự toán.' }), 201);
      expect(await item()).toMatchObject({ answeredOn: TODAY, closedOn: null });
      const again = await ubnd.post(`/api/agencies/${ubndId}/resolution-tasks/${task.id}/reports`, { kind: 'completed', content: 'Lần hai' });
      expect(again.status).toBe(422);
      expect((await vp.post(`/api/councils/${sh}/resolution-tasks/${task.id}/decision`, { action: 'confirm' })).status).toBe(403);
      const reopenNoReason = await tt.post(`/api/councils/${sh}/resolution-tasks/${task.id}/decision`, { action: 'reopen' });
      expect(reopenNoReason.status).toBe(422);
      const done = await json<{ state: string; closedOn: string }>(tt.post(`/api/councils/${sh}/resolution-tasks/${task.id}/decision`, { action: 'confirm' }));
      expect(done).toMatchObject({ state: 'done', closedOn: TODAY });
      const [row] = await t.db.select().from(resolutionTasks).where(eq(resolutionTasks.id, task.id));
      expect(row!.state).toBe('done');
      expect(await item()).toMatchObject({ answeredOn: TODAY, closedOn: TODAY, stateLabel: 'Đã hoàn thành' });
      const events = await t.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, task.id));
      expect(events.map((e) => e.action)).toEqual(['resolutions.task.create', 'resolutions.task.update', 'resolutions.task.report', 'resolutions.task.confirm']);
    });

    it('permissions: delegates read, do not write; agencies do not read the council register', async () => {
      const delegate = await t.as('daibieu.sahuynh');
      expect((await delegate.get(`/api/councils/${sh}/resolutions`)).status).toBe(200);
      expect((await delegate.post(`/api/councils/${sh}/resolutions`, { title: 'X', normative: false, passedOn: '2026-07-16' })).status).toBe(403);
      expect((await ubnd.get(`/api/councils/${sh}/resolutions`)).status).toBe(403);
      const province = t.id('council:province');
      expect((await vp.get(`/api/councils/${province}/resolutions`)).status).toBe(403);
      expect((await vp.get(`/api/councils/${sh}/resolutions/${crypto.randomUUID()}`)).status).toBe(404);
    });

    it('minutes and conclusion notice of a session are issued from the data into the register', async () => {
      const sessions = await json<Page<{ id: string; openingDate: string }>>(vp.get(`/api/councils/${sh}/sessions?state=closed`));
      const mid = sessions.items.find((s) => s.openingDate.endsWith('07-15'))!;
      const params = { place: 'Hội trường UBND phường', chairPerson: 'đồng chí Huỳnh Văn Đạt - Chủ tịch HĐND phường', signerName: 'Huỳnh Văn Đạt' };
      const minutes = await json<{ id: string; symbol: string }>(vp.post(`/api/councils/${sh}/sessions/${mid.id}/minutes`, params), 201);
      expect(minutes.symbol).toMatch(/^\d+\/BB-HĐND$/);
      const text = async (id: string) => docText(new Uint8Array(await (await vp.get(`/api/councils/${sh}/documents/${id}/download`)).arrayBuffer()));
      const m = await text(minutes.id);
      for (const s of ['BIÊN BẢN', 'THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN', 'NỘI DUNG KỲ HỌP', 'CHẤT VẤN VÀ TRẢ LỜI CHẤT VẤN', '13/2026/NQ-HĐND', 'đại biểu tán thành']) expect(m).toContain(s);
      // The questions and answers of the session (the interpellation part's demo topic).
      expect(m).toContain('Nhóm vấn đề:');
      // The session being prepared: the floor's attendance and the chamber's votes, totals only.
      const planned = (await json<Page<{ id: string }>>(vp.get(`/api/councils/${sh}/sessions?state=planned`))).items[0]!;
      const pm = await json<{ id: string }>(vp.post(`/api/councils/${sh}/sessions/${planned.id}/minutes`, params), 201);
      const p = await text(pm.id);
      expect(p).toMatch(/Thành phần: đại biểu có mặt \d+\/\d+ đại biểu/);
      expect(p).toMatch(/Biểu quyết "Thông qua Nghị quyết về dự toán[^"]*" \(điện tử ghi danh\): Thông qua/);
      expect(p).toMatch(/Biểu quyết "Biểu quyết kín[^"]*" \(bỏ phiếu kín\)/);
      const notice = await json<{ id: string; symbol: string }>(vp.post(`/api/councils/${sh}/sessions/${mid.id}/conclusion-notice`, params), 201);
      expect(notice.symbol).toMatch(/^\d+\/TB-HĐND$/);
      const n = await text(notice.id);
      for (const s of ['THÔNG BÁO', 'Kết luận của Thường trực', 'Giao tổ chức thực hiện', 'Nơi nhận', 'Ủy ban nhân dân phường Sa Huỳnh']) expect(n).toContain(s);
      const bad = await vp.post(`/api/councils/${sh}/sessions/${mid.id}/minutes`, { ...params, place: '' });
      expect(bad.status).toBe(422);
      expect(JSON.stringify(await bad.json())).toContain('Địa điểm không được để trống.');
    });

    it('the resolution page shows its chain back to the tờ trình and its verification; the document cites them', async () => {
      const planned = (await json<Page<{ id: string; openingDate: string; closingDate: string | null }>>(vp.get(`/api/councils/${sh}/sessions?state=planned`))).items[0]!;
      const session = await json<{ items: { id: string; title: string }[] }>(vp.get(`/api/councils/${sh}/sessions/${planned.id}`));
      const budget = session.items.find((i) => i.title.startsWith('Tờ trình về dự toán'))!;
      const passedOn = planned.closingDate ?? planned.openingDate;
      // Not yet passed: a resolution cannot be registered before its day.
      const future = await vp.post(`/api/councils/${sh}/resolutions`, { title: 'Nghị quyết về dự toán ngân sách phường năm 2027', normative: false, passedOn, sessionId: planned.id, itemId: budget.id });
      expect(future.status).toBe(422);
      expect((await future.json()).error.message).toBe('Ngày thông qua không được sau ngày hôm nay.');
      const saved = t.now;
      t.setNow(`${passedOn}T09:00:00Z`);
      try {
        // Signed in again on that day (a session does not last the days between).
        const [vp, tt] = await Promise.all([t.as('vp.sahuynh'), t.as('tt.sahuynh')]);
        // The vote that passed it: the demo's confirmed named vote on the budget item (the chamber
        // votes part); the secret vote, closed but not confirmed, cannot pass a resolution.
        const named = t.id('chamberVote:sa-huynh:named');
        const secret = t.id('chamberVote:sa-huynh:secret');
        const unconfirmed = await vp.post(`/api/councils/${sh}/resolutions`, { title: 'Nghị quyết X', normative: false, passedOn, voteId: secret });
        expect(unconfirmed.status).toBe(409);
        expect((await unconfirmed.json()).error.message).toMatch(/chưa được chủ tọa xác nhận/);
        const r = await json<{ id: string; sessionId: string; itemId: string }>(vp.post(`/api/councils/${sh}/resolutions`, { title: 'Nghị quyết về dự toán ngân sách phường năm 2027', normative: false, passedOn, voteId: named }), 201);
        expect([r.sessionId, r.itemId]).toEqual([planned.id, budget.id]);
        const again = await vp.post(`/api/councils/${sh}/resolutions`, { title: 'Lần hai', normative: false, passedOn, voteId: named });
        expect(again.status).toBe(409);
        const fig = (await json<{ vote: { source: string; for: number; total: number; method: string; reason: string } }>(vp.get(`/api/councils/${sh}/resolutions/${r.id}`))).vote;
        expect(fig).toMatchObject({ source: 'vote', method: 'Điện tử ghi danh' });
        expect(fig.reason).toMatch(/^Thông qua/);
        expect(fig.for).toBeGreaterThan(fig.total / 2);
        const dup = await vp.post(`/api/councils/${sh}/resolutions`, { title: 'Lần hai', normative: false, passedOn, sessionId: planned.id, itemId: budget.id });
        expect(dup.status).toBe(409);
        const d = await json<{ item: { id: string }; chain: { chain: { steps: { kind: string; number: string | null }[] }; report: { number: string } } }>(vp.get(`/api/councils/${sh}/resolutions/${r.id}`));
        expect(d.item.id).toBe(budget.id);
        expect(d.chain.chain.steps.map((x) => x.kind)).toEqual(['submission', 'verificationReport', 'responseReport', 'resolution']);
        expect(d.chain.chain.steps[0]!.number).toBe('125/TTr-UBND');
        expect(d.chain.report.number).toBe('12/BC-BKTNS');
        const c = await json<{ documentId: string; symbol: string }>(tt.post(`/api/councils/${sh}/resolutions/${r.id}/certify`, {}));
        expect(c.symbol).toMatch(/^\d+\/NQ-HĐND$/);
        const xml = docText(new Uint8Array(await (await vp.get(`/api/councils/${sh}/documents/${c.documentId}/download`)).arrayBuffer()));
        expect(xml).toContain('Xét Tờ trình số 125/TTr-UBND');
        expect(xml).toContain('Báo cáo thẩm tra số 12/BC-BKTNS');
      } finally {
        t.setNow(saved);
      }
    });

    it('public: published resolutions with status and vote totals, nothing internal', async () => {
      const anon = t.anonymous();
      const res = await anon.get(`/api/public/councils/${sh}/resolutions?on=2026-08-01`);
      expect(res.status).toBe(200);
      const raw = await res.text();
      const body = JSON.parse(raw) as Page<{ symbol: string; status: string; vote: { for: number; total: number } | null }>;
      expect(body.items.map((r) => r.symbol)).toContain('01/2026/NQ-HĐND');
      expect(body.items.find((r) => r.symbol === '01/2026/NQ-HĐND')!.status).toBe('amended');
      expect(body.items.every((r) => r.vote === null || r.vote.total > 0)).toBe(true);
      // Not published (the province resolution, the one certified in the lifecycle test): absent.
      expect(body.items.map((r) => r.symbol)).not.toContain('15/2026/NQ-HĐND');
      for (const secret of ['certifiedBy', 'documentId', 'agencyId', 'voteId', 'createdBy', 'searchKey', 'Lê Thị Mỹ']) expect(raw).not.toContain(secret);
      expect((await anon.get(`/api/public/councils/${crypto.randomUUID()}/resolutions`)).status).toBe(404);
      expect((await anon.get(`/api/councils/${sh}/resolutions`)).status).toBe(401);
    });
  });
}
