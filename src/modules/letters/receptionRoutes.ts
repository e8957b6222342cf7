// Routes of citizen reception: the register (the secretariat's, and a delegate's own), recording a
// reception (opening its letters), the register as Mẫu 03/TCD in .xlsx, and the reception schedule.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CouncilParams, IsoDate, PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router } from '../../server/route.ts';
import type { AppEnv } from '../../server/context.ts';
import { forbidden } from '../../server/errors.ts';
import { EXPORT_MAX, xlsxOk, xlsxResponse } from '../spreadsheets/export.ts';
import { Obj, ctxOf } from '../petitions/routes/shared.ts';
import { delegateOfUser, loadCalendar, today } from './common.ts';
import { listReceptions, receptionSchedule, recordReception, registerRows, REGISTER_COLUMNS } from './receptions.ts';

const Kind = z.enum(['complaint', 'denunciation', 'request', 'feedback'], { message: 'Loại nội dung không hợp lệ.' });
const Target = z.object({ body: text('Cơ quan', 500), letterNumber: optionalText('Số văn bản', 100).nullable().optional().transform((v) => v || null) }).nullable().optional().transform((v) => v ?? null);
const Reception = z.object({
  receivedOn: IsoDate,
  mode: z.enum(['in_person', 'online'], { message: 'Hình thức tiếp phải là trực tiếp hoặc trực tuyến.' }),
  receiverKind: z.enum(['delegate', 'standing_committee', 'secretariat'], { message: 'Người tiếp không hợp lệ.' }),
  citizenName: text('Họ tên công dân', 200),
  citizenAddress: text('Địa chỉ công dân', 500),
  idDocument: text('Số căn cước, hộ chiếu hoặc giấy tờ khác', 100),
  proxy: z.boolean().default(false),
  authorisationRef: optionalText('Văn bản ủy quyền', 200).nullable().optional().transform((v) => v || null),
  summary: text('Tóm tắt nội dung vụ việc', 5000),
  request: text('Yêu cầu, đề nghị của công dân', 5000),
  kinds: z.array(Kind).min(1, { message: 'Chưa phân loại nội dung (khiếu nại, tố cáo, kiến nghị, phản ánh).' }).max(4),
  peopleCount: z.number({ message: 'Số người cùng nội dung phải là số.' }).int().min(1, { message: 'Số người cùng nội dung từ 1 trở lên.' }).max(100_000).default(1),
  priorHandling: optionalText('Cơ quan đã giải quyết', 500).nullable().optional().transform((v) => v || null),
  withinCompetence: z.boolean({ message: 'Cần ghi rõ vụ việc có thuộc thẩm quyền hay không.' }),
  guidance: Target,
  forwarding: Target,
  outcome: text('Kết quả tiếp công dân', 5000),
  followUp: optionalText('Theo dõi kết quả', 2000).nullable().optional().transform((v) => v || null),
  openLetter: z.boolean().optional(),
});
const Year = z.coerce.number({ message: 'Năm không hợp lệ.' }).int().min(2000, { message: 'Năm không hợp lệ.' }).max(2100, { message: 'Năm không hợp lệ.' });
const dayOf = (c: Context<AppEnv>) => today(c.var.deps.clock());
const viewerOf = async (c: Context<AppEnv>) => ({ userId: c.var.user!.id, delegateId: await delegateOfUser(c.var.db, c.var.user!.id, c.req.param('councilId')!) });

export function receptionRoutes(r: Router) {
  r.add(
    { method: 'get', path: '/councils/{councilId}/receptions', summary: 'Sổ tiếp công dân (Mẫu 03/TCD): các lượt tiếp của Thường trực và đại biểu', permission: 'letters.read', scope: 'council', request: { params: CouncilParams, query: PageQuery.omit({ q: true }).extend({ year: Year.optional() }) }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => c.json(await listReceptions(c.var.db, c.req.valid('param').councilId, c.req.valid('query'), await viewerOf(c)), 200),
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/receptions', summary: 'Ghi một lượt tiếp công dân (có thể mở đơn để chuyển, theo dõi)', permission: 'letters.manage', scope: 'council', request: { params: CouncilParams, body: jsonBody(Reception) }, responses: { 201: jsonOk(Obj) } },
    async (c) => c.json(await recordReception(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json'), { delegateId: null }), 201),
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/my-receptions', summary: 'Các lượt tiếp công dân của đại biểu', permission: 'letters.delegate', scope: 'council', request: { params: CouncilParams, query: PageQuery.omit({ q: true }).extend({ year: Year.optional() }) }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => {
      const viewer = await viewerOf(c);
      const q = c.req.valid('query');
      if (!viewer.delegateId) return c.json({ items: [], total: 0, page: q.page, pageSize: q.pageSize }, 200);
      return c.json(await listReceptions(c.var.db, c.req.valid('param').councilId, { ...q, delegateId: viewer.delegateId }, viewer), 200);
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/my-receptions', summary: 'Đại biểu ghi lượt tiếp công dân của mình (có thể mở đơn để chuyển, theo dõi)', permission: 'letters.delegate', scope: 'council', request: { params: CouncilParams, body: jsonBody(Reception) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const viewer = await viewerOf(c);
      if (!viewer.delegateId) throw forbidden('Tài khoản của bạn chưa gắn với một đại biểu của HĐND này. Hãy liên hệ Văn phòng.');
      return c.json(await recordReception(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json'), { delegateId: viewer.delegateId }), 201);
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/receptions/register.xlsx', summary: 'Xuất Sổ tiếp công dân năm (Mẫu 03/TCD) ra Excel; không có thông tin người tố cáo', permission: 'letters.manage', scope: 'council', request: { params: CouncilParams, query: z.object({ year: Year.optional() }) }, responses: { 200: xlsxOk } },
    async (c) => {
      const year = c.req.valid('query').year ?? Number(dayOf(c).slice(0, 4));
      const rows = (await registerRows(c.var.db, c.req.valid('param').councilId, year)).slice(0, EXPORT_MAX);
      return xlsxResponse({
        fileName: `So-tiep-cong-dan-${year}.xlsx`, sheetName: 'Sổ tiếp công dân', title: `SỔ TIẾP CÔNG DÂN NĂM ${year}`,
        columns: REGISTER_COLUMNS.map((header, i) => ({ header, key: `c${i + 1}`, type: 'text' as const, width: i === 4 ? 50 : i === 2 ? 32 : 16 })),
        rows,
      });
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/reception-schedule', summary: 'Lịch tiếp công dân của Thường trực và đại biểu trong năm (mặc định chưa kiểm chứng), các ngày đã tiếp, kỳ còn thiếu', permission: 'letters.read', scope: 'council', request: { params: CouncilParams, query: z.object({ year: Year.optional() }) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const day = dayOf(c);
      const year = c.req.valid('query').year ?? Number(day.slice(0, 4));
      return c.json(await receptionSchedule(c.var.db, c.req.valid('param').councilId, year, await loadCalendar(c.var.db), day), 200);
    },
  );
}
