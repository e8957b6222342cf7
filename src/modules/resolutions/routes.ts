// Routes of the resolutions module: the council's register (list, register, edit, certify and
// number, publish and gazette, typed links), implementation tasks (assign, extend, decide, paper
// reports), the session's minutes and conclusion notice through the documents engine; the
// agency's own tasks and reports; the public register with statuses and vote totals.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  AgencyParams, CouncilParams, Id, IsoDate, PageOnly, PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router,
} from '../../server/route.ts';
import type { AppEnv } from '../../server/context.ts';
import { Obj, Ok, ctxOf, param } from '../petitions/routes/shared.ts';
import { issueDocument } from '../documents/service.ts';
import { sessionOf } from '../sessions/common.ts';
import { today } from './common.ts';
import {
  addLink, certifyResolution, createResolution, createTask, decideTask, fileTaskReport, numberingOf, recordPublication, removeLink, saveNumbering, updateResolution, updateTask,
} from './actions.ts';
import { agencyTask, listResolutions, listTasks, publicResolutions, resolutionDetail } from './queries.ts';
import { CONCLUSION_TEMPLATE_KEY, MINUTES_TEMPLATE_KEY } from './templates.ts';

const ResolutionParams = CouncilParams.extend({ resolutionId: param('resolutionId') });
const TaskParams = CouncilParams.extend({ resolutionTaskId: param('resolutionTaskId') });
const AgencyTaskParams = AgencyParams.extend({ agencyTaskId: param('agencyTaskId') });
const SessionParams = CouncilParams.extend({ councilSessionId: param('councilSessionId') });

const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { message: `${label} không hợp lệ.` });
const STATUSES = ['notYetInForce', 'inForce', 'amended', 'partlyRepealed', 'replaced', 'repealed', 'anyInForce'] as const;
const TASK_STATES = ['open', 'reported', 'done', 'cancelled'] as const;
const Bool = z.enum(['true', 'false'], { message: 'Giá trị phải là true hoặc false.' }).transform((v) => v === 'true');
const Count = (label: string) => z.number({ message: `${label} phải là số.` }).int({ message: `${label} phải là số nguyên.` }).min(0, { message: `${label} không được âm.` }).max(10_000, { message: `${label} quá lớn.` });
const Year = z.coerce.number({ message: 'Năm không hợp lệ.' }).int({ message: 'Năm không hợp lệ.' }).min(1990, { message: 'Năm không hợp lệ.' }).max(2100, { message: 'Năm không hợp lệ.' });

const Announced = z.object({ for: Count('Số tán thành'), against: Count('Số không tán thành'), abstain: Count('Số không biểu quyết'), total: Count('Tổng số đại biểu') }).nullable();
const ResolutionBody = z.object({
  title: text('Tên nghị quyết', 500),
  normative: z.boolean({ message: 'Hãy chọn nghị quyết quy phạm pháp luật hay cá biệt.' }),
  shortenedProcedure: z.boolean({ message: 'Thủ tục rút gọn: phải là đúng/sai.' }).optional(),
  content: optionalText('Nội dung', 50_000).optional(),
  passedOn: IsoDate,
  sessionId: Id.nullable().optional(),
  itemId: Id.nullable().optional(),
  voteId: Id.nullable().optional(),
  announced: Announced.optional(),
  inForceFrom: IsoDate.nullable().optional(),
});
const TaskBody = z.object({
  agencyId: Id,
  title: text('Nội dung nhiệm vụ', 1000),
  provision: optionalText('Điều, khoản giao', 200).optional(),
  assignedOn: IsoDate.optional(),
  due: IsoDate,
  reportEveryMonths: z.number({ message: 'Kỳ báo cáo phải là số tháng.' }).int({ message: 'Kỳ báo cáo phải là số tháng nguyên.' }).min(0, { message: 'Kỳ báo cáo không được âm.' }).max(24, { message: 'Kỳ báo cáo tối đa 24 tháng.' }).optional(),
});
const ReportBody = z.object({ kind: enumOf(['progress', 'completed'] as const, 'Loại báo cáo'), content: text('Nội dung báo cáo', 20_000) });
const SessionDocBody = z.object({
  place: text('Địa điểm', 300),
  chairPerson: text('Chủ tọa', 300),
  secretary: optionalText('Thư ký', 300).optional(),
  signerName: optionalText('Người ký', 100).optional(),
  signerTitle: optionalText('Chức vụ người ký', 100).optional(),
  recipients: z.array(text('Nơi nhận', 300)).max(50).optional(),
});

const dayOf = (c: Context<AppEnv>) => today(c.var.deps.clock());

export function resolutionRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/resolutions', summary: 'Sổ nghị quyết của HĐND, tình trạng hiệu lực tại một ngày',
      permission: 'resolutions.read', scope: 'council',
      request: {
        params: CouncilParams,
        query: PageQuery.extend({ on: IsoDate.optional(), status: enumOf(STATUSES, 'Tình trạng').optional(), normative: Bool.optional(), sessionId: Id.optional(), year: Year.optional() }),
      },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listResolutions(c.var.db, c.req.valid('param').councilId, c.req.valid('query'), dayOf(c)), 200),
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/resolutions', summary: 'Ghi nghị quyết được HĐND thông qua (kỳ họp, nội dung trình, biểu quyết)',
      permission: 'resolutions.manage', scope: 'council', request: { params: CouncilParams, body: jsonBody(ResolutionBody) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await createResolution(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/resolutions/{resolutionId}', summary: 'Nghị quyết: tình trạng tại một ngày, liên kết, chuỗi hồ sơ từ tờ trình, biểu quyết, nhiệm vụ thực hiện',
      permission: 'resolutions.read', scope: 'council', request: { params: ResolutionParams, query: z.object({ on: IsoDate.optional() }) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, resolutionId } = c.req.valid('param');
      return c.json(await resolutionDetail(c.var.db, councilId, resolutionId, dayOf(c), c.req.valid('query').on, c.var.user), 200);
    },
  );
  r.add(
    {
      method: 'patch', path: '/councils/{councilId}/resolutions/{resolutionId}', summary: 'Sửa thông tin nghị quyết chưa chứng thực',
      permission: 'resolutions.manage', scope: 'council', request: { params: ResolutionParams, body: jsonBody(ResolutionBody.partial()) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, resolutionId } = c.req.valid('param');
      return c.json(await updateResolution(ctxOf(c), councilId, resolutionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/resolutions/{resolutionId}/certify', summary: 'Chủ tịch HĐND ký chứng thực; nghị quyết được lấy số trong sổ nghị quyết (hoặc ghi số đã có)',
      permission: 'resolutions.certify', scope: 'council',
      request: { params: ResolutionParams, body: jsonBody(z.object({ inForceFrom: IsoDate.nullable().optional(), typedSymbol: optionalText('Số, ký hiệu', 50).optional(), signerName: optionalText('Người ký', 100).optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, resolutionId } = c.req.valid('param');
      const b = c.req.valid('json');
      return c.json(await certifyResolution(ctxOf(c), councilId, resolutionId, { ...b, typedSymbol: b.typedSymbol || null }), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/resolutions/{resolutionId}/publication', summary: 'Ghi ngày, nơi công bố và ngày gửi đăng công báo',
      permission: 'resolutions.manage', scope: 'council',
      request: { params: ResolutionParams, body: jsonBody(z.object({ publishedOn: IsoDate.nullable().optional(), publishedWhere: optionalText('Nơi công bố', 500).optional(), gazetteSentOn: IsoDate.nullable().optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, resolutionId } = c.req.valid('param');
      return c.json(await recordPublication(ctxOf(c), councilId, resolutionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/resolutions/{resolutionId}/links', summary: 'Ghi nghị quyết này sửa đổi, thay thế hoặc bãi bỏ một nghị quyết trước',
      permission: 'resolutions.manage', scope: 'council',
      request: {
        params: ResolutionParams,
        body: jsonBody(z.object({ toId: Id, type: enumOf(['amends', 'replaces', 'repeals'] as const, 'Loại liên kết'), partial: z.boolean().optional(), provisions: optionalText('Điều, khoản', 500).optional(), effectiveFrom: IsoDate.nullable().optional() })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, resolutionId } = c.req.valid('param');
      return c.json(await addLink(ctxOf(c), councilId, resolutionId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'delete', path: '/councils/{councilId}/resolutions/{resolutionId}/links/{resolutionLinkId}', summary: 'Xóa liên kết ghi nhầm',
      permission: 'resolutions.manage', scope: 'council', request: { params: ResolutionParams.extend({ resolutionLinkId: param('resolutionLinkId') }) }, responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const { councilId, resolutionId, resolutionLinkId } = c.req.valid('param');
      return c.json(await removeLink(ctxOf(c), councilId, resolutionId, resolutionLinkId), 200);
    },
  );

  // Tasks ------------------------------------------------------------------------------------------
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/resolutions/{resolutionId}/tasks', summary: 'Giao nhiệm vụ thực hiện nghị quyết cho cơ quan, có hạn và kỳ báo cáo',
      permission: 'resolutions.manage', scope: 'council', request: { params: ResolutionParams, body: jsonBody(TaskBody) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, resolutionId } = c.req.valid('param');
      return c.json(await createTask(ctxOf(c), councilId, resolutionId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/resolution-tasks', summary: 'Nhiệm vụ thực hiện nghị quyết, quá hạn được tính',
      permission: 'resolutions.read', scope: 'council',
      request: { params: CouncilParams, query: PageOnly.extend({ state: enumOf(TASK_STATES, 'Trạng thái').optional(), overdue: Bool.optional(), agencyId: Id.optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listTasks(c.var.db, { councilId: c.req.valid('param').councilId }, c.req.valid('query'), dayOf(c)), 200),
  );
  r.add(
    {
      method: 'patch', path: '/councils/{councilId}/resolution-tasks/{resolutionTaskId}', summary: 'Sửa nhiệm vụ, gia hạn (giữ hạn ban đầu)',
      permission: 'resolutions.manage', scope: 'council',
      request: { params: TaskParams, body: jsonBody(TaskBody.omit({ agencyId: true, assignedOn: true }).partial()) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, resolutionTaskId } = c.req.valid('param');
      return c.json(await updateTask(ctxOf(c), councilId, resolutionTaskId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/resolution-tasks/{resolutionTaskId}/decision', summary: 'Thường trực xác nhận hoàn thành, mở lại hoặc thôi thực hiện nhiệm vụ',
      permission: 'resolutions.certify', scope: 'council',
      request: { params: TaskParams, body: jsonBody(z.object({ action: enumOf(['confirm', 'reopen', 'cancel'] as const, 'Quyết định'), note: optionalText('Ghi chú', 2000).optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, resolutionTaskId } = c.req.valid('param');
      return c.json(await decideTask(ctxOf(c), councilId, resolutionTaskId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/resolution-tasks/{resolutionTaskId}/reports', summary: 'Văn phòng ghi báo cáo bằng giấy của cơ quan',
      permission: 'resolutions.manage', scope: 'council', request: { params: TaskParams, body: jsonBody(ReportBody.extend({ reportedOn: IsoDate.optional() })) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, resolutionTaskId } = c.req.valid('param');
      return c.json(await fileTaskReport(ctxOf(c), { councilId }, resolutionTaskId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/resolution-tasks', summary: 'Nhiệm vụ thực hiện nghị quyết cơ quan được giao',
      permission: 'resolutions.report', scope: 'agency',
      request: { params: AgencyParams, query: PageOnly.extend({ state: enumOf(TASK_STATES, 'Trạng thái').optional(), overdue: Bool.optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listTasks(c.var.db, { agencyId: c.req.valid('param').agencyId }, c.req.valid('query'), dayOf(c)), 200),
  );
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/resolution-tasks/{agencyTaskId}', summary: 'Một nhiệm vụ của cơ quan và các báo cáo đã gửi',
      permission: 'resolutions.report', scope: 'agency', request: { params: AgencyTaskParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, agencyTaskId } = c.req.valid('param');
      return c.json(await agencyTask(c.var.db, agencyId, agencyTaskId, dayOf(c)), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/agencies/{agencyId}/resolution-tasks/{agencyTaskId}/reports', summary: 'Cơ quan gửi báo cáo tiến độ hoặc báo cáo hoàn thành nhiệm vụ',
      permission: 'resolutions.report', scope: 'agency', request: { params: AgencyTaskParams, body: jsonBody(ReportBody) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, agencyTaskId } = c.req.valid('param');
      return c.json(await fileTaskReport(ctxOf(c), { agencyId }, agencyTaskId, c.req.valid('json')), 201);
    },
  );

  // Session documents --------------------------------------------------------------------------------
  for (const [kind, key, summary] of [
    ['minutes', MINUTES_TEMPLATE_KEY, 'Lập biên bản kỳ họp từ dữ liệu (điểm danh, nội dung, biểu quyết, chất vấn) và vào sổ văn bản'],
    ['conclusion-notice', CONCLUSION_TEMPLATE_KEY, 'Ban hành thông báo kết luận kỳ họp (nơi nhận gồm các cơ quan được giao nhiệm vụ)'],
  ] as const) {
    r.add(
      {
        method: 'post', path: `/councils/{councilId}/sessions/{councilSessionId}/${kind}`, summary,
        permission: 'resolutions.manage', scope: 'council', request: { params: SessionParams, body: jsonBody(SessionDocBody) }, responses: { 201: jsonOk(Obj) },
      },
      async (c) => {
        const { councilId, councilSessionId } = c.req.valid('param');
        const ctx = ctxOf(c);
        await sessionOf(ctx.db, councilId, councilSessionId);
        return c.json(await issueDocument(ctx.db, ctx.actor, councilId, ctx.now, { templateKey: key, params: { ...c.req.valid('json'), sessionId: councilSessionId } }), 201);
      },
    );
  }

  // Numbering series -------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/resolution-numbering', summary: 'Cách đánh số nghị quyết của HĐND: một dãy số chung hay dãy số riêng cho nghị quyết quy phạm pháp luật (mặc định chưa kiểm chứng)',
      permission: 'resolutions.read', scope: 'council', request: { params: CouncilParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await numberingOf(c.var.db, c.req.valid('param').councilId, dayOf(c)), 200),
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/resolution-numbering', summary: 'Chọn cách đánh số nghị quyết (số đã cấp không thay đổi)',
      permission: 'resolutions.manage', scope: 'council',
      request: { params: CouncilParams, body: jsonBody(z.object({ sharedSeries: z.boolean({ message: 'Hãy chọn dùng chung một dãy số hay dãy số riêng cho nghị quyết quy phạm pháp luật.' }) })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await saveNumbering(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 200),
  );

  // Public -------------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/public/councils/{councilId}/resolutions', summary: 'Nghị quyết đã công bố, tình trạng hiệu lực và kết quả biểu quyết (tổng số)',
      scope: 'public', request: { params: CouncilParams, query: PageQuery.extend({ on: IsoDate.optional() }) }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await publicResolutions(c.var.db, c.req.valid('param').councilId, c.req.valid('query'), dayOf(c)), 200),
  );
}
