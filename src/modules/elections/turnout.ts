// Turnout on election day: each Tổ reports its area's cumulative count at the hours the committee
// set; the dashboard rolls the areas up per unit, commune and the whole election, with the areas
// that have not reported. Counts only: no row here names a voter.
import { and, eq } from 'drizzle-orm';
import { ElectionRuleError, recordTurnout, rollUpTurnout, BALLOT_TYPE_LABELS, type TurnoutKind, type TurnoutRollUp, type TurnoutSnapshot } from '../../domain/elections/index.ts';
import { forbidden, invalid, notFound } from '../../server/errors.ts';
import { recordEvent } from '../audit/service.ts';
import { publish } from '../../server/live.ts';
import type { ActionCtx, DbOrTx } from '../petitions/common.ts';
import { electionDaySettings, turnoutReports } from './daySchema.ts';
import { canEnterArea, loadAreas, loadUnits, type DayAccess, type DayArea, type DayElection } from './tallyScope.ts';

/** Shown until the committee sets its own hours (CONFIGURABLE default). */
export const DEFAULT_TURNOUT_HOURS = ['09:00', '11:00', '14:00', '17:00', '19:00'];

/** A domain refusal as a Vietnamese 422 (the module's one helper, common.ts). */
export { ruleError as electionRuleError } from './common.ts';
import { ruleError as electionRuleError } from './common.ts';

export async function daySettingsOf(db: DbOrTx, electionId: string) {
  const [row] = await db.select().from(electionDaySettings).where(eq(electionDaySettings.electionId, electionId));
  return {
    turnoutHours: row?.turnoutHours ?? DEFAULT_TURNOUT_HOURS,
    inventoryIdentity: (row?.inventoryIdentity ?? 'issued') as 'issued' | 'received',
    isDefault: !row,
  };
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export async function setDaySettings(ctx: ActionCtx, election: DayElection, input: { turnoutHours: string[]; inventoryIdentity: 'issued' | 'received' }) {
  const hours = [...new Set(input.turnoutHours)].sort();
  if (hours.length === 0) throw invalid('Cần ít nhất một giờ báo cáo số cử tri đi bầu.');
  for (const h of hours) if (!HHMM.test(h) || h < '05:00') throw invalid(`Giờ báo cáo không hợp lệ: "${h}" (cần dạng HH:MM, từ 05:00).`);
  return ctx.db.transaction(async (tx) => {
    const before = await daySettingsOf(tx, election.id);
    const values = { electionId: election.id, turnoutHours: hours, inventoryIdentity: input.inventoryIdentity, updatedAt: ctx.now };
    await tx.insert(electionDaySettings).values(values).onConflictDoUpdate({ target: electionDaySettings.electionId, set: values });
    await recordEvent(tx, ctx.actor, { action: 'election_day.settings', entityType: 'election', entityId: election.id, councilId: election.councilId, before, after: values });
    return daySettingsOf(tx, election.id);
  });
}

export type TurnoutInput = { at: string; voted: number; kind: TurnoutKind };

/** A Tổ's report for its area at one hour: cumulative, never decreasing, never above the list. */
export async function reportTurnout(ctx: ActionCtx, election: DayElection, access: DayAccess, areaId: string, input: TurnoutInput) {
  const areas = await loadAreas(ctx.db, election);
  const area = areas.find((a) => a.id === areaId);
  if (!area) throw notFound('khu vực bỏ phiếu');
  if (!canEnterArea(access, area)) throw forbidden('Bạn chỉ được báo cáo số cử tri đi bầu của khu vực bỏ phiếu mình phụ trách.');
  const settings = await daySettingsOf(ctx.db, election.id);
  if (input.kind !== 'final' && !settings.turnoutHours.includes(input.at)) {
    throw invalid(`Giờ ${input.at} không phải giờ báo cáo do Ủy ban bầu cử quy định (${settings.turnoutHours.join(', ')}).`);
  }
  const saved = await ctx.db.transaction(async (tx) => {
    const rows = await tx.select().from(turnoutReports).where(eq(turnoutReports.pollingAreaId, areaId)).for('update');
    const existing: TurnoutSnapshot[] = rows.map((r) => ({ pollingAreaId: r.pollingAreaId, at: r.at, voted: r.voted, kind: r.kind as TurnoutKind }));
    try {
      recordTurnout(existing, { pollingAreaId: areaId, at: input.at, voted: input.voted, kind: input.kind }, area.votersOnList);
    } catch (err) {
      electionRuleError(err instanceof ElectionRuleError && err.code === 'afterFinal' ? new ElectionRuleError('afterFinal', `Khu vực bỏ phiếu số ${area.number} đã báo cáo số liệu chính thức.`) : err);
    }
    const before = rows.find((r) => r.at === input.at) ?? null;
    const values = { electionId: election.id, pollingAreaId: areaId, at: input.at, voted: input.voted, kind: input.kind, reportedBy: ctx.actor.id, reportedAt: ctx.now };
    const [row] = await tx
      .insert(turnoutReports)
      .values(values)
      .onConflictDoUpdate({ target: [turnoutReports.pollingAreaId, turnoutReports.at], set: { voted: values.voted, kind: values.kind, reportedBy: values.reportedBy, reportedAt: values.reportedAt } })
      .returning();
    await recordEvent(tx, ctx.actor, {
      action: 'election_turnout.report',
      entityType: 'polling_area',
      entityId: areaId,
      councilId: election.councilId,
      before: before && { at: before.at, voted: before.voted, kind: before.kind },
      after: { at: row!.at, voted: row!.voted, kind: row!.kind },
    });
    return { at: row!.at, voted: row!.voted, kind: row!.kind, votersOnList: area.votersOnList };
  });
  // After commit: every open dashboard of the election reloads (a count, never a voter).
  await publish(ctx.db as never, turnoutChannel(election.id), { type: 'turnout', pollingAreaId: areaId, at: saved.at, voted: saved.voted, kind: saved.kind });
  return saved;
}

/** The live channel of an election's turnout (src/server/live.ts). */
export const turnoutChannel = (electionId: string) => `election-turnout:${electionId}`;

type Group = { key: string; name: string; areaIds: string[] };
type RolledGroup = Omit<Group, 'areaIds'> & TurnoutRollUp & { notReportedNames: string[]; areaCount: number };

/** The dashboard at clock time `at`: whole election, communes, units, areas (counts only). */
export async function turnoutDashboard(db: DbOrTx, election: DayElection, at: string | undefined, visible: (a: DayArea) => boolean = () => true) {
  const settings = await daySettingsOf(db, election.id);
  const [allAreas, units, reports] = await Promise.all([
    loadAreas(db, election),
    loadUnits(db, election),
    db.select({ pollingAreaId: turnoutReports.pollingAreaId, at: turnoutReports.at, voted: turnoutReports.voted, kind: turnoutReports.kind }).from(turnoutReports).where(and(eq(turnoutReports.electionId, election.id))),
  ]);
  const areas = allAreas.filter(visible);
  const when = at ?? [...reports.map((r) => r.at), settings.turnoutHours[0]!].sort().at(-1)!;
  const snaps = new Map<string, TurnoutSnapshot[]>();
  for (const r of reports) {
    const list = snaps.get(r.pollingAreaId) ?? [];
    list.push({ pollingAreaId: r.pollingAreaId, at: r.at, voted: r.voted, kind: r.kind as TurnoutKind });
    snaps.set(r.pollingAreaId, list);
  }
  const byId = new Map(areas.map((a) => [a.id, a]));
  const roll = (g: Group): RolledGroup => {
    const members = g.areaIds.map((id) => byId.get(id)).filter((a): a is DayArea => a !== undefined);
    let r: TurnoutRollUp;
    try {
      r = rollUpTurnout(members.map((a) => ({ pollingAreaId: a.id, votersOnList: a.votersOnList, snapshots: snaps.get(a.id) ?? [] })), when);
    } catch (err) {
      return electionRuleError(err);
    }
    return { key: g.key, name: g.name, ...r, areaCount: members.length, notReportedNames: r.notReported.map((id) => `Khu vực bỏ phiếu số ${byId.get(id)!.number}`) };
  };
  const communes = new Map<string, Group>();
  for (const a of areas) {
    const g = communes.get(a.communeId) ?? { key: a.communeId, name: a.communeName, areaIds: [] };
    g.areaIds.push(a.id);
    communes.set(a.communeId, g);
  }
  const unitGroups: (Group & { ballotType: string })[] = units
    .map((u) => ({ key: u.id, name: `${u.name} (${BALLOT_TYPE_LABELS[u.ballotType]})`, ballotType: u.ballotType, areaIds: areas.filter((a) => a.units[u.ballotType] === u.id).map((a) => a.id) }))
    .filter((g) => g.areaIds.length > 0);
  return {
    at: when,
    hours: settings.turnoutHours,
    hoursAreDefault: settings.isDefault,
    total: roll({ key: election.id, name: election.name, areaIds: areas.map((a) => a.id) }),
    communes: [...communes.values()].map(roll),
    units: unitGroups.map((g) => ({ ...roll(g), ballotType: g.ballotType })),
    areas: areas.map((a) => {
      const own = (snaps.get(a.id) ?? []).filter((s) => s.at <= when).sort((x, y) => (x.at < y.at ? 1 : -1))[0];
      return {
        id: a.id,
        number: a.number,
        name: a.name,
        communeName: a.communeName,
        votersOnList: a.votersOnList,
        reported: own !== undefined,
        at: own?.at ?? null,
        voted: own?.voted ?? null,
        kind: own?.kind ?? null,
        percent: own ? (own.voted * 100) / (a.votersOnList || 1) : null,
        reports: (snaps.get(a.id) ?? []).sort((x, y) => (x.at < y.at ? -1 : 1)).map((s) => ({ at: s.at, voted: s.voted, kind: s.kind })),
      };
    }),
  };
}
