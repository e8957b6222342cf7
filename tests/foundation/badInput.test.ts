// Bad input of every kind gets a clear Vietnamese error and changes nothing in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

for (const kind of dbKinds()) {
  describe(`bad input [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let admin: TestClient;
    let council: string;
    const counts = async () => {
      const r = await t.db.execute(
        sql`select (select count(*)::int from delegates) as d, (select count(*)::int from admin_units) as u, (select count(*)::int from audit_events) as a`,
      );
      return r.rows[0];
    };
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      admin = await t.as('admin');
      council = t.id('council:sa-huynh');
    });
    afterAll(() => t.close());

    async function rejects(res: Response, status: number) {
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(VIETNAMESE);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|Error:|stack/i);
      return body;
    }

    it('malformed JSON', async () => {
      const before = await counts();
      await rejects(await vp.request('POST', `/api/councils/${council}/delegates`, '{"fullName": "Nguyễn'), 400);
      expect(await counts()).toEqual(before);
    });

    it('wrong types and missing fields', async () => {
      const before = await counts();
      const body = await rejects(await vp.post(`/api/councils/${council}/delegates`, { fullName: 42 }), 422);
      expect(JSON.stringify(body)).toContain('Họ và tên');
      await rejects(await vp.post(`/api/councils/${council}/delegates`, { fullName: 'Lê Văn Tám', birthYear: 'năm' }), 422);
      await rejects(await vp.post(`/api/councils/${council}/delegates`, {}), 422);
      expect(await counts()).toEqual(before);
    });

    it('over-long strings', async () => {
      const before = await counts();
      const body = await rejects(await vp.post(`/api/councils/${council}/delegates`, { fullName: 'Nguyễn '.repeat(40) }), 422);
      expect(body.error.message).toContain('dài quá 150 ký tự');
      expect(await counts()).toEqual(before);
    });

    it('unknown ids', async () => {
      const before = await counts();
      await rejects(await vp.get(`/api/councils/${council}/delegates/${randomUUID()}`), 404);
      await rejects(await vp.patch(`/api/councils/${council}/delegates/${randomUUID()}`, { position: 'x' }), 404);
      await rejects(await vp.get(`/api/councils/not-a-uuid/delegates`), 404);
      await rejects(await vp.post(`/api/councils/${council}/delegates`, { fullName: 'Lê Văn Tám', termId: randomUUID() }), 404);
      await rejects(await admin.get(`/api/units/${randomUUID()}`), 404);
      expect(await counts()).toEqual(before);
    });

    it('duplicate codes', async () => {
      const before = await counts();
      const body = await rejects(await admin.post('/api/units', { code: '51', name: 'Quảng Ngãi mới', type: 'tinh' }), 409);
      expect(body.error.message).toContain('"51"');
      expect(await counts()).toEqual(before);
    });

    it('a broken XLSX file', async () => {
      const before = await counts();
      const form = new FormData();
      form.set('file', new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])], 'don-vi.xlsx'));
      form.set('mode', 'commit');
      const body = await rejects(await admin.upload('/api/units/import', form), 422);
      expect(body.error.message).toContain('Excel');
      expect(await counts()).toEqual(before);
    });

    it('an import with one bad row commits nothing', async () => {
      const before = await counts();
      const csv = 'Mã,Tên,Cấp,Mã cấp trên\n99001,Tân An,Xã,51\n99002,Tân Bình,Làng,51\n';
      const form = new FormData();
      form.set('file', new File([csv], 'don-vi.csv'));
      form.set('mode', 'commit');
      const body = await rejects(await admin.upload('/api/units/import', form), 422);
      expect(JSON.stringify(body)).toContain('Dòng 3');
      expect(await counts()).toEqual(before);
    });
  });
}
