// Editing the election as data (issue #14, the setup screens): the election's name, note and
// ballots; a unit's name, seats and resolution; a polling area's name, kind and hamlets; a body's
// name and decision. Each: validate, one transaction, one audit event with before and after. Also
// the accounts a member can be linked to, and the complaints of an election with their computed
// due dates and overdue flags (never stored).
import { and, asc, count, countDistinct, desc, eq, or } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../db/paging.ts';
import { conflict, invalid } from '../../server/errors.ts';
import { recordEvent } from '../audit/service.ts';
import { BALLOT_TYPES, resultComplaintTiming, seatsProblem, type BallotType, type PollingAreaKind } from '../../domain/elections/index.ts';
import { roleGrants, users } from '../accounts/schema.ts';
import { electionBodies, elections, electoralUnits, pollingAreas } from './schema.ts';
import { voterListComplaints } from './votersSchema.ts';
import { resultComplaints, resultMinutes } from './daySchema.ts';
import { areaOf, bodyOf, electionOf, out, rule, unitOf, type ActionCtx, type DbOrTx } from './common.ts';
import { voterListComplaintRule } from './actions/voters.ts';

export interface ElectionPatch { name?: string; note?: string; ballotTypes?: BallotType[] }

export async function updateElection(ctx: ActionCtx, councilId: string, electionId: string, input: ElectionPatch) {
  return ctx.db.transaction(async (tx) => {
    const e = await electionOf(tx, electionId);
    if (e.councilId !== councilId) throw invalid('Cuộc bầu cử này do Ủy ban bầu cử cấp khác lập: chỉ nơi lập được sửa.');
    let ballotTypes = e.ballotTypes;
    if (input.ballotTypes) {
      ballotTypes = BALLOT_TYPES.filter((b) => input.ballotTypes!.includes(b));
      if (!ballotTypes.length) throw invalid('Cần chọn ít nhất một loại phiếu bầu.');
      const used = await tx.selectDistinct({ b: electoralUnits.ballotType }).from(electoralUnits).where(eq(electoralUnits.electionId, e.id));
      const dropped = used.map((u) => u.b).filter((b) => !ballotTypes.includes(b));
      if (dropped.length) throw conflict('Không bỏ được loại phiếu bầu đã có đơn vị bầu cử.');
    }
    const [row] = await tx.update(elections).set({ name: input.name ?? e.name, note: input.note ?? e.note, ballotTypes }).where(eq(elections.id, e.id)).returning();
    await recordEvent(tx, ctx.actor, { action: 'election.update', entityType: 'election', entityId: e.id, councilId, before: { name: e.name, note: e.note, ballotTypes: e.ballotTypes }, after: { name: row!.name, note: row!.note, ballotTypes: row!.ballotTypes } });
    return out(row!);
  });
}

export interface UnitPatch { name?: string; seats?: number; resolution?: string; description?: string }

export async function updateElectoralUnit(ctx: ActionCtx, councilId: string, electionId: string, unitId: string, input: UnitPatch) {
  return ctx.db.transaction(async (tx) => {
    const u = await unitOf(tx, councilId, electionId, unitId);
    if (u.councilId !== councilId) throw invalid('Đơn vị bầu cử này thuộc cấp khác: chỉ Ủy ban bầu cử của cấp đó được sửa.');
    if (input.seats !== undefined) {
      const problem = seatsProblem(u.ballotType as BallotType, input.seats);
      if (problem) throw invalid(problem);
    }
    const next = { name: input.name ?? u.name, seats: input.seats ?? u.seats, resolution: input.resolution ?? u.resolution, description: input.description ?? u.description };
    const [row] = await tx.update(electoralUnits).set(next).where(eq(electoralUnits.id, u.id)).returning();
    await recordEvent(tx, ctx.actor, { action: 'electoral_unit.update', entityType: 'electoral_unit', entityId: u.id, councilId, before: { name: u.name, seats: u.seats, resolution: u.resolution, description: u.description }, after: next });
    return out(row!);
  });
}

export interface AreaPatch { name?: string; kind?: PollingAreaKind; hamlets?: string }

export async function updatePollingArea(ctx: ActionCtx, councilId: string, electionId: string, areaId: string, input: AreaPatch) {
  return ctx.db.transaction(async (tx) => {
    const a = await areaOf(tx, councilId, electionId, areaId);
    if (a.councilId !== councilId) throw invalid('Khu vực bỏ phiếu do Ủy ban nhân dân xã, phường xác định: hãy sửa ở hội đồng nhân dân xã, phường.');
    const next = { name: input.name ?? a.name, kind: input.kind ?? a.kind, hamlets: input.hamlets ?? a.hamlets };
    const [row] = await tx.update(pollingAreas).set(next).where(eq(pollingAreas.id, a.id)).returning();
    await recordEvent(tx, ctx.actor, { action: 'polling_area.update', entityType: 'polling_area', entityId: a.id, councilId, before: { name: a.name, kind: a.kind, hamlets: a.hamlets }, after: next });
    return out(row!);
  });
}

export interface BodyPatch { name?: string; decision?: string }

export async function updateElectionBody(ctx: ActionCtx, councilId: string, electionId: string, bodyId: string, input: BodyPatch) {
  return ctx.db.transaction(async (tx) => {
    const b = await bodyOf(tx, councilId, electionId, bodyId);
    const next = { name: input.name ?? b.name, decision: input.decision ?? b.decision };
    const [row] = await tx.update(electionBodies).set(next).where(eq(electionBodies.id, b.id)).returning();
    await recordEvent(tx, ctx.actor, { action: 'election_body.update', entityType: 'election_body', entityId: b.id, councilId: b.councilId, before: { name: b.name, decision: b.decision }, after: next });
    return out(row!);
  });
}

/** Accounts that may sit on a Ban or Tổ of the council (role election_member there): name and username only. */
export async function memberAccounts(db: DbOrTx, councilId: string, p: { page: number; pageSize: number }) {
  const where = and(eq(roleGrants.councilId, councilId), eq(roleGrants.role, 'election_member'));
  // One row per account (grouped, not DISTINCT: the window count then counts accounts, not grants).
  return pageWithTotal(
    p,
    (total) =>
      db.select({ id: users.id, fullName: users.fullName, username: users.username, total }).from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId)).where(where)
        .groupBy(users.id, users.fullName, users.username).orderBy(asc(users.fullName), asc(users.id)),
    async () => (await db.select({ n: countDistinct(roleGrants.userId) }).from(roleGrants).where(where))[0]?.n ?? 0,
  );
}

/**
 * Complaints about the voter lists of the council's areas (a province sees its communes'): each
 * with its answer due date (stored at receipt from the rule set) and, computed against today,
 * whether it is overdue. `state=open` keeps the unanswered ones.
 */
export async function voterListComplaintsOf(db: DbOrTx, councilId: string, electionId: string, todayIso: string, p: { page: number; pageSize: number; state?: 'open' | 'answered' }) {
  const e = await electionOf(db, electionId);
  const where = and(eq(voterListComplaints.electionId, e.id), or(eq(pollingAreas.councilId, councilId), eq(pollingAreas.provinceCouncilId, councilId)), p.state ? eq(voterListComplaints.state, p.state) : undefined);
  const { items: rows, total } = await pageWithTotal(
    p,
    (total) =>
      db.select({ c: voterListComplaints, areaNumber: pollingAreas.number, areaName: pollingAreas.name, listPostedOn: pollingAreas.listPostedOn, total }).from(voterListComplaints).innerJoin(pollingAreas, eq(pollingAreas.id, voterListComplaints.pollingAreaId))
        .where(where).orderBy(asc(voterListComplaints.state), desc(voterListComplaints.receivedOn), asc(voterListComplaints.id)),
    async () => (await db.select({ n: count() }).from(voterListComplaints).innerJoin(pollingAreas, eq(pollingAreas.id, voterListComplaints.pollingAreaId)).where(where))[0]?.n ?? 0,
  );
  const r = voterListComplaintRule(e.electionDay);
  const items = rows.map(({ c, areaNumber, areaName }) => ({
    ...out(c), areaNumber, areaName,
    overdue: c.state === 'open' ? todayIso > c.answerDue : false,
    late: c.state === 'answered' && !!c.answeredOn && c.answeredOn > c.answerDue,
    rule: `Trả lời trong ${String(r.answerWithinDays).padStart(2, '0')} ngày kể từ ngày nhận (${r.source})`,
  }));
  return { items, total, page: p.page, pageSize: p.pageSize, rule: { ...r } };
}

/** Complaints about results with the decision due date and overdue, computed against today. */
export async function resultComplaintsOf(db: DbOrTx, electionId: string, todayIso: string, p: { page: number; pageSize: number }) {
  const e = await electionOf(db, electionId);
  const where = eq(resultComplaints.electionId, e.id);
  const { items: rows, total } = await pageWithTotal(
    p,
    (total) =>
      db.select({ c: resultComplaints, m: resultMinutes, unitName: electoralUnits.name, total }).from(resultComplaints).innerJoin(resultMinutes, eq(resultMinutes.id, resultComplaints.minutesId)).leftJoin(electoralUnits, eq(electoralUnits.id, resultMinutes.unitId))
        .where(where).orderBy(asc(resultComplaints.state), desc(resultComplaints.receivedOn), asc(resultComplaints.id)),
    () => countWhere(db, resultComplaints, where),
  );
  const items = rows.map(({ c, m, unitName }) => {
    const timing = m.publishedOn ? rule(() => resultComplaintTiming(e.electionDay, m.publishedOn!, c.receivedOn)) : null;
    return { ...out(c), ballotType: m.ballotType, unitName, timing, overdue: c.state === 'received' && !!timing?.decideBy && todayIso > timing.decideBy };
  });
  return { items, total, page: p.page, pageSize: p.pageSize };
}

/** Published minutes a complaint about results can be filed against. */
export async function publishedMinutes(db: DbOrTx, electionId: string) {
  const rows = await db.select({ id: resultMinutes.id, scope: resultMinutes.scope, ballotType: resultMinutes.ballotType, round: resultMinutes.round, publishedOn: resultMinutes.publishedOn, unitName: electoralUnits.name })
    .from(resultMinutes).leftJoin(electoralUnits, eq(electoralUnits.id, resultMinutes.unitId)).where(and(eq(resultMinutes.electionId, electionId), eq(resultMinutes.state, 'published'))).orderBy(asc(resultMinutes.ballotType), asc(resultMinutes.scope), asc(electoralUnits.number));
  return rows;
}
