// Routes of the second part of the letters module: fields (taxonomy, suggestion, the clerk's
// choice), attachments on letters and reception records (a denunciation's opened through an
// audited POST by its named handlers), notices to the citizen (ND30 through the documents
// engine), the published reception days and online reception (public page and request, the
// secretariat's confirmation, the record written from it).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AgencyParams, CouncilParams, Id, IsoDate, PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router } from '../../server/route.ts';
import type { AppEnv } from '../../server/context.ts';
import { BodyLimit } from '../../server/input.ts';
import { fileResponse } from '../../server/download.ts';
import { uploadedFile } from '../../server/upload.ts';
import { clientAddress } from '../../server/clientAddress.ts';
import { can } from '../../server/permissions.ts';
import { notFound } from '../../server/errors.ts';
import { and, eq } from 'drizzle-orm';
import { Obj, ctxOf, param } from '../petitions/routes/shared.ts';
import { delegateOfUser, letterOf, loadCalendar, today, viewerAudience } from './common.ts';
import { letterTaxonomy, saveLetterFields, setLetterField, suggestionOf } from './fields.ts';
import {
  attachToLetter, attachToReception, MAX_ATTACHMENT_BYTES, openProtectedLetterAttachment, openProtectedReceptionAttachment, readLetterAttachment, readReceptionAttachment,
} from './attachments.ts';
import { issueLetterNotice } from './actions.ts';
import { NOTICE_KINDS } from './noticeTemplate.ts';
import { decideOnlineRequest, listOnlineRequests, publicOnlineDays, publishReceptionDay, receiveOnlineRequest, requestOnlineReception } from './online.ts';
import { letters } from './schema.ts';

const LetterParams = CouncilParams.extend({ letterId: param('letterId') });
const LetterFileParams = LetterParams.extend({ letterAttachmentId: param('letterAttachmentId') });
const AgencyFileParams = AgencyParams.extend({ letterId: param('letterId'), letterAttachmentId: param('letterAttachmentId') });
const ReceptionParams = CouncilParams.extend({ receptionId: param('receptionId') });
const ReceptionFileParams = ReceptionParams.extend({ receptionAttachmentId: param('receptionAttachmentId') });
const OwnReceptionParams = CouncilParams.extend({ ownReceptionId: param('ownReceptionId') });
const OwnReceptionFileParams = OwnReceptionParams.extend({ ownReceptionAttachmentId: param('ownReceptionAttachmentId') });
const RequestParams = CouncilParams.extend({ onlineRequestId: param('onlineRequestId') });
const DayParams = CouncilParams.extend({ receptionDayId: param('receptionDayId') });
const Kind = z.enum(['complaint', 'denunciation', 'request', 'feedback'], { message: 'Loại nội dung không hợp lệ.' });
const Target = z.object({ body: text('Cơ quan', 500), letterNumber: optionalText('Số văn bản', 100).nullable().optional().transform((v) => v || null) }).nullable().optional().transform((v) => v ?? null);
const FieldCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'Mã lĩnh vực gồm chữ thường không dấu, số, dấu gạch dưới (2–40 ký tự).' });
const UploadForm = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary' }),
  kind: z.enum(['handwriting', 'evidence', 'other'], { message: 'Loại tài liệu kèm theo phải là bản chụp đơn, tài liệu chứng cứ hoặc tài liệu khác.' }).default('evidence'),
});
const fileOf = (form: { file?: unknown }) => uploadedFile(form, { maxBytes: MAX_ATTACHMENT_BYTES, missing: 'Hãy chọn tệp bản chụp (PDF, PNG, JPEG hoặc WebP).' });
const dayOf = (c: Context<AppEnv>) => today(c.var.deps.clock());
const viewerOf = async (c: Context<AppEnv>) => ({
  userId: c.var.user!.id,
  delegateId: await delegateOfUser(c.var.db, c.var.user!.id, c.req.param('councilId')!),
  staff: can(c.var.user!, 'letters.manage', { councilId: c.req.param('councilId')! }),
});
const fileOk = { 200: { description: 'Tệp' } };
const Signature = { issuerId: Id.optional(), signerId: Id.optional(), signerName: optionalText('Người ký', 100).optional(), signerTitle: optionalText('Chức vụ người ký', 100).optional() };

export function moreLetterRoutes(r: Router) {
  // Fields --------------------------------------------------------------------------------------
  r.add(
    { method: 'get', path: '/councils/{councilId}/letter-fields', summary: 'Danh mục lĩnh vực đơn thư của HĐND (mặc định khi chưa khai); kèm lĩnh vực gợi ý cho một nội dung (text)', permission: 'letters.read', scope: 'council', request: { params: CouncilParams, query: z.object({ text: z.string().max(5000).optional() }) }, responses: { 200: jsonOk(pageOf(Obj).extend({ custom: z.boolean(), suggestion: Obj.nullable() })) } },
    async (c) => {
      const t = await letterTaxonomy(c.var.db, c.req.valid('param').councilId);
      const q = c.req.valid('query').text?.trim();
      return c.json({ items: t.fields, total: t.fields.length, page: 1, pageSize: t.fields.length, custom: t.custom, suggestion: q ? suggestionOf(q, t) : null }, 200);
    },
  );
  r.add(
    { method: 'put', path: '/councils/{councilId}/letter-fields', summary: 'Lưu danh mục lĩnh vực đơn thư (mã bỏ đi được giữ, ngừng dùng)', permission: 'letters.manage', scope: 'council', request: { params: CouncilParams, body: jsonBody(z.object({ fields: z.array(z.object({ code: FieldCode, name: text('Tên lĩnh vực', 200), keywords: z.array(z.string().max(100)).max(300).default([]), active: z.boolean().default(true) })).min(1, { message: 'Danh mục cần ít nhất một lĩnh vực.' }).max(100) })) }, responses: { 200: jsonOk(Obj) } },
    async (c) => c.json(await saveLetterFields(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 200),
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/letters/{letterId}/field', summary: 'Cán bộ xác nhận hoặc chọn lĩnh vực của đơn (gợi ý của máy chỉ để tham khảo)', permission: 'letters.manage', scope: 'council', request: { params: LetterParams, body: jsonBody(z.object({ fieldCode: FieldCode, version: z.number().int().optional() })) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, letterId } = c.req.valid('param');
      return c.json(await setLetterField(ctxOf(c), councilId, letterId, c.req.valid('json')), 200);
    },
  );

  // Attachments on letters ----------------------------------------------------------------------
  r.add(
    { method: 'post', path: '/councils/{councilId}/letters/{letterId}/attachments', summary: 'Kèm bản chụp đơn, tài liệu (PDF, PNG, JPEG, WebP; kiểm tra theo nội dung tệp; tối đa 10 MB). Đơn tố cáo: chỉ người được giao đích danh', permission: 'letters.manage', scope: 'council', bodyLimit: BodyLimit.attachment, request: { params: LetterParams, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, letterId } = c.req.valid('param');
      const form = c.req.valid('form');
      return c.json(await attachToLetter(ctxOf(c), councilId, letterId, await fileOf(form), form.kind), 201);
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/letters/{letterId}/attachments/{letterAttachmentId}', summary: 'Tải tài liệu kèm đơn (không áp dụng cho đơn tố cáo)', permission: 'letters.read', scope: 'council', request: { params: LetterFileParams }, responses: fileOk },
    async (c) => {
      const { councilId, letterId, letterAttachmentId } = c.req.valid('param');
      const l = await letterOf(c.var.db, councilId, letterId);
      const f = await readLetterAttachment(c.var.db, l, letterAttachmentId, viewerAudience(c.var.user!, l));
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/letters/{letterId}/attachments/{letterAttachmentId}/open', summary: 'Người được giao đích danh mở tài liệu kèm đơn tố cáo (mỗi lần mở được ghi nhật ký)', permission: 'letters.manage', scope: 'council', request: { params: LetterFileParams }, responses: fileOk },
    async (c) => {
      const { councilId, letterId, letterAttachmentId } = c.req.valid('param');
      const f = await openProtectedLetterAttachment(ctxOf(c), councilId, letterId, letterAttachmentId);
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );
  r.add(
    { method: 'get', path: '/agencies/{agencyId}/letters/{letterId}/attachments/{letterAttachmentId}', summary: 'Cơ quan tải tài liệu kèm đơn được chuyển đến (không có tài liệu kèm đơn tố cáo)', permission: 'letters.agency', scope: 'agency', request: { params: AgencyFileParams }, responses: fileOk },
    async (c) => {
      const { agencyId, letterId, letterAttachmentId } = c.req.valid('param');
      const [l] = await c.var.db.select().from(letters).where(and(eq(letters.id, letterId), eq(letters.agencyId, agencyId)));
      if (!l) throw notFound('đơn được chuyển đến cơ quan');
      const f = await readLetterAttachment(c.var.db, l, letterAttachmentId, 'agency');
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );

  // Attachments on reception records (a delegate's own rows are named apart: reached from their own list only)
  r.add(
    { method: 'post', path: '/councils/{councilId}/receptions/{receptionId}/attachments', summary: 'Kèm bản chụp, tài liệu vào lượt tiếp công dân (PDF, PNG, JPEG, WebP; tối đa 10 MB)', permission: 'letters.manage', scope: 'council', bodyLimit: BodyLimit.attachment, request: { params: ReceptionParams, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, receptionId } = c.req.valid('param');
      const form = c.req.valid('form');
      return c.json(await attachToReception(ctxOf(c), councilId, receptionId, await fileOf(form), form.kind, await viewerOf(c)), 201);
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/receptions/{receptionId}/attachments/{receptionAttachmentId}', summary: 'Tải tài liệu kèm lượt tiếp công dân (không áp dụng cho lượt tiếp có nội dung tố cáo)', permission: 'letters.read', scope: 'council', request: { params: ReceptionFileParams }, responses: fileOk },
    async (c) => {
      const { councilId, receptionId, receptionAttachmentId } = c.req.valid('param');
      const f = await readReceptionAttachment(c.var.db, councilId, receptionId, receptionAttachmentId, { ...(await viewerOf(c)), staff: true });
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/receptions/{receptionId}/attachments/{receptionAttachmentId}/open', summary: 'Người đã tiếp công dân mở tài liệu của lượt tiếp có nội dung tố cáo (ghi nhật ký)', permission: 'letters.manage', scope: 'council', request: { params: ReceptionFileParams }, responses: fileOk },
    async (c) => {
      const { councilId, receptionId, receptionAttachmentId } = c.req.valid('param');
      const f = await openProtectedReceptionAttachment(ctxOf(c), councilId, receptionId, receptionAttachmentId, await viewerOf(c));
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/my-receptions/{ownReceptionId}/attachments', summary: 'Đại biểu kèm bản chụp, tài liệu vào lượt tiếp công dân của mình', permission: 'letters.delegate', scope: 'council', bodyLimit: BodyLimit.attachment, request: { params: OwnReceptionParams, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, ownReceptionId } = c.req.valid('param');
      const form = c.req.valid('form');
      return c.json(await attachToReception(ctxOf(c), councilId, ownReceptionId, await fileOf(form), form.kind, { ...(await viewerOf(c)), staff: false }), 201);
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/my-receptions/{ownReceptionId}/attachments/{ownReceptionAttachmentId}', summary: 'Đại biểu tải tài liệu kèm lượt tiếp công dân của mình', permission: 'letters.delegate', scope: 'council', request: { params: OwnReceptionFileParams }, responses: fileOk },
    async (c) => {
      const { councilId, ownReceptionId, ownReceptionAttachmentId } = c.req.valid('param');
      const f = await readReceptionAttachment(c.var.db, councilId, ownReceptionId, ownReceptionAttachmentId, { ...(await viewerOf(c)), staff: false });
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/my-receptions/{ownReceptionId}/attachments/{ownReceptionAttachmentId}/open', summary: 'Đại biểu mở tài liệu của lượt tiếp có nội dung tố cáo do mình tiếp (ghi nhật ký)', permission: 'letters.delegate', scope: 'council', request: { params: OwnReceptionFileParams }, responses: fileOk },
    async (c) => {
      const { councilId, ownReceptionId, ownReceptionAttachmentId } = c.req.valid('param');
      const f = await openProtectedReceptionAttachment(ctxOf(c), councilId, ownReceptionId, ownReceptionAttachmentId, await viewerOf(c));
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );

  // Notices to the citizen ----------------------------------------------------------------------
  r.add(
    { method: 'post', path: '/councils/{councilId}/letters/{letterId}/notices', summary: 'Lập thông báo cho người gửi đơn: thụ lý, hướng dẫn hoặc chuyển đơn (văn bản cấp số trong sổ văn bản đi)', permission: 'letters.manage', scope: 'council', request: { params: LetterParams, body: jsonBody(z.object({ noticeKind: z.enum(NOTICE_KINDS, { message: 'Loại thông báo phải là thụ lý, hướng dẫn hoặc chuyển đơn.' }), guidance: optionalText('Nội dung hướng dẫn', 3000).optional(), ...Signature })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, letterId } = c.req.valid('param');
      return c.json(await issueLetterNotice(ctxOf(c), councilId, letterId, c.req.valid('json')), 201);
    },
  );

  // Reception days and online reception ---------------------------------------------------------
  r.add(
    { method: 'post', path: '/councils/{councilId}/reception-days', summary: 'Công bố một ngày tiếp công dân trong lịch (số lượt tiếp trực tuyến, nếu có)', permission: 'letters.manage', scope: 'council', request: { params: CouncilParams, body: jsonBody(z.object({ on: IsoDate, receiverKind: z.enum(['delegate', 'standing_committee', 'secretariat'], { message: 'Người tiếp không hợp lệ.' }), delegateId: Id.nullable().optional(), receiverName: optionalText('Người tiếp', 200).optional(), place: optionalText('Địa điểm', 500).optional(), onlineSlots: z.number({ message: 'Số lượt tiếp trực tuyến phải là số.' }).int().min(0, { message: 'Số lượt tiếp trực tuyến không âm.' }).max(100, { message: 'Tối đa 100 lượt trực tuyến một ngày.' }) })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => c.json(await publishReceptionDay(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/online-reception-requests', summary: 'Đăng ký tiếp công dân trực tuyến chờ xác nhận, đã xác nhận, đã tiếp (hạn thông báo, hạn thử đường dẫn)', permission: 'letters.manage', scope: 'council', request: { params: CouncilParams, query: PageQuery.omit({ q: true }).extend({ state: z.enum(['requested', 'confirmed', 'declined', 'received'], { message: 'Trạng thái không hợp lệ.' }).optional() }) }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => c.json(await listOnlineRequests(c.var.db, c.req.valid('param').councilId, c.req.valid('query'), await loadCalendar(c.var.db)), 200),
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/online-reception-requests/{onlineRequestId}/decide', summary: 'Xác nhận (giờ tiếp, đường dẫn) hoặc từ chối (nêu lý do) đăng ký tiếp công dân trực tuyến', permission: 'letters.manage', scope: 'council', request: { params: RequestParams, body: jsonBody(z.object({ decision: z.enum(['confirm', 'decline'], { message: 'Quyết định phải là xác nhận hoặc từ chối.' }), slotTime: optionalText('Giờ tiếp', 20).optional(), meetingLink: optionalText('Đường dẫn', 500).optional(), note: optionalText('Ghi chú, lý do', 2000).optional(), version: z.number().int().optional() })) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, onlineRequestId } = c.req.valid('param');
      return c.json(await decideOnlineRequest(ctxOf(c), councilId, onlineRequestId, c.req.valid('json')), 200);
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/online-reception-requests/{onlineRequestId}/receive', summary: 'Ghi lượt tiếp công dân trực tuyến vào Sổ tiếp công dân từ đăng ký đã xác nhận', permission: 'letters.manage', scope: 'council', request: { params: RequestParams, body: jsonBody(z.object({
      summary: optionalText('Tóm tắt nội dung vụ việc', 5000).optional(), request: text('Yêu cầu, đề nghị của công dân', 5000),
      kinds: z.array(Kind).min(1, { message: 'Chưa phân loại nội dung (khiếu nại, tố cáo, kiến nghị, phản ánh).' }).max(4),
      peopleCount: z.number().int().min(1, { message: 'Số người cùng nội dung từ 1 trở lên.' }).max(100_000).default(1),
      priorHandling: optionalText('Cơ quan đã giải quyết', 500).nullable().optional().transform((v) => v || null),
      withinCompetence: z.boolean({ message: 'Cần ghi rõ vụ việc có thuộc thẩm quyền hay không.' }), guidance: Target, forwarding: Target,
      outcome: text('Kết quả tiếp công dân', 5000), followUp: optionalText('Theo dõi kết quả', 2000).nullable().optional().transform((v) => v || null), openLetter: z.boolean().optional(),
    })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, onlineRequestId } = c.req.valid('param');
      return c.json(await receiveOnlineRequest(ctxOf(c), councilId, onlineRequestId, c.req.valid('json')), 201);
    },
  );
  r.add(
    { method: 'get', path: '/public/councils/{councilId}/online-reception', summary: 'Công khai: các ngày tiếp công dân trực tuyến còn nhận đăng ký và số lượt còn trống (không có thông tin công dân)', scope: 'public', request: { params: CouncilParams }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => c.json(await publicOnlineDays(c.var.db, c.req.valid('param').councilId, dayOf(c), await loadCalendar(c.var.db)), 200),
  );
  r.add(
    { method: 'post', path: '/public/councils/{councilId}/online-reception/{receptionDayId}/requests', summary: 'Công khai: công dân đăng ký tiếp trực tuyến vào một ngày tiếp (giới hạn số lần gửi theo địa chỉ mạng)', scope: 'public', request: { params: DayParams, body: jsonBody(z.object({
      citizenName: text('Họ và tên', 200), citizenAddress: text('Địa chỉ', 500), idDocument: text('Số căn cước, hộ chiếu', 50),
      phone: optionalText('Số điện thoại', 30).optional(), email: optionalText('Thư điện tử', 200).optional(), summary: text('Tóm tắt nội dung cần trình bày', 3000),
    })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, receptionDayId } = c.req.valid('param');
      return c.json(await requestOnlineReception(ctxOf(c), councilId, receptionDayId, c.req.valid('json'), clientAddress(c)), 201);
    },
  );
}
