import { describe, expect, it } from 'vitest';
import * as followup from '../followup/index.ts';
import * as oversight from './index.ts';

/** Every label table of both domains: keys are code names, values Vietnamese with diacritics. */
const TABLES: Record<string, Readonly<Record<string, string>>> = {
  ACTIVITY_KIND_LABELS: oversight.ACTIVITY_KIND_LABELS,
  SUPERVISING_BODY_KIND_LABELS: oversight.SUPERVISING_BODY_KIND_LABELS,
  OVERSIGHT_STEP_LABELS: oversight.OVERSIGHT_STEP_LABELS,
  LEAD_TIME_ANCHOR_LABELS: oversight.LEAD_TIME_ANCHOR_LABELS,
  CONFLICT_TYPE_LABELS: oversight.CONFLICT_TYPE_LABELS,
  SUBJECT_RELATION_LABELS: oversight.SUBJECT_RELATION_LABELS,
  TOPIC_MATCH_LABELS: oversight.TOPIC_MATCH_LABELS,
  RECOMMENDATION_STATE_LABELS: oversight.RECOMMENDATION_STATE_LABELS,
  RECOMMENDATION_ACTION_LABELS: oversight.RECOMMENDATION_ACTION_LABELS,
  RECOMMENDATION_ACTOR_LABELS: oversight.RECOMMENDATION_ACTOR_LABELS,
  RECOMMENDATION_FLAG_LABELS: oversight.RECOMMENDATION_FLAG_LABELS,
  ASSESSMENT_MEANINGS: oversight.ASSESSMENT_MEANINGS,
  OBLIGATION_KIND_LABELS: followup.OBLIGATION_KIND_LABELS,
  OBLIGATION_STATUS_LABELS: followup.OBLIGATION_STATUS_LABELS,
  REMINDER_KIND_LABELS: followup.REMINDER_KIND_LABELS,
  ESCALATION_STEP_LABELS: followup.ESCALATION_STEP_LABELS,
};

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i;

describe('labels', () => {
  it('the issue names of the activity kinds', () => {
    expect(oversight.ACTIVITY_KIND_LABELS).toEqual({
      thematic: 'Giám sát chuyên đề',
      survey: 'Khảo sát',
      hearing: 'Phiên giải trình',
      delegate_group: 'Giám sát của Tổ đại biểu',
      resolution_review: 'Giám sát việc giải quyết kiến nghị cử tri',
    });
    expect(Object.keys(oversight.ACTIVITY_KIND_LABELS)).toEqual(oversight.ACTIVITY_KINDS);
  });

  it('every state, step and action has a label, and no two in a table are the same', () => {
    expect(Object.keys(oversight.RECOMMENDATION_STATE_LABELS)).toEqual(oversight.RECOMMENDATION_STATES);
    expect(Object.keys(oversight.OVERSIGHT_STEP_LABELS)).toEqual(oversight.OVERSIGHT_STEPS);
    for (const [name, table] of Object.entries(TABLES)) {
      const values = Object.values(table);
      expect(values.length, name).toBeGreaterThan(1);
      expect(new Set(values).size, name).toBe(values.length);
      for (const v of values) {
        expect(v.trim(), name).toBe(v);
        expect(VIETNAMESE.test(v) || /^Khảo sát$/.test(v), `${name}: ${v}`).toBe(true);
        expect(v.normalize('NFC'), name).toBe(v);
      }
    }
  });
});
