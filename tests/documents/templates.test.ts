// Templates: a council's secretariat edits the wording slots; the generated document shows them;
// a reset brings the defaults back; other councils keep theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { bytesOf, docxParagraphs, docxText, noticeParams } from './support.ts';

const base = (council: string) => `/api/councils/${council}/documents`;

for (const kind of dbKinds()) {
  describe(`document templates [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let council: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      council = t.id('council:sa-huynh');
    });
    afterAll(() => t.close());

    it('lists the templates and a template’s wording slots with their defaults', async () => {
      const list = await (await vp.get(`${base(council)}/templates`)).json();
      expect(list.items.map((x: { key: string }) => x.key)).toContain('conclusion_notice');
      const detail = await (await vp.get(`${base(council)}/templates/conclusion_notice`)).json();
      expect(detail).toMatchObject({ key: 'conclusion_notice', title: 'Thông báo kết luận', kind: 'thong_bao', kindName: 'Thông báo' });
      const slots = Object.fromEntries(detail.slots.map((s: { slot: string }) => [s.slot, s]));
      expect(Object.keys(slots)).toEqual(['lead', 'closing', 'signatureLines', 'signerName', 'recipients']);
      expect(slots.signatureLines).toMatchObject({ multiline: true, overridden: false, value: 'TL. THƯỜNG TRỰC HĐND\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG' });
    });

    it('puts the council’s edited wording into the generated document, and resets it', async () => {
      const put = await vp.put(`${base(council)}/templates/conclusion_notice/wording`, {
        wording: {
          closing: 'Văn phòng {council} {unit} xin thông báo để các cơ quan, đơn vị biết, thực hiện./.',
          signatureLines: 'TM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH',
          signerName: 'Lê Văn Cường',
          recipients: 'Đảng ủy phường\nCác Ban HĐND phường\nLưu: VT, VP',
        },
      });
      expect(put.status).toBe(200);
      const detail = await put.json();
      expect(detail.slots.find((s: { slot: string }) => s.slot === 'signerName')).toMatchObject({ value: 'Lê Văn Cường', overridden: true });

      const { signerName: _omit, ...params } = noticeParams();
      const doc = await (await vp.post(`${base(council)}/templates/conclusion_notice/issue`, { params })).json();
      const paras = docxParagraphs(await bytesOf(await vp.get(`${base(council)}/${doc.id}/download`)));
      const text = paras.join('\n');
      expect(text).toContain('Văn phòng HĐND phường Sa Huỳnh xin thông báo để các cơ quan, đơn vị biết, thực hiện./.');
      expect(text).toContain('TM. THƯỜNG TRỰC HĐND');
      expect(text).toContain('CHỦ TỊCH');
      expect(text).not.toContain('TL. THƯỜNG TRỰC HĐND');
      expect(text).toContain('Lê Văn Cường');
      expect(paras).toContain('- Đảng ủy phường;');
      expect(paras).toContain('- Lưu: VT, VP.');

      // Another council still has the defaults.
      const vpDucPho = await t.as('vp.ducpho');
      const other = await (await vpDucPho.get(`${base(t.id('council:duc-pho-ward'))}/templates/conclusion_notice`)).json();
      expect(other.slots.every((s: { overridden: boolean }) => !s.overridden)).toBe(true);

      // One slot back to its default with null; everything back with DELETE.
      const one = await (await vp.put(`${base(council)}/templates/conclusion_notice/wording`, { wording: { closing: null } })).json();
      expect(one.slots.find((s: { slot: string }) => s.slot === 'closing').overridden).toBe(false);
      const reset = await vp.delete(`${base(council)}/templates/conclusion_notice/wording`);
      expect(reset.status).toBe(200);
      const draft = docxText(await bytesOf(await vp.post(`${base(council)}/templates/conclusion_notice/preview`, { params: noticeParams() })));
      expect(draft).toContain('Thừa lệnh Thường trực HĐND phường, Văn phòng thông báo đến các cơ quan');
      expect(draft).toContain('TL. THƯỜNG TRỰC HĐND');
      expect(draft).toContain('TT Đảng ủy phường;');

      const audit = await (await vp.get(`/api/councils/${council}/audit?entityId=conclusion_notice`)).json();
      expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
        'documents.template_wording.reset', 'documents.template_wording.update', 'documents.template_wording.update',
      ]);
    });

    it('refuses unknown slots and other councils’ wording', async () => {
      const bad = await vp.put(`${base(council)}/templates/conclusion_notice/wording`, { wording: { khongCo: 'x' } });
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.message).toContain('không có mục lời văn "khongCo"');
      const vpTinh = await t.as('vp.tinh');
      expect((await vpTinh.put(`${base(council)}/templates/conclusion_notice/wording`, { wording: { closing: 'x' } })).status).toBe(403);
    });
  });
}
