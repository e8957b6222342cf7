/** A refused resolution rule, with a Vietnamese message for the user. */
export class ResolutionRuleError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'ResolutionRuleError';
  }
}
