// The delegates' portal through the API, on each database: drafts hidden until the secretariat
// publishes, new / changed since the delegate last opened a document, files inline or downloaded,
// read receipts the chair sees, private notes that no one else's response, export or log holds,
// attendance with counts, registration to speak with its text kept, another council refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { unzipSync, strFromU8, zipSync, strToU8 } from 'fflate';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { demoPdf } from '../../src/modules/sessions/seed.ts';
import { createUser, grantRole } from '../../src/modules/accounts/service.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/seed.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/service.ts';
import { users } from '../../src/modules/accounts/schema.ts';
import { delegates } from '../../src/modules/directory/schema.ts';
import { eq } from 'drizzle-orm';

interface PDoc { id: string; title: string; kind: string; seen: string | null; current: { fileId: string; version: number; fileName: string; mimeType: string }; earlier: { fileId: string; version: number }[]; note: { text: string } | null }
interface PItem { id: string; title: string; documents: PDoc[]; speech: { state: string; text: string } | null }
interface PView { id: string; delegate: { id: string; fullName: string } | null; attendance: { status: string; reason: string } | null; counts: { documents: number; new: number; changed: number }; items: PItem[] }
interface Pub { id: string; title: string; kind: string; latestFile: { fileId: string; version: number } | null; published: { version: number } | null; awaitingPublication: boolean; readCurrent: number; readers: { fullName: string; version: number; current: boolean }[] }

const pdfForm = (name: string, data: Uint8Array = demoPdf(name)) => {
  const f = new FormData();
  f.append('file', new Blob([data as BlobPart], { type: 'application/pdf' }), name);
  return f;
};
const docxForm = (name: string) => {
  const data = zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
  });
  const f = new FormData();
  f.append('file', new Blob([data as BlobPart]), name);
  return f;
};
const docs = (v: PView) => v.items.flatMap((i) => i.documents);

for (const kind of dbKinds()) {
  describe(`sessions: the delegates' portal [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let tt: TestClient;
    let db: TestClient;
    let sh: string;
    let sessionId: string;
    const view = (c: TestClient = db) => json<PView>(c.get(`/api/councils/${sh}/portal/sessions/${sessionId}`));
    const pubs = async () => (await json<{ items: Pub[]; delegates: number }>(vp.get(`/api/councils/${sh}/sessions/${sessionId}/publications?pageSize=50`))).items;

    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      vp = await t.as('vp.sahuynh');
      tt = await t.as('tt.sahuynh');
      db = await t.as('daibieu.sahuynh');
      sh = t.id('council:sa-huynh');
      const list = await json<{ items: { id: string; state: string; documents: number; new: number; changed: number; attendance: unknown }[]; delegate: { fullName: string } | null }>(db.get(`/api/councils/${sh}/portal/sessions`));
      expect(list.delegate?.fullName).toBeTruthy();
      const s = list.items.find((x) => x.state === 'planned')!;
      sessionId = s.id;
      expect(s).toMatchObject({ documents: 2, new: 1, changed: 1, attendance: null });
    }, 120_000);
    afterAll(() => t?.close());

    it('demo: the delegate sees only published documents, the revised one as changed, and has not confirmed attendance', async () => {
      const v = await view();
      expect(v.attendance).toBeNull();
      expect(v.counts).toEqual({ documents: 2, new: 1, changed: 1 });
      const d = docs(v);
      const changed = d.find((x) => x.seen === 'changed')!;
      expect(changed.current.version).toBe(2);
      expect(changed.earlier.map((e) => e.version)).toEqual([1]);
      // The draft resolution was received but never published: the secretariat sees it waiting, delegates do not.
      const all = await pubs();
      const draft = all.find((p) => p.kind === 'draftResolution' && p.latestFile)!;
      expect(draft).toMatchObject({ published: null, awaitingPublication: true });
      expect(d.map((x) => x.id)).not.toContain(draft.id);
      const res = await db.get(`/api/councils/${sh}/portal/documents/${draft.id}/files/${draft.latestFile!.fileId}`);
      expect(res.status).toBe(404);
      expect((await db.put(`/api/councils/${sh}/portal/documents/${draft.id}/note`, { text: 'x' })).status).toBe(404);
      expect((await db.post(`/api/councils/${sh}/portal/documents/${draft.id}/files/${draft.latestFile!.fileId}/opened`)).status).toBe(404);
      // The secretariat's own file route is not reachable for the delegate either.
      expect((await db.get(`/api/councils/${sh}/session-documents/${draft.id}/files/${draft.latestFile!.fileId}`)).status).toBe(403);
    });

    it('publishing shows the document as new; opening it (the page posts a receipt) makes it read, and the chair sees who read it', async () => {
      const draft = (await pubs()).find((p) => p.kind === 'draftResolution' && p.latestFile)!;
      expect((await db.post(`/api/councils/${sh}/session-documents/${draft.id}/publish`)).status).toBe(403);
      const p = await json<{ version: number }>(vp.post(`/api/councils/${sh}/session-documents/${draft.id}/publish`), 201);
      expect(p.version).toBe(draft.latestFile!.version);
      const again = await vp.post(`/api/councils/${sh}/session-documents/${draft.id}/publish`);
      expect(again.status).toBe(409);
      expect((await again.json()).error.message).toMatch(/đã được phát hành/);
      const d = docs(await view()).find((x) => x.id === draft.id)!;
      expect(d.seen).toBe('new');
      // The delegates are told (in the app; the daily digest by default), the secretariat is not.
      const notes = await json<{ items: { title: string; link: string | null }[] }>(db.get('/api/notifications'));
      expect(notes.items.find((n) => n.title === `Tài liệu kỳ họp mới: ${draft.title}`)).toMatchObject({ link: `/councils/${sh}/portal` });
      const vpNotes = await json<{ items: { title: string }[] }>(vp.get('/api/notifications'));
      expect(vpNotes.items.some((n) => n.title.startsWith('Tài liệu kỳ họp mới'))).toBe(false);
      // Reading a file (GET) records nothing: still new.
      const file = await db.get(`/api/councils/${sh}/portal/documents/${d.id}/files/${d.current.fileId}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toMatch(/^inline; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''/);
      expect(file.headers.get('content-disposition')).not.toMatch(/[/\\]/);
      expect(new TextDecoder().decode(new Uint8Array(await file.arrayBuffer())).startsWith('%PDF')).toBe(true);
      const down = await db.get(`/api/councils/${sh}/portal/documents/${d.id}/files/${d.current.fileId}?as=download`);
      expect(down.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(docs(await view()).find((x) => x.id === draft.id)!.seen).toBe('new');
      const r = await json<{ opens: number; version: number }>(db.post(`/api/councils/${sh}/portal/documents/${d.id}/files/${d.current.fileId}/opened`));
      expect(r).toMatchObject({ opens: 1, version: d.current.version });
      expect(docs(await view()).find((x) => x.id === draft.id)!.seen).toBe('read');
      const mine = (await pubs()).find((x) => x.id === draft.id)!;
      expect(mine.readCurrent).toBe(1);
      expect(mine.readers[0]).toMatchObject({ fullName: (await view()).delegate!.fullName, current: true });
      const att = await json<{ items: { fullName: string; documentsRead: number; documentsPublished: number }[] }>(tt.get(`/api/councils/${sh}/sessions/${sessionId}/attendance?pageSize=50`));
      const name = (await view()).delegate!.fullName;
      const me = att.items.find((x) => x.fullName === name)!;
      expect(me).toMatchObject({ documentsRead: 1, documentsPublished: 3 });
    });

    it('a version received after publication stays hidden until published again, then shows as changed; Word files are downloaded', async () => {
      const all = await pubs();
      const target = all.find((p) => p.kind === 'draftResolution' && p.published)!;
      const agency = t.id('agency:ubnd-sa-huynh');
      const ub = await t.as('ubnd.sahuynh');
      await json(ub.upload(`/api/agencies/${agency}/session-documents/${target.id}/files`, docxForm('Dự thảo nghị quyết (sửa).docx')), 201);
      expect((await pubs()).find((p) => p.id === target.id)).toMatchObject({ awaitingPublication: true, published: { version: target.published!.version } });
      expect(docs(await view()).find((x) => x.id === target.id)!.seen).toBe('read');
      await json(vp.post(`/api/councils/${sh}/session-documents/${target.id}/publish`), 201);
      const d = docs(await view()).find((x) => x.id === target.id)!;
      expect(d.seen).toBe('changed');
      expect(d.current.mimeType).toMatch(/wordprocessingml/);
      const file = await db.get(`/api/councils/${sh}/portal/documents/${d.id}/files/${d.current.fileId}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="Du-thao-nghi-quyet-\(sua\)\.docx"/);
      // The earlier published version is still readable.
      expect((await db.get(`/api/councils/${sh}/portal/documents/${d.id}/files/${d.earlier[0]!.fileId}`)).status).toBe(200);
      // A document with no file cannot be published.
      const empty = all.find((p) => !p.latestFile)!;
      const res = await vp.post(`/api/councils/${sh}/session-documents/${empty.id}/publish`);
      expect(res.status).toBe(409);
      expect((await res.json()).error.message).toMatch(/chưa có tệp/);
    });

    it('a private note is seen only by its author: not in others\' responses, the audit log, its export or the server log', async () => {
      const secret = 'Ghi chú riêng: hỏi lại khoản chi 1,27 tỷ đồng ở mục III';
      const d = docs(await view())[0]!;
      const logged: string[] = [];
      const orig = { log: console.log, error: console.error, warn: console.warn, info: console.info };
      for (const k of Object.keys(orig) as (keyof typeof orig)[]) console[k] = (...a: unknown[]) => { logged.push(a.map(String).join(' ')); };
      try {
        const saved = await json<{ text: string }>(db.put(`/api/councils/${sh}/portal/documents/${d.id}/note`, { text: `  ${secret}  ` }));
        expect(saved.text).toBe(secret);
        expect(docs(await view()).find((x) => x.id === d.id)!.note!.text).toBe(secret);
        const admin = await t.as('admin');
        // A second delegate of the same council, with an account linked by e-mail.
        const u = await createUser(t.db, SYSTEM_ACTOR, { username: 'daibieu2.sahuynh', fullName: 'Đại biểu thứ hai', password: DEMO_PASSWORD, mustChangePassword: false });
        await grantRole(t.db, SYSTEM_ACTOR, u.id, { role: 'delegate', councilId: sh, bodyId: null, agencyId: null });
        await t.db.update(users).set({ email: 'daibieu2@example.vn' }).where(eq(users.id, u.id));
        await t.db.update(delegates).set({ email: 'daibieu2@example.vn' }).where(eq(delegates.id, t.id('delegate:sa-huynh:5')));
        const other = await t.as('daibieu2.sahuynh');
        const otherView = await view(other);
        expect(otherView.delegate).not.toBeNull();
        expect(docs(otherView).find((x) => x.id === d.id)!.note).toBeNull();
        const others: Response[] = await Promise.all([
          new Response(JSON.stringify(otherView)),
          other.get(`/api/councils/${sh}/portal/sessions`),
          view(admin).then((v) => new Response(JSON.stringify(v))),
          vp.get(`/api/councils/${sh}/sessions/${sessionId}/publications?pageSize=50`),
          tt.get(`/api/councils/${sh}/sessions/${sessionId}/attendance?pageSize=50`),
          tt.get(`/api/councils/${sh}/sessions/${sessionId}/speakers`),
          vp.get(`/api/councils/${sh}/sessions/${sessionId}`),
          admin.get(`/api/councils/${sh}/audit?pageSize=200`),
          admin.get(`/api/audit?pageSize=200`),
        ]);
        for (const r of others) expect(await r.text()).not.toContain('1,27 tỷ');
        for (const path of [`/api/councils/${sh}/audit/export.xlsx`, `/api/audit/export.xlsx`]) {
          const x = await admin.get(path);
          expect(x.status).toBe(200);
          const files = unzipSync(new Uint8Array(await x.arrayBuffer()));
          const text = Object.values(files).map((f) => strFromU8(f)).join('\n');
          expect(text).toContain('Ghi chú riêng về tài liệu kỳ họp'); // the event is there, not its text
          expect(text).not.toContain('1,27 tỷ');
        }
        const rows = (await t.db.execute(sql`select count(*)::int as n from audit_events where before::text like ${'%1,27 tỷ%'} or after::text like ${'%1,27 tỷ%'}`)).rows as { n: number }[];
        expect(rows[0]!.n).toBe(0);
        // An empty text deletes it.
        expect((await json<{ text: string | null }>(db.put(`/api/councils/${sh}/portal/documents/${d.id}/note`, { text: '' }))).text).toBeNull();
        expect(docs(await view()).find((x) => x.id === d.id)!.note).toBeNull();
      } finally {
        Object.assign(console, orig);
      }
      expect(logged.join('\n')).not.toContain('1,27 tỷ');
    });

    it('attendance: absence needs a reason; the chair and the secretariat see the list with counts, a committee member does not', async () => {
      const res = await db.put(`/api/councils/${sh}/portal/sessions/${sessionId}/attendance`, { status: 'absent' });
      expect(res.status).toBe(422);
      expect((await res.json()).error.message).toBe('Đại biểu vắng mặt phải nêu lý do để báo cáo chủ tọa kỳ họp.');
      expect((await db.put(`/api/councils/${sh}/portal/sessions/${sessionId}/attendance`, { status: 'maybe' })).status).toBe(422);
      const before = await json<{ counts: { total: number; present: number; online: number; absent: number; unconfirmed: number } }>(tt.get(`/api/councils/${sh}/sessions/${sessionId}/attendance`));
      await json(db.put(`/api/councils/${sh}/portal/sessions/${sessionId}/attendance`, { status: 'online', reason: 'không lưu' }));
      expect((await view()).attendance).toMatchObject({ status: 'online', reason: '' });
      await json(db.put(`/api/councils/${sh}/portal/sessions/${sessionId}/attendance`, { status: 'absent', reason: 'Điều trị tại bệnh viện' }));
      const after = await json<{ counts: typeof before.counts; items: { fullName: string; status: string; reason: string }[]; total: number; page: number; pageSize: number }>(vp.get(`/api/councils/${sh}/sessions/${sessionId}/attendance?status=absent`));
      expect(after.counts).toEqual({ ...before.counts, absent: before.counts.absent + 1, unconfirmed: before.counts.unconfirmed - 1 });
      expect(after.counts.present + after.counts.online + after.counts.absent + after.counts.unconfirmed).toBe(after.counts.total);
      expect(after.items.find((x) => x.reason === 'Điều trị tại bệnh viện')).toMatchObject({ status: 'absent' });
      expect(after.total).toBe(after.counts.absent);
      const ban = await t.as('ban.sahuynh');
      expect((await ban.get(`/api/councils/${sh}/sessions/${sessionId}/attendance`)).status).toBe(403);
      // An account that is not linked to a delegate (the administrator) cannot confirm for anyone.
      const admin = await t.as('admin');
      const r = await admin.put(`/api/councils/${sh}/portal/sessions/${sessionId}/attendance`, { status: 'present' });
      expect(r.status).toBe(409);
      expect((await r.json()).error.message).toMatch(/chưa được gắn với một đại biểu/);
    });

    it('registration to speak keeps the intended text, also when withdrawn, and the chair sees it in registration order', async () => {
      const v = await view();
      const item = v.items[0]!;
      const text = 'Đề nghị bổ sung kinh phí sửa chữa đường bê tông thôn Tân Hy.';
      await json(db.put(`/api/councils/${sh}/portal/items/${item.id}/speech`, { text }));
      expect((await view()).items[0]!.speech).toMatchObject({ state: 'registered', text });
      let list = await json<{ items: { fullName: string; text: string; state: string; itemId: string }[]; registered: number }>(tt.get(`/api/councils/${sh}/sessions/${sessionId}/speakers?sessionItemId=${item.id}`));
      expect(list.items.map((x) => x.fullName)).toEqual([expect.any(String), v.delegate!.fullName]); // the demo registration came first
      await json(db.post(`/api/councils/${sh}/portal/items/${item.id}/speech/withdraw`));
      list = await json(tt.get(`/api/councils/${sh}/sessions/${sessionId}/speakers?sessionItemId=${item.id}`));
      expect(list.items.find((x) => x.fullName === v.delegate!.fullName)).toMatchObject({ state: 'withdrawn', text });
      expect(list.registered).toBe(1);
      const again = await db.post(`/api/councils/${sh}/portal/items/${item.id}/speech/withdraw`);
      expect(again.status).toBe(409);
      await json(db.put(`/api/councils/${sh}/portal/items/${item.id}/speech`, {}));
      expect((await view()).items[0]!.speech).toMatchObject({ state: 'registered', text: '' });
      expect((await db.put(`/api/councils/${sh}/portal/items/${item.id}/speech`, { text: 'x'.repeat(20_001) })).status).toBe(422);
    });

    it('a delegate of another council is refused; a secretariat without the portal permission too', async () => {
      const dp = t.id('council:duc-pho-ward');
      expect((await db.get(`/api/councils/${dp}/portal/sessions`)).status).toBe(403);
      expect((await db.put(`/api/councils/${dp}/portal/sessions/${sessionId}/attendance`, { status: 'present' })).status).toBe(403);
      expect((await vp.get(`/api/councils/${sh}/portal/sessions`)).status).toBe(403);
      // The Sa Huỳnh session seen through another council's path is not found.
      const admin = await t.as('admin');
      expect((await admin.get(`/api/councils/${dp}/portal/sessions/${sessionId}`)).status).toBe(404);
    });
  });
}
