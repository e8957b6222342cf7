// The convocation of a session through the API, on each database, with a real SMTP server: the
// secretariat invites guests and sends the convocation; the giấy triệu tập, giấy mời and chương
// trình take numbers from the outgoing register; every active delegate of the term and every guest
// is a recipient; each mail carries its letter, the programme and the session as an iCalendar
// REQUEST (parsed back here); a changed opening date raises SEQUENCE on the same UID. The per-user
// calendar feed opens with its secret token (no cookie), holds what the user may see, and stops
// with a wrong, revoked or replaced token. The .docx prints through LibreOffice as an ND30 letter.
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull, like, or } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json, startSmtp } from '../petitions/support.ts';
import { docxText } from '../documents/support.ts';
import { mimeParts, parseIcs } from './convocationSupport.ts';
import { delegates } from '../../src/modules/directory/schema.ts';
import { auditEvents } from '../../src/modules/audit/schema.ts';
import { contactMeetings } from '../../src/modules/petitions/schema.ts';
import { councilSessions } from '../../src/modules/sessions/schema.ts';
import { sessionConvocationRecipients } from '../../src/modules/sessions/convocationSchema.ts';
import { convertToPdf, findSoffice, pdfToPng, pdfToText } from '../../src/modules/documents/render/libreoffice.ts';

const soffice = await findSoffice();
const inCi = process.env.CI === 'true';

interface Conv {
  id: string; sequence: number; startTime: string; place: string;
  convocation: { id: string; symbol: string; downloadPath: string }; invitation: { symbol: string } | null; agenda: { symbol: string; downloadPath: string };
  recipients: { kind: string; name: string; email: string; status: string }[];
  delivery: { sent: number; failed: number };
}

for (const kind of dbKinds()) {
  describe(`session convocation and calendar feed [${kind}]`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let vp: TestClient;
    let sh: string;
    let sessionId: string;
    let first: Conv;
    const config = () => ({ publicUrl: 'http://localhost:3000', secureCookies: false, smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Nghị Trường <no-reply@nghitruong.test>' } });
    const feedOf = (url: string) => t.anonymous().get(url.replace('http://localhost:3000', ''));

    beforeAll(async () => {
      smtp = await startSmtp();
      t = await createTestApp(kind, { config: config() });
      sh = t.id('council:sa-huynh');
      vp = await t.as('vp.sahuynh');
      // Every ward delegate gets an address, except one; the demo delegate keeps the one linking its account.
      const rows = await t.db.select().from(delegates).where(eq(delegates.councilId, sh));
      for (const [i, d] of rows.entries()) {
        if (d.email === 'daibieu.sahuynh@example.vn') continue;
        await t.db.update(delegates).set({ email: i === 0 ? '' : `db${i}@sahuynh.test` }).where(eq(delegates.id, d.id));
      }
      const list = await json<{ items: { id: string; state: string }[] }>(vp.get(`/api/councils/${sh}/sessions`));
      sessionId = list.items.find((s) => s.state === 'planned')!.id;
    }, 300_000);
    afterAll(async () => {
      await t?.close();
      await smtp?.close();
    });

    it('keeps the guest list, refusing a bad address and a second guest with the same one', async () => {
      const bad = await vp.post(`/api/councils/${sh}/sessions/${sessionId}/guests`, { name: 'Ông A', email: 'khong-phai-thu' });
      expect(bad.status).toBe(422);
      expect(JSON.stringify(await bad.json())).toContain('Địa chỉ thư điện tử không hợp lệ.');
      await json(vp.post(`/api/councils/${sh}/sessions/${sessionId}/guests`, { name: 'Nguyễn Văn Bình', email: 'binh@mttq.test', organisation: 'Ủy ban MTTQ Việt Nam phường Sa Huỳnh' }), 201);
      const dup = await vp.post(`/api/councils/${sh}/sessions/${sessionId}/guests`, { name: 'Nguyễn Văn Bình', email: 'BINH@mttq.test' });
      expect(dup.status).toBe(409);
      const extra = await json<{ id: string }>(vp.post(`/api/councils/${sh}/sessions/${sessionId}/guests`, { name: 'Trần Thị Cúc', organisation: 'Báo Quảng Ngãi' }), 201);
      const gone = await json<{ id: string }>(vp.post(`/api/councils/${sh}/sessions/${sessionId}/guests`, { name: 'Khách bỏ', email: 'bo@x.test' }), 201);
      await json(vp.delete(`/api/councils/${sh}/session-guests/${gone.id}`));
      const view = await json<{ guests: { name: string }[]; convocations: unknown[] }>(vp.get(`/api/councils/${sh}/sessions/${sessionId}/convocations`));
      expect(view.guests.map((g) => g.name)).toEqual(['Nguyễn Văn Bình', 'Trần Thị Cúc']);
      expect(view.convocations).toEqual([]);
      expect(extra.id).toBeTruthy();
    });

    it('a delegate may not send a convocation; a bad time is a Vietnamese 422', async () => {
      const db = await t.as('daibieu.sahuynh');
      expect((await db.post(`/api/councils/${sh}/sessions/${sessionId}/convocations`, { startTime: '07:30', place: 'Hội trường' })).status).toBe(403);
      const bad = await vp.post(`/api/councils/${sh}/sessions/${sessionId}/convocations`, { startTime: '7h30', place: 'Hội trường' });
      expect(bad.status).toBe(422);
      expect(JSON.stringify(await bad.json())).toContain('Giờ khai mạc phải có dạng giờ:phút');
    });

    it('the delegate’s feed shows no session before it is convened, and opens without a cookie', async () => {
      const db = await t.as('daibieu.sahuynh');
      const made = await json<{ url: string }>(db.post('/api/calendar-feed'), 201);
      expect(made.url).toMatch(/^http:\/\/localhost:3000\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}$/);
      const res = await feedOf(made.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/calendar');
      const ics = parseIcs(await res.text());
      expect(ics.calendar.METHOD).toBe('PUBLISH');
      expect(ics.events.map((e) => e.UID)).not.toContain(`council-session-${sessionId}@nghitruong`);
      // The status says a feed exists, never the URL again.
      const status = await json<Record<string, unknown>>(db.get('/api/calendar-feed'));
      expect(status.active).toBe(true);
      expect(JSON.stringify(status)).not.toContain('calendar-feeds/');
    });

    it('issues the three documents from the register and mails every delegate and guest with a valid .ics', async () => {
      const issuers = (await json<{ items: { id: string; kind: string }[] }>(vp.get(`/api/councils/${sh}/documents/issuers`))).items;
      const standing = issuers.find((i) => i.kind === 'standing')!;
      const signers = (await json<{ items: { delegateId: string; name: string; lines: string[] }[] }>(vp.get(`/api/councils/${sh}/documents/issuers/${standing.id}/signers`))).items;
      const chair = signers[0]!;
      // Convening is the standing committee's decision, recorded first; the letters carry it out.
      const early = await vp.post(`/api/councils/${sh}/sessions/${sessionId}/convocations`, { startTime: '07:30', place: 'Hội trường' });
      expect(early.status).toBe(409);
      expect(JSON.stringify(await early.json())).toContain('chưa được triệu tập');
      await json(vp.post(`/api/councils/${sh}/sessions/${sessionId}/transition`, { action: 'convene' }));
      const before = smtp.mails.length;
      first = await json<Conv>(vp.post(`/api/councils/${sh}/sessions/${sessionId}/convocations`, {
        startTime: '07:30', place: 'Hội trường UBND phường Sa Huỳnh', issuerId: standing.id, signerId: chair.delegateId,
      }), 201);
      expect(first.convocation.symbol).toMatch(/^\d{2,}\/GTT-HĐND$/);
      expect(first.invitation!.symbol).toMatch(/^\d{2,}\/GM-HĐND$/);
      expect(first.agenda.symbol).toMatch(/^\d{2,}\/CTr-HĐND$/);
      // The same register: three consecutive numbers of the standing committee's year.
      const nums = [first.convocation, first.invitation!, first.agenda].map((d) => Number(d.symbol.split('/')[0]));
      expect(nums).toEqual([nums[0], nums[0]! + 1, nums[0]! + 2]);
      const register = await json<{ items: { symbol: string; templateKey: string; signerName: string | null }[] }>(vp.get(`/api/councils/${sh}/documents?templateKey=session_convocation`));
      expect(register.items.map((d) => d.symbol)).toContain(first.convocation.symbol);
      expect(register.items.find((d) => d.symbol === first.convocation.symbol)!.signerName).toBe(chair.name);

      // Recipients: the active delegates of the session's term, counted here from the directory, and the guests.
      const [s] = await t.db.select().from(councilSessions).where(eq(councilSessions.id, sessionId));
      const active = await t.db.select().from(delegates).where(and(eq(delegates.councilId, sh), eq(delegates.status, 'active'), or(eq(delegates.termId, s!.termId), isNull(delegates.termId))));
      expect(first.recipients.filter((r) => r.kind === 'delegate').map((r) => r.name).sort()).toEqual(active.map((d) => d.fullName).sort());
      expect(first.recipients.filter((r) => r.kind === 'guest').map((r) => r.name).sort()).toEqual(['Nguyễn Văn Bình', 'Trần Thị Cúc']);
      const withEmail = active.filter((d) => d.email).length + 1;
      expect(first.delivery).toEqual({ sent: withEmail, failed: 0 });
      expect(first.recipients.filter((r) => r.status === 'noEmail').map((r) => r.name).sort()).toEqual([...active.filter((d) => !d.email).map((d) => d.fullName), 'Trần Thị Cúc'].sort());

      const mails = smtp.mails.slice(before);
      expect(mails).toHaveLength(withEmail);
      expect(mails.flatMap((m) => m.to).sort()).toEqual([...active.filter((d) => d.email).map((d) => d.email), 'binh@mttq.test'].sort());
      const delegateMail = mails.find((m) => m.to.includes('daibieu.sahuynh@example.vn'))!;
      expect(delegateMail.subject).toBe('[Nghị Trường] Giấy triệu tập Kỳ họp thứ 3 - Hội đồng nhân dân phường Sa Huỳnh');
      const parts = mimeParts(delegateMail.raw);
      const alt = parts.find((p) => p.contentType === 'text/calendar')!;
      expect(alt.params.method).toBe('REQUEST');
      const file = parts.find((p) => p.contentType === 'application/ics')!;
      expect(file.headers['content-disposition']).toContain('ky-hop.ics');
      const ics = parseIcs(file.body.toString('utf8'));
      expect(alt.body.toString('utf8').trimEnd()).toBe(file.body.toString('utf8').trimEnd());
      expect(ics.calendar.METHOD).toBe('REQUEST');
      expect(ics.events).toHaveLength(1);
      const ev = ics.events[0]!;
      expect(ev.UID).toBe(`council-session-${sessionId}@nghitruong`);
      expect(ev.SEQUENCE).toBe(String(first.sequence));
      expect(ics.raw[0]!.DTSTART).toBe('DTSTART;TZID=Asia/Ho_Chi_Minh');
      expect(ev.DTSTART).toBe(`${s!.openingDate.replace(/-/g, '')}T073000`);
      expect(ev.LOCATION).toBe('Hội trường UBND phường Sa Huỳnh');
      expect(ev.SUMMARY).toBe('Kỳ họp thứ 3 - Hội đồng nhân dân phường Sa Huỳnh');
      expect(ev.ORGANIZER).toBe('mailto:no-reply@nghitruong.test');
      // The letter itself and the programme, as Word files.
      const docx = parts.filter((p) => p.contentType.includes('wordprocessingml'));
      expect(docx.map((p) => p.params.name ?? p.headers['content-disposition'])).toHaveLength(2);
      const letter = docxText(new Uint8Array(docx[0]!.body));
      expect(letter).toContain('GIẤY TRIỆU TẬP');
      expect(letter).toContain(`Số: ${first.convocation.symbol}`);
      expect(letter).toContain('khai mạc vào lúc 07 giờ 30 phút');
      expect(letter).toContain(chair.name);
      const programme = docxText(new Uint8Array(docx[1]!.body));
      expect(programme).toContain('CHƯƠNG TRÌNH');
      expect(programme).toContain('Tờ trình về dự toán thu, chi ngân sách phường Sa Huỳnh năm 2027');
      // The guest gets the invitation, addressed to them.
      const guestMail = mails.find((m) => m.to.includes('binh@mttq.test'))!;
      expect(guestMail.subject).toContain('Giấy mời dự Kỳ họp thứ 3');
      const guestLetter = docxText(new Uint8Array(mimeParts(guestMail.raw).find((p) => p.contentType.includes('wordprocessingml'))!.body));
      expect(guestLetter).toContain('GIẤY MỜI');
      expect(guestLetter).toContain('Nguyễn Văn Bình, Ủy ban MTTQ Việt Nam phường Sa Huỳnh');

      // In the app: the delegate's account is told.
      const notes = await json<{ items: { kind: string; title: string }[] }>((await t.as('daibieu.sahuynh')).get('/api/notifications?pageSize=100'));
      expect(notes.items.filter((n) => n.kind === 'session.convened').map((n) => n.title)).toEqual(['Giấy triệu tập Kỳ họp thứ 3']);
      // One audit event for the action.
      const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'council_session.convocation'), eq(auditEvents.entityId, sessionId)));
      expect(events).toHaveLength(1);
    });

    it('a changed opening date: the feed and the next convocation carry the same UID with a higher SEQUENCE', async () => {
      const db = await t.as('daibieu.sahuynh');
      const url = (await json<{ url: string }>(db.post('/api/calendar-feed'), 201)).url;
      const uid = `council-session-${sessionId}@nghitruong`;
      const evOf = async () => parseIcs(await (await feedOf(url)).text()).events.find((e) => e.UID === uid);
      const was = (await evOf())!;
      expect(was.SEQUENCE).toBe(String(first.sequence));
      expect(was.LOCATION).toBe('Hội trường UBND phường Sa Huỳnh');
      const [s] = await t.db.select().from(councilSessions).where(eq(councilSessions.id, sessionId));
      const later = new Date(Date.parse(`${s!.openingDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      await json(vp.patch(`/api/councils/${sh}/sessions/${sessionId}`, { openingDate: later }));
      const now = (await evOf())!;
      expect(Number(now.SEQUENCE)).toBeGreaterThan(Number(was.SEQUENCE));
      expect(now.DTSTART).toBe(`${later.replace(/-/g, '')}T073000`);
      const view = await json<{ outdated: boolean }>(vp.get(`/api/councils/${sh}/sessions/${sessionId}/convocations`));
      expect(view.outdated).toBe(true);
      const before = smtp.mails.length;
      const second = await json<Conv>(vp.post(`/api/councils/${sh}/sessions/${sessionId}/convocations`, { startTime: '08:00', place: 'Hội trường UBND phường Sa Huỳnh', signerName: 'Huỳnh Văn Đạt' }), 201);
      expect(Number(second.convocation.symbol.split('/')[0])).toBeGreaterThan(Number(first.agenda.symbol.split('/')[0]));
      const mail = smtp.mails.slice(before).find((m) => m.to.includes('daibieu.sahuynh@example.vn'))!;
      const ev = parseIcs(mimeParts(mail.raw).find((p) => p.contentType === 'application/ics')!.body.toString('utf8')).events[0]!;
      expect(ev.UID).toBe(uid);
      expect(Number(ev.SEQUENCE)).toBeGreaterThan(first.sequence);
      expect(ev.DTSTART).toBe(`${later.replace(/-/g, '')}T080000`);
      expect((await json<{ outdated: boolean }>(vp.get(`/api/councils/${sh}/sessions/${sessionId}/convocations`))).outdated).toBe(false);

      // A mail that did not leave is sent again with the same documents; nothing else is re-sent.
      await t.db.update(sessionConvocationRecipients).set({ status: 'failed', sentAt: null })
        .where(and(eq(sessionConvocationRecipients.convocationId, second.id), eq(sessionConvocationRecipients.email, 'daibieu.sahuynh@example.vn')));
      const mark = smtp.mails.length;
      const again = await json<Conv>(vp.post(`/api/councils/${sh}/session-convocations/${second.id}/resend`));
      expect(again.delivery).toEqual({ sent: 1, failed: 0 });
      expect(smtp.mails.slice(mark).map((m) => m.to)).toEqual([['daibieu.sahuynh@example.vn']]);
      expect(again.convocation.symbol).toBe(second.convocation.symbol);
      expect(again.recipients.find((r) => r.email === 'daibieu.sahuynh@example.vn')!.status).toBe('sent');
      expect((await vp.post(`/api/councils/${sh}/session-convocations/${second.id}/resend`)).status).toBe(409);
      const older = await vp.post(`/api/councils/${sh}/session-convocations/${first.id}/resend`);
      expect(older.status).toBe(409);
      expect(JSON.stringify(await older.json())).toContain('giấy triệu tập mới hơn');
    });

    it('each feed holds what its user may see: staff all their council’s sessions, an agency its own items, a delegate their meetings', async () => {
      // The demo delegate attended a contact meeting.
      const delegateId = t.id('delegate:sa-huynh:3');
      const [meeting] = await t.db.select().from(contactMeetings).where(eq(contactMeetings.councilId, sh)).limit(1);
      await t.db.update(contactMeetings).set({ delegateIds: [delegateId] }).where(eq(contactMeetings.id, meeting!.id));
      const feedFor = async (username: string) => {
        const c = await t.as(username);
        const { url } = await json<{ url: string }>(c.post('/api/calendar-feed'), 201);
        return parseIcs(await (await feedOf(url)).text()).events;
      };
      const wardSessions = await t.db.select().from(councilSessions).where(eq(councilSessions.councilId, sh));
      const staff = await feedFor('vp.sahuynh');
      expect(staff.filter((e) => e.UID!.startsWith('council-session-')).map((e) => e.UID).sort()).toEqual(wardSessions.map((s) => `council-session-${s.id}@nghitruong`).sort());
      const delegate = await feedFor('daibieu.sahuynh');
      expect(delegate.map((e) => e.UID)).toContain(`contact-meeting-${meeting!.id}@nghitruong`);
      expect(delegate.map((e) => e.UID)).toContain(`council-session-${sessionId}@nghitruong`);
      expect(delegate.every((e) => !e.URL)).toBe(true);
      const agency = await feedFor('ubnd.sahuynh');
      const mine = agency.find((e) => e.UID === `council-session-${sessionId}@nghitruong`)!;
      expect(mine.DESCRIPTION).toContain('Tờ trình về dự toán thu, chi ngân sách phường Sa Huỳnh năm 2027');
      expect(mine.DESCRIPTION).not.toContain('Báo cáo công tác tham gia xây dựng chính quyền năm 2026');
      // The province's staff see none of the ward's sessions.
      const province = await feedFor('vp.tinh');
      expect(province.some((e) => wardSessions.some((s) => e.UID === `council-session-${s.id}@nghitruong`))).toBe(false);
    });

    it('a wrong, revoked or replaced token opens nothing; each change is audited', async () => {
      const c = await t.as('tt.sahuynh');
      const a = (await json<{ url: string }>(c.post('/api/calendar-feed'), 201)).url;
      expect((await feedOf(a)).status).toBe(200);
      expect((await t.anonymous().get('/api/calendar-feeds/khong-dung')).status).toBe(404);
      expect((await t.anonymous().get(`/api/calendar-feeds/${'A'.repeat(43)}`)).status).toBe(404);
      const b = (await json<{ url: string }>(c.post('/api/calendar-feed'), 201)).url;
      expect(b).not.toBe(a);
      expect((await feedOf(a)).status).toBe(404);
      expect((await feedOf(b)).status).toBe(200);
      await json(c.delete('/api/calendar-feed'));
      expect((await feedOf(b)).status).toBe(404);
      expect((await c.delete('/api/calendar-feed')).status).toBe(404);
      expect(await json(c.get('/api/calendar-feed'))).toEqual({ active: false, createdAt: null });
      const events = await t.db.select({ action: auditEvents.action }).from(auditEvents)
        .where(and(like(auditEvents.action, 'calendar_feed.%'), eq(auditEvents.actorId, t.id('user:tt.sahuynh'))));
      expect(events.map((e) => e.action).sort()).toEqual(['calendar_feed.create', 'calendar_feed.regenerate', 'calendar_feed.revoke']);
      // Anonymous callers cannot manage a feed.
      expect((await t.anonymous().post('/api/calendar-feed')).status).toBe(401);
    });

    it.skipIf(!soffice && !inCi)('prints the giấy triệu tập through LibreOffice as an ND30 letter', async () => {
      if (!soffice) throw new Error('CI=true: LibreOffice (soffice) là bắt buộc — cài libreoffice-writer');
      const res = await vp.get(first.convocation.downloadPath);
      expect(res.status).toBe(200);
      const dir = await mkdtemp(join(tmpdir(), 'nt-convocation-'));
      const file = join(dir, 'giay-trieu-tap.docx');
      await writeFile(file, new Uint8Array(await res.arrayBuffer()));
      const pdf = await convertToPdf(file, dir, soffice);
      const out = process.env.NT_DOC_OUT;
      if (out) {
        await mkdir(out, { recursive: true });
        await pdfToPng(pdf, join(out, 'giay-trieu-tap'), 80);
      }
      const text = (await pdfToText(pdf)).split('\n').map((l) => l.trim());
      for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'THƯỜNG TRỰC HĐND', 'GIẤY TRIỆU TẬP', 'Nơi nhận:', 'TM. THƯỜNG TRỰC HĐND']) {
        expect(text).toContain(line);
      }
      expect(text.some((l) => l.includes(`Số: ${first.convocation.symbol}`))).toBe(true);
      expect(text.some((l) => /Sa Huỳnh, ngày \d{2} tháng \d{1,2} năm 2026/.test(l))).toBe(true);
      // The programme: its items in a table, under the same header.
      const agendaFile = join(dir, 'chuong-trinh.docx');
      await writeFile(agendaFile, new Uint8Array(await (await vp.get(first.agenda.downloadPath)).arrayBuffer()));
      const agendaPdf = await convertToPdf(agendaFile, dir, soffice);
      if (out) await pdfToPng(agendaPdf, join(out, 'chuong-trinh'), 80);
      const agendaText = await pdfToText(agendaPdf);
      expect(agendaText).toContain('CHƯƠNG TRÌNH');
      expect(agendaText).toContain('Cơ quan trình bày');
    }, 180_000);

    it('refuses a convocation for a closed session', async () => {
      const list = await json<{ items: { id: string; state: string }[] }>(vp.get(`/api/councils/${sh}/sessions?state=closed`));
      const closed = list.items[0]!;
      const res = await vp.post(`/api/councils/${sh}/sessions/${closed.id}/convocations`, { startTime: '07:30', place: 'Hội trường' });
      expect(res.status).toBe(409);
      expect(JSON.stringify(await res.json())).toContain('không thể gửi giấy triệu tập');
      const sent = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'council_session.convocation'), inArray(auditEvents.entityId, [closed.id])));
      expect(sent).toHaveLength(0);
    });
  });
}
