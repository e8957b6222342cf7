// Citizen letters through the API on each database: the rule set a letter keeps (received 30/06 vs
// 01/07/2026 → different deadlines), the whole forwarded track through the follow-up engine, a
// mixed letter split, a repeat linked, the contact-meeting complaint with its history, the
// delegate's own list, and a denunciation's identity invisible to every role but its named handler
// — read in the raw answers of every letters route, the audit log and the search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { routeRegistry } from '../../src/server/route.ts';

type Received = { letters: { id: string; reference: string; kind: string; state: string; duplicateOfId: string | null }[]; ruleSetKey: string; matches: { id: string; kind: string }[] };

const DENOUNCER = 'Lương Thế Vinh Bảo';
const DENOUNCER_ID = '051099123456';

for (const kind of dbKinds()) {
  describe(`letters [${kind}]`, () => {
    let t: TestApp;
    let sh: string;
    let ubnd: string;
    let vp: TestClient;
    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-07-03T02:00:00Z' });
      sh = t.id('council:sa-huynh');
      ubnd = t.id('agency:ubnd-sa-huynh');
      vp = await t.as('vp.sahuynh');
    }, 120_000);
    afterAll(() => t?.close());

    const receive = (c: TestClient, body: Record<string, unknown>, status = 201) => json<Received>(c.post(`/api/councils/${sh}/letters`, { channel: 'post', signers: [], ...body }), status);

    it('a letter keeps the rule set of the day it was received: 30/06 and 01/07/2026 get different deadlines', async () => {
      const old = await receive(vp, { receivedOn: '2026-06-30', kinds: ['complaint'], summary: 'Khiếu nại quyết định thu hồi đất số 12.', signers: [{ name: 'Võ Văn Ba', idNumber: '051070000001' }] });
      const fresh = await receive(vp, { receivedOn: '2026-07-01', kinds: ['complaint'], summary: 'Khiếu nại quyết định xử phạt hành chính số 7.', signers: [{ name: 'Hồ Thị Tư', idNumber: '051070000002' }] });
      expect(old.ruleSetKey).toBe('letters-2013');
      expect(fresh.ruleSetKey).toBe('letters-2026');
      // Both forwarded on Friday 03/07/2026: acceptance 10 days (2013) vs 07 working days (2026),
      // then 30 days to resolve, then 07 working days to report back.
      const a = await json<{ letter: { due: string }; document: { symbol: string } }>(vp.post(`/api/councils/${sh}/letters/${old.letters[0]!.id}/forward`, { agencyId: ubnd, signerName: 'Huỳnh Văn Đạt' }), 201);
      const b = await json<{ letter: { due: string } }>(vp.post(`/api/councils/${sh}/letters/${fresh.letters[0]!.id}/forward`, { agencyId: ubnd, signerName: 'Huỳnh Văn Đạt' }), 201);
      expect(a.letter.due).toBe('2026-08-21');
      expect(b.letter.due).toBe('2026-08-24');
      expect(a.document.symbol).toMatch(/^\d+\/HĐND-VP$/);
    });

    it('the forwarded track: the agency owes the result in its one inbox, reports it; the citizen is told; the item closes', async () => {
      const r = await receive(vp, { receivedOn: '2026-07-02', kinds: ['request'], summary: 'Đề nghị nạo vét kênh mương thủy lợi thôn Tân Diêm.', signers: [{ name: 'Đinh Văn Năm', address: 'Thôn Tân Diêm' }] });
      const id = r.letters[0]!.id;
      await json(vp.post(`/api/councils/${sh}/letters/${id}/forward`, { agencyId: ubnd, signerName: 'Huỳnh Văn Đạt' }), 201);
      const agency = await t.as('ubnd.sahuynh');
      const inbox = await json<{ items: { sourceId: string; kind: string; link: string; status: string }[] }>(agency.get(`/api/agencies/${ubnd}/obligations?kind=letter&pageSize=200`));
      const item = inbox.items.find((i) => i.sourceId === id)!;
      expect(item).toMatchObject({ kind: 'letter', status: 'awaiting_answer', link: `/agencies/${ubnd}/letters/${id}` });
      const seen = await json<{ summary: string; signers: { name: string }[] }>(agency.get(`/api/agencies/${ubnd}/letters/${id}`));
      expect(seen.summary).toContain('nạo vét kênh mương');
      // another agency cannot reach it
      const sx = await t.as('so.xaydung');
      expect((await sx.get(`/api/agencies/${ubnd}/letters/${id}`)).status).toBe(403);
      // closing before the result is refused, with the reason
      const early = await vp.post(`/api/councils/${sh}/letters/${id}/close`, {});
      expect(early.status).toBe(422);
      expect((await early.json()).error.message).toContain('chưa nhận kết quả giải quyết');
      await json(agency.post(`/api/agencies/${ubnd}/letters/${id}/result`, { summary: 'Đã nạo vét xong 800 m kênh.' }));
      const answered = await json<{ items: { sourceId: string; status: string }[] }>(agency.get(`/api/agencies/${ubnd}/obligations?kind=letter&status=answered&pageSize=200`));
      expect(answered.items.map((i) => i.sourceId)).toContain(id);
      await json(vp.post(`/api/councils/${sh}/letters/${id}/inform-citizen`, {}));
      await json(vp.post(`/api/councils/${sh}/letters/${id}/close`, {}));
      const closed = await json<{ items: { sourceId: string }[] }>(agency.get(`/api/agencies/${ubnd}/obligations?kind=letter&status=closed&pageSize=200`));
      expect(closed.items.map((i) => i.sourceId)).toContain(id);
      const detail = await json<{ state: string; forwardings: { letterNumber: string }[] }>(vp.get(`/api/councils/${sh}/letters/${id}`));
      expect(detail.state).toBe('closed');
      expect(detail.forwardings).toHaveLength(1);
    });

    it('a mixed letter is split into one letter per kind; a repeat from the same person is linked and filed, not opened again', async () => {
      const mixed = await receive(vp, { receivedOn: '2026-07-02', kinds: ['complaint', 'request'], summary: 'Khiếu nại việc cấp giấy phép xây dựng và đề nghị lắp đèn đường tổ 4.', signers: [{ name: 'Lê Văn Sáu', idNumber: '051070000006' }] });
      expect(mixed.letters.map((l) => l.kind)).toEqual(['complaint', 'request']);
      const second = await json<{ splitFromId: string; related: { id: string }[] }>(vp.get(`/api/councils/${sh}/letters/${mixed.letters[1]!.id}`));
      expect(second.splitFromId).toBe(mixed.letters[0]!.id);
      const again = await receive(vp, { receivedOn: '2026-07-03', kinds: ['complaint'], summary: 'Khiếu nại việc cấp giấy phép xây dựng và đề nghị lắp đèn đường tổ 4.', signers: [{ name: 'Lê Văn Sáu', idNumber: '051070000006' }] });
      expect(again.letters[0]).toMatchObject({ state: 'filed', duplicateOfId: mixed.letters[0]!.id });
      expect(again.matches[0]).toMatchObject({ id: mixed.letters[0]!.id, kind: 'repeat' });
    });

    it('a complaint raised at a contact meeting arrives with its history, once', async () => {
      const pending = await json<{ items: { id: string; text: string }[]; total: number }>(vp.get(`/api/councils/${sh}/letters-from-contact-meetings`));
      expect(pending.total).toBeGreaterThan(0);
      const op = pending.items[0]!;
      const r = await json<Received>(vp.post(`/api/councils/${sh}/letters-from-contact-meetings/${op.id}`, {}), 201);
      const d = await json<{ channel: string; fromContactMeeting: boolean; origin: { opinionId: string; versions: { text: string }[] } }>(vp.get(`/api/councils/${sh}/letters/${r.letters[0]!.id}`));
      expect(d).toMatchObject({ channel: 'contact_meeting', fromContactMeeting: true });
      expect(d.origin.opinionId).toBe(op.id);
      expect(d.origin.versions.at(-1)!.text).toBe(op.text);
      const twice = await vp.post(`/api/councils/${sh}/letters-from-contact-meetings/${op.id}`, {});
      expect(twice.status).toBe(409);
      const after = await json<{ items: { id: string }[] }>(vp.get(`/api/councils/${sh}/letters-from-contact-meetings`));
      expect(after.items.map((i) => i.id)).not.toContain(op.id);
    });

    it('a delegate records a letter, forwards it through the standing committee, and finds it on their own list', async () => {
      const dl = await t.as('daibieu.sahuynh');
      const r = await json<Received>(dl.post(`/api/councils/${sh}/my-letters`, { receivedOn: '2026-07-03', kinds: ['feedback'], summary: 'Phản ánh bãi rác tự phát ven bãi biển Sa Huỳnh.', signers: [{ name: 'Phan Thị Bảy' }] }), 201);
      const id = r.letters[0]!.id;
      await json(dl.post(`/api/councils/${sh}/my-letters/${id}/forward`, { agencyId: ubnd, signerName: 'Huỳnh Văn Đạt' }), 201);
      const mine = await json<{ items: { id: string; state: string; nextStep: string }[]; total: number }>(dl.get(`/api/councils/${sh}/my-letters`));
      expect(mine.items.find((i) => i.id === id)).toMatchObject({ state: 'forwarded', nextStep: 'Chờ cơ quan có thẩm quyền báo kết quả' });
      expect(mine.items.every((i) => i.id !== undefined)).toBe(true);
      // someone else's letter is not theirs
      const other = await receive(vp, { receivedOn: '2026-07-03', kinds: ['request'], summary: 'Đề nghị cấp nước sạch tổ 2.', signers: [{ name: 'Tạ Văn Mười' }] });
      expect((await dl.get(`/api/councils/${sh}/my-letters/${other.letters[0]!.id}`)).status).toBe(404);
      expect(mine.items.map((i) => i.id)).not.toContain(other.letters[0]!.id);
    });

    it('bad input gets a clear Vietnamese error and writes nothing', async () => {
      const bad = async (body: Record<string, unknown>, text: string) => {
        const res = await vp.post(`/api/councils/${sh}/letters`, { channel: 'post', receivedOn: '2026-07-02', summary: 'Đơn thử', signers: [], ...body });
        expect(res.status).toBe(422);
        expect((await res.json()).error.message).toContain(text);
      };
      const before = await json<{ total: number }>(vp.get(`/api/councils/${sh}/letters`));
      await bad({ signers: [{ name: 'A', idNumber: '12345' }] }, 'số căn cước phải gồm đúng 12 chữ số');
      await bad({ anonymous: true, signers: [{ name: 'A' }] }, 'không ghi người gửi đơn');
      await bad({ signers: [] }, 'ít nhất một người gửi đơn');
      await bad({ receivedOn: '2010-01-05', signers: [{ name: 'A' }] }, 'Không có bộ quy định về đơn thư nào có hiệu lực');
      await bad({ kinds: ['gossip'], signers: [{ name: 'A' }] }, 'Loại đơn không hợp lệ');
      expect((await json<{ total: number }>(vp.get(`/api/councils/${sh}/letters`))).total).toBe(before.total);
    });

    describe('a denunciation', () => {
      let id: string;
      beforeAll(async () => {
        const r = await receive(vp, {
          receivedOn: '2026-07-02', kinds: ['denunciation'], summary: 'Tố cáo cán bộ thu tiền trái phép khi cấp phép đào đường.',
          respondent: 'Cán bộ giao thông phường', signers: [{ name: DENOUNCER, address: 'Thôn An Thổ', idNumber: DENOUNCER_ID, phone: '0905123456' }],
        });
        id = r.letters[0]!.id;
        await json(vp.post(`/api/councils/${sh}/letters/${id}/forward`, { agencyId: ubnd, signerName: 'Huỳnh Văn Đạt' }), 201);
      });

      it('its named handler sees the content and opens the identity only through an audited step; no one else can', async () => {
        const mine = await json<{ summary: string; signers: null; identityProtected: boolean; mayRevealIdentity: boolean }>(vp.get(`/api/councils/${sh}/letters/${id}`));
        expect(mine).toMatchObject({ signers: null, identityProtected: true, mayRevealIdentity: true });
        expect(mine.summary).toContain('thu tiền trái phép');
        const who = await json<{ items: { name: string; idNumber: string }[] }>(vp.post(`/api/councils/${sh}/letters/${id}/identity`, {}));
        expect(who.items[0]).toMatchObject({ name: DENOUNCER, idNumber: DENOUNCER_ID });
        const tt = await t.as('tt.sahuynh');
        expect((await tt.post(`/api/councils/${sh}/letters/${id}/identity`, {})).status).toBe(403);
        const staff = await json<{ summary: string | null; signers: null; withheld: string[] }>(tt.get(`/api/councils/${sh}/letters/${id}`));
        expect(staff.summary).toBeNull();
        expect(staff.withheld).toEqual(expect.arrayContaining(['signers', 'summary', 'content']));
        const audit = await json<{ items: { action: string; actorName: string }[] }>(vp.get(`/api/councils/${sh}/audit?pageSize=200`));
        expect(audit.items.filter((e) => e.action === 'letter.identity_view')).toHaveLength(1);
      });

      it('every letters route, the follow-up lists, the audit log and the search answer every other role without the denouncer', async () => {
        const roles = ['tt.sahuynh', 'ban.sahuynh', 'daibieu.sahuynh', 'ubnd.sahuynh', 'so.xaydung', 'mttq.sahuynh', 'vp.tinh'];
        const paths = routeRegistry
          .filter((r) => r.method === 'GET' && (r.path.includes('letter') || r.path.includes('obligations') || r.path.includes('audit')))
          .map((r) => r.path.replace('{councilId}', sh).replace('{agencyId}', ubnd).replace('{letterId}', id).replace('{opinionId}', id))
          .map((p) => (p.includes('letter-figures') ? `${p}?from=2026-01-01&to=2026-12-31` : p));
        expect(paths.length).toBeGreaterThanOrEqual(6);
        const needles = [DENOUNCER, DENOUNCER_ID, '0905123456', 'Lương Thế', 'luong the vinh'];
        for (const username of roles) {
          const c = await t.as(username);
          for (const p of paths) {
            const body = await (await c.get(`/api${p}${p.includes('?') ? '&' : '?'}pageSize=200`)).text();
            for (const n of needles) expect(body.includes(n), `${username} GET ${p} shows ${n}`).toBe(false);
          }
          const found = await (await c.get(`/api/councils/${sh}/letters?q=${encodeURIComponent('luong the vinh')}`)).text();
          for (const n of needles) expect(found.includes(n)).toBe(false);
        }
        // The handler's own reading of the audit log and the search do not carry it either.
        const audit = await (await vp.get(`/api/councils/${sh}/audit?pageSize=200`)).text();
        for (const n of needles) expect(audit.includes(n)).toBe(false);
        const search = await json<{ total: number }>(vp.get(`/api/councils/${sh}/letters?q=${encodeURIComponent('thu tien trai phep')}`));
        expect(search.total).toBe(0);
        // The agency it was forwarded to reads the content, never the identity.
        const agency = await t.as('ubnd.sahuynh');
        const seen = await json<{ summary: string; signers: null }>(agency.get(`/api/agencies/${ubnd}/letters/${id}`));
        expect(seen.signers).toBeNull();
        expect(seen.summary).toContain('thu tiền trái phép');
      });
    });
  });
}
