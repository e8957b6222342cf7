/** Test helper: the OversightRuleError `f` throws (fails the test when it throws nothing or something else). */
import { expect } from 'vitest';
import { OversightRuleError } from './errors.ts';

export function ruleError(f: () => unknown): OversightRuleError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(OversightRuleError);
    return e as OversightRuleError;
  }
  throw new Error('expected an OversightRuleError');
}
