import { z } from '@hono/zod-openapi';
import { AGENCY_KINDS, BODY_KINDS, LEVELS, MEMBERSHIP_ROLES, UNIT_TYPES } from '../../domain/directory/labels.ts';
import { invalid } from '../../server/errors.ts';
import { scopesOf } from '../../server/permissions.ts';
import {
  CouncilParams, Id, IsoDate, PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router,
} from '../../server/route.ts';
import { actorOf } from '../audit/service.ts';
import { commitUnitImport, planUnitImport } from './importUnits.ts';
import * as svc from './service.ts';

const param = (name: string) => Id.openapi({ param: { name, in: 'path' } });
const Obj = z.object({ id: z.string() }).passthrough();
const Ok = z.object({ ok: z.literal(true) });

const UnitBody = z.object({
  code: text('Mã đơn vị', 20).regex(/^[0-9A-Za-z._-]+$/, 'Mã đơn vị chỉ gồm chữ số, chữ cái không dấu, dấu chấm hoặc gạch.'),
  name: text('Tên đơn vị', 200),
  type: z.enum(UNIT_TYPES.map((t) => t.code) as [string, ...string[]], { message: 'Loại đơn vị hành chính không hợp lệ.' }),
  parentId: Id.nullable().optional(),
  validFrom: IsoDate.nullable().optional(),
  validTo: IsoDate.nullable().optional(),
});

const CouncilBody = z.object({
  unitId: Id,
  name: text('Tên HĐND', 200),
  shortName: optionalText('Tên viết tắt', 100).optional(),
  validFrom: IsoDate.nullable().optional(),
  validTo: IsoDate.nullable().optional(),
});

const TermBody = z.object({
  name: text('Tên khóa', 50),
  startYear: z.number().int().min(1946).max(2200),
  endYear: z.number().int().min(1946).max(2200),
});

const ConstituencyBody = z.object({
  termId: Id,
  number: z.number().int().min(1).max(999),
  name: text('Tên đơn vị bầu cử', 200),
  seats: z.number().int().min(1).max(10),
  unitIds: z.array(Id).max(100).optional(),
  description: optionalText('Mô tả', 2000).optional(),
});

const BodyBody = z.object({
  kind: z.enum(Object.keys(BODY_KINDS) as [string, ...string[]], { message: 'Loại cơ quan không hợp lệ.' }),
  name: text('Tên', 200),
  termId: Id.nullable().optional(),
  constituencyId: Id.nullable().optional(),
});

const DelegateBody = z.object({
  fullName: text('Họ và tên', 150),
  termId: Id.nullable().optional(),
  gender: z.enum(['male', 'female'], { message: 'Giới tính không hợp lệ.' }).nullable().optional(),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  position: optionalText('Chức vụ', 300).optional(),
  workplace: optionalText('Nơi công tác', 300).optional(),
  constituencyId: Id.nullable().optional(),
  phone: optionalText('Số điện thoại', 30).optional(),
  email: optionalText('Thư điện tử', 200).optional(),
  status: z.enum(['active', 'ended']).optional(),
});

const AgencyBody = z.object({
  name: text('Tên cơ quan', 300),
  shortName: optionalText('Tên viết tắt', 100).optional(),
  kind: z.enum(Object.keys(AGENCY_KINDS) as [string, ...string[]], { message: 'Loại cơ quan không hợp lệ.' }),
  level: z.enum(Object.keys(LEVELS) as [string, ...string[]], { message: 'Cấp không hợp lệ.' }),
  unitId: Id.nullable().optional(),
  parentAgencyId: Id.nullable().optional(),
  email: optionalText('Thư điện tử', 200).optional(),
  active: z.boolean().optional(),
});

const ImportForm = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary' }),
  mode: z.enum(['preview', 'commit']).default('preview'),
  mapping: z.string().max(5000).optional(),
});

async function fileFrom(form: { file?: unknown }) {
  const f = form.file;
  if (!f || typeof f !== 'object' || !('arrayBuffer' in f)) throw invalid('Hãy chọn một tệp .xlsx hoặc .csv để nhập.');
  const file = f as File;
  if (file.size > 50 * 1024 * 1024) throw invalid('Tệp lớn quá 50 MB.');
  return { data: new Uint8Array(await file.arrayBuffer()), name: file.name || 'tep-nhap' };
}

export function directoryRoutes(r: Router) {
  r.add(
    {
      method: 'get',
      path: '/directory/vocabulary',
      summary: 'Danh mục: loại đơn vị, cấp, loại cơ quan',
      scope: 'authenticated',
      responses: { 200: jsonOk(z.object({}).passthrough()) },
    },
    (c) =>
      c.json(
        { unitTypes: UNIT_TYPES, levels: LEVELS, bodyKinds: BODY_KINDS, agencyKinds: AGENCY_KINDS, membershipRoles: MEMBERSHIP_ROLES },
        200,
      ),
  );

  // Units
  r.add(
    {
      method: 'get',
      path: '/units',
      summary: 'Danh sách đơn vị hành chính (theo cấp trên, tìm kiếm)',
      permission: 'directory.read',
      scope: 'global',
      request: {
        query: PageQuery.extend({
          parentId: Id.optional(),
          root: z.enum(['true', 'false']).optional(),
          at: IsoDate.optional(),
          level: z.string().max(20).optional(),
        }),
      },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await svc.listUnits(c.var.db, { ...q, root: q.root === 'true' }), 200);
    },
  );
  r.add(
    {
      method: 'get',
      path: '/units/{unitId}',
      summary: 'Chi tiết đơn vị hành chính, cấp trên, liên kết "trở thành"',
      permission: 'directory.read',
      scope: 'global',
      request: { params: z.object({ unitId: param('unitId') }) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await svc.getUnit(c.var.db, c.req.valid('param').unitId), 200),
  );
  r.add(
    {
      method: 'post',
      path: '/units',
      summary: 'Thêm đơn vị hành chính',
      permission: 'units.manage',
      scope: 'global',
      request: { body: jsonBody(UnitBody) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await svc.createUnit(c.var.db, actorOf(c.var.user), c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'put',
      path: '/units/{unitId}',
      summary: 'Sửa đơn vị hành chính',
      permission: 'units.manage',
      scope: 'global',
      request: { params: z.object({ unitId: param('unitId') }), body: jsonBody(UnitBody) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await svc.updateUnit(c.var.db, actorOf(c.var.user), c.req.valid('param').unitId, c.req.valid('json')), 200),
  );
  r.add(
    {
      method: 'post',
      path: '/units/{unitId}/successions',
      summary: 'Ghi nhận đơn vị này trở thành (sáp nhập vào) đơn vị khác',
      permission: 'units.manage',
      scope: 'global',
      request: {
        params: z.object({ unitId: param('unitId') }),
        body: jsonBody(z.object({ toUnitId: Id, effectiveDate: IsoDate, note: optionalText('Ghi chú', 1000).optional() })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) =>
      c.json(await svc.addSuccession(c.var.db, actorOf(c.var.user), { fromUnitId: c.req.valid('param').unitId, ...c.req.valid('json') }), 201),
  );
  r.add(
    {
      method: 'post',
      path: '/units/import',
      summary: 'Nhập danh mục đơn vị hành chính từ tệp CSV/XLSX (xem trước hoặc ghi)',
      permission: 'units.manage',
      scope: 'global',
      request: { body: { required: true, content: { 'multipart/form-data': { schema: ImportForm } } } },
      responses: { 200: jsonOk(z.object({}).passthrough()) },
    },
    async (c) => {
      const form = c.req.valid('form');
      const { data, name } = await fileFrom(form);
      let mapping;
      if (form.mapping) {
        try {
          mapping = JSON.parse(form.mapping);
        } catch {
          throw invalid('Cách ghép cột không hợp lệ.');
        }
      }
      const plan = await planUnitImport(c.var.db, data, name, mapping);
      const { rows: _rows, ...summary } = plan;
      if (form.mode === 'preview') return c.json({ mode: 'preview', ...summary }, 200);
      const result = await commitUnitImport(c.var.db, actorOf(c.var.user), plan, name);
      return c.json({ mode: 'commit', ...summary, ...result }, 200);
    },
  );

  // Councils
  r.add(
    {
      method: 'get',
      path: '/councils',
      summary: 'Danh sách HĐND mà người dùng làm việc',
      scope: 'authenticated',
      request: { query: PageQuery.extend({ at: IsoDate.optional(), all: z.enum(['true', 'false']).optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const q = c.req.valid('query');
      const scopes = q.all === 'true' ? 'all' : scopesOf(c.var.user, 'directory.read', 'councilId');
      return c.json(await svc.listCouncils(c.var.db, { ...q, ids: scopes }), 200);
    },
  );
  r.add(
    {
      method: 'post',
      path: '/councils',
      summary: 'Thêm HĐND',
      permission: 'councils.manage',
      scope: 'global',
      request: { body: jsonBody(CouncilBody) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await svc.createCouncil(c.var.db, actorOf(c.var.user), c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}',
      summary: 'Chi tiết HĐND',
      permission: 'directory.read',
      scope: 'council',
      request: { params: CouncilParams },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await svc.getCouncil(c.var.db, c.req.valid('param').councilId), 200),
  );
  r.add(
    {
      method: 'patch',
      path: '/councils/{councilId}',
      summary: 'Sửa HĐND',
      permission: 'councils.manage',
      scope: 'council',
      request: { params: CouncilParams, body: jsonBody(CouncilBody.partial()) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await svc.updateCouncil(c.var.db, actorOf(c.var.user), c.req.valid('param').councilId, c.req.valid('json')), 200),
  );
  r.add(
    {
      method: 'post',
      path: '/councils/{councilId}/terms',
      summary: 'Thêm nhiệm kỳ (khóa)',
      permission: 'councils.manage',
      scope: 'council',
      request: { params: CouncilParams, body: jsonBody(TermBody) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await svc.createTerm(c.var.db, actorOf(c.var.user), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );

  // Constituencies
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/constituencies',
      summary: 'Đơn vị bầu cử',
      permission: 'directory.read',
      scope: 'council',
      request: { params: CouncilParams },
      responses: { 200: jsonOk(z.array(Obj)) },
    },
    async (c) => c.json(await svc.listConstituencies(c.var.db, c.req.valid('param').councilId), 200),
  );
  r.add(
    {
      method: 'post',
      path: '/councils/{councilId}/constituencies',
      summary: 'Thêm đơn vị bầu cử',
      permission: 'directory.manage',
      scope: 'council',
      request: { params: CouncilParams, body: jsonBody(ConstituencyBody) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await svc.createConstituency(c.var.db, actorOf(c.var.user), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );

  // Bodies
  const BodyParams = CouncilParams.extend({ bodyId: param('bodyId') });
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/bodies',
      summary: 'Thường trực, các Ban, các Tổ đại biểu',
      permission: 'directory.read',
      scope: 'council',
      request: { params: CouncilParams, query: z.object({ termId: Id.optional() }) },
      responses: { 200: jsonOk(z.array(Obj)) },
    },
    async (c) => c.json(await svc.listBodies(c.var.db, c.req.valid('param').councilId, c.req.valid('query').termId), 200),
  );
  r.add(
    {
      method: 'post',
      path: '/councils/{councilId}/bodies',
      summary: 'Thêm Ban, Tổ đại biểu',
      permission: 'directory.manage',
      scope: 'council',
      request: { params: CouncilParams, body: jsonBody(BodyBody) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await svc.createBody(c.var.db, actorOf(c.var.user), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'patch',
      path: '/councils/{councilId}/bodies/{bodyId}',
      summary: 'Sửa Ban, Tổ đại biểu',
      permission: 'directory.manage',
      scope: 'council',
      request: { params: BodyParams, body: jsonBody(BodyBody.partial()) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await svc.updateBody(c.var.db, actorOf(c.var.user), p.councilId, p.bodyId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/bodies/{bodyId}/members',
      summary: 'Thành viên',
      permission: 'directory.read',
      scope: 'council',
      request: { params: BodyParams },
      responses: { 200: jsonOk(z.array(Obj)) },
    },
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await svc.listMembers(c.var.db, p.councilId, p.bodyId), 200);
    },
  );
  r.add(
    {
      method: 'post',
      path: '/councils/{councilId}/bodies/{bodyId}/members',
      summary: 'Thêm thành viên',
      permission: 'directory.manage',
      scope: 'council',
      request: {
        params: BodyParams,
        body: jsonBody(z.object({ delegateId: Id, role: z.enum(Object.keys(MEMBERSHIP_ROLES) as [string, ...string[]]).default('member') })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await svc.addMember(c.var.db, actorOf(c.var.user), p.councilId, p.bodyId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'delete',
      path: '/councils/{councilId}/bodies/{bodyId}/members/{membershipId}',
      summary: 'Gỡ thành viên',
      permission: 'directory.manage',
      scope: 'council',
      request: { params: BodyParams.extend({ membershipId: param('membershipId') }) },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const p = c.req.valid('param');
      await svc.removeMember(c.var.db, actorOf(c.var.user), p.councilId, p.bodyId, p.membershipId);
      return c.json({ ok: true as const }, 200);
    },
  );

  // Delegates
  const DelegateParams = CouncilParams.extend({ delegateId: param('delegateId') });
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/delegates',
      summary: 'Danh sách đại biểu (phân trang, tìm không dấu)',
      permission: 'directory.read',
      scope: 'council',
      request: {
        params: CouncilParams,
        query: PageQuery.extend({ termId: Id.optional(), constituencyId: Id.optional(), status: z.enum(['active', 'ended']).optional() }),
      },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await svc.listDelegates(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'post',
      path: '/councils/{councilId}/delegates',
      summary: 'Thêm đại biểu',
      permission: 'directory.manage',
      scope: 'council',
      request: { params: CouncilParams, body: jsonBody(DelegateBody) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await svc.createDelegate(c.var.db, actorOf(c.var.user), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/delegates/{delegateId}',
      summary: 'Chi tiết đại biểu',
      permission: 'directory.read',
      scope: 'council',
      request: { params: DelegateParams },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await svc.getDelegate(c.var.db, p.councilId, p.delegateId), 200);
    },
  );
  r.add(
    {
      method: 'patch',
      path: '/councils/{councilId}/delegates/{delegateId}',
      summary: 'Sửa đại biểu',
      permission: 'directory.manage',
      scope: 'council',
      request: { params: DelegateParams, body: jsonBody(DelegateBody.partial()) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await svc.updateDelegate(c.var.db, actorOf(c.var.user), p.councilId, p.delegateId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'delete',
      path: '/councils/{councilId}/delegates/{delegateId}',
      summary: 'Xóa đại biểu nhập nhầm',
      permission: 'directory.manage',
      scope: 'council',
      request: { params: DelegateParams },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const p = c.req.valid('param');
      await svc.deleteDelegate(c.var.db, actorOf(c.var.user), p.councilId, p.delegateId);
      return c.json({ ok: true as const }, 200);
    },
  );

  // Agencies
  r.add(
    {
      method: 'get',
      path: '/agencies',
      summary: 'Danh sách cơ quan (UBND, sở, MTTQ, Đoàn ĐBQH…)',
      permission: 'directory.read',
      scope: 'global',
      request: { query: PageQuery.extend({ unitId: Id.optional(), kind: z.string().max(40).optional(), level: z.string().max(20).optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await svc.listAgencies(c.var.db, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'post',
      path: '/agencies',
      summary: 'Thêm cơ quan',
      permission: 'agencies.manage',
      scope: 'global',
      request: { body: jsonBody(AgencyBody) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await svc.createAgency(c.var.db, actorOf(c.var.user), c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'patch',
      path: '/agencies/{agencyId}',
      summary: 'Sửa cơ quan',
      permission: 'agencies.manage',
      scope: 'global',
      request: { params: z.object({ agencyId: param('agencyId') }), body: jsonBody(AgencyBody.partial()) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await svc.updateAgency(c.var.db, actorOf(c.var.user), c.req.valid('param').agencyId, c.req.valid('json')), 200),
  );
}
