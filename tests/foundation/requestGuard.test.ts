// Request hardening seen from outside: body limits before reading (over a real socket), invalid
// text refused everywhere with a Vietnamese 400, unknown /api paths as JSON 404 even with the web
// client mounted, attachments judged by content, and a server log without query parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { serve } from '@hono/node-server';
import { Document, Packer, Paragraph } from 'docx';
import { zipSync, strToU8 } from 'fflate';
import { createApp } from '../../src/server/app.ts';
import { logUnexpected } from '../../src/server/errors.ts';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { dispatchedPetition } from '../petitions/dispatchSupport.ts';
import { json } from '../petitions/support.ts';

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

async function refused(res: Response, status: number, code?: string) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type') ?? '').toContain('application/json');
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(body.error.message).toMatch(VIETNAMESE);
  if (code) expect(body.error.code).toBe(code);
  return body;
}

/** Sends a request over a real socket and returns the status as soon as the server answers. */
function rawPost(port: number, p: string, headers: Record<string, string>, write: (req: http.ClientRequest, answered: () => boolean) => Promise<void>) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const req = http.request({ host: '127.0.0.1', port, path: p, method: 'POST', headers });
    const origWrite = req.write.bind(req);
    req.write = ((chunk: Buffer, ...rest: never[]) => {
      sent += chunk.length;
      return origWrite(chunk, ...rest);
    }) as typeof req.write;
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, body, sent });
      });
    });
    req.on('error', (err) => (answered ? undefined : reject(err)));
    write(req, () => answered).catch(() => undefined);
  });
}

for (const kind of dbKinds()) {
  describe(`request guard [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let admin: TestClient;
    let council: string;
    const fingerprint = async () =>
      (await t.db.execute(sql`select (select count(*)::int from delegates) d, (select count(*)::int from admin_units) u, (select count(*)::int from audit_events) a, (select count(*)::int from petition_response_attachments) f`)).rows[0];

    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      admin = await t.as('admin');
      council = t.id('council:sa-huynh');
    }, 240_000);
    afterAll(() => t?.close());

    describe('body limits, over a real socket', () => {
      let server: ReturnType<typeof serve>;
      let port: number;
      beforeAll(async () => {
        await new Promise<void>((resolve) => {
          server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
        });
        port = (server.address() as AddressInfo).port;
      });
      afterAll(() => new Promise<void>((r) => server.close(() => r())));

      it('refuses a declared 600 MB anonymous body before reading it', async () => {
        const res = await rawPost(port, '/api/auth/login', { 'content-type': 'application/json', 'content-length': String(600 * 1024 * 1024) }, async (req) => {
          req.write(Buffer.from('{"username":"'));
        });
        expect(res.status).toBe(413);
        expect(JSON.parse(res.body).error.message).toBe('Dữ liệu gửi lên quá lớn (tối đa 1 MB).');
      });

      it('cuts off a chunked body as soon as it passes the limit', async () => {
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const res = await rawPost(port, '/api/auth/login', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, async (req, answered) => {
          for (let i = 0; i < 600 * 16 && !answered(); i++) {
            if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
          }
        });
        expect(res.status).toBe(413);
        expect(JSON.parse(res.body).error.code).toBe('too_large');
        expect(res.sent).toBeLessThan(8 * 1024 * 1024); // not 600 MB: the server stopped reading at 1 MB
      });

      it('gives each route its stated limit: a 3 MB spreadsheet upload is read (and stopped by the row limit), a 3 MB JSON body is not', async () => {
        await refused(await vp.post(`/api/councils/${council}/delegates`, { fullName: 'x'.repeat(3 * 1024 * 1024) }), 413, 'too_large');
        const form = new FormData();
        form.set('file', new File([`Mã,Tên,Cấp,Mã cấp trên\n${'99001,Tân An,Xã,51\n'.repeat(160_000)}`], 'don-vi.csv'));
        form.set('mode', 'preview');
        const body = await refused(await admin.upload('/api/units/import', form), 422);
        expect(body.error.message).toContain('quá giới hạn 100.000 dòng');
      }, 120_000);
    });

    describe('invalid text', () => {
      it('is a Vietnamese 400 in a JSON body, also for an anonymous login', async () => {
        const anon = t.anonymous();
        const nul = await refused(await anon.post('/api/auth/login', { username: 'admin\u0000', password: 'x' }), 400, 'invalid_text');
        expect(nul.error.message).toContain('"username"');
        await refused(await anon.request('POST', '/api/auth/login', '{"username":"\\ud800","password":"x"}'), 400, 'invalid_text');
        await refused(await anon.post('/api/auth/login', { username: 'admin', password: 'a\u0007b' }), 400, 'invalid_text');
        const before = await fingerprint();
        const deep = await refused(await vp.post(`/api/councils/${council}/delegates`, { fullName: 'Lê Văn Tám', position: 'Đại biểu \udc00' }), 400);
        expect(deep.error.message).toContain('"position"');
        expect(await fingerprint()).toEqual(before);
      });

      it('lets tabs and line breaks through', async () => {
        const res = await vp.post(`/api/councils/${council}/opinions/split`, { text: '1. Đường\tthôn hỏng.\r\n2. Thiếu nước sạch.\n' });
        expect(res.status).toBe(200);
        expect((await res.json()).count).toBe(2);
      });

      it('is a Vietnamese 400 in a query string, a path parameter and a form field', async () => {
        await refused(await vp.get(`/api/councils/${council}/delegates?q=%00`), 400, 'invalid_text');
        await refused(await vp.get(`/api/councils/${council}/delegates?q=%ED%A0%80`), 400, 'invalid_text'); // a UTF-8-encoded surrogate
        await refused(await vp.get(`/api/councils/${council}/delegates?q=%E0%A4`), 400, 'invalid_text'); // broken percent-encoding
        await refused(await vp.get(`/api/councils/${council}/delegates?x%01=1`), 400, 'invalid_text');
        expect((await vp.get(`/api/councils/${council}/delegates?q=${encodeURIComponent('Nguyễn\t')}`)).status).toBe(200);
        await refused(await vp.get(`/api/councils/%00/delegates`), 400, 'invalid_text');
        await refused(await vp.get(`/api/councils/${council}/delegates/%00`), 400, 'invalid_text');
        const before = await fingerprint();
        const form = new FormData();
        form.set('file', new File(['Mã,Tên,Cấp,Mã cấp trên\n99001,Tân An,Xã,51\n'], 'don-vi.csv'));
        form.set('mode', 'commit\u0000');
        await refused(await admin.upload('/api/units/import', form), 400, 'invalid_text');
        expect(await fingerprint()).toEqual(before);
      });

      it('is a Vietnamese 400 in an uploaded CSV, naming the row, and nothing is written', async () => {
        const before = await fingerprint();
        const form = new FormData();
        form.set('file', new File(['Mã,Tên,Cấp,Mã cấp trên\n99001,Tân An,Xã,51\n99002,Tân\u0000Bình,Xã,51\n'], 'don-vi.csv'));
        form.set('mode', 'commit');
        const body = await refused(await admin.upload('/api/units/import', form), 400, 'bad_request');
        expect(body.error.message).toContain('Dòng 3');
        expect(await fingerprint()).toEqual(before);
      });
    });

    it('answers any unknown /api path, any method, with a Vietnamese JSON 404 while the web client is mounted', async () => {
      const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'nt-web-'));
      fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Nghị Trường</title>');
      try {
        const app = createApp({ db: t.db, dbKind: t.kind, clock: () => t.now, config: { publicUrl: 'http://localhost:3000', secureCookies: false } }, { webRoot });
        for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
          for (const p of ['/api/khong-co', '/api/councils/x/khong-co/y', '/api/']) {
            const body = await refused(await app.request(p, { method }), 404, 'not_found');
            expect(body.error.message).toBe('Không tìm thấy địa chỉ API này.');
          }
        }
        const page = await app.request('/petitions/rounds');
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('Nghị Trường');
      } finally {
        fs.rmSync(webRoot, { recursive: true, force: true });
      }
    });

    it('logs an unexpected database error with an id, the route and the code, never the query parameters', async () => {
      const secret = 'Nguyễn Văn Bí Mật 0905123456';
      const err = await t.db.execute(sql`select ${secret}::int as n`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).not.toBeNull();
      const lines: string[] = [];
      const orig = console.error;
      console.error = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
      let id: string;
      try {
        id = logUnexpected('POST', '/api/councils/:councilId/delegates', err);
      } finally {
        console.error = orig;
      }
      const out = lines.join('\n');
      expect(out).toContain(`[lỗi ${id}] POST /api/councils/:councilId/delegates`);
      expect(out).toContain('22P02');
      expect(out).not.toContain('0905123456');
      expect(out).not.toContain('Bí Mật');
      expect(out).not.toMatch(/select/i);
    });

    describe('attachments by content', () => {
      let base: string;
      let responseId: string;
      beforeAll(async () => {
        const p = await dispatchedPetition(t, vp, 'sa-huynh', 'sa-huynh', 'so-xay-dung', 'Đề nghị sửa chữa cầu treo qua sông Trà Câu.', '2026-11-20');
        base = `/api/councils/${council}`;
        const r = await json(vp.post(`${base}/petitions/${p.id}/responses`, { result: 'resolved', text: 'Đã sửa chữa xong cầu treo.' }), 201);
        responseId = r.id;
      }, 120_000);
      const attach = (bytes: Uint8Array, name: string, type: string) => {
        const form = new FormData();
        form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
        return vp.upload(`${base}/responses/${responseId}/attachments`, form);
      };

      it('refuses an .exe renamed .pdf and declared as PDF, and a zip that is not Word or Excel', async () => {
        const before = await fingerprint();
        const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
        const body = await refused(await attach(exe, 'cong-van.pdf', 'application/pdf'), 422);
        expect(body.error.message).toContain('chương trình chạy');
        expect(body.error.message).toContain('Chỉ nhận: PDF, Word (.docx), Excel (.xlsx)');
        const zip = zipSync({ '[Content_Types].xml': strToU8('<Types><Override ContentType="application/x-other"/></Types>'), 'a.txt': strToU8('x') });
        await refused(await attach(zip, 'bao-cao.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'), 422);
        await refused(await attach(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'cu.doc', 'application/msword'), 422);
        expect(await fingerprint()).toEqual(before);
      });

      it('accepts a real .docx and a PNG whatever the client declared, and stores the type found in the content', async () => {
        const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Công văn trả lời')] }] })));
        const a = await json(attach(docx, 'Công văn.docx', 'application/octet-stream'), 201);
        expect(a.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
        const b = await json(attach(png, 'anh.pdf', 'application/pdf'), 201);
        expect(b.mimeType).toBe('image/png');
        const dl = await vp.get(`${base}/attachments/${b.id}`);
        expect(dl.headers.get('content-type')).toBe('image/png');
      });
    });
  });
}
