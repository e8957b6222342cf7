// Resolution numbering through the API, on each database, both ways the council may choose
// (sessions.md "Numbering", UNVERIFIED): one series for every resolution in the council's register
// (the shipped default, normative ones carrying the year), or normative resolutions in their own
// series while individual ones continue theirs — issued numbers and typed ones alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';

type Res = { id: string; number: number | null; symbol: string | null };
const num = (symbol: string) => Number(symbol.split('/')[0]);

for (const kind of dbKinds()) {
  describe(`resolution numbering series [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let tt: TestClient;
    let sh: string;
    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      sh = t.id('council:sa-huynh');
      [vp, tt] = await Promise.all([t.as('vp.sahuynh'), t.as('tt.sahuynh')]);
    }, 600_000);
    afterAll(() => t?.close());

    let n = 0;
    let passedOn = '2026-11-20';
    const register = (normative: boolean) => json<Res>(vp.post(`/api/councils/${sh}/resolutions`, { title: `Nghị quyết thử đánh số ${++n}`, normative, passedOn }), 201);
    const certify = async (normative: boolean, body: Record<string, unknown> = {}) => {
      const r = await register(normative);
      return json<Res>(tt.post(`/api/councils/${sh}/resolutions/${r.id}/certify`, body));
    };

    it('one series for all (the default, unverified): individual and normative numbers follow each other', async () => {
      const setting = await json<{ sharedSeries: boolean; isDefault: boolean; default: { verified: boolean; source: string } }>(vp.get(`/api/councils/${sh}/resolution-numbering`));
      expect(setting).toMatchObject({ sharedSeries: true, isDefault: true, default: { verified: false } });
      expect(setting.default.source).toContain('chưa kiểm chứng');
      const a = await certify(false);
      const b = await certify(true);
      expect(a.symbol).toMatch(/^\d+\/NQ-HĐND$/);
      expect(b.symbol).toMatch(/^\d+\/2026\/NQ-HĐND$/);
      expect(num(b.symbol!)).toBe(num(a.symbol!) + 1);
    });

    it('a separate normative series: normative resolutions have their own numbers, individual ones continue theirs', async () => {
      // Only the secretariat chooses; the choice is validated in Vietnamese.
      expect((await tt.put(`/api/councils/${sh}/resolution-numbering`, { sharedSeries: false })).status).toBe(403);
      const bad = await vp.put(`/api/councils/${sh}/resolution-numbering`, { sharedSeries: 'không' });
      expect(bad.status).toBe(422);
      expect(JSON.stringify(await bad.json())).toContain('dãy số riêng');
      const last = await certify(true);
      expect(await json(vp.put(`/api/councils/${sh}/resolution-numbering`, { sharedSeries: false }))).toMatchObject({ sharedSeries: false, isDefault: false });
      // Changed mid-year: the normative series goes on after the highest normative number of the year (no symbol twice).
      expect(num((await certify(true)).symbol!)).toBe(num(last.symbol!) + 1);
      // From the new year on, each series starts at 1.
      t.setNow('2027-01-12T02:00:00Z');
      [vp, tt] = await Promise.all([t.as('vp.sahuynh'), t.as('tt.sahuynh')]);
      passedOn = '2027-01-05';
      expect((await certify(false)).symbol).toBe('01/NQ-HĐND');
      expect((await certify(true)).symbol).toBe('01/2027/NQ-HĐND');
      expect((await certify(true)).symbol).toBe('02/2027/NQ-HĐND');
      expect((await certify(false)).symbol).toBe('02/NQ-HĐND');
      // A number typed for a normative resolution made outside the system goes to the normative register.
      expect((await certify(true, { typedSymbol: '10/2027/NQ-HĐND' })).symbol).toBe('10/2027/NQ-HĐND');
      expect((await certify(true)).symbol).toBe('11/2027/NQ-HĐND');
      expect((await certify(false)).symbol).toBe('03/NQ-HĐND');
    });

    it('one series again: the next number comes from the common register, after every number it gave', async () => {
      await json(vp.put(`/api/councils/${sh}/resolution-numbering`, { sharedSeries: true }));
      // The common register gave 01–03 this year; a normative one goes after the highest normative number (11).
      expect((await certify(true)).symbol).toBe('12/2027/NQ-HĐND');
      expect((await certify(false)).symbol).toBe('13/NQ-HĐND');
    });
  });
}
