// What every API request must satisfy before a handler sees it, checked in one place for every
// route (Router.add puts these in front of each route's validators):
// - a body no larger than the route's declared limit, refused before it is read (Content-Length)
//   or as soon as a streamed (chunked) body passes it: 413;
// - text without NUL, other C0 control characters (tab, newline and carriage return excepted) or
//   lone surrogates, in the path, the query string, JSON bodies and form fields: 400.
// Uploaded files are checked by their readers (spreadsheets: read.ts; attachments: upload.ts).
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './context.ts';
import { AppError, badRequest } from './errors.ts';

export const MiB = 1024 * 1024;

/** Largest uploaded file by kind (uploadedFile's maxBytes). */
export const FileLimit = {
  /** A spreadsheet to import (.xlsx/.csv). */
  spreadsheet: 20 * MiB,
  /** A document or image attached to a record (PDF, DOCX, XLSX, PNG/JPEG/WebP). */
  attachment: 10 * MiB,
} as const;

const FORM_FIELDS = 64 * 1024;

/** Request body limits by kind; a route states its own with RouteSpec.bodyLimit. */
export const BodyLimit = {
  /** Any JSON body unless the route says otherwise. */
  json: 1 * MiB,
  spreadsheet: FileLimit.spreadsheet + FORM_FIELDS,
  attachment: FileLimit.attachment + FORM_FIELDS,
} as const;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** Text a person could have typed: well-formed UTF-16, no control characters but tab and line breaks. */
export function isValidText(s: string): boolean {
  return s.isWellFormed() && !CONTROL.test(s);
}

/** The Vietnamese 400 for invalid text found at `where` ("trường \"fullName\"", "dòng 12"…). */
export const invalidText = (where: string) =>
  new AppError(
    400,
    'invalid_text',
    `Dữ liệu có ký tự không hợp lệ (ký tự NUL, ký tự điều khiển hoặc ký tự Unicode hỏng) ở ${where}. Hãy xóa ký tự đó rồi gửi lại.`,
  );

/** The first path (e.g. "items.2.text") in a parsed JSON value whose key or string is invalid text. */
export function invalidTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isValidText(value) ? null : path || '(nội dung)';
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = invalidTextPath(value[i], path ? `${path}.${i}` : String(i));
      if (p) return p;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    if (!isValidText(k)) return p;
    const inner = invalidTextPath(v, p);
    if (inner) return inner;
  }
  return null;
}

export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      const mb = maxBytes / MiB;
      throw new AppError(413, 'too_large', `Dữ liệu gửi lên quá lớn (tối đa ${mb >= 1 ? `${Math.floor(mb)} MB` : `${Math.round(maxBytes / 1024)} KB`}).`);
    },
  });
  // A GET or HEAD request has no body (the Node adapter gives it none); asking for it would build
  // a full WHATWG Request for nothing.
  return (c, next) => (hasNoBody(c.req.method) ? next() : limit(c, next));
}

const hasNoBody = (method: string) => method === 'GET' || method === 'HEAD';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Rejects invalid text anywhere in the request (path, query, JSON body, form fields and file names). */
export const checkText: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = c.req.url;
  const q = url.indexOf('?');
  const rawPath = new URL(url).pathname;
  for (const part of [rawPath, ...(q >= 0 ? url.slice(q + 1).split(/[&=]/) : [])]) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      throw invalidText(part === rawPath ? 'địa chỉ' : 'tham số truy vấn');
    }
    if (!isValidText(decoded)) throw invalidText(part === rawPath ? 'địa chỉ' : 'tham số truy vấn');
  }
  if (hasNoBody(c.req.method)) return next();
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (JSON_TYPE.test(type) && c.req.raw.body) {
    const raw = await c.req.text();
    if (raw.trim() !== '') {
      // An empty body is left to the route: one without a body ignores it, one with a body refuses it.
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        throw badRequest('Dữ liệu gửi lên không đúng định dạng JSON.');
      }
      const where = invalidTextPath(body);
      if (where) throw invalidText(`trường "${where}"`);
    }
  } else if ((type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') && c.req.raw.body) {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw badRequest('Dữ liệu biểu mẫu gửi lên bị hỏng.');
    }
    for (const [key, value] of form.entries()) {
      const text = typeof value === 'string' ? value : value.name;
      if (!isValidText(key) || !isValidText(text)) throw invalidText(`trường "${isValidText(key) ? key : '?'}"`);
    }
  }
  return next();
};
