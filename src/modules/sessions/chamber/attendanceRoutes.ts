// Routes of attendance in the chamber: the chair's floor numbers and the attendance list
// (chamber.floor), the secretariat's check-in, one or in bulk (chamber.attendance), and the
// delegate's own check-in on their phone when the council allows it (chamber.checkin). Council
// scope: another council's session is a 404, another council's user a 403.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CouncilParams, Id, PageQuery, jsonBody, jsonOk, optionalText, pageOf, type Router } from '../../../server/route.ts';
import type { AppEnv } from '../../../server/context.ts';
import { liveRoute } from '../../../server/live.ts';
import { actorOf } from '../../audit/service.ts';
import { sessionOf, type ActionCtx } from '../common.ts';
import { ATTENDANCE_STATUSES, MAX_REASON } from '../../../domain/sessions/portal.ts';
import { bulkCheckIn, checkIn, clearItemMark, selfCheckIn } from './attendance.ts';
import { attendanceList, chamberSessions, floorView, myCheckIn } from './attendanceQueries.ts';
import { floorChannel } from './floorEvents.ts';

const Obj = z.object({}).passthrough();
const param = (name: string) => Id.openapi({ param: { name, in: 'path' } });
const SessionParams = CouncilParams.extend({ councilSessionId: param('councilSessionId') });
const DelegateParams = SessionParams.extend({ delegateId: param('delegateId') });
const ItemDelegateParams = DelegateParams.extend({ sessionItemId: param('sessionItemId') });
const ItemQuery = z.object({ sessionItemId: Id.optional() });

const Status = z.enum(ATTENDANCE_STATUSES, { message: 'Tình trạng điểm danh phải là có mặt, trực tuyến hoặc vắng mặt.' });
const Mark = z.object({
  status: Status,
  reason: optionalText('Lý do vắng mặt', MAX_REASON).nullable().optional(),
  sessionItemId: Id.nullable().optional(),
});
const Bulk = Mark.extend({
  delegateIds: z.array(Id, { message: 'Danh sách đại biểu không hợp lệ.' }).min(1, { message: 'Hãy chọn ít nhất một đại biểu để điểm danh.' }).max(500, { message: 'Mỗi lần điểm danh tối đa 500 đại biểu.' }),
});

export function ctxOf(c: Context<AppEnv>): ActionCtx {
  return { db: c.var.db, actor: actorOf(c.var.user), now: c.var.deps.clock() };
}

export function attendanceRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/chamber/sessions', summary: 'Phòng họp: các kỳ họp (đang diễn ra, đã triệu tập trước), để điểm danh và điều hành',
      permission: 'chamber.floor', scope: 'council', request: { params: CouncilParams, query: PageQuery }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await chamberSessions(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/chamber/sessions/{councilSessionId}/floor', summary: 'Màn hình chủ tọa: số đại biểu có mặt, tổng số đại biểu theo luật định, đại biểu hiện có, số phiếu tán thành cần để thông qua lúc này, người đang phát biểu',
      permission: 'chamber.floor', scope: 'council', request: { params: SessionParams, query: ItemQuery }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await floorView(c.var.db, councilId, councilSessionId, { itemId: c.req.valid('query').sessionItemId }, c.var.deps.clock()), 200);
    },
  );
  liveRoute(
    r,
    {
      method: 'get', path: '/councils/{councilId}/chamber/sessions/{councilSessionId}/floor/live', summary: 'Theo dõi trực tiếp phòng họp (server-sent events): mỗi thay đổi điểm danh hoặc danh sách phát biểu, để màn hình chủ tọa, bàn điểm danh và màn hình toàn cảnh tải lại',
      permission: 'chamber.floor', scope: 'council', request: { params: SessionParams }, responses: {},
    },
    async (c) => {
      const { councilId, councilSessionId } = (c.req as unknown as { valid: (k: 'param') => { councilId: string; councilSessionId: string } }).valid('param');
      const s = await sessionOf(c.var.db, councilId, councilSessionId);
      return { channels: [floorChannel(s.id)], snapshot: { sessionId: s.id } };
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/chamber/sessions/{councilSessionId}/attendance', summary: 'Điểm danh kỳ họp hoặc một nội dung: mọi đại biểu hiện có với tình trạng (có mặt, trực tuyến, vắng mặt và lý do, chưa điểm danh) và xác nhận trước trên cổng đại biểu',
      permission: 'chamber.floor', scope: 'council',
      request: {
        params: SessionParams,
        query: PageQuery.extend(ItemQuery.shape).extend({ status: z.enum([...ATTENDANCE_STATUSES, 'none'], { message: 'Bộ lọc tình trạng điểm danh không hợp lệ.' }).optional() }),
      },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      const { sessionItemId, ...q } = c.req.valid('query');
      return c.json(await attendanceList(c.var.db, councilId, councilSessionId, { ...q, itemId: sessionItemId }), 200);
    },
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/chamber/sessions/{councilSessionId}/attendance/{delegateId}', summary: 'Văn phòng điểm danh một đại biểu cho cả kỳ họp hoặc một nội dung (có mặt, trực tuyến, vắng mặt có lý do)',
      permission: 'chamber.attendance', scope: 'council', request: { params: DelegateParams, body: jsonBody(Mark) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId, delegateId } = c.req.valid('param');
      return c.json(await checkIn(ctxOf(c), councilId, councilSessionId, delegateId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/chamber/sessions/{councilSessionId}/attendance/bulk', summary: 'Văn phòng điểm danh nhiều đại biểu cùng lúc với cùng một tình trạng',
      permission: 'chamber.attendance', scope: 'council', request: { params: SessionParams, body: jsonBody(Bulk) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await bulkCheckIn(ctxOf(c), councilId, councilSessionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'delete', path: '/councils/{councilId}/chamber/sessions/{councilSessionId}/items/{sessionItemId}/attendance/{delegateId}', summary: 'Bỏ điểm danh riêng của đại biểu cho một nội dung (tính lại theo điểm danh cả kỳ họp)',
      permission: 'chamber.attendance', scope: 'council', request: { params: ItemDelegateParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId, delegateId, sessionItemId } = c.req.valid('param');
      return c.json(await clearItemMark(ctxOf(c), councilId, councilSessionId, delegateId, sessionItemId), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/chamber/sessions/{councilSessionId}/me', summary: 'Đại biểu: tình trạng điểm danh của mình và Hội đồng nhân dân có cho tự điểm danh trên điện thoại không',
      permission: 'chamber.checkin', scope: 'council', request: { params: SessionParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await myCheckIn(c.var.db, councilId, councilSessionId, c.var.user?.id ?? null), 200);
    },
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/chamber/sessions/{councilSessionId}/me', summary: 'Đại biểu tự điểm danh trên điện thoại (khi Hội đồng nhân dân cho phép): có mặt, trực tuyến hoặc vắng mặt có lý do',
      permission: 'chamber.checkin', scope: 'council', request: { params: SessionParams, body: jsonBody(Mark) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await selfCheckIn(ctxOf(c), councilId, councilSessionId, c.req.valid('json')), 200);
    },
  );
}
