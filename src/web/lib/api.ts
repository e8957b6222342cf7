// A small fetch wrapper: same-origin cookie, the CSRF header on every state-changing request, and
// JSON errors turned into ApiError carrying the server's Vietnamese message.

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
  /** Per-field problems of a 422 answer (zod issues or import row errors). */
  get fieldIssues(): FieldIssue[] {
    return Array.isArray(this.details)
      ? this.details.filter((d): d is FieldIssue => !!d && typeof d === 'object' && 'message' in d && 'path' in d)
      : [];
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** A text search counts to 1,000: more rows match than `total`. */
  more?: boolean;
  /** Misspelled word → the spellings searched instead (nothing matched as typed). */
  corrected?: Record<string, string[]> | null;
}

let csrfToken = '';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The CSRF token sent on state-changing requests (for helpers that do not go through `request`). */
export function getCsrfToken(): string {
  return csrfToken;
}

/** Called when the server answers 401 (session ended); the auth provider sends the user to login. */
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not treat 401 as "session ended" (login form, initial /me probe). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  let data: unknown = undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      res = await fetch(withQuery(`/api${path}`, opts.query), {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new ApiError(0, 'network', 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.');
    }
    const text = await res.text();
    data = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = undefined;
      }
    }
    // The embedded database's request line turned the request away before running it (503 busy,
    // src/db/fairQueue.ts): sent again after the Retry-After it gave — a write too, since nothing of
    // it ran — a little later for each client, so that those refused together do not come back together.
    if (res.status !== 503 || apiErrorOf(503, data).code !== 'busy' || attempt >= BUSY_RETRIES) break;
    const seconds = Math.min(10, Number(res.headers.get('retry-after')) || 1);
    await pause(seconds * 1000 * (1 + Math.random() / 2), opts.signal);
  }
  if (!res.ok) {
    const err = apiErrorOf(res.status, data);
    if (res.status === 401 && !opts.quiet401) onUnauthorized?.();
    throw err;
  }
  return data as T;
}

/** Times a request refused by a busy server (503 busy) is sent again before its error is shown. */
const BUSY_RETRIES = 3;

/** Waits `ms`; rejects with the signal's AbortError if it is aborted meanwhile. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

/** The ApiError for a failed answer: the server's `{ error: { code, message, details } }` or a default message. */
export function apiErrorOf(status: number, data: unknown): ApiError {
  const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
  return new ApiError(status, e?.code ?? 'http_' + status, e?.message ?? defaultMessage(status), e?.details);
}

/** Tell the auth provider the session ended (a 401 seen outside `request`). */
export function notifyUnauthorized(): void {
  onUnauthorized?.();
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Phiên làm việc đã hết. Vui lòng đăng nhập lại.';
  if (status === 403) return 'Bạn không có quyền thực hiện thao tác này.';
  if (status === 404) return 'Không tìm thấy dữ liệu.';
  if (status === 429) return 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.';
  if (status >= 500) return 'Hệ thống gặp lỗi ngoài dự kiến. Vui lòng thử lại hoặc báo quản trị viên.';
  return 'Yêu cầu không thực hiện được.';
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
