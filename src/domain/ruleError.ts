// The one kind of refusal a pure rule gives: a code for programs and a Vietnamese sentence for
// people. Each area names its own subclass; the request path turns any of them into a 422
// (src/server/ruleErrors.ts).
export class RuleError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}
