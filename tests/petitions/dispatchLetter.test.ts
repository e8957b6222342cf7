// "Chuyển kiến nghị và phát hành công văn": a dispatch whose letter is issued from the outgoing-
// document register in the same transaction — the dispatch takes the register's number and
// today's date, the .docx lists exactly its petitions, and a failure writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { auditEvents } from '../../src/modules/audit/schema.ts';
import { documentCounters, documents } from '../../src/modules/documents/schema.ts';
import { dispatches } from '../../src/modules/petitions/schema.ts';
import { bytesOf, docxText } from '../documents/support.ts';
import { json } from './support.ts';

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

for (const kind of dbKinds()) {
  describe(`petitions: dispatch with the letter issued from the register [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let councilId: string;
    let base: string;
    let roundId: string;
    let standingId: string;
    const texts = [
      'Đề nghị nâng cấp tuyến đường liên thôn Thạnh Đức đi Long Thạnh bị xuống cấp nghiêm trọng',
      'Đề nghị lắp đặt hệ thống đèn chiếu sáng dọc tuyến đường ven biển Sa Huỳnh',
      'Đề nghị nạo vét kênh thoát nước khu dân cư tổ dân phố Long Thạnh 2',
      'Đề nghị sửa chữa nhà văn hóa tổ dân phố Thạnh Đức 1 bị dột',
      'Đề nghị bố trí thêm thùng rác công cộng tại chợ Sa Huỳnh',
    ];
    const ids: string[] = [];

    const counter = async (issuerId: string) => {
      const [c] = await t.db.select().from(documentCounters).where(and(eq(documentCounters.issuerId, issuerId), eq(documentCounters.year, 2026)));
      return c?.lastNumber ?? 0;
    };
    const countRows = async () => {
      const [d] = await t.db.select({ n: sql<number>`count(*)::int` }).from(dispatches).where(eq(dispatches.councilId, councilId));
      const [doc] = await t.db.select({ n: sql<number>`count(*)::int` }).from(documents).where(eq(documents.councilId, councilId));
      return { dispatches: d!.n, documents: doc!.n };
    };
    const statusOf = async (id: string) => (await json(vp.get(`${base}/petitions/${id}`))).status as string;

    beforeAll(async () => {
      t = await createTestApp(kind); // the app clock: 2026-11-26 09:00 in Vietnam
      vp = await t.as('vp.sahuynh');
      councilId = t.id('council:sa-huynh');
      base = `/api/councils/${councilId}`;
      const round = await json(vp.post(`${base}/petition-rounds`, { name: 'Tiếp xúc cử tri chuyên đề đô thị', kind: 'before_session', startDate: '2026-11-20' }), 201);
      roundId = round.id;
      const ops = await json(vp.post(`${base}/opinions/bulk`, {
        roundId, channel: 'letter', items: texts.map((text) => ({ text, unitId: t.id('unit:sa-huynh') })),
      }), 201);
      for (const o of ops.items) {
        const p = await json(vp.post(`${base}/petitions`, { roundId, opinions: [{ id: o.id, version: o.version }], competentLevel: 'commune' }), 201);
        ids.push(p.id);
      }
      const issuers = await json(vp.get(`${base}/documents/issuers`));
      standingId = issuers.items.find((i: { kind: string }) => i.kind === 'standing').id;
    });
    afterAll(async () => {
      await t?.close();
    });

    it('takes the number and date from the register and links the letter', async () => {
      const before = await counter(standingId);
      const d = await json(vp.post(`${base}/dispatches`, {
        roundId, agencyId: t.id('agency:ubnd-sa-huynh'), petitionIds: [ids[0], ids[1]],
        issueLetter: { issuerId: standingId, signerName: 'Huỳnh Văn Đạt', signerTitle: 'Chủ tịch' },
      }), 201);
      expect(await counter(standingId)).toBe(before + 1);
      const doc = await json(vp.get(`${base}/documents/${d.document.id}`));
      expect(doc.number).toBe(before + 1);
      expect(doc.issuerId).toBe(standingId);
      expect(doc.templateKey).toBe('petition_dispatch_letter');
      expect(d.letterNumber).toBe(doc.symbol);
      expect(d.letterNumber.startsWith(`${String(before + 1).padStart(2, '0')}/`)).toBe(true);
      expect(d.letterDate).toBe('2026-11-26');
      expect(doc.issuedOn).toBe('2026-11-26');
      expect(d.documentId).toBe(doc.id);
      expect(d.document).toMatchObject({ id: doc.id, symbol: doc.symbol, downloadPath: `${base}/documents/${doc.id}/download` });

      // The due date: the same rule from the same day as a letter typed by hand dated today.
      const typed = await json(vp.post(`${base}/dispatches`, {
        roundId, agencyId: t.id('agency:ubnd-sa-huynh'), letterNumber: '90/HĐND-VP', letterDate: '2026-11-26', petitionIds: [ids[4]],
      }), 201);
      expect(typed.documentId).toBeNull();
      expect(typed.document).toBeNull();
      expect(d.dueDate).toBe(typed.dueDate);

      // The letter lists exactly the dispatched petitions, signed as asked.
      const res = await vp.get(d.document.downloadPath);
      expect(res.status).toBe(200);
      const text = flat(docxText(await bytesOf(res)));
      expect(text).toContain(flat(texts[0]!));
      expect(text).toContain(flat(texts[1]!));
      for (const other of texts.slice(2)) expect(text).not.toContain(flat(other));
      expect(text).toContain(`Số: ${doc.symbol}`);
      expect(text).toContain('Huỳnh Văn Đạt');
      expect(text).toContain('CHỦ TỊCH');
      expect(text).not.toContain('PHÓ CHỦ TỊCH');

      // The list shows the link; the audit event names the letter.
      const list = await json(vp.get(`${base}/dispatches?roundId=${roundId}`));
      const row = list.items.find((x: { id: string }) => x.id === d.id);
      expect(row.document).toMatchObject({ id: doc.id, symbol: doc.symbol, status: 'issued', downloadPath: d.document.downloadPath });
      expect(list.items.find((x: { id: string }) => x.id === typed.id).document).toBeNull();
      const [ev] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'dispatch.create'), eq(auditEvents.entityId, d.id)));
      expect((ev!.after as { document: unknown }).document).toMatchObject({ id: doc.id, symbol: doc.symbol, number: before + 1 });
      const issued = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'documents.issue'), eq(auditEvents.entityId, doc.id)));
      expect(issued).toHaveLength(1);
      const petition = await json(vp.get(`${base}/petitions/${ids[0]}`));
      expect(petition.dispatches.at(-1)).toMatchObject({ letterNumber: doc.symbol, documentId: doc.id });
    });

    it('gives a second dispatch the same day the next number; the default issuer is the standing committee', async () => {
      const before = await counter(standingId);
      const d = await json(vp.post(`${base}/dispatches`, {
        roundId, agencyId: t.id('agency:dien-luc'), petitionIds: [ids[2]], issueLetter: { signerName: 'Huỳnh Văn Đạt' },
      }), 201);
      const doc = await json(vp.get(`${base}/documents/${d.document.id}`));
      expect(doc.issuerId).toBe(standingId);
      expect(doc.number).toBe(before + 1);
      expect(d.letterNumber).toBe(doc.symbol);
    });

    it('writes nothing when the letter cannot be issued', async () => {
      const before = { counter: await counter(standingId), rows: await countRows() };
      // Another council's issuer.
      const ducPho = await t.as('vp.ducpho');
      const other = await json(ducPho.get(`/api/councils/${t.id('council:duc-pho-ward')}/documents/issuers`));
      const foreign = await vp.post(`${base}/dispatches`, {
        roundId, agencyId: t.id('agency:ubnd-sa-huynh'), petitionIds: [ids[3]],
        issueLetter: { issuerId: other.items[0].id, signerName: 'Huỳnh Văn Đạt' },
      });
      expect(foreign.status).toBe(404);
      // Rendering fails after the dispatch and its number were written (no signer anywhere).
      const unsigned = await vp.post(`${base}/dispatches`, {
        roundId, agencyId: t.id('agency:ubnd-sa-huynh'), petitionIds: [ids[3]], issueLetter: { issuerId: standingId },
      });
      expect(unsigned.status).toBe(422);
      expect((await unsigned.json()).error.message).toMatch(/người ký/);
      expect(await counter(standingId)).toBe(before.counter);
      expect(await countRows()).toEqual(before.rows);
      expect(await statusOf(ids[3]!)).toBe('draft');
    });

    it('refuses a typed number together with an issued letter, and neither', async () => {
      const both = await vp.post(`${base}/dispatches`, {
        roundId, agencyId: t.id('agency:ubnd-sa-huynh'), petitionIds: [ids[3]],
        letterNumber: '91/HĐND-VP', letterDate: '2026-11-26', issueLetter: { signerName: 'Huỳnh Văn Đạt' },
      });
      expect(both.status).toBe(422);
      expect((await both.json()).error.message).toMatch(/Sổ văn bản đi/);
      const neither = await vp.post(`${base}/dispatches`, { roundId, agencyId: t.id('agency:ubnd-sa-huynh'), petitionIds: [ids[3]] });
      expect(neither.status).toBe(422);
      expect((await neither.json()).error.message).toMatch(/số và ngày/);
      expect(await statusOf(ids[3]!)).toBe('draft');
    });
  });
}
