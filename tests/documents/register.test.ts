// The outgoing-document register: numbers per issuer and year, safe under concurrency, restarting
// on 1 January (Vietnam time), never reused; cancel, regenerate, download, export, scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { bytesOf, docxText, noticeParams } from './support.ts';

const base = (council: string) => `/api/councils/${council}/documents`;

for (const kind of dbKinds()) {
  describe(`documents register [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let council: string;
    // The demo's typed letters (35–41/HĐND-VP), the supervision founding decision, the letters'
    // forwarding letters… are all in the standing committee's register: its issued numbers follow
    // the highest of them, read from the register's counter.
    let TYPED = 0;
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      council = t.id('council:sa-huynh');
      const [row] = (await t.db.execute<{ n: number }>(sql`
        select c.last_number as n from document_counters c join document_issuers i on i.id = c.issuer_id
        where i.council_id = ${council} and i.kind = 'standing' and c.year = 2026`)).rows;
      TYPED = Number(row!.n);
      expect(TYPED).toBeGreaterThanOrEqual(41);
    });
    afterAll(() => t.close());


    const issue = async (client: TestClient, councilId: string, params = noticeParams(), issuerId?: string) =>
      client.post(`${base(councilId)}/templates/conclusion_notice/issue`, { params, ...(issuerId ? { issuerId } : {}) });

    it('gives 20 documents issued at once 20 distinct consecutive numbers', async () => {
      const responses = await Promise.all(Array.from({ length: 20 }, () => issue(vp, council)));
      const bodies = await Promise.all(responses.map(async (r) => ({ status: r.status, body: await r.json() })));
      for (const b of bodies) expect(b.status, JSON.stringify(b.body)).toBe(201);
      const numbers = bodies.map((b) => b.body.number as number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => TYPED + i + 1));
      expect(new Set(bodies.map((b) => b.body.symbol)).size).toBe(20);
      const first = bodies.find((b) => b.body.number === TYPED + 1)!.body;
      expect(first).toMatchObject({ symbol: `${TYPED + 1}/TB-HĐND`, year: 2026, issuedOn: '2026-11-26', status: 'issued', kind: 'thong_bao' });
      expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
      // (the demo's supervision documents are in the register too: count this template's)
      const list = await (await vp.get(`${base(council)}?pageSize=50&templateKey=conclusion_notice`)).json();
      expect(list.total).toBe(20);
    });

    it('keeps a cancelled document’s number, marked "đã hủy" with the reason; the next one is +1', async () => {
      const doc = await (await issue(vp, council)).json();
      expect(doc.number).toBe(TYPED + 21);
      const cancel = await vp.post(`${base(council)}/${doc.id}/cancel`, { reason: 'Sai thành phần nơi nhận' });
      expect(cancel.status).toBe(200);
      expect(await cancel.json()).toMatchObject({ number: TYPED + 21, status: 'cancelled', statusLabel: 'Đã hủy', cancelReason: 'Sai thành phần nơi nhận' });
      const again = await vp.post(`${base(council)}/${doc.id}/cancel`, { reason: 'Lần nữa' });
      expect(again.status).toBe(409);
      expect((await again.json()).error.message).toContain('đã bị hủy');
      const noReason = await vp.post(`${base(council)}/${doc.id}/cancel`, { reason: '  ' });
      expect(noReason.status).toBe(422);
      const next = await (await issue(vp, council)).json();
      expect(next.number).toBe(TYPED + 22);
      const cancelled = await (await vp.get(`${base(council)}?status=cancelled`)).json();
      expect(cancelled.items.map((d: { symbol: string }) => d.symbol)).toEqual([`${TYPED + 21}/TB-HĐND`]);
      const audit = await (await vp.get(`/api/councils/${council}/audit?entityId=${doc.id}`)).json();
      expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['documents.cancel', 'documents.issue']);
    });

    it('keeps one register per issuer: the office numbers its own documents from 01', async () => {
      const issuers = await (await vp.get(`${base(council)}/issuers`)).json();
      const codes = issuers.items.map((i: { code: string }) => i.code);
      expect(codes[0]).toBe('HĐND');
      expect(codes).toContain('VP');
      expect(codes).toContain('BKTNS');
      const office = issuers.items.find((i: { code: string }) => i.code === 'VP');
      const doc = await (await issue(vp, council, noticeParams(), office.id)).json();
      expect([doc.number, doc.symbol]).toEqual([1, '01/TB-VP']);
      const other = t.id('council:duc-pho-ward');
      const vpDucPho = await t.as('vp.ducpho');
      const foreign = (await (await vpDucPho.get(`${base(other)}/issuers`)).json()).items[0].id;
      const wrong = await issue(vp, council, noticeParams(), foreign);
      expect(wrong.status).toBe(404);
    });

    it('regenerates byte-identical files from the stored content', async () => {
      const doc = await (await issue(vp, council)).json();
      const before = await bytesOf(await vp.get(`${base(council)}/${doc.id}/download`));
      const res = await vp.post(`${base(council)}/${doc.id}/regenerate`);
      expect(res.status).toBe(200);
      const r = await res.json();
      expect(r).toMatchObject({ identical: true, sha256: doc.sha256, previousSha256: doc.sha256 });
      const after = await bytesOf(await vp.get(`${base(council)}/${doc.id}/download`));
      expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    });

    it('downloads with a Vietnamese file name (RFC 5987) and the Word content type', async () => {
      const list = await (await vp.get(`${base(council)}?q=${TYPED + 1}/TB-HĐND`)).json();
      const one = list.items.find((d: { symbol: string }) => d.symbol === `${TYPED + 1}/TB-HĐND`);
      const res = await vp.get(`${base(council)}/${one.id}/download`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="TB-${TYPED + 1}-HDND-2026.docx"; filename*=UTF-8''TB-${TYPED + 1}-H%C4%90ND-2026.docx`,
      );
      const bytes = await bytesOf(res);
      expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
      expect(bytes[0]).toBe(0x50); // "PK": a zip
      const text = docxText(bytes);
      for (const s of ['HĐND PHƯỜNG SA HUỲNH', 'THƯỜNG TRỰC HĐND', `Số: ${TYPED + 1}/TB-HĐND`, 'Sa Huỳnh, ngày 26 tháng 11 năm 2026', 'THÔNG BÁO',
        '1. Kết quả đạt được', '1.1. Trong hoạt động giám sát:', 'kỳ họp & nâng cao', 'TL. THƯỜNG TRỰC HĐND', 'Trần Duy Khánh',
        'đồng chí Nguyễn Văn An - Chủ tịch HĐND phường thay mặt Thường trực HĐND phường kết luận', '- Lưu: VT.']) {
        expect(text).toContain(s);
      }
    });

    it('previews a draft without taking a number', async () => {
      const before = (await (await vp.get(`${base(council)}?pageSize=1`)).json()).total;
      const res = await vp.post(`${base(council)}/templates/conclusion_notice/preview`, { params: noticeParams() });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('Du-thao-TB-HDND-2026.docx');
      const text = docxText(await bytesOf(res));
      expect(text).toContain('Số:      /TB-HĐND');
      expect((await (await vp.get(`${base(council)}?pageSize=1`)).json()).total).toBe(before);
      const next = await (await issue(vp, council)).json();
      expect(next.number).toBe(TYPED + 24);
    });

    it('refuses bad params with a Vietnamese message', async () => {
      const res = await issue(vp, council, noticeParams({ sections: [] }));
      expect(res.status).toBe(422);
      expect((await res.json()).error.message).toContain('Cần ít nhất một mục kết luận');
      const noSigner = await issue(vp, council, noticeParams({ signerName: '' }));
      expect(noSigner.status).toBe(422);
      expect((await noSigner.json()).error.message).toContain('người ký');
      const unknown = await vp.post(`${base(council)}/templates/khong_co/issue`, { params: {} });
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).error.message).toBe('Không tìm thấy mẫu văn bản.');
    });

    it('exports the register to Excel with the list’s filters', async () => {
      const res = await vp.get(`${base(council)}/export.xlsx?year=2026&status=issued&templateKey=conclusion_notice`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''So-van-ban-di-H%C4%90ND-ph%C6%B0%E1%BB%9Dng-Sa-Hu%E1%BB%B3nh-2026.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await res.arrayBuffer()) as never);
      const ws = wb.worksheets[0]!;
      expect(ws.name).toBe('Sổ văn bản đi');
      expect(String(ws.getCell('A1').value)).toContain('SỔ VĂN BẢN ĐI NĂM 2026');
      expect(ws.getRow(2).values).toEqual([undefined, 'Số, ký hiệu', 'Ngày ban hành', 'Loại văn bản', 'Trích yếu nội dung', 'Cơ quan ban hành', 'Người ký', 'Nơi nhận', 'Người tạo', 'Tình trạng', 'Lý do hủy']);
      // The register says who signed each document and where it went.
      const signed = ws.getRow(3);
      expect(signed.getCell(6).value).toBe('Trần Duy Khánh');
      expect(String(signed.getCell(7).value)).toContain('Lưu');
      const listed = (await (await vp.get(`${base(council)}?pageSize=5`)).json()).items;
      expect(listed.some((d: { signerName: string | null }) => d.signerName === 'Trần Duy Khánh')).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      const symbols: string[] = [];
      ws.eachRow((row, n) => {
        if (n > 2) symbols.push(String(row.getCell(1).value));
      });
      expect(symbols).not.toContain(`${TYPED + 21}/TB-HĐND`); // cancelled, filtered out
      expect(symbols).toContain(`${TYPED + 1}/TB-HĐND`);
      expect(symbols).toContain('01/TB-VP');
      expect(ws.getCell('B3').value).toBeInstanceOf(Date);
      expect((ws.getCell('B3').value as Date).toISOString().slice(0, 10)).toBe('2026-11-26');
    });

    it('keeps each council’s documents to itself', async () => {
      const doc = (await (await vp.get(`${base(council)}?pageSize=1`)).json()).items[0];
      const other = await t.as('vp.tinh');
      expect((await other.get(base(council))).status).toBe(403);
      expect((await other.get(`${base(council)}/${doc.id}/download`)).status).toBe(403);
      expect((await other.get(`${base(council)}/export.xlsx`)).status).toBe(403);
      const own = t.id('council:province');
      expect((await other.get(`${base(own)}/${doc.id}/download`)).status).toBe(404);
      expect((await other.post(`${base(own)}/${doc.id}/cancel`, { reason: 'thử' })).status).toBe(404);
      // Delegates, committee and standing members read; only the secretariat issues.
      for (const username of ['daibieu.sahuynh', 'ban.sahuynh', 'tt.sahuynh']) {
        const reader = await t.as(username);
        expect((await reader.get(`${base(council)}/${doc.id}/download`)).status, username).toBe(200);
        expect((await issue(reader, council)).status, username).toBe(403);
        expect((await reader.put(`${base(council)}/templates/conclusion_notice/wording`, { wording: { closing: 'x' } })).status).toBe(403);
      }
      for (const username of ['mttq.sahuynh', 'ubnd.sahuynh']) {
        expect((await (await t.as(username)).get(base(council))).status, username).toBe(403);
      }
      expect((await t.anonymous().get(base(council))).status).toBe(401);
    });

    it('restarts at 01 on 1 January, Vietnam time', async () => {
      const ducPho = t.id('council:duc-pho-ward');
      try {
        t.setNow('2026-12-31T16:59:00Z'); // 23:59 on 31/12/2026 in Vietnam
        const vpDucPho = await t.as('vp.ducpho');
        const a = await (await issue(vpDucPho, ducPho)).json();
        const b = await (await issue(vpDucPho, ducPho)).json();
        expect([a.number, a.year, a.issuedOn]).toEqual([1, 2026, '2026-12-31']);
        expect(b.number).toBe(2);
        t.setNow('2026-12-31T17:00:00Z'); // 00:00 on 01/01/2027 in Vietnam
        const c = await (await issue(vpDucPho, ducPho)).json();
        expect([c.number, c.year, c.issuedOn, c.symbol]).toEqual([1, 2027, '2027-01-01', '01/TB-HĐND']);
        const d = await (await issue(vpDucPho, ducPho)).json();
        expect(d.number).toBe(2);
        const docx = await bytesOf(await vpDucPho.get(`${base(ducPho)}/${c.id}/download`));
        expect(docxText(docx)).toContain('Đức Phổ, ngày 01 tháng 01 năm 2027');
        const y2026 = await (await vpDucPho.get(`${base(ducPho)}?year=2026`)).json();
        expect(y2026.items.map((x: { number: number }) => x.number).sort()).toEqual([1, 2]);
      } finally {
        t.setNow('2026-11-26T02:00:00Z');
      }
    });
  });
}
