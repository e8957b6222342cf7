import { randomBytes } from 'node:crypto';

// Errors a user may see: each carries an HTTP status and a Vietnamese message. Anything else
// becomes a 500 with a generic Vietnamese message (details go to the server log, never the client).

export class AppError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500;
  readonly code: string;
  readonly details?: unknown;
  constructor(status: AppError['status'], code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
export const unauthorized = (message = 'Bạn cần đăng nhập để sử dụng chức năng này.') =>
  new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError(403, 'forbidden', message);
export const notFound = (what: string) => new AppError(404, 'not_found', `Không tìm thấy ${what}.`);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
export const invalid = (message: string, details?: unknown) => new AppError(422, 'invalid', message, details);
export const tooMany = (message: string) => new AppError(429, 'too_many_requests', message);

/** The PostgreSQL error behind a driver or Drizzle error, if any. */
export function pgErrorOf(err: unknown): { code?: string; constraint?: string; detail?: string } | undefined {
  let e: any = err;
  for (let i = 0; i < 4 && e; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    e = e.cause;
  }
  return undefined;
}

/** Maps a database constraint error to what the user should be told. */
export function fromDatabaseError(err: unknown): AppError | undefined {
  const pe = pgErrorOf(err);
  if (!pe) return undefined;
  switch (pe.code) {
    case '23505':
      return conflict('Dữ liệu bị trùng: bản ghi với mã hoặc tên này đã tồn tại.', { constraint: pe.constraint });
    case '23503':
      return conflict('Thao tác không thực hiện được vì dữ liệu liên quan không tồn tại hoặc đang được sử dụng.', {
        constraint: pe.constraint,
      });
    case '22021': // invalid byte sequence (NUL): normally refused earlier by server/input.ts
    case '22P05':
      return badRequest('Dữ liệu có ký tự không hợp lệ (ký tự NUL hoặc ký tự điều khiển).');
    case '22001':
      return invalid('Có trường dữ liệu dài quá mức cho phép.');
    case '22P02':
    case '22007':
    case '22008':
      return invalid('Có trường dữ liệu sai định dạng.');
    case '40001':
    case '40P01':
      return conflict('Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại và thử lại.');
    default:
      return undefined;
  }
}

/**
 * Logs an unexpected error without its message: a database error's message and fields carry the
 * query and its parameters (names, phone numbers). The log gets an error id (also shown to the
 * user), the route pattern, the error's class and code, and the stack frames below its message.
 */
export function logUnexpected(method: string, route: string, err: unknown): string {
  const errorId = randomBytes(4).toString('hex');
  const e = err as { name?: unknown; stack?: unknown } | null;
  const code = pgErrorOf(err)?.code ?? (typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : '');
  const name = typeof e?.name === 'string' ? e.name : typeof err;
  const frames = typeof e?.stack === 'string' ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 8).join('\n') : '';
  console.error(`[lỗi ${errorId}] ${method} ${route}: ${name}${code ? ` ${code}` : ''}${frames ? `\n${frames}` : ''}`);
  return errorId;
}
