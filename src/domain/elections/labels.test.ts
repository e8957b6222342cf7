import { describe, expect, it } from 'vitest';
import * as L from './labels.ts';
import { CANDIDATE_OUTCOME_LABELS, NEXT_STEP_LABELS } from './winners.ts';
import { EXCLUSION_GROUND_LABELS, MOVE_KIND_LABELS } from './voters.ts';
import { MATCH_KIND_LABELS } from './reconcile.ts';
import { TALLY_LINE_LABELS } from './tally.ts';

describe('Vietnamese labels for every state and kind', () => {
  const tables: Record<string, Readonly<Record<string, string>>> = {
    BALLOT_TYPE_LABELS: L.BALLOT_TYPE_LABELS,
    ELECTION_BODY_LABELS: L.ELECTION_BODY_LABELS,
    POLLING_AREA_KIND_LABELS: L.POLLING_AREA_KIND_LABELS,
    RESIDENCE_KIND_LABELS: L.RESIDENCE_KIND_LABELS,
    VOTER_STATUS_LABELS: L.VOTER_STATUS_LABELS,
    VOTER_STATE_LABELS: L.VOTER_STATE_LABELS,
    CANDIDATE_STATE_LABELS: L.CANDIDATE_STATE_LABELS,
    TALLY_SHEET_STATE_LABELS: L.TALLY_SHEET_STATE_LABELS,
    UNIT_RESULT_STATE_LABELS: L.UNIT_RESULT_STATE_LABELS,
    ROUND_KIND_LABELS: L.ROUND_KIND_LABELS,
    TURNOUT_KIND_LABELS: L.TURNOUT_KIND_LABELS,
    CANDIDATE_OUTCOME_LABELS,
    NEXT_STEP_LABELS,
    EXCLUSION_GROUND_LABELS,
    MOVE_KIND_LABELS,
    MATCH_KIND_LABELS,
    TALLY_LINE_LABELS,
  };
  it.each(Object.entries(tables))('%s: every label is non-empty, distinct, in Vietnamese', (_name, table) => {
    const values = Object.values(table);
    expect(values.length).toBeGreaterThan(1);
    expect(new Set(values).size).toBe(values.length);
    for (const v of values) expect(v).toMatch(/[à-ỹĐđ]/u);
  });
  it('the unit-result states of elections.md all have a label', () => {
    expect(Object.keys(L.UNIT_RESULT_STATE_LABELS)).toHaveLength(15);
    expect(L.BALLOT_TYPES.map((b) => L.BALLOT_TYPE_LABELS[b])).toHaveLength(3);
  });
});
