// The current user's notifications (list, mark read) and how they receive each kind.
import { z } from '@hono/zod-openapi';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { PageQuery, jsonBody, jsonOk, pageOf, Id, type Router } from '../../server/route.ts';
import { invalid, notFound } from '../../server/errors.ts';
import { out } from '../../db/rows.ts';
import { notifications } from './schema.ts';
import { CHANNEL_LABELS, NOTIFICATION_CHANNELS, notificationKinds, preferencesOf, setPreferences } from './service.ts';
import type { NotificationChannel } from '../../server/module.ts';

const Obj = z.object({}).passthrough();
const Ok = z.object({ ok: z.literal(true) }).passthrough();
const Channel = z.enum(NOTIFICATION_CHANNELS as [NotificationChannel, ...NotificationChannel[]], {
  message: `Cách nhận thông báo phải là một trong: ${NOTIFICATION_CHANNELS.map((c) => CHANNEL_LABELS[c]).join('; ')}.`,
});

export function notificationRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/notifications', summary: 'Thông báo của tôi', scope: 'authenticated',
      request: { query: PageQuery.extend({ unread: z.enum(['true', 'false'], { message: 'Bộ lọc "chưa đọc" không hợp lệ.' }).optional() }) },
      responses: { 200: jsonOk(pageOf(Obj).extend({ unread: z.number().int() })) },
    },
    async (c) => {
      const q = c.req.valid('query');
      const userId = c.var.user!.id;
      const mine = eq(notifications.userId, userId);
      const where = and(mine, q.unread === 'true' ? isNull(notifications.readAt) : undefined);
      // One statement: the page, the filtered total and the unread count.
      const rows = await c.var.db
        .select({
          n: notifications,
          total: sql<number>`count(*) over ()`.mapWith(Number),
          unread: sql<number>`(select count(*) from notifications u where u.user_id = ${userId} and u.read_at is null)`.mapWith(Number),
        })
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      let total = rows[0]?.total ?? 0;
      let unread = rows[0]?.unread ?? 0;
      if (!rows.length) {
        const [t] = await c.var.db
          .select({
            total: sql<number>`count(*)`.mapWith(Number),
            unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number),
          })
          .from(notifications)
          .where(mine);
        total = q.unread === 'true' ? (t?.unread ?? 0) : (t?.total ?? 0);
        unread = t?.unread ?? 0;
      }
      const items = rows.map(({ n }) => {
        const { email: _email, emailedAt: _emailedAt, ...rest } = out(n) as Record<string, unknown>;
        return { ...rest, kindLabel: notificationKinds().get(n.kind)?.label ?? 'Thông báo' };
      });
      return c.json({ items, total, page: q.page, pageSize: q.pageSize, unread }, 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/notifications/{notificationId}/read', summary: 'Đánh dấu đã đọc', scope: 'authenticated',
      request: { params: z.object({ notificationId: Id.openapi({ param: { name: 'notificationId', in: 'path' } }) }) },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const [row] = await c.var.db
        .update(notifications)
        .set({ readAt: c.var.deps.clock() })
        .where(and(eq(notifications.id, c.req.valid('param').notificationId), eq(notifications.userId, c.var.user!.id)))
        .returning({ id: notifications.id });
      if (!row) throw notFound('thông báo');
      return c.json({ ok: true as const }, 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/notifications/read-all', summary: 'Đánh dấu tất cả đã đọc', scope: 'authenticated',
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      await c.var.db
        .update(notifications)
        .set({ readAt: c.var.deps.clock() })
        .where(and(eq(notifications.userId, c.var.user!.id), isNull(notifications.readAt)));
      return c.json({ ok: true as const }, 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/notification-preferences', summary: 'Cách tôi nhận từng loại thông báo', scope: 'authenticated',
      responses: { 200: jsonOk(z.object({ items: z.array(Obj), channels: z.array(Obj) })) },
    },
    async (c) =>
      c.json({ items: await preferencesOf(c.var.db, c.var.user!.id), channels: NOTIFICATION_CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] })) }, 200),
  );
  r.add(
    {
      method: 'put', path: '/notification-preferences', summary: 'Chọn cách nhận từng loại thông báo', scope: 'authenticated',
      request: {
        body: jsonBody(z.object({
          items: z.array(z.object({ kind: z.string().max(100), channel: Channel })).min(1, { message: 'Hãy chọn ít nhất một loại thông báo.' }).max(100),
        })),
      },
      responses: { 200: jsonOk(z.object({ items: z.array(Obj) })) },
    },
    async (c) => {
      const { items } = c.req.valid('json');
      const unknown = items.find((i) => !notificationKinds().has(i.kind));
      if (unknown) throw invalid(`Không có loại thông báo "${unknown.kind}".`);
      return c.json({ items: await setPreferences(c.var.db, c.var.user!.id, c.var.deps.clock(), items) }, 200);
    },
  );
}
