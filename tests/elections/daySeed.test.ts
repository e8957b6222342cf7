// The demo figures of election day: every area reports turnout through the day to a final count,
// every sheet is locked except exactly ONE that fails a check (valid + invalid ≠ received) and
// waits for the Ban; the winners of each unit follow from the locked sheets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { json } from '../petitions/support.ts';
import { sql } from 'drizzle-orm';
import { seedElectionDay } from '../../src/modules/elections/resultsSeed.ts';
import { checkTally, type TallyFigures } from '../../src/domain/elections/tally.ts';
import { buildDayElection, type DayFixture } from './daySupport.ts';

describe('election-day demo figures [pglite]', () => {
  let t: TestApp;
  let f: DayFixture;
  beforeAll(async () => {
    t = await createTestApp('pglite', { now: '2031-03-17T02:00:00Z', seed: true });
    f = await buildDayElection(t);
    await seedElectionDay({ db: t.db }, '2031-03-16');
  }, 240_000);
  afterAll(() => t?.close());

  it('turnout to a final count everywhere; one failing sheet, the rest locked; the winners follow', async () => {
    const vp = await t.as('vp.sahuynh');
    const dash = await json(vp.get(`${f.base}/turnout`));
    expect(dash.total).toMatchObject({ kind: 'final', reportedAreas: 2, voted: 99 + 79 });
    const sheets = await json<{ items: { state: string; failures: number; ballotType: string }[]; total: number }>(vp.get(`${f.base}/tally-sheets?pageSize=50`));
    expect(sheets.total).toBe(4);
    const open = sheets.items.filter((s) => s.state !== 'locked');
    expect(open).toEqual([expect.objectContaining({ state: 'submitted', ballotType: 'commune', failures: 1 })]);
    const prov = await json(vp.get(`${f.base}/units/${f.provinceUnitId}/result`));
    expect(prov.missingAreas).toEqual([]);
    expect(prov.outcome.winners).toHaveLength(3);
    expect(prov.outcome.reasons.at(-1)).toBe('Đã bầu đủ 3 đại biểu.');
    const com = await json(vp.get(`${f.base}/units/${f.communeUnitId}/result`));
    expect(com.missingAreas.map((a: { number: string }) => a.number)).toEqual(['1']);
  });

  it('the 15/03/2026 demo election of the core seed gets its figures: ONE failing sheet, every area reported', async () => {
    const [e] = (await t.db.execute(sql`select id from elections where election_day = '2026-03-15'`)).rows as { id: string }[];
    expect(e).toBeDefined();
    const sheets = (await t.db.execute(sql`select v.state, v.figures from election_tally_sheets s join election_tally_sheet_versions v on v.sheet_id = s.id where s.election_id = ${e!.id}`)).rows as { state: string; figures: TallyFigures }[];
    expect(sheets.length).toBeGreaterThan(3);
    const open = sheets.filter((s) => s.state !== 'locked');
    expect(open).toHaveLength(1);
    expect(checkTally(open[0]!.figures).map((x) => x.check)).toEqual(['validPlusInvalid']);
    expect(sheets.filter((s) => s.state === 'locked').every((s) => checkTally(s.figures).length === 0)).toBe(true);
    const finals = (await t.db.execute(sql`select count(distinct polling_area_id)::int as n from election_turnout_reports where election_id = ${e!.id} and kind = 'final'`)).rows as { n: number }[];
    const areas = (await t.db.execute(sql`select count(*)::int as n from polling_areas where election_id = ${e!.id}`)).rows as { n: number }[];
    expect(Number(finals[0]!.n)).toBe(Number(areas[0]!.n));
  });
});
