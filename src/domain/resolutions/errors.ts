import { RuleError } from '../ruleError.ts';
/** A refused resolution rule, with a Vietnamese message for the user. */
export class ResolutionRuleError extends RuleError {}
