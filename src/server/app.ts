// Builds the HTTP application from the registered modules.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps, AppEnv } from './context.ts';
import { AppError, fromDatabaseError, logUnexpected } from './errors.ts';
import { Router } from './route.ts';
import { modules } from '../modules/index.ts';
import { loadSessionUser, checkCsrf } from '../modules/accounts/session.ts';
import { installModules } from './install.ts';
import { compressAnswers, ensureSecurityHeaders, mountWebClient, prepareSecurityHeaders } from './web.ts';
import { withCaches } from '../db/cache.ts';
import { fairQueue } from '../db/fairQueue.ts';
import { can, scopesOf, type AuthUser } from './permissions.ts';
import { todoRoutes } from './todo.ts';
import { useVietnameseZod } from './zodVi.ts';

/** Menu entries the user may see; council entries carry the councils they apply to. */
function visibleMenu(user: AuthUser | null) {
  const groupLabels: Record<string, string> = Object.assign({}, ...modules.map((m) => m.menuGroups ?? {}));
  return modules
    .flatMap((m) => m.menu ?? [])
    .map((e) => {
      const groupLabel = groupLabels[e.group ?? ''] ?? e.group ?? '';
      if (e.scope === 'global') return can(user, e.permission) ? { ...e, groupLabel, councilIds: 'all' as const } : null;
      const ids = scopesOf(user, e.permission, e.scope === 'council' ? 'councilId' : 'agencyId');
      return ids === 'all' || ids.length ? { ...e, groupLabel, [e.scope === 'council' ? 'councilIds' : 'agencyIds']: ids } : null;
    })
    .filter((e) => e !== null)
    .sort((a, b) => a.order - b.order);
}

useVietnameseZod();

function errorJson(err: AppError) {
  return { error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } };
}

export function createApp(deps: AppDeps, opts: { webRoot?: string } = {}) {
  installModules();
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        const first = issues[0];
        const message = first
          ? `Dữ liệu không hợp lệ${first.path ? ` (${first.path})` : ''}: ${first.message}`
          : 'Dữ liệu không hợp lệ.';
        return c.json({ error: { code: 'invalid', message, details: issues } }, 422);
      }
    },
  });

  // PGlite runs one statement at a time in this thread: requests take turns (src/db/fairQueue.ts).
  if (deps.dbKind === 'pglite') app.use('/api/*', fairQueue({ maxWaitMs: deps.config.queueMaxWaitMs }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('db', deps.db);
    const security = prepareSecurityHeaders(c);
    // The request's view of the in-process caches (session, settings, calendar, abbreviations).
    await withCaches(deps.db, deps.dbKind, async () => {
      c.set('user', await loadSessionUser(c));
      await next();
    });
    ensureSecurityHeaders(c, security);
  });
  app.use('/api/*', compressAnswers);
  app.use('/api/*', checkCsrf);
  for (const m of modules) if (m.middleware) app.use('/api/*', m.middleware);

  app.onError((err, c) => {
    let appErr: AppError | undefined;
    if (err instanceof AppError) appErr = err;
    else if (err instanceof HTTPException) {
      appErr =
        err.status === 400
          ? new AppError(400, 'bad_request', 'Dữ liệu gửi lên không đúng định dạng JSON hoặc biểu mẫu.')
          : err.status === 413
            ? new AppError(413, 'too_large', 'Tệp hoặc dữ liệu gửi lên quá lớn.')
            : new AppError(err.status === 401 ? 401 : 400, 'bad_request', 'Yêu cầu không hợp lệ.');
    } else appErr = fromDatabaseError(err);
    if (!appErr) {
      const errorId = logUnexpected(c.req.method, c.req.routePath, err);
      return c.json({ error: { code: 'internal', message: `Hệ thống gặp lỗi ngoài dự kiến. Vui lòng thử lại hoặc báo quản trị viên (mã lỗi ${errorId}).` } }, 500);
    }
    return c.json(errorJson(appErr), appErr.status);
  });

  const api = new OpenAPIHono<AppEnv>({ defaultHook: (app as any).defaultHook });
  const router = new Router(api);
  for (const m of modules) m.routes?.(router);
  todoRoutes(router);
  router.add(
    {
      method: 'get',
      path: '/menu',
      summary: 'Các mục trình đơn người dùng được thấy (theo quyền, theo HĐND)',
      scope: 'authenticated',
      // One document, not a list: the shell draws the whole menu, so it is never paged.
      responses: { 200: { description: 'Trình đơn', content: { 'application/json': { schema: z.object({ entries: z.array(z.object({}).passthrough()) }) } } } },
    },
    (c) => c.json({ entries: visibleMenu(c.var.user) }, 200),
  );
  api.get('/health', async (c) => {
    await deps.db.execute('select 1' as never);
    return c.json({ status: 'ok', database: deps.dbKind, time: deps.clock().toISOString() });
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Nghị Trường API', version: '0.1.0', description: 'API của Nghị Trường — nền tảng làm việc số của HĐND.' },
  });
  app.route('/api', api);
  // A mounted app's notFound is not used by its parent: without this, the web fallback below
  // would answer an unknown /api path with the page.
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: 'Không tìm thấy địa chỉ API này.' } }, 404));

  if (opts.webRoot) mountWebClient(app, opts.webRoot);
  return app;
}
