// Tally sheets (Mẫu 23): one per polling area × ballot type × round, entered by the Tổ, submitted,
// locked by the Ban. The record forbids erasure: a draft may be retyped, a submitted or locked
// version never changes; a correction after locking is a new version with its reason, and the
// older version stays readable (the audit log shows both).
import { and, asc, desc, eq, lt } from 'drizzle-orm';
import {
  assertTallyShape, checkTally, lockBlockers, TALLY_CHECKS,
  type BallotType, type RoundKind, type TallyFigures, type TallyOptions, type TallyOverrides,
} from '../../domain/elections/index.ts';
import { conflict, forbidden, invalid, notFound } from '../../server/errors.ts';
import { recordEvent } from '../audit/service.ts';
import { out, type ActionCtx, type DbOrTx } from '../petitions/common.ts';
import { tallySheets, tallySheetVersions, turnoutReports, type TallyFormFields } from './daySchema.ts';
import { canEnterArea, canManageUnit, loadAreas, loadUnits, type DayAccess, type DayArea, type DayCandidate, type DayElection, type DayUnit } from './tallyScope.ts';
import { roundSetup } from './winners.ts';
import { daySettingsOf, electionRuleError } from './turnout.ts';

export type TallyNumbers = {
  votersOnList: number;
  votersMale: number | null;
  votersFemale: number | null;
  votersVoted: number;
  ballotsIssued: number;
  ballotsReceived: number;
  validBallots: number;
  invalidBallots: number;
  inventory: { supplied: number; spoiled: number; unused: number } | null;
  emptySlots: number | null;
  /** Votes per candidate id. */
  votes: Record<string, number>;
};

export type TallyInput = { figures: TallyNumbers; form: TallyFormFields; overrides: TallyOverrides };

export const EMPTY_FORM: TallyFormFields = {
  teamLeader: '', secretary: '', members: '', boxCheckedAt: '', boxWitnesses: '', votingClosedAt: '', countWitnesses: '', inventoryMade: false, incidents: '', completedAt: '',
};

/** The domain's figures of a sheet: the unit's seats and candidates, the typed numbers. */
export function figuresOf(unit: DayUnit, setup: { seats: number; candidates: DayCandidate[] }, n: TallyNumbers): TallyFigures {
  for (const id of Object.keys(n.votes)) {
    if (!setup.candidates.some((c) => c.id === id)) throw invalid('Có số phiếu bầu cho người không có trong danh sách người ứng cử của lần bầu cử này.');
  }
  return {
    ballotType: unit.ballotType,
    seats: setup.seats,
    votersOnList: n.votersOnList,
    votersMale: n.votersMale,
    votersFemale: n.votersFemale,
    votersVoted: n.votersVoted,
    ballotsIssued: n.ballotsIssued,
    ballotsReceived: n.ballotsReceived,
    validBallots: n.validBallots,
    invalidBallots: n.invalidBallots,
    inventory: n.inventory,
    emptySlots: n.emptySlots,
    candidates: setup.candidates.map((c) => ({ candidateId: c.id, name: c.name, votes: n.votes[c.id] ?? 0 })),
  };
}

function cleanOverrides(o: TallyOverrides): TallyOverrides {
  const outO: TallyOverrides = {};
  for (const [k, v] of Object.entries(o)) {
    if (!TALLY_CHECKS.some((c) => c.key === k)) throw invalid(`Không có phép kiểm tra "${k}".`);
    if (typeof v === 'string' && v.trim()) outO[k as keyof TallyOverrides] = v.trim();
  }
  return outO;
}

async function areaAndUnit(db: DbOrTx, election: DayElection, areaId: string, ballotType: BallotType): Promise<{ area: DayArea; unit: DayUnit }> {
  const [areas, units] = await Promise.all([loadAreas(db, election), loadUnits(db, election)]);
  const area = areas.find((a) => a.id === areaId);
  if (!area) throw notFound('khu vực bỏ phiếu');
  const unitId = area.units[ballotType];
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw invalid('Khu vực bỏ phiếu này không thuộc đơn vị bầu cử nào cho loại phiếu này.');
  return { area, unit };
}

async function sheetFor(tx: DbOrTx, electionId: string, sheetId: string) {
  const [sheet] = await tx.select().from(tallySheets).where(eq(tallySheets.id, sheetId)).for('update');
  if (!sheet || sheet.electionId !== electionId) throw notFound('biên bản kết quả kiểm phiếu');
  const [current] = await tx.select().from(tallySheetVersions).where(and(eq(tallySheetVersions.sheetId, sheetId), eq(tallySheetVersions.version, sheet.currentVersion))).for('update');
  return { sheet, current: current! };
}

function snapshot(v: typeof tallySheetVersions.$inferSelect) {
  return { version: v.version, state: v.state, figures: v.figures, form: v.form, overrides: v.overrides, reason: v.reason };
}

/**
 * Save the Tổ's draft: creates the sheet (version 1) or retypes the current draft. A submitted or
 * locked version is refused: it is never changed.
 */
export async function saveTallyDraft(ctx: ActionCtx, election: DayElection, access: DayAccess, areaId: string, ballotType: BallotType, round: RoundKind, input: TallyInput) {
  const { area, unit } = await areaAndUnit(ctx.db, election, areaId, ballotType);
  if (!canEnterArea(access, area)) throw forbidden('Bạn chỉ được nhập biên bản kiểm phiếu của khu vực bỏ phiếu mình phụ trách.');
  const figures = figuresOf(unit, await roundSetup(ctx.db, election, unit, round), input.figures);
  try {
    assertTallyShape(figures);
  } catch (err) {
    electionRuleError(err);
  }
  const overrides = cleanOverrides(input.overrides);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(tallySheets).where(and(eq(tallySheets.pollingAreaId, areaId), eq(tallySheets.ballotType, ballotType), eq(tallySheets.round, round))).for('update');
    if (!existing) {
      const [sheet] = await tx.insert(tallySheets).values({ electionId: election.id, pollingAreaId: areaId, unitId: unit.id, ballotType, round }).returning();
      const [v] = await tx.insert(tallySheetVersions).values({ sheetId: sheet!.id, version: 1, figures, form: input.form, overrides, createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now }).returning();
      await recordEvent(tx, ctx.actor, { action: 'election_tally.create', entityType: 'tally_sheet', entityId: sheet!.id, councilId: election.councilId, after: snapshot(v!) });
      return { sheetId: sheet!.id, version: 1 };
    }
    const { current } = await sheetFor(tx, election.id, existing.id);
    if (current.state === 'submitted') throw conflict('Biên bản đã gửi Ban bầu cử: không được sửa. Đề nghị Ban bầu cử trả lại nếu cần sửa.');
    if (current.state === 'locked') throw conflict('Biên bản đã khóa sổ: không được sửa, tẩy xóa. Lập phiên bản đính chính mới và ghi rõ lý do.');
    const [v] = await tx.update(tallySheetVersions).set({ figures, form: input.form, overrides, updatedAt: ctx.now }).where(eq(tallySheetVersions.id, current.id)).returning();
    await recordEvent(tx, ctx.actor, { action: 'election_tally.save', entityType: 'tally_sheet', entityId: existing.id, councilId: election.councilId, before: snapshot(current), after: snapshot(v!) });
    return { sheetId: existing.id, version: current.version };
  });
}

type Transition = 'submit' | 'return' | 'lock';

/** draft → submitted (the Tổ); submitted → draft with a reason (the Ban returns it); submitted → locked (the Ban). */
export async function moveTallySheet(ctx: ActionCtx, election: DayElection, access: DayAccess, sheetId: string, step: Transition, reason = '') {
  const options: TallyOptions = { inventoryIdentity: (await daySettingsOf(ctx.db, election.id)).inventoryIdentity };
  const areas = await loadAreas(ctx.db, election);
  return ctx.db.transaction(async (tx) => {
    const { sheet, current } = await sheetFor(tx, election.id, sheetId);
    const area = areas.find((a) => a.id === sheet.pollingAreaId)!;
    if (step === 'submit') {
      if (!canEnterArea(access, area)) throw forbidden('Bạn chỉ được gửi biên bản kiểm phiếu của khu vực bỏ phiếu mình phụ trách.');
      if (current.state !== 'draft') throw conflict('Chỉ gửi được biên bản đang là bản nháp.');
    } else {
      if (!canManageUnit(access, sheet.unitId)) throw forbidden('Chỉ Ban bầu cử của đơn vị bầu cử (hoặc Ủy ban bầu cử) được trả lại hoặc khóa sổ biên bản này.');
      if (current.state !== 'submitted') throw conflict(step === 'lock' ? 'Chỉ khóa sổ được biên bản Tổ bầu cử đã gửi.' : 'Chỉ trả lại được biên bản đã gửi.');
      if (step === 'return' && !reason.trim()) throw invalid('Cần ghi lý do trả lại biên bản.');
    }
    if (step === 'lock') {
      const blockers = lockBlockers(current.figures as TallyFigures, current.overrides as TallyOverrides, options);
      if (blockers.length > 0) {
        throw invalid(`Chưa khóa sổ được: ${blockers.map((b) => `${TALLY_CHECKS.find((c) => c.key === b.check)!.label} — ${b.message}`).join(' ')}`, { failures: blockers });
      }
    }
    const set =
      step === 'submit'
        ? { state: 'submitted', submittedBy: ctx.actor.id, submittedAt: ctx.now, updatedAt: ctx.now }
        : step === 'return'
          ? { state: 'draft', submittedBy: null, submittedAt: null, updatedAt: ctx.now }
          : { state: 'locked', lockedBy: ctx.actor.id, lockedAt: ctx.now, updatedAt: ctx.now };
    const [v] = await tx.update(tallySheetVersions).set(set).where(eq(tallySheetVersions.id, current.id)).returning();
    if (step === 'lock') {
      // The earlier locked version gives way to this one; it stays readable.
      await tx.update(tallySheetVersions).set({ state: 'superseded', updatedAt: ctx.now }).where(and(eq(tallySheetVersions.sheetId, sheetId), eq(tallySheetVersions.state, 'locked'), lt(tallySheetVersions.version, current.version)));
    }
    await recordEvent(tx, ctx.actor, {
      action: `election_tally.${step}`,
      entityType: 'tally_sheet',
      entityId: sheetId,
      councilId: election.councilId,
      before: { version: current.version, state: current.state },
      after: { version: v!.version, state: v!.state, ...(reason.trim() ? { reason: reason.trim() } : {}) },
    });
    return { sheetId, version: v!.version, state: v!.state };
  });
}

/** A correction after locking: a new draft version with its reason; the locked one stays in force until the new one is locked. */
export async function correctTallySheet(ctx: ActionCtx, election: DayElection, access: DayAccess, sheetId: string, input: TallyInput & { reason: string }) {
  const reason = input.reason.trim();
  if (!reason) throw invalid('Cần ghi lý do đính chính biên bản đã khóa sổ.');
  const units = await loadUnits(ctx.db, election);
  const areas = await loadAreas(ctx.db, election);
  const overrides = cleanOverrides(input.overrides);
  return ctx.db.transaction(async (tx) => {
    const { sheet, current } = await sheetFor(tx, election.id, sheetId);
    const area = areas.find((a) => a.id === sheet.pollingAreaId)!;
    if (!canEnterArea(access, area)) throw forbidden('Bạn chỉ được đính chính biên bản kiểm phiếu của khu vực bỏ phiếu mình phụ trách.');
    if (current.state !== 'locked') throw conflict('Chỉ lập phiên bản đính chính cho biên bản đã khóa sổ; bản nháp thì sửa trực tiếp.');
    const unit = units.find((u) => u.id === sheet.unitId)!;
    const figures = figuresOf(unit, await roundSetup(tx, election, unit, sheet.round as RoundKind), input.figures);
    try {
      assertTallyShape(figures);
    } catch (err) {
      electionRuleError(err);
    }
    const version = current.version + 1;
    const [v] = await tx.insert(tallySheetVersions).values({ sheetId, version, figures, form: input.form, overrides, reason, createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now }).returning();
    await tx.update(tallySheets).set({ currentVersion: version }).where(eq(tallySheets.id, sheetId));
    await recordEvent(tx, ctx.actor, { action: 'election_tally.correct', entityType: 'tally_sheet', entityId: sheetId, councilId: election.councilId, before: snapshot(current), after: snapshot(v!) });
    return { sheetId, version };
  });
}

/** One sheet with every version (oldest first), each with its failing checks. */
export async function tallySheetDetail(db: DbOrTx, election: DayElection, sheetId: string) {
  const [sheet] = await db.select().from(tallySheets).where(eq(tallySheets.id, sheetId));
  if (!sheet || sheet.electionId !== election.id) throw notFound('biên bản kết quả kiểm phiếu');
  const options: TallyOptions = { inventoryIdentity: (await daySettingsOf(db, election.id)).inventoryIdentity };
  const [versions, areas, units] = await Promise.all([
    db.select().from(tallySheetVersions).where(eq(tallySheetVersions.sheetId, sheetId)).orderBy(asc(tallySheetVersions.version)),
    loadAreas(db, election),
    loadUnits(db, election),
  ]);
  const area = areas.find((a) => a.id === sheet.pollingAreaId)!;
  const unit = units.find((u) => u.id === sheet.unitId)!;
  return {
    ...out(sheet),
    area: { id: area.id, number: area.number, name: area.name, communeName: area.communeName, votersOnList: area.votersOnList, votersMale: area.votersMale, votersFemale: area.votersFemale },
    unit: { id: unit.id, number: unit.number, name: unit.name, seats: unit.seats, candidates: unit.candidates },
    versions: versions.map((v) => ({ ...out(v), failures: checkTally(v.figures as TallyFigures, options) })),
  };
}

/** The sheets of an election (newest version of each), filtered by area, unit, ballot type, state; paged. */
export async function listTallySheets(db: DbOrTx, election: DayElection, f: { pollingAreaId?: string; unitId?: string; ballotType?: string; round?: string; page: number; pageSize: number }, visible: (areaId: string, unitId: string) => boolean) {
  const conds = [eq(tallySheets.electionId, election.id)];
  if (f.pollingAreaId) conds.push(eq(tallySheets.pollingAreaId, f.pollingAreaId));
  if (f.unitId) conds.push(eq(tallySheets.unitId, f.unitId));
  if (f.ballotType) conds.push(eq(tallySheets.ballotType, f.ballotType));
  if (f.round) conds.push(eq(tallySheets.round, f.round));
  const options: TallyOptions = { inventoryIdentity: (await daySettingsOf(db, election.id)).inventoryIdentity };
  const rows = await db
    .select({ sheet: tallySheets, v: tallySheetVersions })
    .from(tallySheets)
    .innerJoin(tallySheetVersions, and(eq(tallySheetVersions.sheetId, tallySheets.id), eq(tallySheetVersions.version, tallySheets.currentVersion)))
    .where(and(...conds))
    .orderBy(asc(tallySheets.createdAt), desc(tallySheets.id));
  const areas = new Map((await loadAreas(db, election)).map((a) => [a.id, a]));
  const all = rows
    .filter((r) => visible(r.sheet.pollingAreaId, r.sheet.unitId))
    .map((r) => ({
      id: r.sheet.id,
      pollingAreaId: r.sheet.pollingAreaId,
      areaNumber: areas.get(r.sheet.pollingAreaId)?.number ?? '',
      areaName: areas.get(r.sheet.pollingAreaId)?.name ?? '',
      unitId: r.sheet.unitId,
      ballotType: r.sheet.ballotType,
      round: r.sheet.round,
      version: r.v.version,
      state: r.v.state,
      failures: checkTally(r.v.figures as TallyFigures, options).length,
    }));
  return { items: all.slice((f.page - 1) * f.pageSize, f.page * f.pageSize), total: all.length, page: f.page, pageSize: f.pageSize };
}


/** A polling team's page: its area, the hours, its turnout reports, its units and sheets per ballot type. */
export async function areaDay(db: DbOrTx, election: DayElection, access: DayAccess, areaId: string) {
  const [areas, units] = await Promise.all([loadAreas(db, election), loadUnits(db, election)]);
  const area = areas.find((a) => a.id === areaId);
  if (!area || !canEnterArea(access, area)) throw notFound('khu vực bỏ phiếu');
  const settings = await daySettingsOf(db, election.id);
  const [reports, sheets] = await Promise.all([
    db.select({ at: turnoutReports.at, voted: turnoutReports.voted, kind: turnoutReports.kind }).from(turnoutReports).where(eq(turnoutReports.pollingAreaId, areaId)).orderBy(asc(turnoutReports.at)),
    db.select({ id: tallySheets.id, ballotType: tallySheets.ballotType, round: tallySheets.round, version: tallySheetVersions.version, state: tallySheetVersions.state })
      .from(tallySheets)
      .innerJoin(tallySheetVersions, and(eq(tallySheetVersions.sheetId, tallySheets.id), eq(tallySheetVersions.version, tallySheets.currentVersion)))
      .where(eq(tallySheets.pollingAreaId, areaId)),
  ]);
  return {
    election: { id: election.id, name: election.name, electionDay: election.electionDay },
    area: { id: area.id, number: area.number, name: area.name, communeName: area.communeName, votersOnList: area.votersOnList },
    hours: settings.turnoutHours,
    reports,
    ballots: (Object.entries(area.units) as [BallotType, string][]).map(([ballotType, unitId]) => {
      const unit = units.find((u) => u.id === unitId);
      return { ballotType, unitId, unitName: unit?.name ?? '', sheets: sheets.filter((s) => s.ballotType === ballotType) };
    }),
  };
}

/** What the tally form needs: the area, the unit, the round's seats and candidates, the sheet if any. */
export async function tallyForm(db: DbOrTx, election: DayElection, access: DayAccess, areaId: string, ballotType: BallotType, round: RoundKind) {
  const { area, unit } = await areaAndUnit(db, election, areaId, ballotType);
  if (!canEnterArea(access, area)) throw notFound('khu vực bỏ phiếu');
  const setup = await roundSetup(db, election, unit, round);
  const [sheet] = await db.select({ id: tallySheets.id }).from(tallySheets).where(and(eq(tallySheets.pollingAreaId, areaId), eq(tallySheets.ballotType, ballotType), eq(tallySheets.round, round)));
  const settings = await daySettingsOf(db, election.id);
  return {
    election: { id: election.id, name: election.name, electionDay: election.electionDay },
    // Voters who get this ballot (the list's columns 8–10); by sex only when every voter gets it.
    area: {
      id: area.id, number: area.number, name: area.name, communeName: area.communeName, votersOnList: area.votersByBallot[ballotType],
      votersMale: area.votersByBallot[ballotType] === area.votersOnList ? area.votersMale : null, votersFemale: area.votersByBallot[ballotType] === area.votersOnList ? area.votersFemale : null,
    },
    unit: { id: unit.id, number: unit.number, name: unit.name, ballotType: unit.ballotType, seats: setup.seats, candidates: setup.candidates },
    round,
    inventoryIdentity: settings.inventoryIdentity,
    canLock: canManageUnit(access, unit.id),
    sheet: sheet ? await tallySheetDetail(db, election, sheet.id) : null,
  };
}
