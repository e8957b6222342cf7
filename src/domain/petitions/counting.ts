/**
 * Counting for petitions: how many sessions a petition has been outstanding, where its sources
 * are, and the founding notice's per-level figures (07 to the National Assembly, 25 to the
 * province, 34 to the town — founding-notice.md §1.2). Pure functions.
 */
import type { RoundKind } from './status.ts';

/**
 * Sessions a petition has been outstanding: the distinct session rounds (before/after a session)
 * it has been part of, from the round it was raised in to its current one. Continuous intake
 * between rounds is not a session; a petition only ever seen in continuous intake counts as 1
 * (it is outstanding for the coming session).
 */
export function outstandingSessions(rounds: readonly { roundId: string; kind: RoundKind | string }[]): number {
  const sessionRounds = new Set(rounds.filter((r) => r.kind !== 'continuous').map((r) => r.roundId));
  return Math.max(1, sessionRounds.size);
}

export interface OpinionSource {
  meetingId: string | null;
  unitId: string | null;
  channel: string;
  /** Voters who raised it: 1 per opinion unless the minutes record a group ("nhiều cử tri"). */
  voterCount: number;
}

export interface SourceSummary {
  opinions: number;
  meetings: number;
  communes: number;
  voters: number;
  channels: string[];
  unitIds: string[];
  meetingIds: string[];
}

/** What a petition gathers from its opinions: meetings, communes, voters. */
export function summarizeSources(sources: readonly OpinionSource[]): SourceSummary {
  const meetingIds = [...new Set(sources.map((s) => s.meetingId).filter((x): x is string => !!x))];
  const unitIds = [...new Set(sources.map((s) => s.unitId).filter((x): x is string => !!x))];
  return {
    opinions: sources.length,
    meetings: meetingIds.length,
    communes: unitIds.length,
    voters: sources.reduce((n, s) => n + Math.max(1, s.voterCount), 0),
    channels: [...new Set(sources.map((s) => s.channel))],
    unitIds,
    meetingIds,
  };
}

/**
 * Competent levels in force for a council: central, then the levels of its unit's ancestors (top
 * down), then its own unit's level. Never a fixed list: a commune council after 2025 gets
 * central / province / commune; the town council of 2021 gets central / province / district.
 */
export function levelsInForce(unitChainTopDown: readonly { level: string }[]): string[] {
  const out = ['central'];
  for (const u of unitChainTopDown) if (!out.includes(u.level)) out.push(u.level);
  return out;
}

export const LEVEL_LABELS: Readonly<Record<string, string>> = {
  central: 'Trung ương (qua Đoàn ĐBQH)',
  province: 'Cấp tỉnh',
  district: 'Cấp huyện (thị xã)',
  commune: 'Cấp xã',
};
