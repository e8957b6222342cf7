import { z } from '@hono/zod-openapi';
import { asc, eq, inArray } from 'drizzle-orm';
import { conflict, invalid } from '../../server/errors.ts';
import { Id, PageOnly, PageQuery, jsonBody, jsonOk, optionalText, pageFrom, pageOf, text, type Router } from '../../server/route.ts';
import { SUPER_ROLE } from '../../server/permissions.ts';
import { actorOf } from '../audit/service.ts';
import { agencies, bodies, councils } from '../directory/schema.ts';
import { ROLES } from './roles.ts';
import { EXPORT_MAX, xlsxOk, xlsxResponse } from '../spreadsheets/export.ts';
import {
  changeOwnPassword, createUser, disableTotp, endOwnSessions, enableTotp, grantRole, listTotpRoles, listUsers, revokeRole, setTotpRoles, updateUser,
} from './service.ts';
import { checkCurrentPassword, login } from './login.ts';
import { clearSessionCookie, listSessions } from './session.ts';
import { newTotpSecret, totpUri } from './totp.ts';
import { users } from './schema.ts';
import { clientAddress } from '../../server/clientAddress.ts';

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
    mustEnrollTotp: z.boolean(),
    totpEnabled: z.boolean(),
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
    totpEnabled: z.boolean(),
    totpRequired: z.boolean(),
    delegateId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('User');

const SessionSchema = z
  .object({
    id: z.string(),
    userAgent: z.string(),
    address: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    current: z.boolean(),
  })
  .openapi('Session');

const UserParams = z.object({ userId: Id.openapi({ param: { name: 'userId', in: 'path' } }) });
const GrantParams = UserParams.extend({ grantId: Id.openapi({ param: { name: 'grantId', in: 'path' } }) });

export function accountRoutes(r: Router) {
  r.add(
    {
      method: 'post',
      path: '/auth/login',
      summary: 'Đăng nhập (mật khẩu, rồi mã xác thực nếu tài khoản dùng xác thực hai bước)',
      scope: 'public',
      request: {
        body: jsonBody(
          z.object({
            username: text('Tên đăng nhập', 100),
            password: z.string().min(1, 'Mật khẩu không được để trống.').max(200),
            totpCode: z.string().max(20).optional().describe('Mã 6 chữ số từ ứng dụng xác thực, khi bước mật khẩu trả về totpRequired'),
          }),
        ),
      },
      responses: { 200: jsonOk(z.object({ ok: z.boolean(), totpRequired: z.boolean().optional() })) },
    },
    async (c) => c.json(await login(c, c.req.valid('json')), 200),
  );

  r.add(
    { method: 'post', path: '/auth/logout', summary: 'Đăng xuất', scope: 'authenticated', pending: ['password', 'totp'], responses: { 200: jsonOk(Ok) } },
    async (c) => {
      await endOwnSessions(c.var.db, c.var.user!, { logout: true, address: clientAddress(c) });
      clearSessionCookie(c);
      return c.json({ ok: true as const }, 200);
    },
  );

  r.add(
    {
      method: 'get',
      path: '/auth/sessions',
      summary: 'Các phiên đăng nhập của chính mình',
      scope: 'authenticated',
      pending: ['password', 'totp'],
      responses: { 200: jsonOk(pageOf(SessionSchema)) },
    },
    async (c) => {
      // A user has a handful of sessions: one page holds them all, in the shape of every list.
      const items = await listSessions(c.var.db, c.var.user!, c.var.deps.clock());
      return c.json({ items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) }, 200);
    },
  );

  r.add(
    {
      method: 'delete',
      path: '/auth/sessions/{sessionId}',
      summary: 'Kết thúc một phiên đăng nhập của chính mình',
      scope: 'authenticated',
      pending: ['password', 'totp'],
      request: { params: z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/, 'Mã phiên không hợp lệ.').openapi({ param: { name: 'sessionId', in: 'path' } }) }) },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const user = c.var.user!;
      const { sessionId } = c.req.valid('param');
      await endOwnSessions(c.var.db, user, { sessionId });
      if (sessionId === user.sessionId) clearSessionCookie(c);
      return c.json({ ok: true as const }, 200);
    },
  );

  r.add(
    {
      method: 'post',
      path: '/auth/sessions/end-others',
      summary: 'Kết thúc mọi phiên đăng nhập khác của chính mình',
      scope: 'authenticated',
      pending: ['password', 'totp'],
      responses: { 200: jsonOk(z.object({ ended: z.number().int() })) },
    },
    async (c) => {
      return c.json({ ended: await endOwnSessions(c.var.db, c.var.user!, { others: true }) }, 200);
    },
  );

  r.add(
    {
      method: 'get',
      path: '/auth/me',
      summary: 'Người dùng hiện tại',
      scope: 'authenticated',
      pending: ['password', 'totp'],
      responses: { 200: jsonOk(MeSchema) },
    },
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
      const [own] = await db.select({ totpSecret: users.totpSecret }).from(users).where(eq(users.id, user.id));
      return c.json(
        {
          id: user.id,
          username: user.username,
          fullName: user.fullName,
          mustChangePassword: user.mustChangePassword,
          mustEnrollTotp: user.mustEnrollTotp,
          totpEnabled: !!own?.totpSecret,
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
      summary: 'Đổi mật khẩu của chính mình (các phiên khác kết thúc)',
      scope: 'authenticated',
      pending: ['password', 'totp'],
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
      await checkCurrentPassword(c, user.id, currentPassword, () => invalid('Mật khẩu hiện tại không đúng.'));
      await changeOwnPassword(c.var.db, actorOf(user), user, currentPassword, newPassword);
      return c.json({ ok: true as const }, 200);
    },
  );

  r.add(
    {
      method: 'post',
      path: '/auth/totp/setup',
      summary: 'Bắt đầu bật xác thực hai bước: khóa bí mật và địa chỉ otpauth:// cho ứng dụng xác thực',
      scope: 'authenticated',
      pending: ['totp'],
      responses: { 200: jsonOk(z.object({ secret: z.string(), uri: z.string() })) },
    },
    async (c) => {
      const user = c.var.user!;
      const [own] = await c.var.db.select({ totpSecret: users.totpSecret }).from(users).where(eq(users.id, user.id));
      if (own?.totpSecret) throw conflict('Xác thực hai bước đã được bật cho tài khoản này.');
      // Nothing is stored yet: the secret comes back with the first code (POST /auth/totp/enable).
      const secret = newTotpSecret();
      return c.json({ secret, uri: totpUri(secret, user.username) }, 200);
    },
  );

  r.add(
    {
      method: 'post',
      path: '/auth/totp/enable',
      summary: 'Xác nhận mã đầu tiên để bật xác thực hai bước',
      scope: 'authenticated',
      pending: ['totp'],
      request: { body: jsonBody(z.object({ secret: z.string().max(64), code: z.string().max(20) })) },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const { secret, code } = c.req.valid('json');
      const user = c.var.user!;
      await enableTotp(c.var.db, actorOf(user), user, secret, code, c.var.deps.clock());
      return c.json({ ok: true as const }, 200);
    },
  );

  r.add(
    {
      method: 'post',
      path: '/auth/totp/disable',
      summary: 'Tắt xác thực hai bước của chính mình (khi không bắt buộc)',
      scope: 'authenticated',
      request: { body: jsonBody(z.object({ password: z.string().min(1, 'Hãy nhập mật khẩu hiện tại.').max(200) })) },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const user = c.var.user!;
      await checkCurrentPassword(c, user.id, c.req.valid('json').password, () => invalid('Mật khẩu hiện tại không đúng.'));
      await disableTotp(c.var.db, actorOf(user), user.id, 'self');
      return c.json({ ok: true as const }, 200);
    },
  );

  r.add(
    {
      method: 'post',
      path: '/users/{userId}/totp/reset',
      summary: 'Đặt lại xác thực hai bước của người dùng (mất điện thoại)',
      permission: 'users.manage',
      scope: 'global',
      request: { params: UserParams },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      await disableTotp(c.var.db, actorOf(c.var.user), c.req.valid('param').userId, 'admin');
      return c.json({ ok: true as const }, 200);
    },
  );

  r.add(
    {
      method: 'get',
      path: '/totp-required-roles',
      summary: 'Các vai trò bắt buộc dùng xác thực hai bước',
      permission: 'users.manage',
      scope: 'global',
      responses: { 200: jsonOk(z.object({ roles: z.array(z.string()) })) },
    },
    async (c) => c.json({ roles: await listTotpRoles(c.var.db) }, 200),
  );

  r.add(
    {
      method: 'put',
      path: '/totp-required-roles',
      summary: 'Đặt các vai trò bắt buộc dùng xác thực hai bước',
      permission: 'users.manage',
      scope: 'global',
      request: { body: jsonBody(z.object({ roles: z.array(z.string().max(50)).max(50) })) },
      responses: { 200: jsonOk(z.object({ roles: z.array(z.string()) })) },
    },
    async (c) => c.json({ roles: await setTotpRoles(c.var.db, actorOf(c.var.user), c.req.valid('json').roles) }, 200),
  );

  r.add(
    {
      method: 'get',
      path: '/roles',
      summary: 'Danh sách vai trò',
      scope: 'authenticated',
      request: { query: PageOnly },
      responses: { 200: jsonOk(pageOf(z.object({ role: z.string(), label: z.string(), scope: z.string() }))) },
    },
    (c) => c.json(pageFrom(Object.entries(ROLES).map(([role, d]) => ({ role, label: d.label, scope: d.scope })), c.req.valid('query')), 200),
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
      summary: 'Sửa người dùng, khóa tài khoản, đặt lại mật khẩu hoặc bắt buộc xác thực hai bước',
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
            totpRequired: z.boolean().optional(),
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
