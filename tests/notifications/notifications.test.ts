// Notifications through one path, with a real SMTP server: the agency hears when a petition is
// forwarded to it (an e-mail right away by default), the secretariat when an answer or a return
// arrives (in the app, and in the day's digest); each user's preference per kind is honoured; the
// digest holds the day's events in one mail; nobody hears of another council's events. And the
// home page's to-do counts equal the totals of the filtered lists they link to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { users } from '../../src/modules/accounts/schema.ts';
import { notifications } from '../../src/modules/notifications/schema.ts';
import { deliverPending, runDigest } from '../../src/modules/notifications/service.ts';
import { json, startSmtp, type ReceivedMail } from '../petitions/support.ts';
import { dispatchedPetition } from '../petitions/dispatchSupport.ts';

const EMAILS: Record<string, string> = {
  'vp.sahuynh': 'my.le@sahuynh.test',
  'vp.tinh': 'hong.nguyen@tinh.test',
  'vp.thixa': 'khai.tran@thixa.test',
  'so.xaydung': 'thao.ngo@soxaydung.test',
  'dienluc': 'luc.duong@dienluc.test',
};

async function waitFor<T>(what: string, probe: () => T | undefined, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const kind of dbKinds()) {
  describe(`notifications [${kind}]`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let vp: TestClient;
    let sx: TestClient;
    const config = () => ({
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Nghị Trường <no-reply@nghitruong.test>' },
    });
    const deps = () => ({ db: t.db, clock: () => t.now, config: config() });
    const mailsTo = (user: string) => smtp.mails.filter((m) => m.to.includes(EMAILS[user]!));
    const soXayDung = () => t.id('agency:so-xay-dung');
    const inboxItem = async (petitionId: string) => {
      const inbox = await json(sx.get(`/api/agencies/${soXayDung()}/dispatch-items?state=pending&pageSize=100`));
      return inbox.items.find((i: { petitionId: string }) => i.petitionId === petitionId) as { id: string };
    };
    const notes = async (c: TestClient) => (await json(c.get('/api/notifications?pageSize=100'))).items as { kind: string; title: string; body: string; link: string; councilId: string | null }[];

    beforeAll(async () => {
      smtp = await startSmtp();
      t = await createTestApp(kind, { config: config() });
      for (const [username, email] of Object.entries(EMAILS)) await t.db.update(users).set({ email }).where(eq(users.username, username));
      // The demo seed's own events (forwarded, answered) are not this test's: nothing of them is mailed.
      await t.db.update(notifications).set({ email: 'none' });
      vp = await t.as('vp.sahuynh');
      sx = await t.as('so.xaydung');
    }, 300_000);
    afterAll(async () => {
      await t?.close();
      await smtp?.close();
    });

    it('tells the agency at once when petitions are forwarded to it, and nobody else', async () => {
      const p = await dispatchedPetition(t, vp, 'sa-huynh', 'sa-huynh', 'so-xay-dung', 'Đề nghị sửa chữa cầu treo thôn Tân Hy bị hư hỏng nặng.', '2026-11-26');
      const mail = await waitFor('the forwarding e-mail', () => mailsTo('so.xaydung').find((m) => m.subject.includes(`chuyển 1 kiến nghị`)));
      expect(mailsTo('so.xaydung')).toHaveLength(1);
      expect(mail.subject).toBe('[Nghị Trường] Hội đồng nhân dân phường Sa Huỳnh chuyển 1 kiến nghị của cử tri đến Sở Xây dựng tỉnh Quảng Ngãi');
      expect(mail.body).toContain(`kiến nghị số ${p.number}.`);
      expect(mail.body).toContain(`http://localhost:3000/agencies/${soXayDung()}/petitions?state=pending`);
      const mine = await notes(sx);
      expect(mine.filter((n) => n.kind === 'petition.forwarded' && n.body.includes(`kiến nghị số ${p.number}.`))).toHaveLength(1);
      // Other agencies and other councils hear nothing.
      for (const other of ['dienluc', 'vp.tinh', 'vp.thixa']) {
        expect((await notes(await t.as(other))).filter((n) => n.kind === 'petition.forwarded' && n.body.includes(`kiến nghị số ${p.number}.`))).toHaveLength(0);
        expect(mailsTo(other)).toHaveLength(0);
      }
    });

    it('honours preferences, collects the day into one digest, and keeps councils apart', async () => {
      // The province's secretariat forwards its own petition to the same agency: its events are its own.
      const vpTinh = await t.as('vp.tinh');
      const prov = await dispatchedPetition(t, vpTinh, 'province', 'sa-huynh', 'so-xay-dung', 'Đề nghị đầu tư tuyến đường ven biển Sa Huỳnh – Mỹ Á.', '2026-11-26');
      const a = await dispatchedPetition(t, vp, 'sa-huynh', 'sa-huynh', 'so-xay-dung', 'Đề nghị nạo vét cửa biển Sa Huỳnh cho tàu cá ra vào.', '2026-11-26');
      const b = await dispatchedPetition(t, vp, 'sa-huynh', 'sa-huynh', 'so-xay-dung', 'Đề nghị lắp đèn chiếu sáng tuyến đường Phổ Thạnh.', '2026-11-26');
      const c = await dispatchedPetition(t, vp, 'sa-huynh', 'sa-huynh', 'so-xay-dung', 'Đề nghị xây kè chống sạt lở bờ biển thôn Thạnh Đức.', '2026-11-26');
      await waitFor('the forwarding e-mails', () => (mailsTo('so.xaydung').length >= 5 ? true : undefined));

      // The ward's secretariat: returns off, answers in the digest (the default).
      const prefs = await json(vp.get('/api/notification-preferences'));
      expect(prefs.items.find((i: { kind: string }) => i.kind === 'petition.answered')).toMatchObject({ channel: 'digest', label: 'Cơ quan trả lời kiến nghị' });
      const bad = await vp.put('/api/notification-preferences', { items: [{ kind: 'petition.returned', channel: 'sms' }] });
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.message).toContain('Cách nhận thông báo phải là một trong');
      await json(vp.put('/api/notification-preferences', { items: [{ kind: 'petition.returned', channel: 'off' }] }));

      const before = smtp.mails.length;
      await json(sx.post(`/api/agencies/${soXayDung()}/dispatch-items/${(await inboxItem(a.id)).id}/response`, {
        result: 'resolved', text: 'Đã nạo vét xong luồng vào cửa biển trong tháng 11.',
      }), 201);
      await json(sx.post(`/api/agencies/${soXayDung()}/dispatch-items/${(await inboxItem(b.id)).id}/response`, {
        result: 'explained', text: 'Tuyến đường thuộc thẩm quyền đầu tư của UBND phường; Sở đã có ý kiến đề nghị UBND phường bố trí vốn.',
      }), 201);
      await json(sx.post(`/api/agencies/${soXayDung()}/dispatch-items/${(await inboxItem(c.id)).id}/return`, {
        reason: 'Kè biển thuộc thẩm quyền của Sở Nông nghiệp và Môi trường',
      }), 200);
      await json(sx.post(`/api/agencies/${soXayDung()}/dispatch-items/${(await inboxItem(prov.id)).id}/response`, {
        result: 'in_progress', text: 'Đang lập dự án.', roadmap: 'Trình phê duyệt chủ trương năm 2027.', committedDate: '2027-06-30',
      }), 201);
      await deliverPending(deps());
      // Digest and "off" send nothing right away.
      expect(smtp.mails.slice(before).filter((m) => m.to.includes(EMAILS['vp.sahuynh']!))).toHaveLength(0);

      const ward = await notes(vp);
      const mineNow = (n: { title: string }) => [a, b, c, prov].some((x) => n.title.includes(`kiến nghị số ${x.number}:`) || n.title.endsWith(`kiến nghị số ${x.number}`));
      const answered = ward.filter((n) => n.kind === 'petition.answered' && mineNow(n));
      expect(answered.map((n) => n.title).sort()).toEqual([
        `Sở Xây dựng đã trả lời kiến nghị số ${a.number}: Đã giải quyết xong`,
        `Sở Xây dựng đã trả lời kiến nghị số ${b.number}: Đã giải trình, cung cấp thông tin`,
      ].sort());
      expect(ward.filter((n) => n.kind === 'petition.returned' && mineNow(n))).toHaveLength(0); // turned off
      expect(ward.filter((n) => n.councilId !== t.id('council:sa-huynh')).map((n) => `${n.kind} ${n.councilId} ${n.title}`)).toEqual([]);
      // The province's answer reached the province's secretariat only.
      expect((await notes(vpTinh)).filter((n) => n.kind === 'petition.answered' && mineNow(n)).map((n) => n.title)).toEqual([
        `Sở Xây dựng đã trả lời kiến nghị số ${prov.number}: Đang giải quyết, có lộ trình`,
      ]);

      // The digest: one mail per user with the day's events, oldest first.
      t.setNow('2026-11-26T11:00:00Z'); // 18:00 in Vietnam
      const run = await runDigest(deps());
      expect(run.ran).toBe(true);
      const digests = (u: string) => mailsTo(u).filter((m) => m.subject.includes('Tóm tắt thông báo'));
      const wardDigest = digests('vp.sahuynh');
      expect(wardDigest).toHaveLength(1);
      const body = wardDigest[0]!.body;
      expect(wardDigest[0]!.subject).toBe('[Nghị Trường] Tóm tắt thông báo ngày 26/11/2026: 2 thông báo');
      expect(body.indexOf(`kiến nghị số ${a.number}`)).toBeGreaterThan(-1);
      expect(body.indexOf(`kiến nghị số ${b.number}`)).toBeGreaterThan(body.indexOf(`kiến nghị số ${a.number}`));
      expect(body).not.toContain('trả lại'); // the return was turned off
      expect(body).not.toContain('ven biển Sa Huỳnh – Mỹ Á'); // another council's
      const provDigest = digests('vp.tinh');
      expect(provDigest).toHaveLength(1);
      expect(provDigest[0]!.body).toContain('ven biển Sa Huỳnh – Mỹ Á');
      expect(provDigest[0]!.body).not.toContain('nạo vét cửa biển');
      // Once a day; nothing is sent twice.
      expect((await runDigest(deps())).ran).toBe(false);
      expect(digests('vp.sahuynh')).toHaveLength(1);

      // E-mail right away once chosen.
      await json(vp.put('/api/notification-preferences', { items: [{ kind: 'petition.returned', channel: 'email' }] }));
      const d = await dispatchedPetition(t, vp, 'sa-huynh', 'sa-huynh', 'so-xay-dung', 'Đề nghị cấp nước sạch cho thôn Châu Me.', '2026-11-26');
      await json(sx.post(`/api/agencies/${soXayDung()}/dispatch-items/${(await inboxItem(d.id)).id}/return`, { reason: 'Cấp nước thuộc Công ty cấp thoát nước' }), 200);
      const returned: ReceivedMail = await waitFor('the return e-mail', () => mailsTo('vp.sahuynh').find((m) => m.subject.includes(`trả lại kiến nghị số ${d.number}`)));
      expect(returned.body).toContain('Lý do: Cấp nước thuộc Công ty cấp thoát nước');
      expect(mailsTo('vp.tinh').filter((m) => m.subject.includes(`số ${d.number}`))).toHaveLength(0);
    });

    it('counts each to-do line exactly as the list it links to', async () => {
      const home = await json(vp.get(`/api/todo?councilId=${t.id('council:sa-huynh')}`));
      const ward = home.groups.find((g: { scope: string }) => g.scope === 'council');
      const keys = ward.entries.map((e: { key: string }) => e.key);
      expect(keys).toEqual(expect.arrayContaining(['petitions-returned', 'answers-to-assess', 'answers-overdue']));
      for (const e of ward.entries as { key: string; count: number; link: string }[]) {
        if (!e.link.includes('/petitions?')) continue;
        const [path, query] = e.link.split('?');
        const list = await json(vp.get(`/api${path}?${query}&pageSize=1`));
        expect({ key: e.key, count: list.total }).toEqual({ key: e.key, count: e.count });
      }
      expect(ward.entries.find((e: { key: string }) => e.key === 'answers-to-assess').count).toBeGreaterThanOrEqual(2);
      expect(ward.entries.find((e: { key: string }) => e.key === 'petitions-returned').count).toBeGreaterThanOrEqual(2);

      // The agency's list: what to answer, by due date, counted as its inbox counts.
      const agencyHome = await json(sx.get('/api/todo'));
      const inbox = agencyHome.groups.find((g: { scope: string }) => g.scope === 'agency');
      const toAnswer = inbox.entries.find((e: { key: string }) => e.key === 'agency-to-answer');
      const list = await json(sx.get(`/api/agencies/${soXayDung()}/dispatch-items?state=pending&pageSize=5`));
      expect(toAnswer.count).toBe(list.total);
      expect(toAnswer.preview.map((p: { title: string }) => p.title.match(/số (\d+)/)![1])).toEqual(list.items.map((i: { number: number }) => String(i.number)));

      // A council the user does not work with is refused; another council's lines never show.
      expect((await vp.get(`/api/todo?councilId=${t.id('council:province')}`)).status).toBe(403);
      // The delegate (linked to a delegate record by e-mail in the demo) sees their group's petitions.
      const db = await t.as('daibieu.sahuynh');
      const delegate = await json(db.get(`/api/todo?councilId=${t.id('council:sa-huynh')}`));
      // (The sessions module's delegate lines — portal-… — are checked in tests/sessions/todo.test.ts.)
      const lines = delegate.groups
        .flatMap((g: { entries: { key: string; count: number; link: string; note?: string }[] }) => g.entries)
        .filter((e: { key: string }) => !e.key.startsWith('portal-'));
      expect(lines.map((e: { key: string }) => e.key)).toEqual(['group-petitions', 'group-answers']);
      expect(lines[0].note).toMatch(/^Tổ đại biểu số \d+$/);
      for (const e of lines) {
        const [path, query] = e.link.split('?');
        expect(query).toContain('bodyId=');
        expect((await json(db.get(`/api${path}?${query}&pageSize=1`))).total).toBe(e.count);
      }
    });

    it('keeps the notification list and unread count in one statement, and refuses bad ids in Vietnamese', async () => {
      const page = await json(sx.get('/api/notifications?unread=true&pageSize=2'));
      expect(page.items).toHaveLength(2);
      expect(page.total).toBe(page.unread);
      expect(page.items[0]).not.toHaveProperty('email');
      const bad = await sx.post('/api/notifications/not-a-uuid/read');
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.message).toContain('Mã định danh không hợp lệ');
      await json(sx.post('/api/notifications/read-all'));
      const after = await json(sx.get('/api/notifications?unread=true'));
      expect(after).toMatchObject({ total: 0, unread: 0, items: [] });
      // Unread rows of others stay unread.
      expect((await json(vp.get('/api/notifications?unread=true'))).unread).toBeGreaterThan(0);
    });
  });
}
