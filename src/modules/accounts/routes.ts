import { z } from '@hono/zod-openapi';
import { asc, inArray } from 'drizzle-orm';
import { conflict, invalid, tooMany, unauthorized } from '../../server/errors.ts';
import { Id, PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router } from '../../server/route.ts';
import { SUPER_ROLE } from '../../server/permissions.ts';
import { actorOf } from '../audit/service.ts';
import { agencies, bodies, councils } from '../directory/schema.ts';
import { verifyPassword } from './password.ts';
import { AttemptLimiter } from './rateLimit.ts';
import { ROLES } from './roles.ts';
import { EXPORT_MAX, xlsxOk, xlsxResponse } from '../spreadsheets/export.ts';
import {
  changeOwnPassword, createUser, findUserForLogin, grantRole, listUsers, revokeRole, updateUser,
} from './service.ts';
import { endSession, startSession } from './session.ts';

const byUsername = new AttemptLimiter(5, 15 * 60_000);
const byAddress = new AttemptLimiter(30, 15 * 60_000);

const Ok = z.object({ ok: z.literal(true) });
const GrantSchema = z.object({
  id: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  councilId: z.string().nullable(),
  councilName: z.string().nullable(),
  bodyId: z.string().nullable(),
  bodyName: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
});
const MeSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    mustChangePassword: z.boolean(),
    csrfToken: z.string(),
    isAdmin: z.boolean(),
    grants: z.array(GrantSchema),
    councils: z.array(z.object({ id: z.string(), name: z.string(), validTo: z.string().nullable() })),
  })
  .openapi('Me');

const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    email: z.string(),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    delegateId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('User');

const UserParams = z.object({ userId: Id.openapi({ param: { name: 'userId', in: 'path' } }) });
const GrantParams = UserParams.extend({ grantId: Id.openapi({ param: { name: 'grantId', in: 'path' } }) });

export function accountRoutes(r: Router) {
  r.add(
    {
      method: 'post',
      path: '/auth/login',
      summary: 'Đăng nhập',
      scope: 'public',
      request: {
        body: jsonBody(z.object({ username: text('Tên đăng nhập', 100), password: z.string().min(1, 'Mật khẩu không được để trống.').max(200) })),
      },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const { username, password } = c.req.valid('json');
      const now = c.var.deps.clock().getTime();
      const uKey = username.trim().toLowerCase();
      const aKey = c.req.header('x-forwarded-for') ?? 'local';
      const wait = Math.max(byUsername.blockedFor(uKey, now), byAddress.blockedFor(aKey, now));
      if (wait > 0) {
        throw tooMany(`Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(wait / 60_000)} phút.`);
      }
      const user = await findUserForLogin(c.var.db, username);
      const ok = user && user.active && (await verifyPassword(password, user.passwordHash));
      if (!ok) {
        byUsername.fail(uKey, now);
        byAddress.fail(aKey, now);
        throw unauthorized('Tên đăng nhập hoặc mật khẩu không đúng.');
      }
      byUsername.clear(uKey);
      await startSession(c, user.id);
      return c.json({ ok: true as const }, 200);
    },
  );

  r.add(
    { method: 'post', path: '/auth/logout', summary: 'Đăng xuất', scope: 'authenticated', responses: { 200: jsonOk(Ok) } },
    async (c) => {
      await endSession(c);
      return c.json({ ok: true as const }, 200);
    },
  );

  r.add(
    { method: 'get', path: '/auth/me', summary: 'Người dùng hiện tại', scope: 'authenticated', responses: { 200: jsonOk(MeSchema) } },
    async (c) => {
      const user = c.var.user!;
      const db = c.var.db;
      const isAdmin = user.grants.some((g) => g.role === SUPER_ROLE);
      const councilIds = [...new Set(user.grants.map((g) => g.councilId).filter((x): x is string => !!x))];
      const bodyIds = user.grants.map((g) => g.bodyId).filter((x): x is string => !!x);
      const agencyIds = user.grants.map((g) => g.agencyId).filter((x): x is string => !!x);
      const councilRows = isAdmin
        ? await db.select().from(councils).orderBy(asc(councils.sortKey))
        : councilIds.length
          ? await db.select().from(councils).where(inArray(councils.id, councilIds)).orderBy(asc(councils.sortKey))
          : [];
      const bodyRows = bodyIds.length ? await db.select().from(bodies).where(inArray(bodies.id, bodyIds)) : [];
      const agencyRows = agencyIds.length ? await db.select().from(agencies).where(inArray(agencies.id, agencyIds)) : [];
      const full = await db.query.roleGrants.findMany({ where: (g, { eq }) => eq(g.userId, user.id) });
      return c.json(
        {
          id: user.id,
          username: user.username,
          fullName: user.fullName,
          mustChangePassword: user.mustChangePassword,
          csrfToken: user.csrfToken,
          isAdmin,
          grants: full.map((g) => ({
            id: g.id,
            role: g.role,
            roleLabel: ROLES[g.role]?.label ?? g.role,
            councilId: g.councilId,
            councilName: councilRows.find((x) => x.id === g.councilId)?.name ?? null,
            bodyId: g.bodyId,
            bodyName: bodyRows.find((x) => x.id === g.bodyId)?.name ?? null,
            agencyId: g.agencyId,
            agencyName: agencyRows.find((x) => x.id === g.agencyId)?.name ?? null,
          })),
          councils: councilRows.map((x) => ({ id: x.id, name: x.name, validTo: x.validTo })),
        },
        200,
      );
    },
  );

  r.add(
    {
      method: 'post',
      path: '/auth/password',
      summary: 'Đổi mật khẩu của chính mình',
      scope: 'authenticated',
      request: {
        body: jsonBody(
          z.object({
            currentPassword: z.string().min(1, 'Hãy nhập mật khẩu hiện tại.').max(200),
            newPassword: z.string().max(200),
          }),
        ),
      },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const user = c.var.user!;
      await changeOwnPassword(c.var.db, actorOf(user), user.id, currentPassword, newPassword);
      return c.json({ ok: true as const }, 200);
    },
  );

  r.add(
    {
      method: 'get',
      path: '/roles',
      summary: 'Danh sách vai trò',
      scope: 'authenticated',
      responses: { 200: jsonOk(z.array(z.object({ role: z.string(), label: z.string(), scope: z.string() }))) },
    },
    (c) => c.json(Object.entries(ROLES).map(([role, d]) => ({ role, label: d.label, scope: d.scope })), 200),
  );

  r.add(
    {
      method: 'get',
      path: '/users/export.xlsx',
      summary: 'Xuất danh sách người dùng và vai trò ra Excel',
      permission: 'users.manage',
      scope: 'global',
      request: { query: z.object({ q: z.string().max(200).optional() }) },
      responses: { 200: xlsxOk },
    },
    async (c) => {
      const { items } = await listUsers(c.var.db, { ...c.req.valid('query'), page: 1, pageSize: EXPORT_MAX });
      return xlsxResponse({
        fileName: 'Nguoi-dung.xlsx',
        sheetName: 'Người dùng',
        columns: [
          { header: 'Tên đăng nhập', key: 'username', type: 'text', width: 18 },
          { header: 'Họ và tên', key: 'fullName', type: 'text', width: 26 },
          { header: 'Thư điện tử', key: 'email', type: 'text', width: 26 },
          { header: 'Trạng thái', key: 'state', type: 'text', width: 12 },
          { header: 'Vai trò', key: 'roles', type: 'text', width: 40 },
          { header: 'Ngày tạo', key: 'created', type: 'datetime', width: 18 },
        ],
        rows: items.map((u) => ({
          ...u,
          state: u.active ? 'Đang dùng' : 'Đã khóa',
          roles: u.grants.map((g) => ROLES[g.role]?.label ?? g.role).join('; '),
          created: new Date(u.createdAt),
        })),
      });
    },
  );

  r.add(
    {
      method: 'get',
      path: '/users',
      summary: 'Danh sách người dùng',
      permission: 'users.manage',
      scope: 'global',
      request: { query: PageQuery },
      responses: { 200: jsonOk(pageOf(UserSchema.extend({ grants: z.array(z.any()) }))) },
    },
    async (c) => c.json(await listUsers(c.var.db, c.req.valid('query')), 200),
  );

  r.add(
    {
      method: 'post',
      path: '/users',
      summary: 'Tạo người dùng',
      permission: 'users.manage',
      scope: 'global',
      request: {
        body: jsonBody(
          z.object({
            username: text('Tên đăng nhập', 50),
            fullName: text('Họ và tên', 150),
            email: optionalText('Thư điện tử', 200).pipe(z.union([z.literal(''), z.email('Thư điện tử không hợp lệ.')])).optional(),
            password: z.string().max(200),
          }),
        ),
      },
      responses: { 201: jsonOk(UserSchema) },
    },
    async (c) => c.json(await createUser(c.var.db, actorOf(c.var.user), c.req.valid('json')), 201),
  );

  r.add(
    {
      method: 'patch',
      path: '/users/{userId}',
      summary: 'Sửa người dùng, khóa tài khoản hoặc đặt lại mật khẩu',
      permission: 'users.manage',
      scope: 'global',
      request: {
        params: UserParams,
        body: jsonBody(
          z.object({
            fullName: text('Họ và tên', 150).optional(),
            email: optionalText('Thư điện tử', 200).optional(),
            active: z.boolean().optional(),
            password: z.string().max(200).optional(),
          }),
        ),
      },
      responses: { 200: jsonOk(UserSchema) },
    },
    async (c) => {
      const { userId } = c.req.valid('param');
      const patch = c.req.valid('json');
      if (userId === c.var.user!.id && patch.active === false) throw conflict('Bạn không thể tự khóa tài khoản của mình.');
      return c.json(await updateUser(c.var.db, actorOf(c.var.user), userId, patch), 200);
    },
  );

  r.add(
    {
      method: 'post',
      path: '/users/{userId}/grants',
      summary: 'Giao vai trò cho người dùng',
      permission: 'users.manage',
      scope: 'global',
      request: {
        params: UserParams,
        body: jsonBody(
          z.object({
            role: text('Vai trò', 50),
            councilId: Id.nullable().optional(),
            bodyId: Id.nullable().optional(),
            agencyId: Id.nullable().optional(),
          }),
        ),
      },
      responses: { 201: jsonOk(z.object({ id: z.string(), role: z.string() }).passthrough()) },
    },
    async (c) => {
      const { userId } = c.req.valid('param');
      const body = c.req.valid('json');
      if (!ROLES[body.role]) throw invalid(`Vai trò "${body.role}" không tồn tại.`);
      return c.json(await grantRole(c.var.db, actorOf(c.var.user), userId, body), 201);
    },
  );

  r.add(
    {
      method: 'delete',
      path: '/users/{userId}/grants/{grantId}',
      summary: 'Thu hồi vai trò',
      permission: 'users.manage',
      scope: 'global',
      request: { params: GrantParams },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const { userId, grantId } = c.req.valid('param');
      if (userId === c.var.user!.id) throw conflict('Bạn không thể tự thu hồi vai trò của mình.');
      await revokeRole(c.var.db, actorOf(c.var.user), userId, grantId);
      return c.json({ ok: true as const }, 200);
    },
  );
}
