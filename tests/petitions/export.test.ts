// The petitions list exports to .xlsx with its current filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

for (const kind of dbKinds()) {
  describe(`petitions: Excel export [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t.close());

    it('writes the filtered list with Vietnamese headers, dates as dates and a frozen header', async () => {
      const vp = await t.as('vp.sahuynh');
      const base = `/api/councils/${t.id('council:sa-huynh')}/petitions`;
      const list = await (await vp.get(`${base}?deadline=overdue&pageSize=200`)).json();
      expect(list.total).toBeGreaterThan(0);
      const res = await vp.get(`${base}/export.xlsx?deadline=overdue`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('Kien-nghi-cu-tri');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const ws = wb.worksheets[0]!;
      const headers = (ws.getRow(1).values as unknown[]).slice(1);
      expect(headers).toContain('Nội dung kiến nghị');
      expect(headers).toContain('Hạn trả lời');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.rowCount - 1).toBe(list.total);
      const texts = [];
      const dueCol = headers.indexOf('Hạn trả lời') + 1;
      for (let r = 2; r <= ws.rowCount; r++) {
        texts.push(ws.getRow(r).getCell(headers.indexOf('Nội dung kiến nghị') + 1).value);
        expect(ws.getRow(r).getCell(dueCol).value).toBeInstanceOf(Date);
      }
      expect(texts.sort()).toEqual(list.items.map((p: { text: string }) => p.text).sort());
    });

    it('exports opinions with voter names for the secretariat only, and the rounds', async () => {
      const base = `/api/councils/${t.id('council:sa-huynh')}`;
      const sheet = async (res: Response) => {
        expect(res.status).toBe(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(await res.arrayBuffer());
        const ws = wb.worksheets[0]!;
        return { ws, headers: (ws.getRow(1).values as unknown[]).slice(1) as string[] };
      };
      const vp = await t.as('vp.sahuynh');
      const opinions = await (await vp.get(`${base}/opinions?pageSize=200`)).json();
      const forSecretariat = await sheet(await vp.get(`${base}/opinions/export.xlsx`));
      expect(forSecretariat.headers).toContain('Họ và tên cử tri');
      expect(forSecretariat.ws.rowCount - 1).toBe(opinions.total);
      const someVoter = opinions.items.find((o: { voterName: string }) => o.voterName)?.voterName as string;
      expect(someVoter).toBeTruthy();
      const delegate = await t.as('daibieu.sahuynh');
      const forDelegate = await sheet(await delegate.get(`${base}/opinions/export.xlsx`));
      expect(forDelegate.headers).not.toContain('Họ và tên cử tri');
      const cells: string[] = [];
      forDelegate.ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
      expect(cells.join('\n')).not.toContain(someVoter);
      const rounds = await sheet(await vp.get(`${base}/petition-rounds/export.xlsx`));
      const list = await (await vp.get(`${base}/petition-rounds?pageSize=200`)).json();
      expect(rounds.ws.rowCount - 1).toBe(list.total);
      expect(rounds.headers).toEqual(['Đợt', 'Loại', 'Kỳ họp', 'Từ ngày', 'Đến ngày', 'Trạng thái']);
    });

    it('is refused outside the council', async () => {
      const other = await t.as('vp.ducpho');
      expect((await other.get(`/api/councils/${t.id('council:sa-huynh')}/petitions/export.xlsx`)).status).toBe(403);
      expect((await other.get(`/api/councils/${t.id('council:sa-huynh')}/opinions/export.xlsx`)).status).toBe(403);
      expect((await other.get('/api/users/export.xlsx')).status).toBe(403);
      const admin = await t.as('admin');
      const users = await admin.get('/api/users/export.xlsx');
      expect(users.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await users.arrayBuffer());
      const rows: string[] = [];
      wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).join('|')));
      expect(rows.join('\n')).toContain('Chuyên viên Văn phòng');
      expect(rows.join('\n')).not.toContain('scrypt$');
    });
  });
}
