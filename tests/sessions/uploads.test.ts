// The presenting agency's side: it sees and uploads only its own documents; files are judged by
// content (PDF, DOCX), an .exe renamed .pdf is refused, a body over the route's limit is refused
// before it is read, and a refused upload leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { zipSync, strToU8 } from 'fflate';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { demoPdf } from '../../src/modules/sessions/seed.ts';
import { BodyLimit } from '../../src/server/input.ts';

interface AgencyDoc { id: string; agencyId: string; councilName: string; timing: string; receivedOn: string | null; files: { id: string; version: number; mimeType: string }[] }

const form = (name: string, data: Uint8Array, type = 'application/pdf') => {
  const f = new FormData();
  f.append('file', new Blob([data as BlobPart], { type }), name);
  return f;
};
const docx = () => zipSync({
  '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
  'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
});
/** The first bytes of a Windows program. */
const exe = () => new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, ...new Array(200).fill(0)]);

for (const kind of dbKinds()) {
  describe(`sessions: the presenting agency's documents and uploads [${kind}]`, () => {
    let t: TestApp;
    let sx: TestClient;
    let ubnd: TestClient;
    const counts = async () => (await t.db.execute(sql`select (select count(*)::int from session_document_files) as files, (select count(*)::int from session_documents where received_on is not null) as received, (select count(*)::int from audit_events where entity_type = 'session_document') as events`)).rows[0];
    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      sx = await t.as('so.xaydung');
      ubnd = await t.as('ubnd.sahuynh');
    }, 120_000);
    afterAll(() => t?.close());

    const mine = (c: TestClient, agency: string) => json<{ items: AgencyDoc[]; total: number }>(c.get(`/api/agencies/${agency}/session-documents?pageSize=100`));

    it('each agency lists only its own documents, and cannot reach another agency\'s', async () => {
      const sxId = t.id('agency:so-xay-dung');
      const ubndId = t.id('agency:ubnd-sa-huynh');
      const a = await mine(sx, sxId);
      const b = await mine(ubnd, ubndId);
      expect(a.total).toBe(2);
      expect(a.items.every((d) => d.agencyId === sxId && d.councilName === 'Hội đồng nhân dân tỉnh Quảng Ngãi')).toBe(true);
      expect(b.items.every((d) => d.agencyId === ubndId)).toBe(true);
      expect(b.total).toBeGreaterThanOrEqual(3);
      // Another agency's path: 403; another agency's document under one's own path: 404.
      expect((await sx.get(`/api/agencies/${ubndId}/session-documents`)).status).toBe(403);
      const before = await counts();
      const res = await sx.upload(`/api/agencies/${sxId}/session-documents/${b.items[0]!.id}/files`, form('x.pdf', demoPdf('x')));
      expect(res.status).toBe(404);
      expect((await res.json()).error.message).toBe('Không tìm thấy tài liệu kỳ họp.');
      const file = b.items.find((d) => d.files.length)!;
      expect((await sx.get(`/api/agencies/${sxId}/session-documents/${file.id}/files/${file.files[0]!.id}`)).status).toBe(404);
      expect(await counts()).toEqual(before);
      // Secretariat and council roles do not use the agency routes.
      const vp = await t.as('vp.sahuynh');
      expect((await vp.get(`/api/agencies/${ubndId}/session-documents`)).status).toBe(403);
    });

    it('accepts PDF and DOCX by content, keeps every version, and refuses an .exe renamed .pdf with nothing written', async () => {
      const sxId = t.id('agency:so-xay-dung');
      const open = (await mine(sx, sxId)).items.find((d) => d.receivedOn === null)!;
      expect(open.timing).toBe('late'); // the demo's missing submission, past its due date
      const before = await counts();
      const bad = await sx.upload(`/api/agencies/${sxId}/session-documents/${open.id}/files`, form('to-trinh.pdf', exe()));
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.message).toBe('Tệp "to-trinh.pdf" không được nhận: nội dung tệp là một chương trình chạy (.exe/.dll). Chỉ nhận: PDF, Word (.docx).');
      const png = await sx.upload(`/api/agencies/${sxId}/session-documents/${open.id}/files`, form('anh.pdf', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])));
      expect(png.status).toBe(422);
      const empty = await sx.upload(`/api/agencies/${sxId}/session-documents/${open.id}/files`, new FormData());
      expect(empty.status).toBe(422);
      expect((await empty.json()).error.message).toMatch(/Thiếu/);
      expect(await counts()).toEqual(before);

      const word = docx(); // one zip (its entries carry the time they were made)
      await json(sx.upload(`/api/agencies/${sxId}/session-documents/${open.id}/files`, form('bao-cao.docx', word, 'application/octet-stream')), 201);
      await json(sx.upload(`/api/agencies/${sxId}/session-documents/${open.id}/files`, form('bao-cao.pdf', demoPdf('v2'))), 201);
      const after = (await mine(sx, sxId)).items.find((d) => d.id === open.id)!;
      expect(after.files.map((f) => [f.version, f.mimeType])).toEqual([[2, 'application/pdf'], [1, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']]);
      expect(after).toMatchObject({ receivedOn: '2026-11-26', timing: 'receivedLate' });
      const got = await sx.get(`/api/agencies/${sxId}/session-documents/${open.id}/files/${after.files[1]!.id}`);
      expect(got.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(word);
    });

    it('refuses a body over the route\'s limit (413) before reading it, with nothing written', async () => {
      const ubndId = t.id('agency:ubnd-sa-huynh');
      const doc = (await mine(ubnd, ubndId)).items[0]!;
      const before = await counts();
      const big = new Uint8Array(BodyLimit.attachment + 1024);
      big.set(new TextEncoder().encode('%PDF-1.4\n'));
      const res = await ubnd.upload(`/api/agencies/${ubndId}/session-documents/${doc.id}/files`, form('lon.pdf', big));
      expect(res.status).toBe(413);
      expect((await res.json()).error.message).toMatch(/MB/);
      expect(await counts()).toEqual(before);
    });
  });
}
