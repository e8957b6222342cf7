// A pure rule's refusal (src/domain/ruleError.ts) as a Vietnamese 422; anything else passes on.
import { RuleError } from '../domain/ruleError.ts';
import { invalid } from './errors.ts';

export function ruleError(err: unknown): never {
  if (err instanceof RuleError) throw invalid(err.message, { code: err.code });
  throw err;
}

/** Runs a pure computation, turning its rule refusals into Vietnamese 422s. */
export function domain<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    return ruleError(err);
  }
}
