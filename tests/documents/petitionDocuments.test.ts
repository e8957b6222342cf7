// Petition documents built from the petitions tables: the round report (the founding notice's
// 07 / 25 / 34), the forwarding letter, the reminder letter, the resolution-review report; and,
// end to end, the round report through LibreOffice to PDF text.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contactMeetings, dispatchItems, dispatches, opinions, petitionFields, petitionRounds, petitions, responses,
} from '../../src/modules/petitions/schema.ts';
import { convertToPdf, findSoffice, pdfToPng, pdfToText } from '../../src/modules/documents/render/libreoffice.ts';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { bytesOf, docxParagraphs, docxText } from './support.ts';

const base = (council: string) => `/api/councils/${council}/documents`;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

const soffice = await findSoffice();
const inCi = process.env.CI === 'true';
if (!soffice && !inCi) console.warn('⚠ LibreOffice (soffice) không có: bỏ qua kiểm thử PDF đầu-cuối của báo cáo tổng hợp kiến nghị.');

interface Fixture {
  roundId: string;
  dispatchSxd: string;
}

/** Round 2 of phường Đức Phổ (no demo petitions there): 80 opinions merged into 66 petitions, 07 central / 25 province / 34 commune. */
async function seedPetitions(t: TestApp): Promise<Fixture> {
  const db = t.db;
  const councilId = t.id('council:duc-pho-ward');
  const unitA = t.id('unit:duc-pho-ward');
  const unitB = t.id('unit:old:Phổ Hòa');
  const [giaoThong, datDai, dien] = await db
    .insert(petitionFields)
    .values([
      { councilId, code: 'giao_thong', name: 'Giao thông', sortOrder: 1 },
      { councilId, code: 'dat_dai', name: 'Đất đai', sortOrder: 2 },
      { councilId, code: 'dien', name: 'Điện', sortOrder: 3 },
    ])
    .returning();
  const [r1, r2] = await db
    .insert(petitionRounds)
    .values([
      { councilId, name: 'Tiếp xúc cử tri trước kỳ họp thứ 2, HĐND phường Đức Phổ khóa I', kind: 'before_session', sequence: 1, startDate: '2026-06-01', endDate: '2026-06-10', status: 'closed' },
      { councilId, name: 'Tiếp xúc cử tri trước kỳ họp thứ 3, HĐND phường Đức Phổ khóa I', kind: 'before_session', sequence: 2, startDate: '2026-10-05', endDate: '2026-10-12' },
    ])
    .returning();
  for (let i = 0; i < 5; i++) {
    await db.insert(contactMeetings).values({ councilId, roundId: r2!.id, heldOn: `2026-10-0${5 + i}`, unitId: i % 2 ? unitB : unitA, votersAttending: 120 });
  }
  const plan: { level: string; agency: string; field: string }[] = [
    ...Array.from({ length: 7 }, () => ({ level: 'central', agency: 'agency:na', field: datDai!.id })),
    ...Array.from({ length: 25 }, (_, i) => ({ level: 'province', agency: i < 10 ? 'agency:so-xay-dung' : i < 13 ? 'agency:dien-luc' : 'agency:ubnd-province', field: i < 10 ? giaoThong!.id : i < 13 ? dien!.id : datDai!.id })),
    ...Array.from({ length: 34 }, (_, i) => ({ level: 'commune', agency: 'agency:ubnd-duc-pho-ward', field: i % 2 ? giaoThong!.id : datDai!.id })),
  ];
  const ids: string[] = [];
  let n = 0;
  for (const p of plan) {
    n++;
    const [row] = await db
      .insert(petitions)
      .values({
        councilId, roundId: r2!.id, originRoundId: r2!.id, number: n, status: 'draft',
        text: `Kiến nghị số ${n}: đề nghị nâng cấp, sửa chữa tuyến đường thôn ${n} đã xuống cấp`,
        fieldId: p.field, competentLevel: p.level, agencyId: t.id(p.agency),
      })
      .returning();
    ids.push(row!.id);
    const sources = n <= 14 ? [unitA, unitB] : [n % 2 ? unitA : unitB];
    for (const unitId of sources) {
      await db.insert(opinions).values({ councilId, roundId: r2!.id, channel: 'meeting', text: row!.text, unitId, petitionId: row!.id, kind: 'petition' });
    }
  }
  // Carried over from round 1, still open.
  await db.insert(petitions).values({
    councilId, roundId: r2!.id, originRoundId: r1!.id, number: 100, status: 'dispatched',
    text: 'Đề nghị giải quyết dứt điểm tình trạng ngập úng khu dân cư Thạnh Đức', competentLevel: 'commune', agencyId: t.id('agency:ubnd-duc-pho-ward'),
  });

  // Forwarded: 10 petitions to Sở Xây dựng (due 10/11/2026), 3 to the power company (due 15/12/2026).
  const sxd = t.id('agency:so-xay-dung');
  const [d1] = await db
    .insert(dispatches)
    .values({ councilId, roundId: r2!.id, targetKind: 'agency', agencyId: sxd, letterNumber: '45/HĐND-VP', letterDate: '2026-10-20', dueDate: '2026-11-10', dueRule: {} })
    .returning();
  const sxdPetitions = ids.slice(7, 17);
  const items = await db
    .insert(dispatchItems)
    .values(sxdPetitions.map((petitionId, i) => ({ dispatchId: d1!.id, petitionId, councilId, agencyId: sxd, dueDate: '2026-11-10', state: i < 4 ? 'answered' : 'pending' })))
    .returning();
  const answered: [string, string][] = [['resolved', '2026-11-05'], ['explained', '2026-11-10'], ['in_progress', '2026-11-20'], ['unresolved', '2026-11-21']];
  for (const [i, [result, respondedOn]] of answered.entries()) {
    await db.insert(responses).values({ petitionId: items[i]!.petitionId, dispatchItemId: items[i]!.id, councilId, agencyId: sxd, result, text: 'Trả lời', respondedOn });
  }
  const dl = t.id('agency:dien-luc');
  const [d2] = await db
    .insert(dispatches)
    .values({ councilId, roundId: r2!.id, targetKind: 'agency', agencyId: dl, letterNumber: '46/HĐND-VP', letterDate: '2026-11-15', dueDate: '2026-12-15', dueRule: {} })
    .returning();
  await db.insert(dispatchItems).values(ids.slice(17, 20).map((petitionId) => ({ dispatchId: d2!.id, petitionId, councilId, agencyId: dl, dueDate: '2026-12-15' })));
  return { roundId: r2!.id, dispatchSxd: d1!.id };
}

for (const kind of dbKinds()) {
  describe(`petition documents [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let council: string;
    let fx: Fixture;
    let dir = '';
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.ducpho');
      council = t.id('council:duc-pho-ward');
      fx = await seedPetitions(t);
      dir = await mkdtemp(join(tmpdir(), 'nghitruong-petition-docs-'));
    });
    afterAll(async () => {
      await t.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    const issue = async (key: string, params: Record<string, unknown>) => {
      const res = await vp.post(`${base(council)}/templates/${key}/issue`, { params: { signerName: 'Nguyễn Văn An', ...params } });
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(201);
      const docx = await bytesOf(await vp.get(`${base(council)}/${body.id}/download`));
      return { doc: body, docx };
    };

    it('reports a round grouped by competent level then field, with the founding notice’s counts', async () => {
      const { doc, docx } = await issue('petition_round_report', { roundId: fx.roundId });
      expect(doc).toMatchObject({ symbol: '01/BC-HĐND', kind: 'bao_cao' });
      const paras = docxParagraphs(docx);
      const text = flat(paras.join(' '));
      for (const s of [
        'BÁO CÁO',
        'Tổng hợp ý kiến, kiến nghị của cử tri trước kỳ họp thứ 3, HĐND phường Đức Phổ khóa I',
        'từ ngày 05/10/2026 đến ngày 12/10/2026',
        'tổ chức 05 cuộc tiếp xúc cử tri với 600 lượt cử tri tham dự',
        'Qua tiếp xúc, cử tri đã nêu 80 ý kiến, kiến nghị; sau khi tổng hợp, phân loại còn 66 ý kiến, kiến nghị, trong đó: đề nghị Đoàn đại biểu Quốc hội tỉnh kiến nghị Quốc hội giải quyết 07 ý kiến; đề nghị các cơ quan chức năng của tỉnh giải quyết 25 ý kiến; đề nghị các cơ quan chức năng thuộc phường giải quyết 34 ý kiến.',
        'I. KIẾN NGHỊ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA TRUNG ƯƠNG (07 ý kiến)',
        'II. KIẾN NGHỊ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA TỈNH (25 ý kiến)',
        'III. KIẾN NGHỊ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA PHƯỜNG (34 ý kiến)',
        '1. Lĩnh vực giao thông (10 ý kiến)',
        '2. Lĩnh vực đất đai (12 ý kiến)',
        '3. Lĩnh vực điện (03 ý kiến)',
        '(Cử tri phường Đức Phổ, phường Phổ Hòa).',
        'PHỤ LỤC',
        '(Kèm theo Báo cáo số 01/BC-HĐND ngày 26/11/2026 của Thường trực HĐND phường)',
        'TM. THƯỜNG TRỰC HĐND',
        'Nguyễn Văn An',
      ]) {
        expect(text).toContain(s);
      }
      // Province before commune; within the province, fields in the council's order.
      expect(text.indexOf('Lĩnh vực giao thông (10')).toBeLessThan(text.indexOf('Lĩnh vực đất đai (12'));
      // The appendix lists every petition of the round (66 rows).
      expect(paras.filter((p) => /^Kiến nghị số \d+:/.test(p))).toHaveLength(66);
    });

    it('writes the forwarding letter to one agency with its petitions and the due date', async () => {
      const { doc, docx } = await issue('petition_dispatch_letter', { dispatchId: fx.dispatchSxd });
      // One register per issuing body: the standing committee's report took 01, its letter takes 02.
      expect(doc).toMatchObject({ symbol: '02/HĐND-VP', kind: 'cong_van' });
      expect(doc.fileName).toBe('CV-02-HĐND-VP-2026.docx');
      const text = flat(docxText(docx));
      for (const s of [
        'Số: 02/HĐND-VP',
        'V/v chuyển kiến nghị của cử tri trước kỳ họp thứ 3',
        'Kính gửi:',
        'Sở Xây dựng tỉnh Quảng Ngãi',
        'nhận được 10 ý kiến, kiến nghị của cử tri thuộc thẩm quyền giải quyết của Sở Xây dựng tỉnh Quảng Ngãi',
        'trước ngày 10/11/2026',
        'Kiến nghị số 8:',
        'Kiến nghị số 17:',
        '- Như trên;',
      ]) {
        expect(text).toContain(s);
      }
      expect(text).not.toContain('Kiến nghị số 18:');
    });

    it('urges an agency about its overdue petitions only', async () => {
      const { docx } = await issue('petition_reminder_letter', { agencyId: t.id('agency:so-xay-dung') });
      const text = flat(docxText(docx));
      expect(text).toContain('V/v đôn đốc giải quyết, trả lời kiến nghị của cử tri');
      expect(text).toContain('đến ngày 26/11/2026, Sở Xây dựng tỉnh Quảng Ngãi chưa trả lời 06 kiến nghị đã quá thời hạn');
      expect(text).toContain('45/HĐND-VP');
      expect(text).not.toContain('Kiến nghị số 8:'); // answered
      expect(text).toContain('Kiến nghị số 12:');
      const none = await vp.post(`${base(council)}/templates/petition_reminder_letter/issue`, {
        params: { agencyId: t.id('agency:dien-luc'), signerName: 'Nguyễn Văn An' },
      });
      expect(none.status).toBe(422);
      expect((await none.json()).error.message).toBe('Công ty Điện lực Quảng Ngãi không có kiến nghị nào quá hạn trả lời.');
    });

    it('reports how petitions were resolved: per agency, per result, on time or late, outstanding', async () => {
      const { docx } = await issue('petition_review_report', { roundId: fx.roundId });
      const text = flat(docxText(docx));
      for (const s of [
        'Kết quả giám sát việc giải quyết kiến nghị của cử tri trước kỳ họp thứ 3',
        'đã chuyển 13 kiến nghị đến 02 cơ quan, đơn vị',
        'đã có 04 kiến nghị được trả lời (02 kiến nghị trả lời đúng hạn, 02 kiến nghị trả lời quá hạn); còn 09 kiến nghị chưa được trả lời, trong đó 06 kiến nghị đã quá hạn',
        'đã giải quyết xong 01 kiến nghị; đang giải quyết, có lộ trình 01 kiến nghị; đã giải trình, cung cấp thông tin 01 kiến nghị; chưa giải quyết 01 kiến nghị',
        'Còn 01 kiến nghị phát sinh từ các đợt tiếp xúc cử tri trước',
        'ngập úng khu dân cư Thạnh Đức',
        'Tổng cộng',
      ]) {
        expect(text).toContain(s);
      }
    });

    it('refuses another council’s round', async () => {
      const vpTinh = await t.as('vp.tinh');
      const res = await vpTinh.post(`${base(t.id('council:province'))}/templates/petition_round_report/preview`, { params: { roundId: fx.roundId, signerName: 'A' } });
      expect(res.status).toBe(404);
      expect((await res.json()).error.message).toBe('Không tìm thấy đợt tiếp xúc cử tri của HĐND này.');
    });

    it.skipIf(!soffice && !inCi)('prints the round report through LibreOffice with its Vietnamese title and counts', async () => {
      if (!soffice) throw new Error('CI=true: LibreOffice (soffice) là bắt buộc — cài libreoffice-writer');
      const list = await (await vp.get(`${base(council)}?templateKey=petition_round_report`)).json();
      const docx = await bytesOf(await vp.get(`${base(council)}/${list.items[0].id}/download`));
      const file = join(dir, 'bao-cao.docx');
      await writeFile(file, docx);
      const pdf = await convertToPdf(file, dir, soffice);
      // NT_DOC_OUT=dir keeps the PDF and its pages as PNG, to look at it as a user would.
      if (process.env.NT_DOC_OUT && kind === 'pglite') {
        await writeFile(join(process.env.NT_DOC_OUT, 'bao-cao.docx'), docx);
        await writeFile(join(process.env.NT_DOC_OUT, 'bao-cao.pdf'), await readFile(pdf));
        await pdfToPng(pdf, join(process.env.NT_DOC_OUT, 'bao-cao'), 60);
      }
      const raw = await pdfToText(pdf);
      const text = flat(raw);
      // The issuing body fits on one line of the header column.
      expect(raw.split('\n').map((l) => l.trim())).toContain('THƯỜNG TRỰC HĐND');
      for (const s of [
        'HĐND PHƯỜNG ĐỨC PHỔ',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Số: 01/BC-HĐND',
        'Đức Phổ, ngày 26 tháng 11 năm 2026',
        'BÁO CÁO',
        'Tổng hợp ý kiến, kiến nghị của cử tri trước kỳ họp thứ 3',
        'giải quyết 07 ý kiến',
        'giải quyết 25 ý kiến',
        'giải quyết 34 ý kiến',
        'PHỤ LỤC',
      ]) {
        expect(text).toContain(s);
      }
    }, 180_000);
  });
}
