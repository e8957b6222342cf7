// Dashboards: the figures equal counts made independently here (plain SQL / the list's own
// computed deadline state), every figure's filter gives the petitions list the same total, the
// upper-level view lists the right lower councils in 2026 and in 2021, and scope is enforced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

async function json<T = any>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  if (r.status !== status) throw new Error(`HTTP ${r.status} (expected ${status}): ${text}`);
  return JSON.parse(text) as T;
}

type Filter = Record<string, string> | null;
interface Slice { key: string | null; label: string; count: number; filter: Filter }

for (const kind of dbKinds()) {
  describe(`dashboards [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let sh: string;
    const rows = async <T>(q: ReturnType<typeof sql>) => ((await t.db.execute(q)) as unknown as { rows: T[] }).rows;
    const countMap = async (q: ReturnType<typeof sql>) =>
      new Map((await rows<{ k: string | null; n: number }>(q)).map((r) => [r.k, Number(r.n)]));
    const listTotal = async (client: TestClient, councilId: string, filter: Record<string, string>) => {
      const qs = new URLSearchParams({ ...filter, pageSize: '1' }).toString();
      return (await json(client.get(`/api/councils/${councilId}/petitions?${qs}`))).total as number;
    };

    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      sh = t.id('council:sa-huynh');
    });
    afterAll(() => t?.close());

    it('counts the council\'s petitions by level, field, agency, commune, status and result as plain SQL does', async () => {
      const d = await json(vp.get(`/api/councils/${sh}/dashboard/petitions`));
      const total = Number((await rows<{ n: number }>(sql`select count(*)::int as n from petitions where council_id = ${sh}`))[0]!.n);
      expect(total).toBeGreaterThan(5);
      expect(d.totals.petitions.value).toBe(total);

      const slices = (s: Slice[]) => new Map(s.filter((x) => x.count > 0).map((x) => [x.key, x.count]));
      expect(slices(d.byLevel)).toEqual(await countMap(sql`select competent_level as k, count(*)::int as n from petitions where council_id = ${sh} group by 1`));
      expect(slices(d.byField)).toEqual(await countMap(sql`select field_id as k, count(*)::int as n from petitions where council_id = ${sh} group by 1`));
      expect(slices(d.byAgency)).toEqual(await countMap(sql`select agency_id as k, count(*)::int as n from petitions where council_id = ${sh} group by 1`));
      expect(slices(d.byStatus)).toEqual(await countMap(sql`select status as k, count(*)::int as n from petitions where council_id = ${sh} group by 1`));
      expect(slices(d.byUnit)).toEqual(await countMap(sql`
        select o.unit_id as k, count(distinct p.id)::int as n from petitions p left join petition_opinions o on o.petition_id = p.id
        where p.council_id = ${sh} group by 1`));
      // Latest answer per petition, the other way round: DISTINCT ON.
      const latest = await countMap(sql`
        select coalesce(x.result, 'none') as k, count(*)::int as n from petitions p
        left join (select distinct on (petition_id) petition_id, result from petition_responses order by petition_id, created_at desc, id desc) x on x.petition_id = p.id
        where p.council_id = ${sh} group by 1`);
      expect(slices(d.byResult)).toEqual(latest);
      expect(d.totals.resolved.value).toBe(latest.get('resolved') ?? 0);
      expect(d.totals.resolved.value).toBeGreaterThanOrEqual(1);

      // The levels in force for a ward council after 2025: central, province, commune (never "district").
      // (a level no longer in force still shows when data carries it: a 2021 town petition followed today)
      expect(d.byLevel.map((s: Slice) => s.key).slice(0, 3)).toEqual(['central', 'province', 'commune']);
      // The town council of 2021: central / province / district — the notice's 07 / 25 / 34 shape.
      const thixa = await t.as('vp.thixa');
      const town = await json(thixa.get(`/api/councils/${t.id('council:town')}/dashboard/petitions`));
      expect(town.byLevel.map((s: Slice) => s.key).slice(0, 3)).toEqual(['central', 'province', 'district']);
      const townLevels = await countMap(sql`select competent_level as k, count(*)::int as n from petitions where council_id = ${t.id('council:town')} group by 1`);
      expect(slices(town.byLevel)).toEqual(townLevels);
      // The two-level shape of the founding notice's "07 / 25 / 34": per-level counts add up.
      expect(d.byLevel.reduce((n: number, s: Slice) => n + s.count, 0)).toBe(total);

      const forwarded = Number((await rows<{ n: number }>(sql`select count(distinct di.petition_id)::int as n from petition_dispatch_items di join petitions p on p.id = di.petition_id where p.council_id = ${sh}`))[0]!.n);
      expect(d.totals.forwarded.value).toBe(forwarded);
      expect(d.rates.resolution).toBeCloseTo(d.totals.resolved.value / forwarded, 10);
    });

    it('computes overdue from dates as the list does, and on-time per agency per dispatch', async () => {
      const d = await json(vp.get(`/api/councils/${sh}/dashboard/petitions`));
      // Independent: the list's own computed deadline state of every petition.
      const all = await json(vp.get(`/api/councils/${sh}/petitions?pageSize=200`));
      const states = all.items.map((p: { deadlineStatus: string | null }) => p.deadlineStatus);
      const overdue = states.filter((s: string | null) => s === 'overdue' || s === 'long_overdue').length;
      expect(overdue).toBeGreaterThanOrEqual(1); // the street lights (demo)
      expect(d.totals.overdue.value).toBe(overdue);
      expect(d.totals.dueSoon.value).toBe(states.filter((s: string | null) => s === 'due_soon').length);

      const items = await rows<{ agency_id: string; state: string; due_date: string; first_on: string | null }>(sql`
        select di.agency_id, di.state, di.due_date::text as due_date, (select min(r.responded_on)::text from petition_responses r where r.dispatch_item_id = di.id) as first_on
        from petition_dispatch_items di join petitions p on p.id = di.petition_id where p.council_id = ${sh} and di.agency_id is not null`);
      const day = d.day as string;
      for (const row of d.onTime) {
        const mine = items.filter((i) => i.agency_id === row.agencyId);
        expect(row.onTime).toBe(mine.filter((i) => i.state === 'answered' && i.first_on! <= i.due_date).length);
        expect(row.late).toBe(mine.filter((i) => i.state === 'answered' && i.first_on! > i.due_date).length);
        expect(row.overdue).toBe(mine.filter((i) => i.state === 'pending' && i.due_date < day).length);
        expect(row.pending).toBe(mine.filter((i) => i.state === 'pending' && i.due_date >= day).length);
      }
      expect(new Set(d.onTime.map((r: { agencyId: string }) => r.agencyId))).toEqual(new Set(items.map((i) => i.agency_id)));
      const dl = d.onTime.find((r: { agencyId: string }) => r.agencyId === t.id('agency:dien-luc'));
      expect(dl).toMatchObject({ onTime: 1, late: 0, onTimeRate: 1 });
    });

    it('gives every clickable figure a filter that makes the petitions list show the same total', async () => {
      const rounds = await json(vp.get(`/api/councils/${sh}/petition-rounds`));
      const roundId = rounds.items[0].id as string;
      for (const query of ['', `?roundId=${roundId}`]) {
        const d = await json(vp.get(`/api/councils/${sh}/dashboard/petitions${query}`));
        expect(d.period.filterable).toBe(true);
        const figures: { value: number; filter: Filter }[] = [
          ...Object.values(d.totals as Record<string, { value: number; filter: Filter }>),
          ...(['byLevel', 'byField', 'byAgency', 'byUnit', 'byStatus'] as const).flatMap((k) =>
            (d[k] as Slice[]).map((s) => ({ value: s.count, filter: s.filter }))),
        ];
        const clickable = figures.filter((f) => f.filter);
        expect(clickable.length).toBeGreaterThan(10);
        for (const f of clickable) {
          if (query) expect(f.filter!.roundId).toBe(roundId);
          expect({ filter: f.filter, total: await listTotal(vp, sh, f.filter!) }).toEqual({ filter: f.filter, total: f.value });
        }
        expect(d.byField.find((s: Slice) => s.count > 0 && s.filter?.fieldId)).toBeTruthy();
        expect(d.byUnit.find((s: Slice) => s.count > 0 && s.filter?.unitId)).toBeTruthy();
      }
    });

    it('shows a year: one round in the year keeps the filters exact; a year without rounds is empty', async () => {
      const d = await json(vp.get(`/api/councils/${sh}/dashboard/petitions`));
      const year = (d.years as number[])[0]!;
      const y = await json(vp.get(`/api/councils/${sh}/dashboard/petitions?year=${year}`));
      const inYear = (d.rounds as { id: string; startDate: string }[]).filter((r) => r.startDate.startsWith(String(year)));
      const n = Number((await rows<{ n: number }>(sql`
        select count(*)::int as n from petitions p join petition_rounds r on r.id = p.round_id
        where p.council_id = ${sh} and extract(year from r.start_date) = ${year}`))[0]!.n);
      expect(y.totals.petitions.value).toBe(n);
      expect(y.period.filterable).toBe(inYear.length === 1);
      if (inYear.length === 1) expect(y.totals.petitions.filter).toEqual({ roundId: inYear[0]!.id });
      else expect(y.totals.petitions.filter).toBeNull();
      const empty = await json(vp.get(`/api/councils/${sh}/dashboard/petitions?year=2019`));
      expect(empty.totals.petitions.value).toBe(0);
      expect(empty.totals.overdue.filter).toBeNull();
      expect((await vp.get(`/api/councils/${sh}/dashboard/petitions?year=abc`)).status).toBe(422);
    });

    it('shows the trend across rounds, counted per round', async () => {
      const d = await json(vp.get(`/api/councils/${sh}/dashboard/petitions`));
      for (const r of d.trend) {
        const [x] = await rows<{ collected: number; forwarded: number }>(sql`
          select (select count(*)::int from petitions where origin_round_id = ${r.roundId}) as collected,
                 (select count(distinct di.petition_id)::int from petition_dispatch_items di join petition_dispatches dd on dd.id = di.dispatch_id where dd.round_id = ${r.roundId}) as forwarded`);
        expect({ collected: r.collected, forwarded: r.forwarded }).toEqual({ collected: Number(x!.collected), forwarded: Number(x!.forwarded) });
        expect(r.answered).toBeLessThanOrEqual(r.forwarded);
        expect(r.resolved).toBeLessThanOrEqual(r.answered);
      }
    });

    it('lists the five new units under Quảng Ngãi today, and the 15 communes under the town on 25/11/2021', async () => {
      const tinh = await t.as('vp.tinh');
      const prov = t.id('council:province');
      const now = await json(tinh.get(`/api/councils/${prov}/dashboard/lower-councils`));
      const five = ['duc-pho-ward', 'sa-huynh', 'tra-cau', 'nguyen-nghiem-commune', 'khanh-cuong'].map((k) => t.id(`council:${k}`));
      expect(new Set(now.councils.map((c: { councilId: string }) => c.councilId))).toEqual(new Set(five));
      // Sessions held come from the sessions module (the demo ward held two this year); supervision from the oversight module.
      const held = Number((await rows<{ n: number }>(sql`select count(*)::int as n from council_sessions where council_id = ${sh} and state in ('inProgress', 'closed')`))[0]!.n);
      expect(now.councils.find((c: { councilId: string }) => c.councilId === sh).sessionsHeld).toBe(held);
      expect(held).toBe(2);
      const begun = Number((await rows<{ n: number }>(sql`select count(*)::int as n from oversight_activities where council_id = ${sh} and year = 2026 and start_date <= '2026-11-26' and state <> 'cancelled'`))[0]!.n);
      expect(begun).toBe(2); // the demo ward's two 2026 activities (March and September)
      expect(now.councils.find((c: { councilId: string }) => c.councilId === sh).supervisionActivities).toBe(begun);
      expect(now.councils.find((c: { councilId: string }) => c.councilId === t.id('council:tra-cau')).supervisionActivities).toBe(0);
      // Figures come from the data: Sa Huỳnh's row counts its petitions, its overdue filter reproduces.
      const shRow = now.councils.find((c: { councilId: string }) => c.councilId === sh);
      const shTotal = Number((await rows<{ n: number }>(sql`select count(*)::int as n from petitions where council_id = ${sh}`))[0]!.n);
      expect(shRow.collected.value).toBe(shTotal);
      expect(shRow.canOpen).toBe(false); // the province's clerk does not read the ward's petitions list
      expect(await listTotal(vp, sh, shRow.overdue.filter)).toBe(shRow.overdue.value);
      expect(await listTotal(vp, sh, shRow.collected.filter)).toBe(shRow.collected.value);
      const overview = await json(vp.get(`/api/councils/${sh}/dashboard/petitions`));
      expect(shRow.forwarded.value).toBe(overview.totals.forwarded.value);
      expect(shRow.overdue.value).toBe(overview.totals.overdue.value);
      expect(now.totals.collected).toBe(now.councils.reduce((n: number, c: { collected: { value: number } }) => n + c.collected.value, 0));

      const thixa = await t.as('vp.thixa');
      const town = t.id('council:town');
      const y2021 = await json(thixa.get(`/api/councils/${town}/dashboard/lower-councils?at=2021-11-25`));
      const olds = ['Nguyễn Nghiêm', 'Phổ Hòa', 'Phổ Minh', 'Phổ Vinh', 'Phổ Ninh', 'Phổ Thạnh', 'Phổ Văn', 'Phổ Quang', 'Phổ Châu', 'Phổ An', 'Phổ Thuận', 'Phổ Nhơn', 'Phổ Phong', 'Phổ Khánh', 'Phổ Cường'];
      expect(y2021.councils).toHaveLength(15);
      expect(new Set(y2021.councils.map((c: { councilId: string }) => c.councilId))).toEqual(new Set(olds.map((n) => t.id(`council:old:${n}`))));
      // The town's units no longer exist today: no lower councils.
      expect((await json(thixa.get(`/api/councils/${town}/dashboard/lower-councils`))).councils).toEqual([]);
      // In 2021 the province's lower council was the town (not its communes).
      const prov2021 = await json(tinh.get(`/api/councils/${prov}/dashboard/lower-councils?at=2021-11-25`));
      expect(prov2021.councils.map((c: { councilId: string }) => c.councilId)).toEqual([town]);
      expect((await tinh.get(`/api/councils/${prov}/dashboard/lower-councils?at=2021-02-30`)).status).toBe(422);
    });

    it('keeps each council\'s dashboard to its own people', async () => {
      const prov = t.id('council:province');
      const ward = t.id('council:duc-pho-ward');
      expect((await vp.get(`/api/councils/${ward}/dashboard/petitions`)).status).toBe(403);
      expect((await vp.get(`/api/councils/${prov}/dashboard/petitions`)).status).toBe(403);
      expect((await vp.get(`/api/councils/${prov}/dashboard/lower-councils`)).status).toBe(403);
      const tinh = await t.as('vp.tinh');
      expect((await tinh.get(`/api/councils/${sh}/dashboard/petitions`)).status).toBe(403);
      const agency = await t.as('ubnd.sahuynh');
      expect((await agency.get(`/api/councils/${sh}/dashboard/petitions`)).status).toBe(403);
      expect((await t.anonymous().get(`/api/councils/${sh}/dashboard/petitions`)).status).toBe(401);
      for (const u of ['tt.sahuynh', 'daibieu.sahuynh', 'mttq.sahuynh']) {
        expect((await (await t.as(u)).get(`/api/councils/${sh}/dashboard/petitions`)).status).toBe(200);
      }
      // A round of another council is not found, not counted.
      const provRounds = await json((await t.as('vp.tinh')).get(`/api/councils/${prov}/petition-rounds`));
      expect((await vp.get(`/api/councils/${sh}/dashboard/petitions?roundId=${provRounds.items[0].id}`)).status).toBe(404);
    });
  });
}
