// One register owns every number of an issuer and year: numbers typed on a dispatch (letters made
// outside) and numbers the register issues never collide, and the next issued number follows the
// highest used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, sum } from 'drizzle-orm';
import { auditEvents } from '../../src/modules/audit/schema.ts';
import { documentCounters, documentIssuers, documents, documentTypedNumbers } from '../../src/modules/documents/schema.ts';
import { dispatches } from '../../src/modules/petitions/schema.ts';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { noticeParams } from './support.ts';

for (const kind of dbKinds()) {
  describe(`documents: one register for typed and issued numbers [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let base: string;
    let roundId: string;
    const petitionIds: string[] = [];
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.ducpho');
      base = `/api/councils/${t.id('council:duc-pho-ward')}`;
      roundId = (await json(vp.post(`${base}/petition-rounds`, { name: 'Đợt thử số văn bản', kind: 'continuous', startDate: '2026-11-01' }), 201)).id;
      const ops = await json(vp.post(`${base}/opinions/bulk`, {
        roundId, channel: 'letter',
        items: Array.from({ length: 6 }, (_, i) => ({ text: `Đề nghị sửa chữa tuyến đường thôn ${i + 1} bị xuống cấp.` })),
      }), 201);
      for (const o of ops.items) {
        petitionIds.push((await json(vp.post(`${base}/petitions`, { roundId, opinions: [{ id: o.id, version: o.version }] }), 201)).id);
      }
    });
    afterAll(() => t?.close());

    const dispatch = (letterNumber: string, i: number, letterDate = '2026-11-20') =>
      vp.post(`${base}/dispatches`, { roundId, agencyId: t.id('agency:ubnd-duc-pho-ward'), letterNumber, letterDate, petitionIds: [petitionIds[i]] });
    const issueNotice = async () => json(vp.post(`${base}/documents/templates/conclusion_notice/issue`, { params: noticeParams() }), 201);
    const rowCounts = async () => {
      const n = async (table: typeof dispatches | typeof documentTypedNumbers | typeof auditEvents | typeof documentIssuers | typeof documents) =>
        (await t.db.select({ n: count() }).from(table))[0]!.n;
      const [c] = await t.db.select({ s: sum(documentCounters.lastNumber) }).from(documentCounters);
      return {
        dispatches: await n(dispatches), typed: await n(documentTypedNumbers), audit: await n(auditEvents),
        issuers: await n(documentIssuers), documents: await n(documents), counters: c?.s ?? null,
      };
    };

    it('issues after the highest typed number, and refuses a typed number already used', async () => {
      // Letters 35–37/HĐND-VP were typed this year; the register's next number is 38, not 01.
      for (const [n, i] of [['35/HĐND-VP', 0], ['36/HĐND-VP', 1], ['37/HĐND-VP', 2]] as const) await json(dispatch(n, i), 201);
      const doc = await issueNotice();
      expect([doc.number, doc.symbol]).toEqual([38, '38/TB-HĐND']);

      // A typed number the register issued, or one typed before, is refused; nothing is written.
      const before = await rowCounts();
      const taken = await dispatch('38/HĐND-VP', 3);
      expect(taken.status).toBe(409);
      expect((await taken.json()).error.message).toBe(
        'Số 38 năm 2026 của Thường trực HĐND phường Đức Phổ đã được cấp trong Sổ văn bản đi cho văn bản 38/TB-HĐND (' + doc.title + '). Hãy kiểm tra lại số công văn.',
      );
      const twice = await dispatch('35/HĐND-VP', 3);
      expect(twice.status).toBe(409);
      expect((await twice.json()).error.message).toBe('Số 35 năm 2026 của Thường trực HĐND phường Đức Phổ đã được ghi cho công văn 35/HĐND-VP khác. Hãy kiểm tra lại số công văn.');
      expect(await dispatch(' Số: 036 / HĐND - VP ', 3).then((r) => r.status)).toBe(409);
      expect(await rowCounts()).toEqual(before);

      // A free number below the highest is recorded (a letter numbered on paper); the next issued follows 40.
      await json(dispatch('02/HĐND-VP', 3), 201);
      await json(dispatch('40/HĐND-VP', 4), 201);
      expect((await issueNotice()).number).toBe(41);
      // Another year, another register: 38 is free in 2027.
      await json(dispatch('38/HĐND-VP', 5, '2027-01-05'), 201);
      // A symbol naming none of the council's issuers belongs to no register of this council.
      const [o] = (await json(vp.post(`${base}/opinions/bulk`, { roundId, channel: 'letter', items: [{ text: 'Đề nghị lắp đèn đường.' }] }), 201)).items;
      petitionIds.push((await json(vp.post(`${base}/petitions`, { roundId, opinions: [{ id: o.id, version: o.version }] }), 201)).id);
      await json(dispatch('38/UBND-VP', 6), 201);
    });

    it('lets the issuers be listed and a draft be previewed without storing anything', async () => {
      // A council whose issuers were never needed yet: the defaults are shown, not stored.
      const admin = await t.as('admin');
      const key = [...t.ids.keys()].find((k) => /^council:[a-z-]+$/.test(k) && !['council:sa-huynh', 'council:duc-pho-ward', 'council:province', 'council:town'].includes(k))!;
      const sh = `/api/councils/${t.id(key)}`;
      const fresh = admin;
      const before = await rowCounts();
      const list = await json(fresh.get(`${sh}/documents/issuers`));
      expect(list.items.length).toBeGreaterThan(1);
      const res = await fresh.post(`${sh}/documents/templates/conclusion_notice/preview`, { params: noticeParams(), issuerId: list.items[0].id });
      expect(res.status).toBe(200);
      expect(await rowCounts()).toEqual(before);
      // The first document issued stores the defaults under the ids the list showed.
      const doc = await json(fresh.post(`${sh}/documents/templates/conclusion_notice/issue`, { params: noticeParams(), issuerId: list.items[0].id }), 201);
      expect(doc.issuerId).toBe(list.items[0].id);
      expect((await json(fresh.get(`${sh}/documents/issuers`))).items.map((i: { id: string }) => i.id)).toEqual(list.items.map((i: { id: string }) => i.id));
    });
  });
}
