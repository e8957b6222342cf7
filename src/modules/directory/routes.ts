import { z } from '@hono/zod-openapi';
import { inArray } from 'drizzle-orm';
import { AGENCY_KINDS, BODY_KINDS, LEVELS, MEMBERSHIP_ROLES, UNIT_TYPES, unitType } from '../../domain/directory/labels.ts';
import { invalid } from '../../server/errors.ts';
import { scopesOf } from '../../server/permissions.ts';
import { uploadedFile } from '../../server/upload.ts';
import { BodyLimit, FileLimit } from '../../server/input.ts';
import {
  CouncilParams, Id, IsoDate, PageOnly, PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router,
} from '../../server/route.ts';
import { actorOf } from '../audit/service.ts';
import { xlsxResponse, xlsxOk, EXPORT_MAX } from '../spreadsheets/export.ts';
import { UNIT_FIELDS, commitUnitImport, planUnitImport } from './importUnits.ts';
import { commitDelegateImport, planDelegateImport } from './importDelegates.ts';
import { adminUnits } from './schema.ts';
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
const DelegateImportForm = ImportForm.extend({ termId: Id.optional() });

function mappingFrom(form: { mapping?: string }) {
  if (!form.mapping) return undefined;
  try {
    return JSON.parse(form.mapping) as Record<string, string | null>;
  } catch {
    throw invalid('Cách ghép cột không hợp lệ.');
  }
}

// Exports (.xlsx): the list's filters, no pagination, Vietnamese headers, dates as dates.
const all = { page: 1, pageSize: EXPORT_MAX };
const day = (v: string | null | undefined) => (v ? new Date(`${v}T00:00:00Z`) : null);
const stamp = (v: string | Date | null | undefined) => (v ? new Date(v) : null);
const today = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const UnitFilter = PageQuery.extend({
  parentId: Id.optional(),
  root: z.enum(['true', 'false']).optional(),
  at: IsoDate.optional(),
  level: z.string().max(20).optional(),
});
/** Header of an import field: the export re-imports through /units/import as it is. */
const unitHeader = (key: string) => UNIT_FIELDS.find((f) => f.key === key)!.label;

/** An import file: a spreadsheet of at most FileLimit.spreadsheet. */
const importFile = (form: { file?: unknown }) =>
  uploadedFile(form, { maxBytes: FileLimit.spreadsheet, missing: 'Hãy chọn một tệp .xlsx hoặc .csv để nhập.' });

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
      path: '/units/export.xlsx',
      summary: 'Xuất danh mục đơn vị hành chính ra Excel (theo bộ lọc; nhập lại được qua /units/import)',
      permission: 'directory.read',
      scope: 'global',
      request: { query: UnitFilter.omit({ page: true, pageSize: true }) },
      responses: { 200: xlsxOk },
    },
    async (c) => {
      const q = c.req.valid('query');
      const { items } = await svc.listUnits(c.var.db, { ...q, ...all, root: q.root === 'true' });
      const parentIds = [...new Set(items.map((u) => u.parentId).filter((v): v is string => !!v))];
      const codes = new Map<string, string>();
      for (let i = 0; i < parentIds.length; i += 1000) {
        const chunk = parentIds.slice(i, i + 1000);
        for (const u of await c.var.db.select({ id: adminUnits.id, code: adminUnits.code }).from(adminUnits).where(inArray(adminUnits.id, chunk))) {
          codes.set(u.id, u.code);
        }
      }
      return (await xlsxResponse({
        fileName: `Don-vi-hanh-chinh-${today(c.var.deps.clock())}.xlsx`,
        sheetName: 'Đơn vị hành chính',
        // No title row: the header is row 1, so the file re-imports through /units/import as is.
        columns: [
          { header: unitHeader('code'), key: 'code', type: 'text', width: 12 },
          { header: unitHeader('name'), key: 'name', type: 'text', width: 36 },
          { header: unitHeader('type'), key: 'typeLabel', type: 'text', width: 28 },
          { header: unitHeader('parentCode'), key: 'parentCode', type: 'text', width: 14 },
          { header: unitHeader('validFrom'), key: 'validFrom', type: 'date', width: 14 },
          { header: unitHeader('validTo'), key: 'validTo', type: 'date', width: 14 },
        ],
        rows: items.map((u) => ({
          code: u.code,
          name: u.name,
          typeLabel: unitType(u.type)?.label ?? u.type,
          parentCode: u.parentId ? (codes.get(u.parentId) ?? '') : '',
          validFrom: day(u.validFrom),
          validTo: day(u.validTo),
        })),
      })) as never;
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
      bodyLimit: BodyLimit.spreadsheet,
      request: { body: { required: true, content: { 'multipart/form-data': { schema: ImportForm } } } },
      responses: { 200: jsonOk(z.object({}).passthrough()) },
    },
    async (c) => {
      const form = c.req.valid('form');
      const { data, name } = await importFile(form);
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
      request: { params: CouncilParams, query: PageOnly },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await svc.listConstituencies(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
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
      request: { params: CouncilParams, query: PageOnly.extend({ termId: Id.optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await svc.listBodies(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
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
      request: { params: BodyParams, query: PageOnly },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await svc.listMembers(c.var.db, p.councilId, p.bodyId, c.req.valid('query')), 200);
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
  // Registered before /delegates/{delegateId} so "import" is never taken for an id.
  r.add(
    {
      method: 'post',
      path: '/councils/{councilId}/delegates/import',
      summary: 'Nhập danh sách đại biểu từ tệp CSV/XLSX (xem trước hoặc ghi; tất cả hoặc không dòng nào)',
      permission: 'directory.manage',
      scope: 'council',
      bodyLimit: BodyLimit.spreadsheet,
      request: { params: CouncilParams, body: { required: true, content: { 'multipart/form-data': { schema: DelegateImportForm } } } },
      responses: { 200: jsonOk(z.object({}).passthrough()) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      const form = c.req.valid('form');
      const { data, name } = await importFile(form);
      const plan = await planDelegateImport(c.var.db, councilId, data, name, { mapping: mappingFrom(form), termId: form.termId ?? null });
      const { rows: _rows, ...summary } = plan;
      if (form.mode === 'preview') return c.json({ mode: 'preview', ...summary }, 200);
      const result = await commitDelegateImport(c.var.db, actorOf(c.var.user), councilId, plan, name);
      return c.json({ mode: 'commit', ...summary, ...result }, 200);
    },
  );
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/delegates/export.xlsx',
      summary: 'Xuất danh sách đại biểu ra Excel (theo bộ lọc của danh sách)',
      permission: 'directory.read',
      scope: 'council',
      request: {
        params: CouncilParams,
        query: z.object({
          q: z.string().max(200).optional(), termId: Id.optional(), constituencyId: Id.optional(), status: z.enum(['active', 'ended']).optional(),
        }),
      },
      responses: { 200: xlsxOk },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      const council = await svc.getCouncil(c.var.db, councilId);
      const terms = new Map(council.terms.map((t) => [t.id, t.name]));
      const { items } = await svc.listDelegates(c.var.db, councilId, { ...c.req.valid('query'), ...all });
      return (await xlsxResponse({
        fileName: `Dai-bieu-${council.name}.xlsx`,
        sheetName: 'Đại biểu',
        title: `DANH SÁCH ĐẠI BIỂU ${council.name.toLocaleUpperCase('vi')}`,
        columns: [
          { header: 'STT', key: 'stt', type: 'number', width: 6 },
          { header: 'Họ và tên', key: 'fullName', type: 'text', width: 26 },
          { header: 'Giới tính', key: 'gender', type: 'text', width: 10 },
          { header: 'Năm sinh', key: 'birthYear', type: 'text', width: 10 },
          { header: 'Chức vụ', key: 'position', type: 'text', width: 34 },
          { header: 'Nơi công tác', key: 'workplace', type: 'text', width: 30 },
          { header: 'Nhiệm kỳ', key: 'term', type: 'text', width: 16 },
          { header: 'Đơn vị bầu cử', key: 'constituencyName', type: 'text', width: 22 },
          { header: 'Số điện thoại', key: 'phone', type: 'text', width: 14 },
          { header: 'Thư điện tử', key: 'email', type: 'text', width: 26 },
          { header: 'Trạng thái', key: 'status', type: 'text', width: 16 },
          { header: 'Ngày cập nhật', key: 'updatedAt', type: 'date', width: 14 },
        ],
        rows: items.map((d, i) => ({
          stt: i + 1,
          fullName: d.fullName,
          gender: d.gender === 'male' ? 'Nam' : d.gender === 'female' ? 'Nữ' : '',
          birthYear: d.birthYear === null ? '' : String(d.birthYear),
          position: d.position,
          workplace: d.workplace,
          term: d.termId ? (terms.get(d.termId) ?? '') : '',
          constituencyName: d.constituencyName ?? '',
          phone: d.phone,
          email: d.email,
          status: d.status === 'ended' ? 'Đã thôi' : 'Đang là đại biểu',
          updatedAt: stamp(d.updatedAt),
        })),
      })) as never;
    },
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
      method: 'get',
      path: '/agencies/export.xlsx',
      summary: 'Xuất danh sách cơ quan ra Excel (theo bộ lọc của danh sách)',
      permission: 'directory.read',
      scope: 'global',
      request: { query: z.object({ q: z.string().max(200).optional(), unitId: Id.optional(), kind: z.string().max(40).optional(), level: z.string().max(20).optional() }) },
      responses: { 200: xlsxOk },
    },
    async (c) => {
      const { items } = await svc.listAgencies(c.var.db, { ...c.req.valid('query'), ...all });
      const byId = new Map(items.map((a) => [a.id, a.name]));
      return (await xlsxResponse({
        fileName: `Co-quan-${today(c.var.deps.clock())}.xlsx`,
        sheetName: 'Cơ quan',
        title: 'DANH SÁCH CƠ QUAN, TỔ CHỨC',
        columns: [
          { header: 'STT', key: 'stt', type: 'number', width: 6 },
          { header: 'Tên cơ quan', key: 'name', type: 'text', width: 44 },
          { header: 'Tên viết tắt', key: 'shortName', type: 'text', width: 16 },
          { header: 'Loại cơ quan', key: 'kind', type: 'text', width: 26 },
          { header: 'Cấp', key: 'level', type: 'text', width: 12 },
          { header: 'Địa bàn', key: 'unitName', type: 'text', width: 20 },
          { header: 'Cơ quan cấp trên', key: 'parent', type: 'text', width: 30 },
          { header: 'Thư điện tử', key: 'email', type: 'text', width: 26 },
          { header: 'Đang hoạt động', key: 'active', type: 'text', width: 14 },
          { header: 'Ngày cập nhật', key: 'updatedAt', type: 'date', width: 14 },
        ],
        rows: items.map((a, i) => ({
          stt: i + 1,
          name: a.name,
          shortName: a.shortName,
          kind: AGENCY_KINDS[a.kind] ?? a.kind,
          level: LEVELS[a.level] ?? a.level,
          unitName: a.unitName ?? '',
          parent: a.parentAgencyId ? (byId.get(a.parentAgencyId) ?? '') : '',
          email: a.email,
          active: a.active ? 'Có' : 'Không',
          updatedAt: stamp(a.updatedAt),
        })),
      })) as never;
    },
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
