// The upper-level view of the reporting conference (hội nghị trực báo, founding notice): the
// councils directly below a council — the nearest councils found walking down the unit tree as it
// stood on a date — side by side, with their petition figures counted in one GROUP BY query.
// Sessions held are counted from the sessions module (opened by the date); supervision activities
// from the oversight module (activities of the year begun by the date).
import { councilOpinionCount } from '../../petitions/counts.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { can, type AuthUser } from '../../../server/permissions.ts';
import { councilRow, rowsOf } from '../../petitions/common.ts';
import { trackedDue } from '../../petitions/queries/listPetitions.ts';
import { lastResult, wasAnswered, wasForwarded } from './overview.ts';
import type { ListFilter } from '../filters.ts';
import { activitiesStartedBy } from '../../oversight/queries.ts';

const inForce = (alias: string, at: string) =>
  sql`(${sql.raw(alias)}.valid_from is null or ${sql.raw(alias)}.valid_from <= ${at}) and (${sql.raw(alias)}.valid_to is null or ${at} < ${sql.raw(alias)}.valid_to)`;

/** Councils directly below `councilId` on `at`: ids, names and their units, in the units' order. */
export async function lowerCouncilsAt(db: Db, councilId: string, at: string) {
  const council = await councilRow(db, councilId);
  return rowsOf<{ council_id: string; council_name: string; valid_from: string | null; valid_to: string | null; unit_id: string; unit_name: string; unit_type: string; unit_level: string; depth: number }>(db, sql`
    with recursive tree as (
      select u.id, 1 as depth from admin_units u
      where u.parent_id = ${council.unitId} and ${inForce('u', at)}
      union all
      select u.id, t.depth + 1 from admin_units u join tree t on u.parent_id = t.id
      where ${inForce('u', at)} and t.depth < 10
        and not exists (select 1 from councils c where c.unit_id = t.id and ${inForce('c', at)})
    )
    select c.id as council_id, c.name as council_name, c.valid_from::text as valid_from, c.valid_to::text as valid_to,
           u.id as unit_id, u.name as unit_name, u.type as unit_type, u.level as unit_level, t.depth
    from tree t
    join admin_units u on u.id = t.id
    join councils c on c.unit_id = u.id and ${inForce('c', at)}
    order by t.depth, u.sort_key collate "C", u.name`);
}

export async function lowerCouncilsView(db: Db, user: AuthUser | null, councilId: string, at: string, day: string) {
  const council = await councilRow(db, councilId);
  const lower = await lowerCouncilsAt(db, councilId, at);
  const ids = lower.map((l) => l.council_id);
  const figures = ids.length
    ? await rowsOf<{ council_id: string; collected: number; opinions: number; forwarded: number; answered: number; resolved: number; overdue: number }>(db, sql`
        select c.id as council_id,
               count("petitions"."id")::int as collected,
               ${councilOpinionCount(sql`c.id`)} as opinions,
               count("petitions"."id") filter (where ${wasForwarded})::int as forwarded,
               count("petitions"."id") filter (where ${wasAnswered})::int as answered,
               count("petitions"."id") filter (where ${lastResult} = 'resolved')::int as resolved,
               count("petitions"."id") filter (where ${overdueSql(day)})::int as overdue
        from councils c
        left join petitions on "petitions"."council_id" = c.id
        where c.id in ${ids}
        group by c.id`)
    : [];
  const byId = new Map(figures.map((f) => [f.council_id, f]));
  const held = new Map((await sessionsHeld(db, ids, at)).map((h) => [h.council_id, h.n]));
  const supervised = await activitiesStartedBy(db, ids, at);
  const rows = lower.map((l) => {
    const f = byId.get(l.council_id) ?? { collected: 0, opinions: 0, forwarded: 0, answered: 0, resolved: 0, overdue: 0 };
    const all: ListFilter = {};
    return {
      councilId: l.council_id,
      councilName: l.council_name,
      unitId: l.unit_id,
      unitName: l.unit_name,
      unitType: l.unit_type,
      unitLevel: l.unit_level,
      validFrom: l.valid_from,
      validTo: l.valid_to,
      /** May the caller open this council's petitions list? */
      canOpen: can(user, 'petitions.read', { councilId: l.council_id }),
      collected: { value: f.collected, filter: all },
      opinions: { value: f.opinions, filter: null },
      forwarded: { value: f.forwarded, filter: null },
      answered: { value: f.answered, filter: null },
      resolved: { value: f.resolved, filter: null },
      overdue: { value: f.overdue, filter: { deadline: 'overdue' } as ListFilter },
      /** Latest answer "resolved" ÷ petitions forwarded. */
      resolutionRate: f.forwarded > 0 ? f.resolved / f.forwarded : null,
      /** Sessions opened by `at` (in progress or closed). */
      sessionsHeld: held.get(l.council_id) ?? 0,
      /** Supervision activities of the year of `at` begun by `at` (not cancelled). */
      supervisionActivities: supervised.get(l.council_id) ?? 0,
    };
  });
  const sum = (k: 'collected' | 'opinions' | 'forwarded' | 'answered' | 'resolved' | 'overdue') => rows.reduce((n, r) => n + r[k].value, 0);
  const totals = {
    collected: sum('collected'), opinions: sum('opinions'), forwarded: sum('forwarded'), answered: sum('answered'),
    resolved: sum('resolved'), overdue: sum('overdue'),
  };
  return {
    council: { id: council.id, name: council.name, validFrom: council.validFrom, validTo: council.validTo },
    at,
    day,
    councils: rows,
    totals: { ...totals, resolutionRate: totals.forwarded > 0 ? totals.resolved / totals.forwarded : null },
  };
}

/** Sessions each council held (opened, in progress or closed) up to `at`. */
function sessionsHeld(db: Db, councilIds: string[], at: string) {
  if (!councilIds.length) return Promise.resolve([]);
  return rowsOf<{ council_id: string; n: number }>(db, sql`
    select council_id, count(*)::int as n from council_sessions
    where council_id in ${councilIds} and state in ('inProgress', 'closed') and opening_date <= ${at}
    group by council_id`);
}

/** The petitions list's "overdue" (deadline=overdue): the tracked date is before today. */
function overdueSql(day: string) {
  return sql`${trackedDue} < ${day}`;
}
