/** Test helper: the SessionRuleError `f` throws (fails the test when it throws nothing or something else). */
import { expect } from 'vitest';
import { SessionRuleError } from './errors.ts';

export function ruleError(f: () => unknown): SessionRuleError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SessionRuleError);
    return e as SessionRuleError;
  }
  throw new Error('expected a SessionRuleError');
}
