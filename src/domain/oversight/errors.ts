import { RuleError } from '../ruleError.ts';
/** A rule of the oversight domain refused an input; `message` is Vietnamese and shown to users. */
export class OversightRuleError extends RuleError {}
