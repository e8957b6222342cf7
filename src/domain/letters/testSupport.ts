/** Test helper: the LetterRuleError `f` throws (fails the test when it throws nothing or something else). */
import { expect } from 'vitest';
import { LetterRuleError } from './errors.ts';

export function ruleError(f: () => unknown): LetterRuleError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LetterRuleError);
    return e as LetterRuleError;
  }
  throw new Error('expected a LetterRuleError');
}
