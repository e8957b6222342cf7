// The current user's notifications, and the holiday override table (read by all, edited by an
// administrator).
import { z } from '@hono/zod-openapi';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router } from '../../../server/route.ts';
import { notFound } from '../../../server/errors.ts';
import { IsoDate } from '../../../server/route.ts';
import { createWorkingCalendar } from '../../../domain/calendar/index.ts';
import { putYearOverrides } from '../actions/holidayOverrides.ts';
import { loadOverrides, out, totalOf } from '../common.ts';
import { notifications } from '../schema.ts';
import { Obj, Ok, ctxOf } from './shared.ts';

export function meRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/notifications', summary: 'Thông báo của tôi', scope: 'authenticated',
      request: { query: PageQuery.extend({ unread: z.enum(['true', 'false']).optional() }) },
      responses: { 200: jsonOk(pageOf(Obj).extend({ unread: z.number().int() })) },
    },
    async (c) => {
      const q = c.req.valid('query');
      const userId = c.var.user!.id;
      const where = and(eq(notifications.userId, userId), q.unread === 'true' ? isNull(notifications.readAt) : undefined);
      const [items, total, unread] = await Promise.all([
        c.var.db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
        totalOf(c.var.db.select({ total: sql<number>`count(*)::int` }).from(notifications).where(where)),
        totalOf(c.var.db.select({ total: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))),
      ]);
      return c.json({ items: items.map(out), total, page: q.page, pageSize: q.pageSize, unread }, 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/notifications/{notificationId}/read', summary: 'Đánh dấu đã đọc', scope: 'authenticated',
      request: { params: z.object({ notificationId: z.string().uuid().openapi({ param: { name: 'notificationId', in: 'path' } }) }) },
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

  // Working-day calendar ----------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/calendar/overrides', summary: 'Bảng ngày nghỉ, ngày làm bù theo từng năm', scope: 'authenticated',
      responses: { 200: jsonOk(z.array(Obj)) },
    },
    async (c) => c.json(await loadOverrides(c.var.db), 200),
  );
  r.add(
    {
      method: 'get', path: '/calendar/years/{year}', summary: 'Các ngày nghỉ lễ, nghỉ bù, làm bù của một năm (đã áp dụng bảng điều chỉnh)',
      scope: 'authenticated',
      request: { params: z.object({ year: z.coerce.number().int().min(2000).max(2100).openapi({ param: { name: 'year', in: 'path' } }) }) },
      responses: { 200: jsonOk(z.array(Obj)) },
    },
    async (c) => c.json(createWorkingCalendar(await loadOverrides(c.var.db)).specialDays(c.req.valid('param').year), 200),
  );
  const DayOverride = z.object({ date: IsoDate, name: text('Tên ngày', 200) });
  r.add(
    {
      method: 'put', path: '/calendar/overrides/{year}', summary: 'Sửa bảng ngày nghỉ, ngày làm bù của một năm (theo quyết định của Thủ tướng)',
      permission: 'calendar.manage', scope: 'global',
      request: {
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100).openapi({ param: { name: 'year', in: 'path' } }) }),
        body: jsonBody(z.object({
          daysOff: z.array(DayOverride).max(60),
          notOff: z.array(IsoDate).max(60),
          workingDays: z.array(DayOverride).max(60),
          source: optionalText('Căn cứ', 500).optional(),
        })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await putYearOverrides(ctxOf(c), c.req.valid('param').year, c.req.valid('json')), 200),
  );
}
