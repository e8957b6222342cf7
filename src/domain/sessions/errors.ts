import { RuleError } from '../ruleError.ts';
/** A rule of the sessions domain refused an input; `message` is Vietnamese and shown to users. */
export class SessionRuleError extends RuleError {}
