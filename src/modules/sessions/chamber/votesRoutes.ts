// Routes of votes in the chamber: the secretariat prepares, opens and closes (entering a show of
// hands' figures), the chair confirms or annuls, delegates vote from their phone; the projector
// and every screen follow a session's votes live (server-sent events, src/server/live.ts).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CouncilParams, Id, PageOnly, jsonBody, jsonOk, optionalText, pageOf, text, type Router } from '../../../server/route.ts';
import { liveRoute } from '../../../server/live.ts';
import type { AppEnv } from '../../../server/context.ts';
import { actorOf } from '../../audit/service.ts';
import { sessionOf, type ActionCtx } from '../common.ts';
import { annulVote, castBallot, closeVote, confirmVote, createVote, openVote, votesChannel } from './votes.ts';
import { myVotes, publicVotes, sessionVotes, sessionVotesNow, voteDetail } from './votesQueries.ts';

const Obj = z.object({}).passthrough();
const param = (name: string) => Id.openapi({ param: { name, in: 'path' } });
const SessionParams = CouncilParams.extend({ councilSessionId: param('councilSessionId') });
const VoteParams = CouncilParams.extend({ chamberVoteId: param('chamberVoteId') });
const Count = z.number({ message: 'Số phiếu phải là số.' }).int({ message: 'Số phiếu phải là số nguyên.' }).min(0, { message: 'Số phiếu không được âm.' }).max(100_000);

const CreateBody = z.object({
  kind: z.enum(['motion', 'election'], { message: 'Loại biểu quyết phải là "motion" (biểu quyết nội dung) hoặc "election" (bầu chức danh).' }).default('motion'),
  title: text('Nội dung biểu quyết', 500),
  itemId: Id.nullable().optional(),
  method: z.enum(['show_of_hands', 'named', 'secret'], { message: 'Hình thức biểu quyết không hợp lệ.' }),
  ruleKey: z.enum(['resolution', 'dismissal', 'election'], { message: 'Quy tắc biểu quyết không hợp lệ.' }).optional(),
  seatsToFill: z.number().int().min(1, { message: 'Số chức danh cần bầu phải lớn hơn 0.' }).max(50).optional(),
  candidates: z.array(z.object({ name: text('Họ tên ứng cử viên', 200), delegateId: Id.nullable().optional(), note: optionalText('Ghi chú', 500).optional() })).max(100).optional(),
});

function ctxOf(c: Context<AppEnv>): ActionCtx {
  return { db: c.var.db, actor: actorOf(c.var.user), now: c.var.deps.clock() };
}

export function votesRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/sessions/{councilSessionId}/votes', summary: 'Các lượt biểu quyết và bầu chức danh của kỳ họp, mới nhất trước (chỉ số liệu tổng hợp)',
      permission: 'chamber.votes.view', scope: 'council', request: { params: SessionParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      await sessionOf(c.var.db, councilId, councilSessionId);
      return c.json(await sessionVotes(c.var.db, councilId, councilSessionId, c.req.valid('query')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/sessions/{councilSessionId}/votes', summary: 'Tạo lượt biểu quyết về một nội dung (hoặc bầu chức danh từ danh sách ứng cử viên): hình thức, quy tắc ngưỡng',
      permission: 'chamber.votes.manage', scope: 'council', request: { params: SessionParams, body: jsonBody(CreateBody) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await createVote(ctxOf(c), councilId, councilSessionId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/votes/{chamberVoteId}', summary: 'Chi tiết lượt biểu quyết: ai bắt đầu, kết thúc, xác nhận và khi nào; danh sách đại biểu lúc kết thúc; biểu quyết ghi danh: ai chọn gì',
      permission: 'chamber.votes.manage', scope: 'council', request: { params: VoteParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, chamberVoteId } = c.req.valid('param');
      return c.json(await voteDetail(c.var.db, councilId, chamberVoteId), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/votes/{chamberVoteId}/open', summary: 'Bắt đầu biểu quyết: đại biểu biểu quyết trên điện thoại hoặc máy tính bảng',
      permission: 'chamber.votes.manage', scope: 'council', request: { params: VoteParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, chamberVoteId } = c.req.valid('param');
      return c.json(await openVote(ctxOf(c), councilId, chamberVoteId), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/votes/{chamberVoteId}/close', summary: 'Kết thúc biểu quyết: chốt danh sách đại biểu, hệ thống tính kết quả theo quy tắc (giơ tay: Văn phòng nhập số liệu)',
      permission: 'chamber.votes.manage', scope: 'council',
      request: { params: VoteParams, body: jsonBody(z.object({ for: Count.optional(), against: Count.optional(), abstain: Count.optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, chamberVoteId } = c.req.valid('param');
      return c.json(await closeVote(ctxOf(c), councilId, chamberVoteId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/votes/{chamberVoteId}/confirm', summary: 'Chủ tọa xác nhận kết quả biểu quyết đã công bố',
      permission: 'chamber.votes.confirm', scope: 'council', request: { params: VoteParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, chamberVoteId } = c.req.valid('param');
      return c.json(await confirmVote(ctxOf(c), councilId, chamberVoteId), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/votes/{chamberVoteId}/annul', summary: 'Hủy lượt biểu quyết nhầm (bắt buộc ghi lý do; cả hai được lưu) và biểu quyết lại nếu chọn',
      permission: 'chamber.votes.confirm', scope: 'council',
      request: { params: VoteParams, body: jsonBody(z.object({ reason: text('Lý do hủy', 2000), repeat: z.boolean().optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, chamberVoteId } = c.req.valid('param');
      return c.json(await annulVote(ctxOf(c), councilId, chamberVoteId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/votes/{chamberVoteId}/ballot', summary: 'Đại biểu biểu quyết (một lần; gửi lại cùng mã idempotencyKey khi mất kết nối chỉ được tính một lần)',
      permission: 'chamber.vote', scope: 'council',
      request: {
        params: VoteParams,
        body: jsonBody(z.object({
          choice: z.enum(['for', 'against', 'abstain'], { message: 'Lựa chọn phải là tán thành, không tán thành hoặc không biểu quyết.' }).optional(),
          approve: z.array(Id).max(100).optional(),
          idempotencyKey: z.string().min(8, { message: 'Mã gửi phiếu (idempotencyKey) quá ngắn.' }).max(100, { message: 'Mã gửi phiếu (idempotencyKey) quá dài.' }),
          channel: z.enum(['phone', 'tablet'], { message: 'Thiết bị phải là điện thoại hoặc máy tính bảng.' }).optional(),
        })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, chamberVoteId } = c.req.valid('param');
      return c.json(await castBallot(ctxOf(c), councilId, chamberVoteId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/portal/sessions/{councilSessionId}/votes', summary: 'Cổng đại biểu: các lượt biểu quyết của kỳ họp và đại biểu đã biểu quyết hay chưa',
      permission: 'chamber.vote', scope: 'council', request: { params: SessionParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      await sessionOf(c.var.db, councilId, councilSessionId);
      return c.json(await myVotes(c.var.db, councilId, councilSessionId, c.var.user?.id ?? null), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/public/councils/{councilId}/votes', summary: 'Công khai: kết quả các lượt biểu quyết đã xác nhận (tổng số; biểu quyết ghi danh theo tên khi HĐND công khai, biểu quyết kín chỉ tổng số)',
      scope: 'public', request: { params: CouncilParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await publicVotes(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  liveRoute(
    r,
    {
      method: 'get', path: '/councils/{councilId}/sessions/{councilSessionId}/votes/live', summary: 'Theo dõi trực tiếp các lượt biểu quyết của kỳ họp (server-sent events): màn hình chiếu, chủ tọa, đại biểu',
      permission: 'chamber.votes.view', scope: 'council', request: { params: SessionParams }, responses: {},
    },
    async (c) => {
      const { councilId, councilSessionId } = (c.req as unknown as { valid: (k: 'param') => { councilId: string; councilSessionId: string } }).valid('param');
      await sessionOf(c.var.db, councilId, councilSessionId);
      return { channels: [votesChannel(councilSessionId)], snapshot: await sessionVotesNow(c.var.db, councilId, councilSessionId) };
    },
  );
}
