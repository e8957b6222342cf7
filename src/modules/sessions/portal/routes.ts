// Routes of the delegates' portal (permission sessions.portal, council scope: a delegate of another
// council is refused) and of the secretariat's and standing committee's side (publishing, who read
// what, attendance, speakers). GETs write nothing: opening a file is recorded by an explicit POST
// that the page sends.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CouncilParams, Id, PageQuery, jsonBody, jsonOk, optionalText, pageOf, type Router } from '../../../server/route.ts';
import { contentDisposition, fileResponse } from '../../../server/download.ts';
import type { AppEnv } from '../../../server/context.ts';
import { actorOf } from '../../audit/service.ts';
import type { ActionCtx } from '../common.ts';
import { ATTENDANCE_STATUSES, MAX_REASON, MAX_SPEECH } from '../../../domain/sessions/portal.ts';
import { confirmAttendance, publishDocument, publishedFile, recordOpened, registerToSpeak, saveNote, withdrawSpeech } from './actions.ts';
import { attendanceList, portalSession, portalSessions, sessionPublicationList, speakersList } from './queries.ts';

const Obj = z.object({}).passthrough();
const param = (name: string) => Id.openapi({ param: { name, in: 'path' } });
const SessionParams = CouncilParams.extend({ councilSessionId: param('councilSessionId') });
const ItemParams = CouncilParams.extend({ sessionItemId: param('sessionItemId') });
const DocParams = CouncilParams.extend({ sessionDocumentId: param('sessionDocumentId') });
// The portal names its document and file ids apart: only published ones exist there.
const PortalDocParams = CouncilParams.extend({ portalDocumentId: param('portalDocumentId') });
const PortalFileParams = PortalDocParams.extend({ portalFileId: param('portalFileId') });

function ctxOf(c: Context<AppEnv>): ActionCtx {
  return { db: c.var.db, actor: actorOf(c.var.user), now: c.var.deps.clock() };
}
const userOf = (c: Context<AppEnv>) => c.var.user?.id ?? null;

export function portalRoutes(r: Router) {
  // The delegate's side ---------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/portal/sessions', summary: 'Cổng đại biểu: các kỳ họp, số tài liệu mới hoặc đã thay đổi, xác nhận tham dự của đại biểu',
      permission: 'sessions.portal', scope: 'council', request: { params: CouncilParams, query: PageQuery }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await portalSessions(c.var.db, c.req.valid('param').councilId, userOf(c), c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/portal/sessions/{councilSessionId}', summary: 'Cổng đại biểu: tài liệu đã phát hành theo nội dung kỳ họp, mới/đã thay đổi từ lần xem trước, ghi chú riêng, tham dự, đăng ký phát biểu',
      permission: 'sessions.portal', scope: 'council', request: { params: SessionParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await portalSession(c.var.db, councilId, councilSessionId, userOf(c)), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/portal/documents/{portalDocumentId}/files/{portalFileId}', summary: 'Cổng đại biểu: đọc tệp đã phát hành trên trình duyệt (PDF) hoặc tải về (?as=download; Word luôn tải về)',
      permission: 'sessions.portal', scope: 'council',
      request: { params: PortalFileParams, query: z.object({ as: z.enum(['view', 'download'], { message: 'Cách mở tệp không hợp lệ.' }).optional() }) },
      responses: { 200: { description: 'Tệp' } },
    },
    async (c) => {
      const { councilId, portalDocumentId, portalFileId } = c.req.valid('param');
      const { file } = await publishedFile(c.var.db, councilId, portalDocumentId, portalFileId);
      const inline = file.mimeType === 'application/pdf' && c.req.valid('query').as !== 'download';
      return fileResponse(file.content, file.fileName, file.mimeType, { 'content-disposition': contentDisposition(file.fileName, inline ? 'inline' : 'attachment') }) as never;
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/portal/documents/{portalDocumentId}/files/{portalFileId}/opened', summary: 'Cổng đại biểu: ghi nhận đại biểu đã mở (đọc hoặc tải) tệp tài liệu',
      permission: 'sessions.portal', scope: 'council', request: { params: PortalFileParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, portalDocumentId, portalFileId } = c.req.valid('param');
      return c.json(await recordOpened(ctxOf(c), councilId, portalDocumentId, portalFileId), 200);
    },
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/portal/documents/{portalDocumentId}/note', summary: 'Cổng đại biểu: ghi chú riêng về một tài liệu (chỉ người viết đọc được; để trống để xóa)',
      permission: 'sessions.portal', scope: 'council', request: { params: PortalDocParams, body: jsonBody(z.object({ text: optionalText('Ghi chú', 20_000) })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, portalDocumentId } = c.req.valid('param');
      return c.json(await saveNote(ctxOf(c), councilId, portalDocumentId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/portal/sessions/{councilSessionId}/attendance', summary: 'Cổng đại biểu: xác nhận tham dự kỳ họp (có mặt, trực tuyến, vắng mặt có lý do)',
      permission: 'sessions.portal', scope: 'council',
      request: { params: SessionParams, body: jsonBody(z.object({ status: z.enum(ATTENDANCE_STATUSES, { message: 'Hình thức tham dự không hợp lệ.' }), reason: optionalText('Lý do', MAX_REASON).optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await confirmAttendance(ctxOf(c), councilId, councilSessionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/portal/items/{sessionItemId}/speech', summary: 'Cổng đại biểu: đăng ký phát biểu về một nội dung, kèm nội dung dự kiến phát biểu (không bắt buộc)',
      permission: 'sessions.portal', scope: 'council', request: { params: ItemParams, body: jsonBody(z.object({ text: optionalText('Nội dung dự kiến phát biểu', MAX_SPEECH).optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionItemId } = c.req.valid('param');
      return c.json(await registerToSpeak(ctxOf(c), councilId, sessionItemId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/portal/items/{sessionItemId}/speech/withdraw', summary: 'Cổng đại biểu: rút đăng ký phát biểu (nội dung dự kiến vẫn được lưu)',
      permission: 'sessions.portal', scope: 'council', request: { params: ItemParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionItemId } = c.req.valid('param');
      return c.json(await withdrawSpeech(ctxOf(c), councilId, sessionItemId), 200);
    },
  );

  // The secretariat and the standing committee ---------------------------------------------------
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/session-documents/{sessionDocumentId}/publish', summary: 'Phát hành phiên bản mới nhất của tài liệu cho đại biểu (trước đó đại biểu không thấy)',
      permission: 'sessions.manage', scope: 'council', request: { params: DocParams }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionDocumentId } = c.req.valid('param');
      return c.json(await publishDocument(ctxOf(c), councilId, sessionDocumentId), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/sessions/{councilSessionId}/publications', summary: 'Tài liệu của kỳ họp: phiên bản đã nhận, đã phát hành cho đại biểu, đại biểu nào đã đọc',
      permission: 'sessions.read', scope: 'council',
      request: { params: SessionParams, query: PageQuery.extend({ awaiting: z.enum(['true', 'false'], { message: 'Bộ lọc "chờ phát hành" không hợp lệ.' }).optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      const { awaiting, ...page } = c.req.valid('query');
      return c.json(await sessionPublicationList(c.var.db, councilId, councilSessionId, { ...page, awaiting: awaiting === 'true' }), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/sessions/{councilSessionId}/attendance', summary: 'Danh sách đại biểu xác nhận tham dự kỳ họp (có mặt, trực tuyến, vắng mặt và lý do, chưa xác nhận) với số lượng, số tài liệu đã đọc',
      permission: 'sessions.delegates', scope: 'council',
      request: { params: SessionParams, query: PageQuery.extend({ status: z.enum([...ATTENDANCE_STATUSES, 'unconfirmed'], { message: 'Hình thức tham dự không hợp lệ.' }).optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await attendanceList(c.var.db, councilId, councilSessionId, c.req.valid('query')), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/sessions/{councilSessionId}/speakers', summary: 'Đại biểu đăng ký phát biểu theo nội dung kỳ họp, với nội dung dự kiến phát biểu',
      permission: 'sessions.delegates', scope: 'council',
      request: { params: SessionParams, query: PageQuery.extend({ sessionItemId: Id.optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      const { sessionItemId, ...q } = c.req.valid('query');
      return c.json(await speakersList(c.var.db, councilId, councilSessionId, { ...q, itemId: sessionItemId }), 200);
    },
  );
}
