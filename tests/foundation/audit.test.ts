import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

for (const kind of dbKinds()) {
  describe(`audit log [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t.close());

    it('records who changed what, before and after, for every change', async () => {
      const vp = await t.as('vp.sahuynh');
      const councilId = t.id('council:sa-huynh');
      const created = await vp.post(`/api/councils/${councilId}/delegates`, { fullName: 'Trịnh Văn Kiểm', position: 'Đại biểu' });
      expect(created.status).toBe(201);
      const d = (await created.json()) as { id: string };
      const patched = await vp.patch(`/api/councils/${councilId}/delegates/${d.id}`, { position: 'Phó Trưởng Ban Kinh tế – Ngân sách' });
      expect(patched.status).toBe(200);
      const res = await vp.get(`/api/councils/${councilId}/audit?entityId=${d.id}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { action: string; actorName: string; before: any; after: any }[] };
      expect(page.items.map((e) => e.action)).toEqual(['delegate.update', 'delegate.create']);
      expect(page.items[0]!.actorName).toBe('Lê Thị Mỹ');
      expect(page.items[0]!.before.position).toBe('Đại biểu');
      expect(page.items[0]!.after.position).toBe('Phó Trưởng Ban Kinh tế – Ngân sách');
    });

    it('cannot be edited or deleted, even with SQL', async () => {
      await expect(t.db.execute(sql`update audit_events set actor_name = 'x'`)).rejects.toThrow();
      await expect(t.db.execute(sql`delete from audit_events`)).rejects.toThrow();
      await expect(t.db.execute(sql`truncate audit_events`)).rejects.toThrow();
      const r = await t.db.execute(sql`select count(*)::int as n from audit_events where actor_name = 'x'`);
      expect((r.rows[0] as { n: number }).n).toBe(0);
    });

    it('is readable in full by administrators only, and per council by its secretariat', async () => {
      const admin = await t.as('admin');
      expect((await admin.get('/api/audit?action=delegate.create')).status).toBe(200);
      const vp = await t.as('vp.sahuynh');
      expect((await vp.get('/api/audit')).status).toBe(403);
      expect((await vp.get(`/api/councils/${t.id('council:duc-pho-ward')}/audit`)).status).toBe(403);
    });
  });
}
