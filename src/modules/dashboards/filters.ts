// The click-through filter each dashboard figure carries: query parameters of the petitions list
// (GET /api/councils/{councilId}/petitions, see petitions/routes/council.ts PetitionQuery), with
// the same names, so the web app opens /councils/:councilId/petitions?<filter> and shows exactly
// the petitions the figure counts. A figure the list cannot reproduce carries `null`.
import { petitionInRounds } from '../petitions/counts.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { PetitionFilter } from '../petitions/queries/listPetitions.ts';

export type ListFilter = Partial<Record<'roundId' | 'fieldId' | 'competentLevel' | 'agencyId' | 'status' | 'deadline' | 'unitId' | 'bodyId', string>>;

/** The period the dashboard shows: everything, one round, or the rounds that started in a year. */
export type Period =
  | { kind: 'all' }
  | { kind: 'round'; roundId: string }
  | { kind: 'year'; year: number; roundIds: string[] };

/** The list filter of the period, when the list can express it (all: none; round: roundId; a year of one round: that round). */
export function periodFilter(p: Period): ListFilter | null {
  if (p.kind === 'all') return {};
  if (p.kind === 'round') return { roundId: p.roundId };
  if (p.roundIds.length === 1) return { roundId: p.roundIds[0]! };
  return null;
}

/** The petitions-list filter for the period (the base the list would use). */
export function basePetitionFilter(p: Period): PetitionFilter {
  return { page: 1, pageSize: 1, ...(p.kind === 'round' ? { roundId: p.roundId } : {}) };
}

/** Extra SQL for a year period: the petition's current round is one of the year's rounds. */
export function periodCond(p: Period): SQL | undefined {
  if (p.kind !== 'year') return undefined;
  return petitionInRounds(p.roundIds);
}

/** A figure's filter: the period's filter plus the figure's own, or null when not reproducible. */
export function withPeriod(period: ListFilter | null, own: ListFilter | null): ListFilter | null {
  if (own === null || period === null) return null;
  return { ...period, ...own };
}
