/** A rule of the elections domain refused an input; `message` is Vietnamese and shown to users. */
export class ElectionRuleError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ElectionRuleError';
    this.code = code;
  }
}
