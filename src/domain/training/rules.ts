// Delegate training rules (executive-and-training.md Part 2). No binding 2026 text has been found:
// every value here is UNVERIFIED — a configurable default (a course may set its own share, a
// council its default in settings.training.completionShare).
import { RuleError } from '../ruleError.ts';

export interface TrainingRuleSet {
  key: string;
  /** Share of a class's sessions a delegate must attend to complete it (0–1]. */
  completionShare: number;
  verified: boolean;
  source: string;
}

export const DEFAULT_TRAINING_RULES: TrainingRuleSet = Object.freeze({
  key: 'training-default',
  completionShare: 0.8,
  verified: false,
  source: 'Chưa tìm thấy văn bản quy định tỷ lệ tham dự để được công nhận hoàn thành bồi dưỡng (mặc định 80%, chưa kiểm chứng; có thể cấu hình theo khóa học).',
});

export class TrainingRuleError extends RuleError {}

/** The share in force for a course: its own, else the council's, else the shipped default. */
export function shareInForce(courseShare: number | null | undefined, councilShare?: number | null): { share: number; verified: boolean; source: string } {
  for (const [s, source] of [[courseShare, 'Tỷ lệ do khóa bồi dưỡng quy định.'], [councilShare, 'Tỷ lệ do Hội đồng nhân dân cấu hình.']] as const) {
    if (typeof s === 'number') {
      if (!(s > 0 && s <= 1)) throw new TrainingRuleError('bad_share', 'Tỷ lệ buổi học phải tham dự phải lớn hơn 0% và không quá 100%.');
      return { share: s, verified: true, source };
    }
  }
  return { share: DEFAULT_TRAINING_RULES.completionShare, verified: DEFAULT_TRAINING_RULES.verified, source: DEFAULT_TRAINING_RULES.source };
}
