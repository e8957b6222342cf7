import { RuleError } from '../ruleError.ts';
/** A rule of the elections domain refused an input; `message` is Vietnamese and shown to users. */
export class ElectionRuleError extends RuleError {}
