// Routes of the convocation (guests, issuing and sending the giấy triệu tập / giấy mời /
// chương trình, the sent convocations) and of the per-user calendar feed (make, revoke, and the
// public feed itself, opened by its secret token instead of a cookie).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CouncilParams, Id, jsonBody, jsonOk, optionalText, text, type Router } from '../../server/route.ts';
import type { AppEnv } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import { actorOf } from '../audit/service.ts';
import type { ActionCtx } from './common.ts';
import { addGuest, convocationsOf, removeGuest, resendConvocation, sendConvocation } from './convocation.ts';
import { createFeedToken, feedCalendar, feedStatus, revokeFeedToken } from './calendarFeed.ts';
import { StartTime } from '../documents/templates/sessions.ts';

const Obj = z.object({}).passthrough();
const param = (name: string) => Id.openapi({ param: { name, in: 'path' } });
const SessionParams = CouncilParams.extend({ councilSessionId: param('councilSessionId') });
const Email = z.string().trim().max(200, { message: 'Địa chỉ thư điện tử dài quá 200 ký tự.' })
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: 'Địa chỉ thư điện tử không hợp lệ.' });

function ctxOf(c: Context<AppEnv>): ActionCtx {
  return { db: c.var.db, actor: actorOf(c.var.user), now: c.var.deps.clock() };
}

export function convocationRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/sessions/{councilSessionId}/convocations', summary: 'Giấy triệu tập, giấy mời đã gửi của kỳ họp, người nhận và tình trạng gửi thư; danh sách khách mời',
      permission: 'sessions.read', scope: 'council', request: { params: SessionParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await convocationsOf(c.var.db, councilId, councilSessionId), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/sessions/{councilSessionId}/convocations', summary: 'Ban hành giấy triệu tập (đại biểu), giấy mời (khách mời), chương trình kỳ họp và gửi thư kèm lịch họp (.ics)',
      permission: 'sessions.manage', scope: 'council',
      request: {
        params: SessionParams,
        body: jsonBody(z.object({
          startTime: StartTime, place: text('Địa điểm họp', 300),
          issuerId: Id.optional(), signerId: Id.optional(),
          signerName: optionalText('Họ và tên người ký', 100).optional(), signerTitle: optionalText('Chức vụ người ký', 100).optional(),
        })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await sendConvocation(ctxOf(c), c.var.deps.config, councilId, councilSessionId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/session-convocations/{sessionConvocationId}/resend', summary: 'Gửi lại các thư của giấy triệu tập chưa gửi được (cùng văn bản, cùng số)',
      permission: 'sessions.manage', scope: 'council', request: { params: CouncilParams.extend({ sessionConvocationId: param('sessionConvocationId') }) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionConvocationId } = c.req.valid('param');
      return c.json(await resendConvocation(ctxOf(c), c.var.deps.config, councilId, sessionConvocationId), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/sessions/{councilSessionId}/guests', summary: 'Thêm khách mời dự kỳ họp (họ tên, thư điện tử, cơ quan)',
      permission: 'sessions.manage', scope: 'council',
      request: { params: SessionParams, body: jsonBody(z.object({ name: text('Họ tên khách mời', 200), email: Email.optional(), organisation: optionalText('Cơ quan, đơn vị', 300).optional() })) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await addGuest(ctxOf(c), councilId, councilSessionId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'delete', path: '/councils/{councilId}/session-guests/{sessionGuestId}', summary: 'Bỏ một khách mời khỏi danh sách',
      permission: 'sessions.manage', scope: 'council', request: { params: CouncilParams.extend({ sessionGuestId: param('sessionGuestId') }) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionGuestId } = c.req.valid('param');
      return c.json(await removeGuest(ctxOf(c), councilId, sessionGuestId), 200);
    },
  );

  // The calendar feed ----------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/calendar-feed', summary: 'Đường dẫn lịch của tôi: đã tạo chưa, tạo lúc nào (đường dẫn chỉ hiện một lần khi tạo)',
      scope: 'authenticated', responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await feedStatus(c.var.db, c.var.user!.id), 200),
  );
  r.add(
    {
      method: 'post', path: '/calendar-feed', summary: 'Tạo (hoặc tạo lại) đường dẫn lịch bí mật để ứng dụng lịch theo dõi kỳ họp; đường dẫn cũ hết hiệu lực',
      scope: 'authenticated', responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await createFeedToken(c.var.db, { id: c.var.user!.id, name: c.var.user!.fullName }, c.var.deps.config.publicUrl, c.var.deps.clock()), 201),
  );
  r.add(
    {
      method: 'delete', path: '/calendar-feed', summary: 'Thu hồi đường dẫn lịch của tôi',
      scope: 'authenticated', responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await revokeFeedToken(c.var.db, { id: c.var.user!.id, name: c.var.user!.fullName }), 200),
  );
  r.add(
    {
      method: 'get', path: '/calendar-feeds/{feedToken}', summary: 'Lịch iCalendar của một người dùng (mở bằng mã bí mật trong đường dẫn, không cần đăng nhập)',
      scope: 'public',
      request: { params: z.object({ feedToken: z.string().max(200).openapi({ param: { name: 'feedToken', in: 'path' } }) }) },
      responses: { 200: { description: 'text/calendar' } },
    },
    async (c) => {
      const body = await feedCalendar(c.var.db, c.req.valid('param').feedToken, c.var.deps.config.publicUrl, c.var.deps.clock());
      if (body === null) throw notFound('lịch');
      return new Response(body, {
        status: 200,
        headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store', 'content-disposition': 'inline; filename="nghi-truong.ics"' },
      }) as never;
    },
  );
}
