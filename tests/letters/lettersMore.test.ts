// The second part of letters through the API on each database: fields (the text engine suggests,
// the clerk confirms; the period's figures, .xlsx and ND30 report count by field), attachments
// checked by content (a denunciation's for its named handler only, through an audited step —
// read in the raw answers of every letters route, the exports and the audit log), notices to the
// citizen through the documents engine, and online reception (a public request, rate-limited,
// that never shows another citizen; confirmed within C22; the register row written from it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { routeRegistry } from '../../src/server/route.ts';
import { readTable } from '../../src/modules/spreadsheets/index.ts';

type Received = { letters: { id: string; reference: string }[]; fieldSuggestion: { code: string; name: string } | null };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = new TextEncoder().encode('%PDF-1.4\n% Bản chụp đơn MẬT-XYZ-777\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
const DENOUNCER = 'Quách Thị Bích Ngọc';
const fileForm = (bytes: Uint8Array, name: string, kind = 'evidence') => {
  const f = new FormData();
  f.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/octet-stream' }));
  f.set('kind', kind);
  return f;
};
const docxText = (bytes: ArrayBuffer) => strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!).replace(/<[^>]+>/g, '');

for (const kind of dbKinds()) {
  describe(`letters: fields, attachments, notices, online reception [${kind}]`, () => {
    let t: TestApp;
    let sh: string;
    let ubnd: string;
    let vp: TestClient;
    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-07-03T02:00:00Z' });
      sh = t.id('council:sa-huynh');
      ubnd = t.id('agency:ubnd-sa-huynh');
      vp = await t.as('vp.sahuynh');
    }, 120_000);
    afterAll(() => t?.close());

    const receive = (body: Record<string, unknown>, status = 201) => json<Received>(vp.post(`/api/councils/${sh}/letters`, { channel: 'post', receivedOn: '2026-07-02', signers: [], ...body }), status);

    it('the text engine suggests a field, the clerk confirms it, and the period figures, .xlsx and ND30 report count by field', async () => {
      const taxonomy = await json<{ items: { code: string; name: string }[]; custom: boolean }>(vp.get(`/api/councils/${sh}/letter-fields`));
      expect(taxonomy.custom).toBe(false);
      expect(taxonomy.items.map((f) => f.name)).toEqual(expect.arrayContaining(['Đất đai', 'Môi trường', 'Chính sách xã hội', 'Tư pháp']));
      const r = await receive({ kinds: ['request'], summary: 'Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất cho thửa đất ở thôn Thạnh Đức.', signers: [{ name: 'Mai Văn Tâm' }] });
      expect(r.fieldSuggestion).toMatchObject({ code: 'land', name: 'Đất đai' });
      const id = r.letters[0]!.id;
      const before = await json<{ fieldCode: string | null; fieldSuggested: { code: string } | null; fieldConfirmed: boolean; version: number }>(vp.get(`/api/councils/${sh}/letters/${id}`));
      expect(before).toMatchObject({ fieldCode: null, fieldConfirmed: false, fieldSuggested: { code: 'land' } });
      const figuresBefore = await json<{ byField: { field: string | null; count: number }[] }>(vp.get(`/api/councils/${sh}/letter-figures?from=2026-07-01&to=2026-07-31`));
      const landBefore = figuresBefore.byField.find((f) => f.field === 'land')?.count ?? 0;
      // A code outside the taxonomy is refused, in Vietnamese, and writes nothing.
      const bad = await vp.post(`/api/councils/${sh}/letters/${id}/field`, { fieldCode: 'astrology' });
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.message).toContain('không có trong danh mục lĩnh vực');
      await json(vp.post(`/api/councils/${sh}/letters/${id}/field`, { fieldCode: 'land', version: before.version }));
      const after = await json<{ fieldCode: string; fieldName: string; fieldConfirmed: boolean }>(vp.get(`/api/councils/${sh}/letters/${id}`));
      expect(after).toMatchObject({ fieldCode: 'land', fieldName: 'Đất đai', fieldConfirmed: true });
      // A field chosen at intake is confirmed at once.
      const env = await receive({ kinds: ['feedback'], summary: 'Phản ánh cơ sở chế biến hải sản xả nước thải ra bãi biển.', fieldCode: 'environment', signers: [{ name: 'Lý Thị Nga' }] });
      const figures = await json<{ byField: { field: string | null; label: string; count: number }[] }>(vp.get(`/api/councils/${sh}/letter-figures?from=2026-07-01&to=2026-07-31`));
      expect(figures.byField.find((f) => f.field === 'land')!.count).toBe(landBefore + 1);
      expect(figures.byField.find((f) => f.field === 'environment')).toMatchObject({ label: 'Môi trường', count: 1 });
      expect(env.letters).toHaveLength(1);
      const xlsx = await vp.get(`/api/councils/${sh}/letter-figures.xlsx?from=2026-07-01&to=2026-07-31`);
      const rows = (await readTable(new Uint8Array(await xlsx.arrayBuffer()), 'x.xlsx')).rows.map((row) => row.join('|'));
      expect(rows.some((row) => row.includes('Theo lĩnh vực') && row.includes('Môi trường') && row.includes('1'))).toBe(true);
      const report = await json<{ id: string; symbol: string; downloadPath: string }>(vp.post(`/api/councils/${sh}/letter-report`, { from: '2026-07-01', to: '2026-07-31', signerName: 'Huỳnh Văn Đạt' }), 201);
      const text = docxText(await (await vp.get(report.downloadPath.replace(/^\/api/, '/api'))).arrayBuffer());
      expect(text).toContain('Phân theo lĩnh vực');
      expect(text).toContain('Môi trường');
      // The council keeps its own taxonomy as data; a code left out stays for old letters, inactive.
      await json(vp.put(`/api/councils/${sh}/letter-fields`, { fields: [{ code: 'land', name: 'Đất đai', keywords: ['đất'] }, { code: 'justice', name: 'Tư pháp', keywords: ['thi hành án'] }] }));
      const own = await json<{ items: { code: string; active: boolean }[]; custom: boolean }>(vp.get(`/api/councils/${sh}/letter-fields?text=${encodeURIComponent('Đề nghị đẩy nhanh thi hành án dân sự')}`));
      expect(own.custom).toBe(true);
      expect(own.items.find((f) => f.code === 'environment')!.active).toBe(false);
      expect((own as unknown as { suggestion: { code: string } }).suggestion.code).toBe('justice');
      const envAfter = await json<{ fieldName: string }>(vp.get(`/api/councils/${sh}/letters/${env.letters[0]!.id}`));
      expect(envAfter.fieldName).toBe('Môi trường');
    });

    it('attachments are checked by content; an ordinary letter’s scan is listed and read back byte for byte', async () => {
      const r = await receive({ kinds: ['complaint'], summary: 'Khiếu nại quyết định xử phạt vi phạm hành chính về xây dựng.', signers: [{ name: 'Đỗ Văn Khoa' }] });
      const id = r.letters[0]!.id;
      const exe = await vp.upload(`/api/councils/${sh}/letters/${id}/attachments`, fileForm(new Uint8Array([0x4d, 0x5a, 1, 2, 3]), 'scan.pdf'));
      expect(exe.status).toBe(422);
      expect((await exe.json()).error.message).toContain('một chương trình chạy');
      const up = await json<{ id: string; name: string }>(vp.upload(`/api/councils/${sh}/letters/${id}/attachments`, fileForm(PNG, 'Ban-chup-don-Do-Van-Khoa.png', 'handwriting')), 201);
      const d = await json<{ attachments: { id: string; name: string; kindLabel: string; mimeType: string }[] }>(vp.get(`/api/councils/${sh}/letters/${id}`));
      expect(d.attachments).toEqual([expect.objectContaining({ id: up.id, name: 'Ban-chup-don-Do-Van-Khoa.png', kindLabel: 'Bản chụp đơn, bút tích', mimeType: 'image/png' })]);
      const file = await vp.get(`/api/councils/${sh}/letters/${id}/attachments/${up.id}`);
      expect(file.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    });

    describe('a denunciation’s attachments', () => {
      let id: string;
      let fileId: string;
      beforeAll(async () => {
        const r = await receive({ kinds: ['denunciation'], summary: 'Tố cáo cán bộ tư pháp phường nhận tiền khi chứng thực hồ sơ.', signers: [{ name: DENOUNCER, idNumber: '051099777888' }] });
        id = r.letters[0]!.id;
        const up = await json<{ id: string; name: string }>(vp.upload(`/api/councils/${sh}/letters/${id}/attachments`, fileForm(PDF, `Don-to-cao-${DENOUNCER}.pdf`, 'handwriting')), 201);
        fileId = up.id;
        expect(up.name).not.toContain(DENOUNCER);
        await json(vp.post(`/api/councils/${sh}/letters/${id}/forward`, { agencyId: ubnd, signerName: 'Huỳnh Văn Đạt' }), 201);
      });

      it('its handler sees a neutral name and opens the file only through an audited step; nobody else can', async () => {
        const mine = await json<{ attachments: { id: string; name: string; protected: boolean }[] }>(vp.get(`/api/councils/${sh}/letters/${id}`));
        expect(mine.attachments).toEqual([expect.objectContaining({ id: fileId, name: 'Tài liệu kèm theo 1 (PDF)', protected: true })]);
        expect((await vp.get(`/api/councils/${sh}/letters/${id}/attachments/${fileId}`)).status).toBe(403);
        const tt = await t.as('tt.sahuynh');
        expect((await tt.post(`/api/councils/${sh}/letters/${id}/attachments/${fileId}/open`, {})).status).toBe(403);
        const staff = await json<{ attachments: unknown[] }>(tt.get(`/api/councils/${sh}/letters/${id}`));
        expect(staff.attachments).toEqual([]);
        const agency = await t.as('ubnd.sahuynh');
        expect((await agency.get(`/api/agencies/${ubnd}/letters/${id}/attachments/${fileId}`)).status).toBe(403);
        expect((await json<{ attachments: unknown[] }>(agency.get(`/api/agencies/${ubnd}/letters/${id}`))).attachments).toEqual([]);
        const opened = await vp.post(`/api/councils/${sh}/letters/${id}/attachments/${fileId}/open`, {});
        expect(opened.status).toBe(200);
        expect(new Uint8Array(await opened.arrayBuffer())).toEqual(PDF);
        const audit = await json<{ items: { action: string }[] }>(vp.get(`/api/councils/${sh}/audit?pageSize=200`));
        expect(audit.items.filter((e) => e.action === 'letter.attachment_view')).toHaveLength(1);
      });

      it('no GET of the letters module, the exports or the audit log carries its name or bytes, for any role', async () => {
        const roles = ['vp.sahuynh', 'tt.sahuynh', 'ban.sahuynh', 'daibieu.sahuynh', 'ubnd.sahuynh', 'so.xaydung', 'mttq.sahuynh', 'vp.tinh'];
        const letterRoutes = routeRegistry.filter((r) => r.method === 'GET' && /letter|reception|audit|obligations/.test(r.path));
        const paths = letterRoutes
          .map((r) => r.path.replace('{councilId}', sh).replace('{agencyId}', ubnd).replace('{letterId}', id).replace('{letterAttachmentId}', fileId).replace('{opinionId}', id).replace(/\{\w+\}/g, fileId))
          .map((p) => (p.includes('letter-figures') ? `${p}?from=2026-01-01&to=2026-12-31` : p));
        expect(paths.length).toBeGreaterThanOrEqual(12);
        const needles = [DENOUNCER, 'Quach Thi Bich Ngoc', 'Don-to-cao', 'MẬT-XYZ-777', '051099777888'];
        for (const username of roles) {
          const c = await t.as(username);
          for (const p of paths) {
            const raw = Buffer.from(await (await c.get(`/api${p}${p.includes('?') ? '&' : '?'}pageSize=200`)).arrayBuffer());
            const asText = raw.toString('utf8');
            for (const n of needles) expect(asText.includes(n), `${username} GET ${p} shows ${n}`).toBe(false);
          }
        }
      });
    });

    it('reception records take scans too; a denunciation’s reception keeps them for whoever received the citizen', async () => {
      const rec = await json<{ id: string }>(vp.post(`/api/councils/${sh}/receptions`, {
        receivedOn: '2026-07-02', mode: 'in_person', receiverKind: 'standing_committee', citizenName: 'Tôn Nữ Hoài', citizenAddress: 'Thôn Châu Me', idDocument: '051070111222',
        summary: 'Tố cáo trưởng thôn sử dụng quỹ sai mục đích.', request: 'Đề nghị xác minh.', kinds: ['denunciation'], peopleCount: 1, withinCompetence: false, outcome: 'Tiếp nhận.',
      }), 201);
      const up = await json<{ id: string; name: string }>(vp.upload(`/api/councils/${sh}/receptions/${rec.id}/attachments`, fileForm(PDF, 'Ton-Nu-Hoai.pdf')), 201);
      expect(up.name).not.toContain('Hoai');
      const tt = await t.as('tt.sahuynh');
      const other = await (await tt.get(`/api/councils/${sh}/receptions?year=2026&pageSize=200`)).text();
      expect(other).not.toContain('Ton-Nu-Hoai');
      expect((await tt.post(`/api/councils/${sh}/receptions/${rec.id}/attachments/${up.id}/open`, {})).status).toBe(403);
      expect((await vp.get(`/api/councils/${sh}/receptions/${rec.id}/attachments/${up.id}`)).status).toBe(403);
      const opened = await vp.post(`/api/councils/${sh}/receptions/${rec.id}/attachments/${up.id}/open`, {});
      expect(new Uint8Array(await opened.arrayBuffer())).toEqual(PDF);
      const xlsx = Buffer.from(await (await vp.get(`/api/councils/${sh}/receptions/register.xlsx?year=2026`)).arrayBuffer());
      const cells = (await readTable(new Uint8Array(xlsx), 'x.xlsx')).rows.flat().join('|');
      expect(cells).not.toContain('Tôn Nữ Hoài');
      expect(cells).not.toContain('Ton-Nu-Hoai');
    });

    it('notices to the citizen are ND30 documents from the register; a denunciation’s names no one', async () => {
      const r = await receive({ kinds: ['request'], summary: 'Đề nghị sửa chữa nhà văn hóa tổ dân phố Long Thạnh 2.', signers: [{ name: 'Bùi Văn Hòa', address: 'Tổ dân phố Long Thạnh 2' }] });
      const id = r.letters[0]!.id;
      const early = await vp.post(`/api/councils/${sh}/letters/${id}/notices`, { noticeKind: 'forwarded' });
      expect(early.status).toBe(409);
      expect((await early.json()).error.message).toContain('chưa được chuyển');
      const fw = await json<{ document: { symbol: string } }>(vp.post(`/api/councils/${sh}/letters/${id}/forward`, { agencyId: ubnd, signerName: 'Huỳnh Văn Đạt' }), 201);
      const n = await json<{ id: string; symbol: string; downloadPath: string }>(vp.post(`/api/councils/${sh}/letters/${id}/notices`, { noticeKind: 'forwarded', signerName: 'Lê Thị Mỹ' }), 201);
      expect(n.symbol).toMatch(/^\d+\/TB-/);
      const text = docxText(await (await vp.get(n.downloadPath)).arrayBuffer());
      expect(text).toContain('THÔNG BÁO');
      expect(text).toContain('Bùi Văn Hòa');
      expect(text).toContain(`Công văn số ${fw.document.symbol}`);
      const d = await json<{ notices: { symbol: string; label: string }[] }>(vp.get(`/api/councils/${sh}/letters/${id}`));
      expect(d.notices).toEqual([expect.objectContaining({ symbol: n.symbol, label: 'Thông báo chuyển đơn' })]);
      const guide = await json<{ symbol: string; downloadPath: string }>(vp.post(`/api/councils/${sh}/letters/${id}/notices`, { noticeKind: 'guidance', guidance: 'gửi đơn đến Ủy ban nhân dân phường Sa Huỳnh (bộ phận một cửa)', signerName: 'Lê Thị Mỹ' }), 201);
      expect(docxText(await (await vp.get(guide.downloadPath)).arrayBuffer())).toContain('bộ phận một cửa');
      const den = await receive({ kinds: ['denunciation'], summary: 'Tố cáo cán bộ thu phí chợ không có biên lai.', signers: [{ name: 'Kha Văn Lực', idNumber: '051099000111' }] });
      await json(vp.post(`/api/councils/${sh}/letters/${den.letters[0]!.id}/forward`, { agencyId: ubnd, signerName: 'Huỳnh Văn Đạt' }), 201);
      const dn = await json<{ id: string; downloadPath: string }>(vp.post(`/api/councils/${sh}/letters/${den.letters[0]!.id}/notices`, { noticeKind: 'forwarded', signerName: 'Lê Thị Mỹ' }), 201);
      const dtext = docxText(await (await vp.get(dn.downloadPath)).arrayBuffer());
      expect(dtext).toContain(den.letters[0]!.reference);
      expect(dtext).not.toContain('Kha Văn Lực');
      expect(dtext).not.toContain('thu phí chợ');
      const register = await (await vp.get(`/api/councils/${sh}/documents?pageSize=200`)).text();
      expect(register).not.toContain('Kha Văn Lực');
    });

    it('online reception: a citizen asks on the public page (no login, rate-limited), the secretariat confirms, the record is written from it', async () => {
      const pub = t.anonymous();
      const days = await json<{ council: { name: string }; items: { id: string; on: string; freeSlots: number; requestBy: string }[] }>(pub.get(`/api/public/councils/${sh}/online-reception`));
      expect(days.items.length).toBeGreaterThan(0);
      const raw = JSON.stringify(days);
      expect(raw).not.toContain('Võ Thị Hạnh'); // the demo's own request
      expect(raw).not.toContain('051088004321');
      const day = days.items[0]!;
      expect(day.freeSlots).toBe(3);
      const ask = (body: Record<string, unknown>) => pub.post(`/api/public/councils/${sh}/online-reception/${day.id}/requests`, {
        citizenName: 'Nguyễn Văn Trực', citizenAddress: 'Tổ dân phố Long Thạnh 1', idDocument: '051090002222', phone: '0905333444', summary: 'Kiến nghị về việc chậm chi trả trợ cấp.', ...body,
      });
      const noContact = await ask({ phone: '' });
      expect(noContact.status).toBe(422);
      const ok = await ask({});
      expect(ok.status).toBe(201);
      const made = await ok.json();
      expect(Object.keys(made).sort()).toEqual(['code', 'on', 'receiverName', 'requestBy', 'state', 'stateLabel']);
      expect(made.code).toMatch(/^TT-[0-9A-F]{8}$/);
      // The same address is held back after the configured number of requests (5 an hour, PostgreSQL
      // counters); a refused post rolls its count back, so only requests taken count.
      const more = await json<{ id: string }>(vp.post(`/api/councils/${sh}/reception-days`, { on: day.on, receiverKind: 'secretariat', onlineSlots: 20 }), 201);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await pub.post(`/api/public/councils/${sh}/online-reception/${more.id}/requests`, { citizenName: `Người thử ${i}`, citizenAddress: 'Sa Huỳnh', idDocument: '051090002222', email: 'a@b.vn', summary: 'Thử.' })).status);
      }
      expect(statuses).toEqual([201, 201, 201, 201, 429]);
      const held = await pub.post(`/api/public/councils/${sh}/online-reception/${more.id}/requests`, { citizenName: 'Người thử', citizenAddress: 'Sa Huỳnh', idDocument: '051090002222', email: 'a@b.vn', summary: 'Thử.' });
      expect(held.status).toBe(429);
      expect((await held.json()).error.message).toContain('quá 5 đăng ký trong 60 phút');
      const list = await json<{ items: { id: string; code: string; state: string; noticeBy: string; citizenName: string }[] }>(vp.get(`/api/councils/${sh}/online-reception-requests?state=requested&pageSize=200`));
      const mine = list.items.find((i) => i.code === made.code)!;
      expect(mine.citizenName).toBe('Nguyễn Văn Trực');
      const badLink = await vp.post(`/api/councils/${sh}/online-reception-requests/${mine.id}/decide`, { decision: 'confirm', slotTime: '08:30', meetingLink: 'zoom.example' });
      expect(badLink.status).toBe(422);
      await json(vp.post(`/api/councils/${sh}/online-reception-requests/${mine.id}/decide`, { decision: 'confirm', slotTime: '08:30', meetingLink: 'https://hop.sahuynh.gov.vn/tcd-1' }));
      const receiveBody = { request: 'Đề nghị chi trả trợ cấp đúng hạn.', kinds: ['request'], withinCompetence: false, outcome: 'Hướng dẫn công dân liên hệ UBND phường.', guidance: { body: 'Ủy ban nhân dân phường Sa Huỳnh' } };
      const tooEarly = await vp.post(`/api/councils/${sh}/online-reception-requests/${mine.id}/receive`, receiveBody);
      expect(tooEarly.status).toBe(409);
      t.setNow(`${day.on}T03:00:00Z`);
      try {
        vp = await t.as('vp.sahuynh'); // the earlier session ended while the clock moved on
        const rec = await json<{ id: string; number: number }>(vp.post(`/api/councils/${sh}/online-reception-requests/${mine.id}/receive`, receiveBody), 201);
        const reg = await json<{ items: { id: string; mode: string; citizenName: string }[] }>(vp.get(`/api/councils/${sh}/receptions?year=2026&pageSize=200`));
        expect(reg.items.find((x) => x.id === rec.id)).toMatchObject({ mode: 'online', citizenName: 'Nguyễn Văn Trực' });
        const again = await vp.post(`/api/councils/${sh}/online-reception-requests/${mine.id}/receive`, receiveBody);
        expect(again.status).toBe(409);
        // Past the notice date (C22) a confirmation is refused with the rule's source.
        const late = list.items.find((i) => i.code !== made.code && i.state === 'requested')!;
        const refused = await vp.post(`/api/councils/${sh}/online-reception-requests/${late.id}/decide`, { decision: 'confirm', slotTime: '09:00', meetingLink: 'https://hop.sahuynh.gov.vn/tcd-2' });
        expect(refused.status).toBe(409);
        expect((await refused.json()).error.message).toContain('Nghị định 154/2026/NĐ-CP, Điều 23');
        await json(vp.post(`/api/councils/${sh}/online-reception-requests/${late.id}/decide`, { decision: 'decline', note: 'Hẹn công dân ngày tiếp sau.' }));
      } finally {
        t.setNow('2026-07-03T02:00:00Z');
        vp = await t.as('vp.sahuynh');
      }
    });
  });
}
