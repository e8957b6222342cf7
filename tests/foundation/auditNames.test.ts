// The audit log reads names, not ids: the list answers a `names` map for the ids its page's
// snapshots reference (within the caller's scope), and the Excel export writes the names in place.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { resolveNames } from '../../src/modules/audit/names.ts';

interface AuditPage {
  items: { entityId: string; before: any; after: any }[];
  names: Record<string, string>;
}

async function json<T = any>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  expect(r.status, r.status === status ? '' : await r.clone().text()).toBe(status);
  return (await r.json()) as T;
}

for (const kind of dbKinds()) {
  describe(`audit log names [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let saHuynh: string;
    let ducPho: string;
    let saField: { id: string; name: string };
    let dpField: { id: string; name: string };
    let saRule: { id: string };
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      const dp = await t.as('vp.ducpho');
      saHuynh = t.id('council:sa-huynh');
      ducPho = t.id('council:duc-pho-ward');
      saField = (await json<{ items: { id: string; name: string }[] }>(vp.get(`/api/councils/${saHuynh}/petition-fields`))).items[0]!;
      dpField = await json(dp.post(`/api/councils/${ducPho}/petition-fields`, { code: 'giao_thong_dp', name: 'Giao thông – Đức Phổ' }), 201);
      // A routing rule's snapshot holds a councilId, a fieldId, a unitId and an agencyId.
      saRule = await json(vp.post(`/api/councils/${saHuynh}/routing-rules`, {
        fieldId: saField.id, unitId: t.id('unit:sa-huynh'), agencyId: t.id('agency:so-xay-dung'),
      }), 201);
      await json(dp.post(`/api/councils/${ducPho}/routing-rules`, {
        fieldId: dpField.id, unitId: t.id('unit:duc-pho-ward'), agencyId: t.id('agency:dien-luc'),
      }), 201);
    });
    afterAll(() => t.close());

    it('maps the ids in a page’s snapshots to their Vietnamese names', async () => {
      const page = await json<AuditPage>(vp.get(`/api/councils/${saHuynh}/audit?entityId=${saRule.id}`));
      expect(page.items).toHaveLength(1);
      expect(page.items[0]!.after.agencyId).toBe(t.id('agency:so-xay-dung'));
      expect(page.names[t.id('agency:so-xay-dung')]).toBe('Sở Xây dựng tỉnh Quảng Ngãi');
      expect(page.names[saField.id]).toBe(saField.name);
      expect(page.names[saHuynh]).toBe('Hội đồng nhân dân phường Sa Huỳnh');
      expect(page.names[t.id('unit:sa-huynh')]).toBe('Phường Sa Huỳnh');
      // Only what the page references.
      expect(page.names[ducPho]).toBeUndefined();
      expect(page.names[t.id('agency:dien-luc')]).toBeUndefined();
    });

    it('keeps a council’s names to what its own events reference', async () => {
      const page = await json<AuditPage>(vp.get(`/api/councils/${saHuynh}/audit?pageSize=200`));
      expect(Object.keys(page.names).length).toBeGreaterThan(3);
      expect(page.names[dpField.id]).toBeUndefined();
      expect(page.names[ducPho]).toBeUndefined();
      // Never a voter's name, even where a snapshot holds one.
      const voters = page.items.flatMap((e) => [e.before?.voterName, e.after?.voterName]).filter((v) => typeof v === 'string' && v);
      for (const v of voters) expect(Object.values(page.names)).not.toContain(v);
      // The administrator's global list sees both councils' rules.
      const admin = await t.as('admin');
      const all = await json<AuditPage>(admin.get('/api/audit?action=routing_rule.create&pageSize=200'));
      expect(all.names[dpField.id]).toBe(dpField.name);
      expect(all.names[saField.id]).toBe(saField.name);
    });

    it('names the event\'s own record too (a petition by its number)', async () => {
      const page = await json<AuditPage>(vp.get(`/api/councils/${saHuynh}/audit?entityType=petition&pageSize=5`));
      expect(page.items.length).toBeGreaterThan(0);
      for (const e of page.items as unknown as { entityId: string }[]) expect(page.names[e.entityId]).toMatch(/^Kiến nghị số \d+$/);
    });

    it('leaves ids that no longer resolve out of the map', async () => {
      const gone = randomUUID();
      const names = await resolveNames(t.db, [{ agencyId: gone, fieldId: saField.id, opinionId: randomUUID(), note: saHuynh }]);
      expect(names).toEqual({ [saField.id]: saField.name });
    });

    it('writes names instead of ids in the Excel export', async () => {
      const res = await vp.get(`/api/councils/${saHuynh}/audit/export.xlsx?entityId=${saRule.id}`);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const headerRow = (ws.views[0] as { ySplit?: number }).ySplit!;
      const headers = (ws.getRow(headerRow).values as unknown[]).map(String);
      const after = String(ws.getRow(headerRow + 1).getCell(headers.indexOf('Sau khi thay đổi')).value);
      expect(after).toContain('Sở Xây dựng tỉnh Quảng Ngãi');
      expect(after).toContain(saField.name);
      expect(after).not.toContain(t.id('agency:so-xay-dung'));
      expect(after).not.toContain(saField.id);
      // The record's own id stays: it is what the row is about.
      expect(after).toContain(saRule.id);
    });
  });
}
