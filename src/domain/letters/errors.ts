/** A rule of the letters domain refused an input; `message` is Vietnamese and shown to users. */
export class LetterRuleError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'LetterRuleError';
    this.code = code;
  }
}
