/**
 * Deadline rules for petitions, as data per council (rules.md "Petitions"). Each rule is
 * `{ value, unit: 'days' | 'working_days', anchor }`, stored in the council's petition settings;
 * these are only the defaults a new council starts with.
 */
import type { DeadlineRule, DeadlineThresholds } from '../calendar/index.ts';

export interface PetitionDeadlineRules {
  /**
   * An agency answers a petition forwarded by the council's standing committee.
   * UNVERIFIED (rules.md): no statute found; commonly the executive reports no later than 30 days
   * before the next session. 30 days from the official letter is an editable default, not law.
   */
  standingForward: DeadlineRule;
  /**
   * An agency answers a petition forwarded through the National Assembly channel: 60 days from
   * receipt. VERIFIED: NQLT 72/2025, Điều 49 khoản 1.
   */
  nationalAssembly: DeadlineRule;
  /**
   * The upper-level council answers a petition sent up by a lower council. UNVERIFIED: same
   * default as a standing committee's forward.
   */
  upperCouncil: DeadlineRule;
}

export interface PetitionSettings {
  deadlines: PetitionDeadlineRules;
  thresholds: DeadlineThresholds;
}

export const DEFAULT_PETITION_SETTINGS: PetitionSettings = {
  deadlines: {
    standingForward: { value: 30, unit: 'days', anchor: 'dispatch_letter_date' },
    nationalAssembly: { value: 60, unit: 'days', anchor: 'dispatch_received' },
    upperCouncil: { value: 30, unit: 'days', anchor: 'dispatch_letter_date' },
  },
  thresholds: { dueSoonWorkingDays: 5, longOverdueDays: 30 },
};

export type DispatchTargetKind = 'agency' | 'na_delegation' | 'council';

/** Which rule applies to a dispatch. */
export function ruleFor(settings: PetitionSettings, target: DispatchTargetKind): DeadlineRule {
  if (target === 'na_delegation') return settings.deadlines.nationalAssembly;
  if (target === 'council') return settings.deadlines.upperCouncil;
  return settings.deadlines.standingForward;
}

/** Stored settings merged over the defaults (a council stores only what it changed). */
export function withDefaults(stored: unknown): PetitionSettings {
  const s = (stored ?? {}) as Partial<{ deadlines: Partial<PetitionDeadlineRules>; thresholds: Partial<DeadlineThresholds> }>;
  return {
    deadlines: { ...DEFAULT_PETITION_SETTINGS.deadlines, ...(s.deadlines ?? {}) },
    thresholds: { ...DEFAULT_PETITION_SETTINGS.thresholds, ...(s.thresholds ?? {}) },
  };
}
