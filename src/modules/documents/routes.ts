// HTTP routes of the documents module, all under /councils/{councilId}/documents…
// Static paths (templates, issuers, export.xlsx) are declared before /{documentId}.
import { z } from '@hono/zod-openapi';
import { CouncilParams, Id, IsoDate, PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router } from '../../server/route.ts';
import { actorOf } from '../audit/service.ts';
import { DOCUMENT_KINDS } from '../../domain/documents/format.ts';
import { DOCX_TYPE, fileResponse } from '../../server/download.ts';
import { allTemplates } from './templates/registry.ts';
import * as svc from './service.ts';
import { issuerSigners } from './signers.ts';
import { xlsxResponse } from '../spreadsheets/export.ts';

const Obj = z.object({}).passthrough();
const param = (name: string) => Id.openapi({ param: { name, in: 'path' } });
const TemplateParams = CouncilParams.extend({
  templateKey: z.string().regex(/^[a-z0-9_]{1,64}$/, { message: 'Mã mẫu văn bản không hợp lệ.' }).openapi({ param: { name: 'templateKey', in: 'path' } }),
});
const DocParams = CouncilParams.extend({ documentId: param('documentId') });
const IssuerParams = CouncilParams.extend({ issuerId: param('issuerId') });

const binary = (description: string, type: string) => ({
  description,
  content: { [type]: { schema: z.any().openapi({ type: 'string', format: 'binary' }) } },
});

const kindKeys = Object.keys(DOCUMENT_KINDS) as [string, ...string[]];
const Filters = z.object({
  year: z.coerce.number().int().min(1900).max(9999).optional(),
  issuerId: Id.optional(),
  kind: z.enum(kindKeys, { message: 'Loại văn bản không hợp lệ.' }).optional(),
  status: z.enum(['issued', 'cancelled'], { message: 'Trạng thái không hợp lệ.' }).optional(),
  templateKey: z.string().max(64).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  q: z.string().max(200).optional(),
});

const IssueBody = z.object({
  issuerId: Id.optional(),
  params: z.record(z.string(), z.unknown()).default({}),
});

const IssuerBody = z.object({
  kind: z.enum(['standing', 'committee', 'office'], { message: 'Loại cơ quan ban hành không hợp lệ.' }),
  bodyId: Id.nullable().optional(),
  code: text('Ký hiệu cơ quan', 20).regex(/^[\p{L}\p{N}&.]+(?:-[\p{L}\p{N}&.]+)*$/u, {
    message: 'Ký hiệu cơ quan chỉ gồm chữ, số, có thể nối bằng dấu gạch (ví dụ: HĐND, VP, BKTNS).',
  }),
  name: text('Tên cơ quan ban hành', 300),
  headerParent: optionalText('Tên cơ quan chủ quản', 300).optional(),
  headerName: text('Tên cơ quan ban hành (in hoa, ở tiêu đề)', 300),
  place: text('Địa danh', 100),
});

const WordingBody = z.object({
  wording: z.record(z.string(), z.string().max(5000, { message: 'Lời văn dài quá 5.000 ký tự.' }).nullable()),
});

const CancelBody = z.object({ reason: text('Lý do hủy', 1000) });

export function documentRoutes(r: Router) {
  // Templates -------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/documents/templates',
      summary: 'Danh sách mẫu văn bản',
      permission: 'documents.read',
      scope: 'council',
      request: { params: CouncilParams },
      responses: { 200: jsonOk(z.object({ items: z.array(Obj) })) },
    },
    (c) => c.json({ items: allTemplates().map(svc.templateSummary) }, 200),
  );
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/documents/templates/{templateKey}',
      summary: 'Mẫu văn bản và lời văn của HĐND',
      permission: 'documents.read',
      scope: 'council',
      request: { params: TemplateParams },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, templateKey } = c.req.valid('param');
      return c.json(await svc.templateDetail(c.var.db, councilId, templateKey), 200);
    },
  );
  r.add(
    {
      method: 'put',
      path: '/councils/{councilId}/documents/templates/{templateKey}/wording',
      summary: 'Sửa lời văn của mẫu (giá trị null: trở về lời văn mặc định)',
      permission: 'documents.templates',
      scope: 'council',
      request: { params: TemplateParams, body: jsonBody(WordingBody) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, templateKey } = c.req.valid('param');
      const { wording } = c.req.valid('json');
      return c.json(await svc.updateWording(c.var.db, actorOf(c.var.user), councilId, templateKey, wording), 200);
    },
  );
  r.add(
    {
      method: 'delete',
      path: '/councils/{councilId}/documents/templates/{templateKey}/wording',
      summary: 'Khôi phục toàn bộ lời văn mặc định của mẫu',
      permission: 'documents.templates',
      scope: 'council',
      request: { params: TemplateParams },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, templateKey } = c.req.valid('param');
      return c.json(await svc.resetWording(c.var.db, actorOf(c.var.user), councilId, templateKey), 200);
    },
  );
  r.add(
    {
      method: 'post',
      path: '/councils/{councilId}/documents/templates/{templateKey}/preview',
      summary: 'Xem trước dự thảo văn bản (.docx, chưa lấy số)',
      permission: 'documents.issue',
      scope: 'council',
      request: { params: TemplateParams, body: jsonBody(IssueBody) },
      responses: { 200: binary('Tệp Word dự thảo', DOCX_TYPE) },
    },
    async (c) => {
      const { councilId, templateKey } = c.req.valid('param');
      const body = c.req.valid('json');
      const draft = await svc.previewDocument(c.var.db, actorOf(c.var.user), councilId, c.var.deps.clock(), {
        templateKey, issuerId: body.issuerId, params: body.params,
      });
      return fileResponse(draft.docx, draft.fileName, DOCX_TYPE) as never;
    },
  );
  r.add(
    {
      method: 'post',
      path: '/councils/{councilId}/documents/templates/{templateKey}/issue',
      summary: 'Ban hành văn bản theo mẫu: lấy số, tạo tệp Word, lưu vào sổ văn bản đi',
      permission: 'documents.issue',
      scope: 'council',
      request: { params: TemplateParams, body: jsonBody(IssueBody) },
      responses: { 201: jsonOk(Obj, 'Đã ban hành') },
    },
    async (c) => {
      const { councilId, templateKey } = c.req.valid('param');
      const body = c.req.valid('json');
      const doc = await svc.issueDocument(c.var.db, actorOf(c.var.user), councilId, c.var.deps.clock(), {
        templateKey, issuerId: body.issuerId, params: body.params,
      });
      return c.json(doc, 201);
    },
  );

  // Issuers ---------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/documents/issuers',
      summary: 'Cơ quan ban hành (mỗi cơ quan một sổ văn bản đi)',
      permission: 'documents.read',
      scope: 'council',
      request: { params: CouncilParams },
      responses: { 200: jsonOk(z.object({ items: z.array(Obj) })) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      return c.json({ items: await svc.listIssuers(c.var.db, councilId) }, 200);
    },
  );
  r.add(
    {
      method: 'post',
      path: '/councils/{councilId}/documents/issuers',
      summary: 'Thêm cơ quan ban hành',
      permission: 'documents.templates',
      scope: 'council',
      request: { params: CouncilParams, body: jsonBody(IssuerBody) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      return c.json(await svc.createIssuer(c.var.db, actorOf(c.var.user), councilId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/documents/issuers/{issuerId}/signers',
      summary: 'Người ký của cơ quan ban hành (lãnh đạo trong danh bạ, kèm thẩm quyền ký và chức vụ; Chủ tịch trước)',
      permission: 'documents.read',
      scope: 'council',
      request: { params: IssuerParams },
      responses: { 200: jsonOk(z.object({ items: z.array(Obj) })) },
    },
    async (c) => {
      const { councilId, issuerId } = c.req.valid('param');
      return c.json({ items: await issuerSigners(c.var.db, councilId, issuerId) }, 200);
    },
  );
  r.add(
    {
      method: 'patch',
      path: '/councils/{councilId}/documents/issuers/{issuerId}',
      summary: 'Sửa cơ quan ban hành (tên, tiêu đề, địa danh)',
      permission: 'documents.templates',
      scope: 'council',
      request: { params: IssuerParams, body: jsonBody(IssuerBody.partial()) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, issuerId } = c.req.valid('param');
      return c.json(await svc.updateIssuer(c.var.db, actorOf(c.var.user), councilId, issuerId, c.req.valid('json')), 200);
    },
  );

  // Register --------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/documents',
      summary: 'Sổ văn bản đi',
      permission: 'documents.read',
      scope: 'council',
      request: { params: CouncilParams, query: PageQuery.merge(Filters) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      return c.json(await svc.listDocuments(c.var.db, councilId, c.req.valid('query')), 200);
    },
  );
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/documents/export.xlsx',
      summary: 'Xuất sổ văn bản đi ra Excel (theo bộ lọc của danh sách)',
      permission: 'documents.read',
      scope: 'council',
      request: { params: CouncilParams, query: Filters },
      responses: { 200: binary('Tệp Excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      const f = c.req.valid('query');
      const council = await svc.councilInfo(c.var.db, councilId);
      const rows = await svc.registerRows(c.var.db, councilId, f);
      const when = f.year ? ` năm ${f.year}` : '';
      return (await xlsxResponse({
        fileName: `So-van-ban-di-${council.shortName}-${council.unitName}${f.year ? `-${f.year}` : ''}.xlsx`,
        sheetName: 'Sổ văn bản đi',
        title: `SỔ VĂN BẢN ĐI${when.toUpperCase()} - ${council.name.toLocaleUpperCase('vi')}`,
        columns: [
          { header: 'Số, ký hiệu', key: 'symbol', width: 18 },
          { header: 'Ngày ban hành', key: 'issuedOn', type: 'date', width: 14 },
          { header: 'Loại văn bản', key: 'kindName', width: 14 },
          { header: 'Trích yếu nội dung', key: 'title', width: 60 },
          { header: 'Cơ quan ban hành', key: 'issuerName', width: 30 },
          { header: 'Người ký', key: 'signerName', width: 22 },
          { header: 'Nơi nhận', key: 'recipients', width: 40 },
          { header: 'Người tạo', key: 'createdByName', width: 22 },
          { header: 'Tình trạng', key: 'statusLabel', width: 12 },
          { header: 'Lý do hủy', key: 'cancelReason', width: 30 },
        ],
        rows: rows.map((r) => ({
          ...r,
          issuedOn: new Date(`${r.issuedOn}T00:00:00Z`),
          kindName: DOCUMENT_KINDS[r.kind as keyof typeof DOCUMENT_KINDS]?.name ?? r.kind,
          statusLabel: svc.DOCUMENT_STATUS_LABELS[r.status] ?? r.status,
        })),
      })) as never;
    },
  );
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/documents/{documentId}',
      summary: 'Chi tiết văn bản',
      permission: 'documents.read',
      scope: 'council',
      request: { params: DocParams },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, documentId } = c.req.valid('param');
      return c.json(await svc.getDocument(c.var.db, councilId, documentId), 200);
    },
  );
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/documents/{documentId}/download',
      summary: 'Tải văn bản (.docx)',
      permission: 'documents.read',
      scope: 'council',
      request: { params: DocParams },
      responses: { 200: binary('Tệp Word', DOCX_TYPE) },
    },
    async (c) => {
      const { councilId, documentId } = c.req.valid('param');
      const f = await svc.downloadDocument(c.var.db, councilId, documentId);
      return fileResponse(f.docx, f.fileName, DOCX_TYPE, { etag: `"${f.sha256}"` }) as never;
    },
  );
  r.add(
    {
      method: 'post',
      path: '/councils/{councilId}/documents/{documentId}/regenerate',
      summary: 'Tạo lại tệp Word từ nội dung đã lưu',
      permission: 'documents.issue',
      scope: 'council',
      request: { params: DocParams },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, documentId } = c.req.valid('param');
      return c.json(await svc.regenerateDocument(c.var.db, actorOf(c.var.user), councilId, documentId), 200);
    },
  );
  r.add(
    {
      method: 'post',
      path: '/councils/{councilId}/documents/{documentId}/cancel',
      summary: 'Hủy văn bản (giữ số trong sổ, ghi lý do)',
      permission: 'documents.issue',
      scope: 'council',
      request: { params: DocParams, body: jsonBody(CancelBody) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, documentId } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      return c.json(await svc.cancelDocument(c.var.db, actorOf(c.var.user), councilId, documentId, c.var.deps.clock(), reason), 200);
    },
  );
}
