import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { currentSuccessors } from '../../src/modules/directory/service.ts';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { toTcvn3 } from '../../src/domain/text/legacy.ts';

for (const kind of dbKinds()) {
  describe(`directory [${kind}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = await t.as('admin');
    });
    afterAll(() => t.close());

    it('holds the historical three-level tree and today’s two levels, with "became" links', async () => {
      const roots = await (await admin.get('/api/units?root=true')).json();
      expect(roots.items.map((u: { name: string }) => u.name)).toEqual(['Quảng Ngãi']);
    expect(roots.items[0].childCount).toBe(6); // the town (history) and today's five units
      const province = roots.items[0].id;
      const in2021 = await (await admin.get(`/api/units?parentId=${province}&at=2021-11-25&pageSize=50`)).json();
      expect(in2021.items.map((u: { name: string }) => u.name)).toEqual(['Đức Phổ']);
      const town = await (await admin.get(`/api/units?parentId=${in2021.items[0].id}&at=2021-11-25&pageSize=50`)).json();
      expect(town.total).toBe(15);
      const today = await (await admin.get(`/api/units?parentId=${province}&at=2026-11-26&pageSize=50`)).json();
      expect(today.items.map((u: { name: string }) => u.name).sort()).toEqual(['Đức Phổ', 'Khánh Cường', 'Nguyễn Nghiêm', 'Sa Huỳnh', 'Trà Câu'].sort());
      const phoThanh = t.id('unit:old:Phổ Thạnh');
      const detail = await (await admin.get(`/api/units/${phoThanh}`)).json();
      expect(detail.ancestors.map((u: { name: string }) => u.name)).toEqual(['Quảng Ngãi', 'Đức Phổ']);
      expect(detail.became.map((u: { name: string }) => u.name)).toEqual(['Sa Huỳnh']);
      expect(await currentSuccessors(t.db, phoThanh, '2026-11-26')).toEqual([t.id('unit:sa-huynh')]);
      expect(await currentSuccessors(t.db, phoThanh, '2021-11-25')).toEqual([phoThanh]);
      const saHuynh = await (await admin.get(`/api/units/${t.id('unit:sa-huynh')}`)).json();
      expect(saHuynh.formedFrom.map((u: { name: string }) => u.name).sort()).toEqual(['Phổ Châu', 'Phổ Thạnh']);
    });

    it('imports the official unit list from XLSX (legacy TCVN3 names converted), preview first', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('DVHC');
      ws.addRow(['Mã', 'Tên', 'Cấp', 'Mã cấp trên']);
      ws.addRow(['46', 'Huế', 'Thành phố Trung ương', '']);
      ws.addRow(['19753', toTcvn3('Thuận Hóa'), 'Phường', '46']);
      ws.addRow(['19754', 'Phú Xuân', 'Phường', '46']);
      const data = new Uint8Array(await wb.xlsx.writeBuffer());
      const form = (mode: string) => {
        const f = new FormData();
        f.set('file', new File([data], 'danh-muc.xlsx'));
        f.set('mode', mode);
        return f;
      };
      const preview = await (await admin.upload('/api/units/import', form('preview'))).json();
      expect(preview).toMatchObject({ mode: 'preview', creates: 3, updates: 0, errors: [] });
      expect((await (await admin.get('/api/units?q=thuan hoa')).json()).total).toBe(0);
      const commit = await (await admin.upload('/api/units/import', form('commit'))).json();
      expect(commit).toMatchObject({ mode: 'commit', creates: 3 });
      const found = await (await admin.get('/api/units?q=thuan hoa')).json();
      expect(found.items[0]).toMatchObject({ name: 'Thuận Hóa', type: 'phuong', level: 'commune' });
      const hue = await (await admin.get(`/api/units/${found.items[0].id}`)).json();
      expect(hue.ancestors[0]).toMatchObject({ name: 'Huế', level: 'province' });
      // A second import of the same file updates instead of duplicating.
      const again = await (await admin.upload('/api/units/import', form('preview'))).json();
      expect(again).toMatchObject({ creates: 0, updates: 3 });
    });

    it('finds delegates without accents and sorts them the Vietnamese way (by given name)', async () => {
      const vp = await t.as('vp.tinh');
      const council = t.id('council:province');
      for (const fullName of ['Nguyễn Văn Ước', 'Trần Thị Út', 'Lê Văn Uy']) {
        expect((await vp.post(`/api/councils/${council}/delegates`, { fullName })).status).toBe(201);
      }
      const found = await (await vp.get(`/api/councils/${council}/delegates?q=uoc`)).json();
      expect(found.items.map((d: { fullName: string }) => d.fullName)).toEqual(['Nguyễn Văn Ước']);
      const all = await (await vp.get(`/api/councils/${council}/delegates?pageSize=100`)).json();
      const names = all.items.map((d: { fullName: string }) => d.fullName.split(' ').at(-1));
      const u = names.filter((n: string) => ['Uy', 'Út', 'Ước'].includes(n));
      // u < ư, and within u: Uy before Út (y sorts after t? no: the given names compare letter by letter: "Út" = u+t, "Uy" = u+y).
      expect(u).toEqual(['Út', 'Uy', 'Ước']);
      expect(all.total).toBe(all.items.length);
    });

    it('finds councils by their place without accents', async () => {
      const admin = await t.as('admin');
      const names = async (q: string) =>
        ((await (await admin.get(`/api/councils?all=true&q=${encodeURIComponent(q)}`)).json()).items as { name: string }[]).map((c) => c.name);
      expect(await names('sa huynh')).toContain('Hội đồng nhân dân phường Sa Huỳnh');
      expect(await names('SA HUỲNH')).toContain('Hội đồng nhân dân phường Sa Huỳnh');
      expect(await names('sa huynh')).not.toContain('Hội đồng nhân dân tỉnh Quảng Ngãi');
    });

    it('counts the members of each body', async () => {
      const vp = await t.as('vp.sahuynh');
      const list = (await (await vp.get(`/api/councils/${t.id('council:sa-huynh')}/bodies`)).json()).items;
      const standing = list.find((b: { kind: string }) => b.kind === 'standing');
      const members = await (await vp.get(`/api/councils/${t.id('council:sa-huynh')}/bodies/${standing.id}/members`)).json();
      expect(members.total).toBeGreaterThan(0);
      expect(standing.memberCount).toBe(members.total);
    });

    it('refuses a unit that would be its own ancestor', async () => {
      const province = t.id('unit:province');
      const town = t.id('unit:town');
      const res = await admin.put(`/api/units/${province}`, { code: '51', name: 'Quảng Ngãi', type: 'tinh', parentId: town });
      expect(res.status).toBe(422);
    });
  });
}
