/**
 * Rule sets with a validity window (glossary `ruleSet`, rules.md): each item keeps the set in
 * force on the day it started (a session on the day it was convened, a supervision activity on
 * the day it was founded). Shared by the domains that carry dated rule sets; each domain wraps
 * the answer in its own Vietnamese error.
 */

import { explainDeadline, explainDeadlineBefore, type DeadlineComputation, type DeadlineRule } from './deadline.ts';
import type { WorkingCalendar } from './calendar.ts';

/** What every dated rule set has: a key, first day in force (inclusive), first day no longer in force (exclusive, null while in force). */
export type Dated = { key: string; validFrom: string; validTo: string | null };

/** The sets in force on `date` (exactly one when the table is well made). */
export function setsInForce<T extends Dated>(sets: readonly T[], date: string): T[] {
  return sets.filter((s) => s.validFrom <= date && (s.validTo === null || date < s.validTo));
}

/**
 * The years whose holiday table is known: a range, or the exact years (a table entered for 2026
 * and 2028 does not cover 2027).
 */
export type KnownYears = { from: number; to: number } | readonly number[] | ReadonlySet<number>;

/** Does `known` cover `year`? */
export function coversYear(known: KnownYears, year: number): boolean {
  if (known instanceof Set) return known.has(year);
  if (Array.isArray(known)) return known.includes(year);
  const r = known as { from: number; to: number };
  return year >= r.from && year <= r.to;
}

/** The first year between the earliest and the latest of `dates` (inclusive) that `known` does not cover, or null. */
export function firstUncoveredYear(known: KnownYears, dates: readonly string[]): number | null {
  const years = dates.map((d) => Number(d.slice(0, 4)));
  const a = Math.min(...years);
  const b = Math.max(...years);
  for (let y = a; y <= b; y++) if (!coversYear(known, y)) return y;
  return null;
}

/** What a covered-deadline count reports when it cannot give a due date; each domain words it. */
export interface CoveredDeadlineErrors {
  /** The holiday table has no `year`, and the count starts in or passes through it. */
  yearMissing(year: number): Error;
  /** The rule itself is unusable (explainDeadline's RangeError message). */
  invalidRule(message: string): Error;
}

/**
 * A deadline counted `before` or `after` `anchorDate` on the working-day calendar, refused when any
 * year from the anchor to the due date (the nominal date included) is not in the holiday table:
 * the one count behind session, oversight and letter due dates.
 */
export function explainCoveredDeadline(
  anchorDate: string,
  rule: DeadlineRule & { direction?: 'before' | 'after' },
  calendar: WorkingCalendar,
  known: KnownYears,
  errors: CoveredDeadlineErrors,
): DeadlineComputation {
  const first = firstUncoveredYear(known, [anchorDate]);
  if (first !== null) throw errors.yearMissing(first);
  const counted: DeadlineRule = { value: rule.value, unit: rule.unit, anchor: rule.anchor };
  let computed: DeadlineComputation;
  try {
    computed = rule.direction === 'before' ? explainDeadlineBefore(anchorDate, counted, calendar) : explainDeadline(anchorDate, counted, calendar);
  } catch (e) {
    if (e instanceof RangeError) throw errors.invalidRule(e.message);
    throw e;
  }
  const uncovered = firstUncoveredYear(known, [anchorDate, computed.nominalDate, computed.due]);
  if (uncovered !== null) throw errors.yearMissing(uncovered);
  return computed;
}
