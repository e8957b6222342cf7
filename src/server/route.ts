// One way to declare a route: its OpenAPI/zod schema, the permission it needs and where its scope
// comes from. The permission check runs before input validation, so an out-of-scope caller learns
// nothing from validation errors. Every declared route is kept in a registry that the permission
// matrix test enumerates.
import { createRoute, z, type OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { can, permissionDef, type ScopeKind } from './permissions.ts';
import { forbidden, notFound, unauthorized } from './errors.ts';
import { BodyLimit, checkText, limitBody } from './input.ts';

export interface RouteMeta {
  method: string;
  /** OpenAPI-style path under /api, e.g. /councils/{councilId}/delegates */
  path: string;
  permission: string | null;
  scope: ScopeKind;
  summary: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
}

export const routeRegistry: RouteMeta[] = [];

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string().openapi({ example: 'Bạn không có quyền thực hiện thao tác này.' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

const errorResponses = {
  401: { description: 'Chưa đăng nhập', content: { 'application/json': { schema: ErrorBody } } },
  403: { description: 'Không có quyền', content: { 'application/json': { schema: ErrorBody } } },
  404: { description: 'Không tìm thấy', content: { 'application/json': { schema: ErrorBody } } },
  409: { description: 'Xung đột dữ liệu', content: { 'application/json': { schema: ErrorBody } } },
  422: { description: 'Dữ liệu không hợp lệ', content: { 'application/json': { schema: ErrorBody } } },
} as const;

/** What a signed-in user must do before anything else (enforced here, for every route). */
export type PendingStep = 'password' | 'totp';

function authorize(permission: string | null, scope: ScopeKind, pending: PendingStep[] = []): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (scope === 'public') return next();
    const user = c.get('user');
    if (!user) throw unauthorized();
    if (user.mustChangePassword && !pending.includes('password')) {
      throw forbidden('Bạn cần đổi mật khẩu do quản trị viên đặt trước khi tiếp tục sử dụng Nghị Trường.');
    }
    if (user.mustEnrollTotp && !pending.includes('totp')) {
      throw forbidden('Tài khoản của bạn bắt buộc dùng xác thực hai bước. Hãy bật xác thực hai bước trước khi tiếp tục.');
    }
    if (scope === 'authenticated') return next();
    const perm = permission!;
    if (scope === 'global') {
      if (!can(user, perm)) throw forbidden();
      return next();
    }
    const key = scope === 'council' ? 'councilId' : 'agencyId';
    const id = c.req.param(key);
    if (!id || !UUID_RE.test(id)) throw notFound(scope === 'council' ? 'hội đồng nhân dân' : 'cơ quan');
    if (!can(user, perm, { [key]: id })) throw forbidden();
    return next();
  };
}

export type RouteSpec = RouteConfig & {
  permission?: string;
  scope: ScopeKind;
  summary: string;
  /** Largest request body in bytes (see BodyLimit); JSON routes default to BodyLimit.json, upload routes must state theirs. */
  bodyLimit?: number;
  /**
   * Still allowed while the user must change their password ('password') or set up two-factor
   * sign-in ('totp'); every other route answers 403 until then.
   */
  pending?: PendingStep[];
};

function isUpload(spec: RouteConfig): boolean {
  const content = (spec.request?.body as { content?: Record<string, unknown> } | undefined)?.content ?? {};
  return 'multipart/form-data' in content;
}

export class Router {
  readonly app: OpenAPIHono<AppEnv>;
  constructor(app: OpenAPIHono<AppEnv>) {
    this.app = app;
  }

  add<R extends RouteSpec>(spec: R, handler: RouteHandler<R, AppEnv>): void {
    const { permission, scope, bodyLimit, pending, ...config } = spec;
    if (isUpload(spec) && bodyLimit === undefined) throw new Error(`Upload route ${spec.method} ${spec.path} must state its bodyLimit`);
    const maxBytes = bodyLimit ?? BodyLimit.json;
    if (scope !== 'public' && scope !== 'authenticated') {
      if (!permission) throw new Error(`Route ${spec.method} ${spec.path} needs a permission`);
      permissionDef(permission); // throws on typos
    }
    if (scope === 'council' && !spec.path.includes('{councilId}')) {
      throw new Error(`Council-scoped route ${spec.path} must have a {councilId} parameter`);
    }
    if (scope === 'agency' && !spec.path.includes('{agencyId}')) {
      throw new Error(`Agency-scoped route ${spec.path} must have an {agencyId} parameter`);
    }
    const route = createRoute({
      ...config,
      responses: { ...errorResponses, ...config.responses },
      // Size first (before anything reads the body), then the text check (it reveals nothing about
      // the data, so it may precede the permission check), then who may call.
      middleware: [limitBody(maxBytes), checkText, authorize(permission ?? null, scope, pending)],
    } as RouteConfig);
    this.app.openapi(route as unknown as R, handler);
    if (routeRegistry.some((r) => r.method === spec.method.toUpperCase() && r.path === spec.path)) return;
    routeRegistry.push({
      method: spec.method.toUpperCase(),
      path: spec.path,
      permission: permission ?? null,
      scope,
      summary: spec.summary,
      bodyLimit: maxBytes,
    });
  }
}

// Reusable schema pieces ------------------------------------------------------------------------

export const Id = z.string().uuid({ message: 'Mã định danh không hợp lệ.' });
export const CouncilParams = z.object({ councilId: Id.openapi({ param: { name: 'councilId', in: 'path' } }) });
export const AgencyParams = z.object({ agencyId: Id.openapi({ param: { name: 'agencyId', in: 'path' } }) });

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().max(200).optional(),
});

/** Paging alone, for a list without a search. */
export const PageOnly = PageQuery.omit({ q: true });

/**
 * One page of a list the server computes whole (a year's holidays, the roles, a petition's merged
 * timeline): the same answer as a list paged in the database.
 */
export function pageFrom<T>(all: readonly T[], p: { page: number; pageSize: number }) {
  return { items: all.slice((p.page - 1) * p.pageSize, p.page * p.pageSize), total: all.length, page: p.page, pageSize: p.pageSize };
}

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    more: z.boolean().optional().describe('Tìm theo nội dung: còn nhiều hơn `total` (chỉ đếm đến 1.000) kết quả'),
    corrected: z.record(z.string(), z.array(z.string())).nullable().optional().describe('Từ gõ sai → cách viết đã dùng để tìm lại'),
  });
}

export function jsonBody<T extends z.ZodTypeAny>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

export function jsonOk<T extends z.ZodTypeAny>(schema: T, description = 'Thành công') {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** A required, trimmed, non-empty text field with a maximum length (Vietnamese messages). */
export function text(label: string, max = 500) {
  return z
    .string({ message: `${label}: phải là chuỗi ký tự.` })
    .trim()
    .min(1, { message: `${label} không được để trống.` })
    .max(max, { message: `${label} dài quá ${max} ký tự.` });
}

export function optionalText(label: string, max = 500) {
  return z
    .string({ message: `${label}: phải là chuỗi ký tự.` })
    .trim()
    .max(max, { message: `${label} dài quá ${max} ký tự.` });
}

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng YYYY-MM-DD.' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'Ngày không tồn tại.',
  });
