// Demo figures of election day for the 15/03/2026 demo election (the core's seed makes the
// election, units, areas, candidates and voters): turnout at each reporting hour for every polling
// area, and a tally sheet per area and ballot, locked by the Ban, except ONE that fails a check
// (valid + invalid ≠ received) and waits, submitted, for the Ban. Invented figures.
import { eq } from 'drizzle-orm';
import type { SeedContext } from '../../server/module.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import type { ActionCtx } from '../petitions/common.ts';
import { elections } from './schema.ts';
import { moveTallySheet, saveTallyDraft, EMPTY_FORM, type TallyNumbers } from './tally.ts';
import { loadAreas, loadUnits, type DayAccess, type DayElection } from './tallyScope.ts';
import { DEFAULT_TURNOUT_HOURS, reportTurnout } from './turnout.ts';

const SHARES = [0.2, 0.45, 0.7, 0.9, 0.985];
/** Each candidate's share of the valid ballots, by ballot order (a few fall short of one half). */
const VOTE_SHARES = [0.86, 0.79, 0.71, 0.64, 0.58, 0.44, 0.37, 0.3, 0.25, 0.2];

export function demoSheet(votersOnList: number, male: number | null, female: number | null, seats: number, candidateIds: string[], wobble: number): TallyNumbers {
  const voted = Math.round(votersOnList * SHARES.at(-1)!);
  const invalid = Math.min(voted, Math.max(1, Math.round(voted * 0.012)));
  const valid = voted - invalid;
  const votes: Record<string, number> = {};
  candidateIds.forEach((id, i) => (votes[id] = Math.round(valid * Math.max(0.05, (VOTE_SHARES[i] ?? 0.15) - wobble * 0.01 * ((i % 3) - 1)))));
  let sum = Object.values(votes).reduce((s, x) => s + x, 0);
  // Never more names than seats per ballot: take the excess off the last candidates first.
  for (let i = candidateIds.length - 1; i >= 0 && sum > valid * seats; i--) {
    const id = candidateIds[i]!;
    const cut = Math.min(votes[id]!, sum - valid * seats);
    votes[id] = votes[id]! - cut;
    sum -= cut;
  }
  const unused = votersOnList - voted + 10;
  return {
    votersOnList, votersMale: male, votersFemale: female, votersVoted: voted, ballotsIssued: voted, ballotsReceived: voted, validBallots: valid, invalidBallots: invalid,
    inventory: { supplied: voted + 2 + unused, spoiled: 2, unused }, emptySlots: valid * seats - sum, votes,
  };
}

export async function seedElectionDay(ctx: Pick<SeedContext, 'db'>, electionDay = '2026-03-15'): Promise<void> {
  const [e] = await ctx.db.select().from(elections).where(eq(elections.electionDay, electionDay));
  if (!e) return;
  const election: DayElection = { id: e.id, councilId: e.councilId, electionDay: e.electionDay, name: e.name, ballotTypes: e.ballotTypes as DayElection['ballotTypes'] };
  const actx: ActionCtx = { db: ctx.db, actor: SYSTEM_ACTOR, now: new Date(`${electionDay}T12:30:00Z`) };
  const access: DayAccess = { committee: true, unitIds: new Set(), areaIds: new Set() };
  const [areas, units] = await Promise.all([loadAreas(ctx.db, election), loadUnits(ctx.db, election)]);
  let failing = false;
  for (const [ai, area] of areas.entries()) {
    if (area.votersOnList === 0) continue;
    for (const [i, at] of DEFAULT_TURNOUT_HOURS.entries()) {
      await reportTurnout(actx, election, access, area.id, { at, voted: Math.round(area.votersOnList * SHARES[i]!), kind: i === DEFAULT_TURNOUT_HOURS.length - 1 ? 'final' : 'estimated' });
    }
    for (const [ballotType, unitId] of Object.entries(area.units)) {
      const unit = units.find((u) => u.id === unitId);
      if (!unit || unit.candidates.length === 0) continue;
      const listed = area.votersByBallot[ballotType as DayElection['ballotTypes'][number]];
      if (listed === 0) continue;
      const bySex = listed === area.votersOnList;
      const figures = demoSheet(listed, bySex ? area.votersMale : null, bySex ? area.votersFemale : null, unit.seats, unit.candidates.map((c) => c.id), ai);
      const fail = !failing && ballotType === 'commune';
      if (fail) figures.invalidBallots += 1; // the one sheet that does not balance
      const form = { ...EMPTY_FORM, teamLeader: `Tổ trưởng Tổ bầu cử số ${area.number}`, secretary: `Thư ký Tổ bầu cử số ${area.number}`, boxCheckedAt: '06:45', votingClosedAt: '19:00', inventoryMade: true, completedAt: '21:30' };
      const { sheetId } = await saveTallyDraft(actx, election, access, area.id, ballotType as DayElection['ballotTypes'][number], 'first', { figures, form, overrides: {} });
      await moveTallySheet(actx, election, access, sheetId, 'submit');
      if (fail) {
        failing = true;
        continue;
      }
      await moveTallySheet(actx, election, access, sheetId, 'lock');
    }
  }
}
