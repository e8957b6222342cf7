/** A rule of the sessions domain refused an input; `message` is Vietnamese and shown to users. */
export class SessionRuleError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'SessionRuleError';
    this.code = code;
  }
}
