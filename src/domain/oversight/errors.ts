/** A rule of the oversight domain refused an input; `message` is Vietnamese and shown to users. */
export class OversightRuleError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'OversightRuleError';
    this.code = code;
  }
}
