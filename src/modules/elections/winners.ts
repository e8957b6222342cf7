// Winners of a unit by the law (domain winners.ts): the unit's locked tally sheets rolled up
// (Mẫu 24), then Điều 78–81 applied. A round's seats and candidates follow the law: a re-vote
// with the same candidates; an additional round only where the first round's confirmed result
// called for it, with its seats left and only the first round's non-winners.
import { and, eq } from 'drizzle-orm';
import {
  additionalRoundSetup, type TallyFigures, rollUpUnit, unitOutcome, ElectionRuleError,
  type RoundKind, type TallyOptions, type UnitOutcome, type UnitTally,
} from '../../domain/elections/index.ts';
import { conflict } from '../../server/errors.ts';
import type { DbOrTx } from '../petitions/common.ts';
import { resultMinutes, tallySheets, tallySheetVersions } from './daySchema.ts';
import { loadAreas, type DayCandidate, type DayElection, type DayUnit } from './tallyScope.ts';
import { daySettingsOf, electionRuleError } from './turnout.ts';

export async function confirmedMinutes(db: DbOrTx, electionId: string, unitId: string, ballotType: string, round: RoundKind) {
  const [m] = await db
    .select()
    .from(resultMinutes)
    .where(and(eq(resultMinutes.electionId, electionId), eq(resultMinutes.scope, 'unit'), eq(resultMinutes.unitId, unitId), eq(resultMinutes.ballotType, ballotType), eq(resultMinutes.round, round)));
  return m ?? null;
}

/** The seats and candidates of a round of a unit. */
export async function roundSetup(db: DbOrTx, election: DayElection, unit: DayUnit, round: RoundKind): Promise<{ seats: number; candidates: DayCandidate[]; firstRoundNonWinners?: string[] }> {
  if (round === 'first') return { seats: unit.seats, candidates: unit.candidates };
  const first = await confirmedMinutes(db, election.id, unit.id, unit.ballotType, 'first');
  if (!first) throw conflict('Chưa có biên bản xác định kết quả bầu cử lần đầu của đơn vị bầu cử này.');
  const outcome = first.outcome as UnitOutcome;
  if (round === 'revote') {
    if (outcome.next !== 'revote') throw conflict('Đơn vị bầu cử này không thuộc trường hợp bầu cử lại (số cử tri đi bầu lần đầu đã quá một nửa).');
    return { seats: unit.seats, candidates: unit.candidates };
  }
  const base = outcome.next === 'revote' ? await confirmedMinutes(db, election.id, unit.id, unit.ballotType, 'revote') : first;
  const baseOutcome = (base?.outcome ?? outcome) as UnitOutcome;
  try {
    const setup = additionalRoundSetup(firstTallyOf(unit, baseOutcome), baseOutcome);
    return { seats: setup.seats, candidates: unit.candidates.filter((c) => setup.candidateIds.includes(c.id)), firstRoundNonWinners: setup.candidateIds };
  } catch (err) {
    if (err instanceof ElectionRuleError) throw conflict(err.message);
    throw err;
  }
}

function firstTallyOf(unit: DayUnit, o: UnitOutcome): UnitTally {
  return { body: unit.body, round: 'first', seats: unit.seats, votersOnList: 0, votersVoted: 0, validBallots: 0, candidates: o.candidates.map((c) => ({ candidateId: c.candidateId, name: c.name, birthDate: '1900-01-01', votes: c.votes })) };
}

/** The unit's roll-up and outcome as they stand: areas without a locked sheet listed. */
export async function computeUnitResult(db: DbOrTx, election: DayElection, unit: DayUnit, round: RoundKind) {
  const options: TallyOptions = { inventoryIdentity: (await daySettingsOf(db, election.id)).inventoryIdentity };
  const setup = await roundSetup(db, election, unit, round);
  const areas = (await loadAreas(db, election)).filter((a) => a.units[unit.ballotType] === unit.id);
  const sheets = await lockedSheetsOfUnit(db, unit.id, unit.ballotType, round);
  const lockedIds = new Set(sheets.map((s) => s.pollingAreaId));
  const missingAreas = areas.filter((a) => !lockedIds.has(a.id)).map((a) => ({ id: a.id, number: a.number, name: a.name }));
  if (sheets.length === 0) return { unit, round, setup, missingAreas, rollUp: null, outcome: null };
  let rollUp;
  try {
    rollUp = rollUpUnit(sheets, options);
  } catch (err) {
    return electionRuleError(err);
  }
  const byId = new Map(setup.candidates.map((c) => [c.id, c]));
  const tally: UnitTally = {
    body: unit.body,
    round,
    seats: setup.seats,
    votersOnList: rollUp.figures.votersOnList,
    votersVoted: rollUp.figures.votersVoted,
    validBallots: rollUp.figures.validBallots,
    candidates: rollUp.figures.candidates.map((c) => ({ candidateId: c.candidateId, name: c.name, votes: c.votes, birthDate: byId.get(c.candidateId)?.birthDate ?? '1900-01-01', struckOff: byId.get(c.candidateId)?.struckOff ?? false })),
    firstRoundNonWinners: setup.firstRoundNonWinners,
  };
  let outcome: UnitOutcome;
  try {
    outcome = unitOutcome(tally);
  } catch (err) {
    return electionRuleError(err);
  }
  return { unit, round, setup, missingAreas, rollUp, outcome };
}

/** The locked figures in force per area for one unit and round (the latest locked version). */
export async function lockedSheetsOfUnit(db: DbOrTx, unitId: string, ballotType: string, round: string) {
  const rows = await db
    .select({ areaId: tallySheets.pollingAreaId, figures: tallySheetVersions.figures, version: tallySheetVersions.version })
    .from(tallySheets)
    .innerJoin(tallySheetVersions, eq(tallySheetVersions.sheetId, tallySheets.id))
    .where(and(eq(tallySheets.unitId, unitId), eq(tallySheets.ballotType, ballotType), eq(tallySheets.round, round), eq(tallySheetVersions.state, 'locked')));
  return rows.map((r) => ({ pollingAreaId: r.areaId, figures: r.figures as TallyFigures, version: r.version }));
}
