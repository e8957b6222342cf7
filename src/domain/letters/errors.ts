import { RuleError } from '../ruleError.ts';
/** A rule of the letters domain refused an input; `message` is Vietnamese and shown to users. */
export class LetterRuleError extends RuleError {}
