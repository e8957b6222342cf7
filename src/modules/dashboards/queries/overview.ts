// "Tổng quan kiến nghị": a council's petitions for a period (all, a round, a year), counted in the
// database (GROUP BY / FILTER), on the very WHERE clause the petitions list uses (petitionConds),
// so each figure's click-through filter gives the list the same total. Deadline states are
// computed from dates as of today, with the list's own SQL (trackedDue / deadlineCond).
import { councilOpinionCount, roundOpinionCount, roundRaisedPetitionCount, roundsOpinionCount } from '../../petitions/counts.ts';
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { WorkingCalendar } from '../../../domain/calendar/index.ts';
import type { PetitionSettings } from '../../../domain/petitions/deadlines.ts';
import { LEVEL_LABELS } from '../../../domain/petitions/counting.ts';
import {
  PETITION_STATUSES, PETITION_STATUS_LABELS, RESPONSE_RESULTS, RESPONSE_RESULT_LABELS, ROUND_KIND_LABELS, type RoundKind,
} from '../../../domain/petitions/status.ts';
import { councilLevels, councilRow, roundOf, rowsOf } from '../../petitions/common.ts';
import { deadlineCond, petitionConds } from '../../petitions/queries/listPetitions.ts';
import { basePetitionFilter, periodCond, periodFilter, withPeriod, type ListFilter, type Period } from '../filters.ts';

export interface Env {
  day: string;
  calendar: WorkingCalendar;
  settings: PetitionSettings;
}

export interface Figure {
  value: number;
  filter: ListFilter | null;
}

export interface Slice {
  key: string | null;
  label: string;
  count: number;
  filter: ListFilter | null;
}

/** SQL: the result of a petition's latest answer (null when not answered yet). */
export const lastResult = sql<string | null>`(select r.result from petition_responses r where r.petition_id = "petitions"."id" order by r.created_at desc, r.id desc limit 1)`;
/** SQL: the petition was ever sent to an agency, the NA delegation or the upper council. */
export const wasForwarded = sql`exists (select 1 from petition_dispatch_items di where di.petition_id = "petitions"."id")`;
/** SQL: the petition has at least one answer. */
export const wasAnswered = sql`exists (select 1 from petition_responses r where r.petition_id = "petitions"."id")`;
/** SQL: sessions the petition has been outstanding (as the petitions list counts them). */
export const sessionsOutstanding = sql`(select greatest(count(*), 1) from petition_round_entries e join petition_rounds r on r.id = e.round_id where e.petition_id = "petitions"."id" and r.kind <> 'continuous')`;

const rate = (num: number, den: number) => (den > 0 ? num / den : null);

/** Resolves the period asked for (roundId wins over year; neither = all). */
export async function resolvePeriod(db: Db, councilId: string, q: { roundId?: string; year?: number }): Promise<Period> {
  if (q.roundId) {
    await roundOf(db, councilId, q.roundId);
    return { kind: 'round', roundId: q.roundId };
  }
  if (q.year) {
    const rows = await rowsOf<{ id: string }>(db, sql`
      select id from petition_rounds where council_id = ${councilId}
        and start_date >= ${`${q.year}-01-01`} and start_date <= ${`${q.year}-12-31`} order by sequence`);
    return { kind: 'year', year: q.year, roundIds: rows.map((r) => r.id) };
  }
  return { kind: 'all' };
}

export async function petitionOverview(db: Db, councilId: string, period: Period, env: Env) {
  const council = await councilRow(db, councilId);
  const where = and(petitionConds(councilId, basePetitionFilter(period), env.day, env.calendar, env.settings), periodCond(period))!;
  const pf = periodFilter(period);
  const f = (own: ListFilter | null) => withPeriod(pf, own);
  const overdue = deadlineCond('overdue', councilId, env.day, env.calendar, env.settings)!;
  const dueSoon = deadlineCond('due_soon', councilId, env.day, env.calendar, env.settings)!;
  const longOverdue = deadlineCond('long_overdue', councilId, env.day, env.calendar, env.settings)!;

  const grouped = (key: SQL, label: SQL, joins: SQL = sql``, order: SQL = sql`2`) =>
    rowsOf<{ k: string | null; label: string | null; n: number }>(db, sql`
      select ${key} as k, ${label} as label, count(distinct "petitions"."id")::int as n
      from petitions ${joins}
      where ${where}
      group by 1, 2 order by 3 desc, ${order}`);

  const [levels, byLevelRows, byFieldRows, byAgencyRows, byUnitRows, byStatusRows, byResultRows, totalsRows, outstandingRows, onTimeRows, trendRows, roundRows] =
    await Promise.all([
      councilLevels(db, councilId),
      grouped(sql`"petitions"."competent_level"`, sql`''`),
      grouped(sql`"petitions"."field_id"`, sql`pf.name`, sql`left join petition_fields pf on pf.id = "petitions"."field_id"`),
      grouped(sql`"petitions"."agency_id"`, sql`ag.name`, sql`left join agencies ag on ag.id = "petitions"."agency_id"`),
      grouped(sql`o.unit_id`, sql`au.name`, sql`left join petition_opinions o on o.petition_id = "petitions"."id" left join admin_units au on au.id = o.unit_id`),
      grouped(sql`"petitions"."status"`, sql`''`),
      grouped(sql`coalesce(${lastResult}, 'none')`, sql`''`),
      rowsOf<Record<string, number>>(db, sql`
        select count(*)::int as petitions,
               ${period.kind === 'round' ? roundOpinionCount(period.roundId) : period.kind === 'year' ? roundsOpinionCount(period.roundIds) : councilOpinionCount(councilId)} as opinions,
               count(*) filter (where ${wasForwarded})::int as forwarded,
               count(*) filter (where ${wasAnswered})::int as answered,
               count(*) filter (where ${lastResult} = 'resolved')::int as resolved,
               count(*) filter (where "petitions"."status" = 'closed')::int as closed,
               count(*) filter (where ${overdue})::int as overdue,
               count(*) filter (where ${longOverdue})::int as long_overdue,
               count(*) filter (where ${dueSoon})::int as due_soon,
               count(*) filter (where "petitions"."status" <> 'closed' and ${sessionsOutstanding} > 1)::int as carried_over
        from petitions where ${where}`),
      rowsOf<{ sessions: number; n: number }>(db, sql`
        select least(${sessionsOutstanding}, 3)::int as sessions, count(*)::int as n
        from petitions where ${where} and "petitions"."status" <> 'closed'
        group by 1 order by 1`),
      // On time per agency: every dispatch of the period's petitions to an agency, answered by the
      // due date, answered late, or still unanswered past it (returned items are not counted).
      rowsOf<{ agency_id: string; name: string; on_time: number; late: number; overdue: number; pending: number }>(db, sql`
        select di.agency_id, ag.name,
               count(*) filter (where di.state = 'answered' and ans.first_on <= di.due_date)::int as on_time,
               count(*) filter (where di.state = 'answered' and ans.first_on > di.due_date)::int as late,
               count(*) filter (where di.state = 'pending' and di.due_date < ${env.day})::int as overdue,
               count(*) filter (where di.state = 'pending' and di.due_date >= ${env.day})::int as pending
        from petition_dispatch_items di
        join petitions on "petitions"."id" = di.petition_id
        join agencies ag on ag.id = di.agency_id
        left join lateral (select min(r.responded_on) as first_on from petition_responses r where r.dispatch_item_id = di.id) ans on true
        where ${where} and di.agency_id is not null
        group by di.agency_id, ag.name
        order by 5 desc, 4 desc, 2`),
      // Trend across the council's rounds (not limited to the period).
      rowsOf<{ id: string; name: string; sequence: number; kind: string; start_date: string; status: string; collected: number; opinions: number; forwarded: number; answered: number; resolved: number }>(db, sql`
        select r.id, r.name, r.sequence, r.kind, r.start_date::text as start_date, r.status,
          ${roundRaisedPetitionCount(sql`r.id`)} as collected,
          ${roundOpinionCount(sql`r.id`)} as opinions,
          (select count(distinct di.petition_id) from petition_dispatch_items di join petition_dispatches d on d.id = di.dispatch_id where d.round_id = r.id)::int as forwarded,
          (select count(distinct di.petition_id) from petition_dispatch_items di join petition_dispatches d on d.id = di.dispatch_id
             where d.round_id = r.id and exists (select 1 from petition_responses x where x.dispatch_item_id = di.id))::int as answered,
          (select count(distinct di.petition_id) from petition_dispatch_items di join petition_dispatches d on d.id = di.dispatch_id
             where d.round_id = r.id and (select x.result from petition_responses x where x.dispatch_item_id = di.id order by x.created_at desc, x.id desc limit 1) = 'resolved')::int as resolved
        from petition_rounds r where r.council_id = ${councilId}
        order by r.sequence`),
      rowsOf<{ year: number }>(db, sql`select distinct extract(year from start_date)::int as year from petition_rounds where council_id = ${councilId} order by 1 desc`),
    ]);

  const t = totalsRows[0]!;
  const byLevel: Slice[] = [
    ...levels.map((level) => ({ key: level, label: LEVEL_LABELS[level] ?? level, count: byLevelRows.find((r) => r.k === level)?.n ?? 0, filter: f({ competentLevel: level }) })),
    ...byLevelRows
      .filter((r) => !levels.includes(r.k ?? ''))
      .map((r) => ({ key: r.k, label: r.k ? (LEVEL_LABELS[r.k] ?? r.k) : 'Chưa xác định cấp', count: r.n, filter: r.k ? f({ competentLevel: r.k }) : null })),
  ];
  const named = (rows: typeof byFieldRows, param: 'fieldId' | 'agencyId' | 'unitId', none: string): Slice[] =>
    rows.map((r) => ({ key: r.k, label: r.label ?? none, count: r.n, filter: r.k ? f({ [param]: r.k }) : null }));
  const byStatus: Slice[] = PETITION_STATUSES.map((s) => ({
    key: s, label: PETITION_STATUS_LABELS[s], count: byStatusRows.find((r) => r.k === s)?.n ?? 0, filter: f({ status: s }),
  }));
  // The list has no "latest result" filter: these slices cannot be clicked through.
  const byResult: Slice[] = [
    ...RESPONSE_RESULTS.map((r) => ({ key: r as string, label: RESPONSE_RESULT_LABELS[r], count: byResultRows.find((x) => x.k === r)?.n ?? 0, filter: null })),
    { key: 'none', label: 'Chưa có trả lời', count: byResultRows.find((x) => x.k === 'none')?.n ?? 0, filter: null },
  ];
  const onTime = onTimeRows.map((r) => ({
    agencyId: r.agency_id,
    agencyName: r.name,
    onTime: r.on_time,
    late: r.late,
    overdue: r.overdue,
    pending: r.pending,
    /** Answered by the due date ÷ (answered + overdue unanswered); null when nothing is due yet. */
    onTimeRate: rate(r.on_time, r.on_time + r.late + r.overdue),
    filter: f({ agencyId: r.agency_id }),
    overdueFilter: null as ListFilter | null,
  }));
  const sessionsLabel = (n: number) => (n >= 3 ? 'Từ 3 kỳ họp trở lên' : n === 2 ? 'Qua 2 kỳ họp' : 'Trong 1 kỳ họp');
  const outstanding = [1, 2, 3].map((s) => ({ sessions: s, label: sessionsLabel(s), count: outstandingRows.find((r) => r.sessions === s)?.n ?? 0, filter: null }));

  return {
    council: { id: council.id, name: council.name },
    day: env.day,
    period: {
      kind: period.kind,
      roundId: period.kind === 'round' ? period.roundId : null,
      year: period.kind === 'year' ? period.year : null,
      roundIds: period.kind === 'year' ? period.roundIds : period.kind === 'round' ? [period.roundId] : null,
      /** Can the petitions list reproduce this period's figures? (a year of several rounds: no) */
      filterable: pf !== null,
      filter: pf,
    },
    rounds: roundRows_(trendRows),
    years: roundRows.map((r) => r.year),
    totals: {
      petitions: { value: t.petitions!, filter: f({}) },
      opinions: { value: t.opinions!, filter: null },
      forwarded: { value: t.forwarded!, filter: null },
      answered: { value: t.answered!, filter: null },
      resolved: { value: t.resolved!, filter: null },
      closed: { value: t.closed!, filter: f({ status: 'closed' }) },
      overdue: { value: t.overdue!, filter: f({ deadline: 'overdue' }) },
      longOverdue: { value: t.long_overdue!, filter: f({ deadline: 'long_overdue' }) },
      dueSoon: { value: t.due_soon!, filter: f({ deadline: 'due_soon' }) },
      carriedOver: { value: t.carried_over!, filter: null },
    } satisfies Record<string, Figure>,
    rates: {
      /** Latest answer "resolved" ÷ petitions forwarded. */
      resolution: rate(t.resolved!, t.forwarded!),
      /** Petitions with an answer ÷ petitions forwarded. */
      answered: rate(t.answered!, t.forwarded!),
      onTime: rate(
        onTime.reduce((n, r) => n + r.onTime, 0),
        onTime.reduce((n, r) => n + r.onTime + r.late + r.overdue, 0),
      ),
    },
    byLevel,
    byField: named(byFieldRows, 'fieldId', 'Chưa phân loại lĩnh vực'),
    byAgency: named(byAgencyRows, 'agencyId', 'Chưa xác định cơ quan'),
    byUnit: named(byUnitRows, 'unitId', 'Chưa rõ địa bàn'),
    byStatus,
    byResult,
    onTime,
    outstanding,
    trend: trendRows.map((r) => ({
      roundId: r.id, name: r.name, sequence: r.sequence, startDate: r.start_date,
      collected: r.collected, opinions: r.opinions, forwarded: r.forwarded, answered: r.answered, resolved: r.resolved,
    })),
  };
}

function roundRows_(rows: { id: string; name: string; sequence: number; kind: string; start_date: string; status: string }[]) {
  return [...rows]
    .sort((a, b) => b.sequence - a.sequence)
    .map((r) => ({ id: r.id, name: r.name, sequence: r.sequence, startDate: r.start_date, status: r.status, kindLabel: ROUND_KIND_LABELS[r.kind as RoundKind] ?? r.kind }));
}

