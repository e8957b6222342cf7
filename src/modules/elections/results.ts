// Results: the Ban confirms its unit's result (Mẫu 24, frozen figures and outcome); the committee
// confirms the summary of a council level (Mẫu 25) and publishes; complaints about results are
// received and decided within the Điều 87 deadlines. Public results carry counts and winners
// with their reasons, per unit and per polling area; never a complainant.
import { and, asc, eq } from 'drizzle-orm';
import { resultComplaintTiming, BALLOT_TYPE_LABELS, type BallotType, type RoundKind, type UnitOutcome } from '../../domain/elections/index.ts';
import { conflict, forbidden, invalid, notFound } from '../../server/errors.ts';
import { recordEvent } from '../audit/service.ts';
import { out, today, type ActionCtx, type DbOrTx } from '../petitions/common.ts';
import { resultComplaints, resultMinutes, tallySheets, tallySheetVersions } from './daySchema.ts';
import { canManageUnit, loadAreas, loadUnits, type DayAccess, type DayElection } from './tallyScope.ts';
import { electionRuleError } from './turnout.ts';
import { computeUnitResult, confirmedMinutes } from './winners.ts';

/** The Ban confirms the unit's result: every area locked, the sums consistent; figures and outcome frozen. */
export async function confirmUnitResult(ctx: ActionCtx, election: DayElection, access: DayAccess, unitId: string, round: RoundKind) {
  const unit = (await loadUnits(ctx.db, election)).find((u) => u.id === unitId);
  if (!unit) throw notFound('đơn vị bầu cử');
  if (!canManageUnit(access, unitId)) throw forbidden('Chỉ Ban bầu cử của đơn vị bầu cử này (hoặc Ủy ban bầu cử) được xác nhận kết quả.');
  const r = await computeUnitResult(ctx.db, election, unit, round);
  if (r.missingAreas.length > 0) throw conflict(`Chưa đủ biên bản đã khóa sổ: ${r.missingAreas.map((a) => `khu vực bỏ phiếu số ${a.number}`).join(', ')}.`);
  if (!r.rollUp || !r.outcome) throw conflict('Chưa có biên bản kết quả kiểm phiếu nào đã khóa sổ.');
  if (r.rollUp.failures.length > 0) throw invalid(`Số liệu tổng hợp không khớp: ${r.rollUp.failures.map((f) => f.message).join(' ')}`, { failures: r.rollUp.failures });
  if (r.outcome.next === 'decideTie') throw conflict('Có người ứng cử bằng phiếu và cùng ngày sinh cho ghế cuối: cần quyết định trước khi xác nhận kết quả.');
  return ctx.db.transaction(async (tx) => {
    if (await confirmedMinutes(tx, election.id, unitId, unit.ballotType, round)) throw conflict('Kết quả của đơn vị bầu cử ở lần bầu cử này đã được xác nhận.');
    const [row] = await tx.insert(resultMinutes).values({ electionId: election.id, scope: 'unit', unitId, ballotType: unit.ballotType, round, figures: r.rollUp!.figures, outcome: r.outcome!, confirmedBy: ctx.actor.id, confirmedAt: ctx.now }).returning();
    await recordEvent(tx, ctx.actor, { action: 'election_result.confirm_unit', entityType: 'election_result', entityId: row!.id, councilId: election.councilId, after: { unitId, round, winners: r.outcome!.winners.map((w) => w.name), next: r.outcome!.next } });
    return out(row!);
  });
}

/** Every unit of a council level with its current result (frozen once confirmed, computed before). */
export async function levelResults(db: DbOrTx, election: DayElection, ballotType: BallotType) {
  const units = (await loadUnits(db, election)).filter((u) => u.ballotType === ballotType).sort((a, b) => a.number - b.number);
  const minutes = await db.select().from(resultMinutes).where(and(eq(resultMinutes.electionId, election.id), eq(resultMinutes.ballotType, ballotType)));
  const items = [];
  for (const unit of units) {
    const rounds: RoundKind[] = ['first', 'revote', 'additional'];
    const perRound = [];
    for (const round of rounds) {
      const m = minutes.find((x) => x.scope === 'unit' && x.unitId === unit.id && x.round === round);
      if (m) {
        perRound.push({ round, confirmed: true, minutesId: m.id, state: m.state, publishedOn: m.publishedOn, figures: m.figures, outcome: m.outcome as UnitOutcome, missingAreas: [] as { id: string; number: string; name: string }[], failures: [] });
        continue;
      }
      if (round !== 'first') {
        const prev = perRound.at(-1);
        const next = prev?.outcome?.next;
        if (!prev?.confirmed || !((round === 'revote' && next === 'revote') || (round === 'additional' && next === 'additionalRound'))) continue;
      }
      const r = await computeUnitResult(db, election, unit, round);
      perRound.push({ round, confirmed: false, minutesId: null, state: 'counting', publishedOn: null, figures: r.rollUp?.figures ?? null, outcome: r.outcome, missingAreas: r.missingAreas, failures: r.rollUp?.failures ?? [] });
    }
    items.push({ unit: { id: unit.id, number: unit.number, name: unit.name, seats: unit.seats }, rounds: perRound });
  }
  const summary = minutes.find((m) => m.scope === 'council' && m.round === 'first') ?? null;
  return { ballotType, label: BALLOT_TYPE_LABELS[ballotType], units: items, summary: summary && out(summary) };
}

/** The committee's summary (Mẫu 25): every unit's final round confirmed. */
export async function confirmLevelSummary(ctx: ActionCtx, election: DayElection, access: DayAccess, ballotType: BallotType) {
  if (!access.committee) throw forbidden('Chỉ Ủy ban bầu cử được lập biên bản tổng kết.');
  const level = await levelResults(ctx.db, election, ballotType);
  if (level.units.length === 0) throw notFound('đơn vị bầu cử của cấp này');
  const open = level.units.filter((u) => u.rounds.some((r) => !r.confirmed));
  if (open.length > 0) throw conflict(`Chưa xác nhận kết quả của: ${open.map((u) => u.unit.name).join(', ')}.`);
  const figures = level.units.map((u) => ({ unitId: u.unit.id, rounds: u.rounds.map((r) => ({ round: r.round, figures: r.figures })) }));
  const outcome = level.units.map((u) => ({ unitId: u.unit.id, name: u.unit.name, seats: u.unit.seats, rounds: u.rounds.map((r) => ({ round: r.round, outcome: r.outcome })) }));
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: resultMinutes.id }).from(resultMinutes).where(and(eq(resultMinutes.electionId, election.id), eq(resultMinutes.scope, 'council'), eq(resultMinutes.ballotType, ballotType)));
    if (dup) throw conflict('Biên bản tổng kết của cấp này đã được lập.');
    const [row] = await tx.insert(resultMinutes).values({ electionId: election.id, scope: 'council', unitId: null, ballotType, round: 'first', figures, outcome, confirmedBy: ctx.actor.id, confirmedAt: ctx.now }).returning();
    await recordEvent(tx, ctx.actor, { action: 'election_result.confirm_summary', entityType: 'election_result', entityId: row!.id, councilId: election.councilId, after: { ballotType } });
    return out(row!);
  });
}

/** Publication of a level's results (Điều 86): opens the complaint window. */
export async function publishLevel(ctx: ActionCtx, election: DayElection, access: DayAccess, ballotType: BallotType) {
  if (!access.committee) throw forbidden('Chỉ Ủy ban bầu cử được công bố kết quả bầu cử.');
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.select().from(resultMinutes).where(and(eq(resultMinutes.electionId, election.id), eq(resultMinutes.ballotType, ballotType))).for('update');
    const summary = rows.find((r) => r.scope === 'council');
    if (!summary) throw conflict('Cần lập biên bản tổng kết trước khi công bố kết quả.');
    if (summary.state === 'published') throw conflict('Kết quả của cấp này đã được công bố.');
    const on = today(ctx.now);
    await tx.update(resultMinutes).set({ state: 'published', publishedOn: on }).where(and(eq(resultMinutes.electionId, election.id), eq(resultMinutes.ballotType, ballotType)));
    await recordEvent(tx, ctx.actor, { action: 'election_result.publish', entityType: 'election_result', entityId: summary.id, councilId: election.councilId, after: { ballotType, publishedOn: on } });
    return { publishedOn: on };
  });
}

/** Published results: units, figures, winners with their reasons, per-area figures. Counts only. */
export async function publicResults(db: DbOrTx, election: DayElection) {
  const [minutes, units, areas] = await Promise.all([
    db.select().from(resultMinutes).where(and(eq(resultMinutes.electionId, election.id), eq(resultMinutes.state, 'published'))).orderBy(asc(resultMinutes.confirmedAt)),
    loadUnits(db, election, false),
    loadAreas(db, election, false),
  ]);
  const sheetRows = await db
    .select({ areaId: tallySheets.pollingAreaId, unitId: tallySheets.unitId, round: tallySheets.round, figures: tallySheetVersions.figures })
    .from(tallySheets)
    .innerJoin(tallySheetVersions, eq(tallySheetVersions.sheetId, tallySheets.id))
    .where(and(eq(tallySheets.electionId, election.id), eq(tallySheetVersions.state, 'locked')));
  return {
    election: { id: election.id, name: election.name, electionDay: election.electionDay },
    units: minutes
      .filter((m) => m.scope === 'unit')
      .map((m) => {
        const unit = units.find((u) => u.id === m.unitId)!;
        return {
          unitId: unit.id,
          name: unit.name,
          ballotType: unit.ballotType,
          ballotLabel: BALLOT_TYPE_LABELS[unit.ballotType],
          round: m.round,
          seats: unit.seats,
          publishedOn: m.publishedOn,
          figures: m.figures,
          outcome: m.outcome,
          areas: sheetRows
            .filter((s) => s.unitId === unit.id && s.round === m.round)
            .map((s) => ({ number: areas.find((a) => a.id === s.areaId)?.number ?? '', figures: s.figures })),
        };
      }),
  };
}

export async function fileComplaint(ctx: ActionCtx, election: DayElection, access: DayAccess, minutesId: string, input: { complainant: string; content: string; receivedOn: string }) {
  if (!access.committee) throw forbidden('Chỉ Ủy ban bầu cử tiếp nhận khiếu nại về kết quả bầu cử.');
  return ctx.db.transaction(async (tx) => {
    const [m] = await tx.select().from(resultMinutes).where(eq(resultMinutes.id, minutesId));
    if (!m || m.electionId !== election.id) throw notFound('kết quả bầu cử');
    if (!m.publishedOn) throw conflict('Kết quả chưa được công bố: chưa tiếp nhận khiếu nại về kết quả.');
    let timing;
    try {
      timing = resultComplaintTiming(election.electionDay, m.publishedOn, input.receivedOn);
    } catch (err) {
      return electionRuleError(err);
    }
    const [row] = await tx.insert(resultComplaints).values({ electionId: election.id, minutesId, complainant: input.complainant, content: input.content, receivedOn: input.receivedOn, state: timing.inTime ? 'received' : 'outOfTime', createdAt: ctx.now }).returning();
    // The complainant is personal data: the audit keeps the event, not the name.
    await recordEvent(tx, ctx.actor, { action: 'election_complaint.file', entityType: 'election_complaint', entityId: row!.id, councilId: election.councilId, after: { minutesId, receivedOn: input.receivedOn, state: row!.state } });
    return { ...out(row!), timing };
  });
}

export async function decideComplaint(ctx: ActionCtx, election: DayElection, access: DayAccess, complaintId: string, input: { decision: string; decidedOn: string }) {
  if (!access.committee) throw forbidden('Chỉ Ủy ban bầu cử giải quyết khiếu nại về kết quả bầu cử.');
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(resultComplaints).where(eq(resultComplaints.id, complaintId)).for('update');
    if (!c || c.electionId !== election.id) throw notFound('khiếu nại');
    if (c.state !== 'received') throw conflict(c.state === 'decided' ? 'Khiếu nại đã được giải quyết; quyết định là quyết định cuối cùng (Điều 87).' : 'Khiếu nại quá thời hạn: không giải quyết.');
    if (input.decidedOn < c.receivedOn) throw invalid('Ngày giải quyết trước ngày nhận khiếu nại.');
    const [row] = await tx.update(resultComplaints).set({ state: 'decided', decision: input.decision, decidedOn: input.decidedOn }).where(eq(resultComplaints.id, complaintId)).returning();
    await recordEvent(tx, ctx.actor, { action: 'election_complaint.decide', entityType: 'election_complaint', entityId: complaintId, councilId: election.councilId, before: { state: c.state }, after: { state: 'decided', decidedOn: input.decidedOn } });
    return out(row!);
  });
}

export async function listComplaints(db: DbOrTx, election: DayElection, p: { page: number; pageSize: number }) {
  const rows = await db.select({ c: resultComplaints, m: resultMinutes }).from(resultComplaints).innerJoin(resultMinutes, eq(resultMinutes.id, resultComplaints.minutesId)).where(eq(resultComplaints.electionId, election.id)).orderBy(asc(resultComplaints.receivedOn), asc(resultComplaints.createdAt));
  const all = rows.map(({ c, m }) => ({ ...out(c), timing: resultComplaintTiming(election.electionDay, m.publishedOn!, c.receivedOn), unitId: m.unitId, ballotType: m.ballotType }));
  return { items: all.slice((p.page - 1) * p.pageSize, p.page * p.pageSize), total: all.length, page: p.page, pageSize: p.pageSize };
}
