import { z } from '@hono/zod-openapi';
import { CouncilParams, PageQuery, jsonOk, pageOf, type Router } from '../../server/route.ts';
import { xlsxResponse, xlsxOk, EXPORT_MAX } from '../spreadsheets/export.ts';
import { actionLabel, entityLabel } from '../../domain/audit/labels.ts';
import { listEvents } from './service.ts';
import { withNames } from './names.ts';

const EventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    councilId: z.string().nullable(),
    agencyId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEvent');

const EventPage = pageOf(EventSchema)
  .extend({
    names: z
      .record(z.string(), z.string())
      .describe('Tên hiển thị của các mã (cơ quan, lĩnh vực, HĐND, đơn vị hành chính…) xuất hiện trong nội dung trước/sau của trang này'),
  })
  .openapi('AuditEventPage');

const Filter = PageQuery.extend({
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  actorId: z.string().uuid().optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
});

function toFilter(q: z.infer<typeof Filter>) {
  return {
    ...q,
    from: q.from ? new Date(`${q.from}T00:00:00+07:00`) : undefined,
    to: q.to ? new Date(`${q.to}T23:59:59.999+07:00`) : undefined,
  };
}

// Export (.xlsx) of the same filters, no pagination (newest first, at most EXPORT_MAX events).
const ExportFilter = Filter.omit({ page: true, pageSize: true, q: true });
const snapshot = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

async function exportEvents(db: Parameters<typeof listEvents>[0], f: z.infer<typeof ExportFilter> & { councilId?: string }, fileName: string, title: string) {
  const { items, names } = await listEvents(db, { ...toFilter({ ...f, page: 1, pageSize: EXPORT_MAX }), councilId: f.councilId });
  return xlsxResponse({
    fileName,
    sheetName: 'Nhật ký',
    title,
    columns: [
      { header: 'Số thứ tự sự kiện', key: 'id', type: 'number', width: 10 },
      { header: 'Thời điểm', key: 'at', type: 'datetime', width: 18 },
      { header: 'Người thực hiện', key: 'actorName', type: 'text', width: 24 },
      { header: 'Thao tác', key: 'actionLabel', type: 'text', width: 34 },
      { header: 'Mã thao tác', key: 'action', type: 'text', width: 24 },
      { header: 'Loại đối tượng', key: 'entityLabel', type: 'text', width: 22 },
      { header: 'Mã đối tượng', key: 'entityId', type: 'text', width: 38 },
      { header: 'Trước khi thay đổi', key: 'before', type: 'text', width: 50 },
      { header: 'Sau khi thay đổi', key: 'after', type: 'text', width: 50 },
    ],
    rows: items.map((e) => ({
      ...e,
      at: new Date(e.at),
      actionLabel: actionLabel(e.action),
      entityLabel: entityLabel(e.entityType),
      // Ids of councils, agencies, fields… read as their names, as in the viewer.
      before: snapshot(withNames(e.before, names)),
      after: snapshot(withNames(e.after, names)),
    })),
  });
}

export function auditRoutes(r: Router) {
  r.add(
    {
      method: 'get',
      path: '/audit',
      summary: 'Nhật ký hệ thống (toàn bộ)',
      permission: 'audit.read_all',
      scope: 'global',
      request: { query: Filter.extend({ councilId: z.string().uuid().optional() }) },
      responses: { 200: jsonOk(EventPage) },
    },
    async (c) => c.json(await listEvents(c.var.db, toFilter(c.req.valid('query'))), 200),
  );
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/audit',
      summary: 'Nhật ký thao tác của một HĐND',
      permission: 'audit.read_council',
      scope: 'council',
      request: { params: CouncilParams, query: Filter },
      responses: { 200: jsonOk(EventPage) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      return c.json(await listEvents(c.var.db, { ...toFilter(c.req.valid('query')), councilId }), 200);
    },
  );
  r.add(
    {
      method: 'get',
      path: '/audit/export.xlsx',
      summary: 'Xuất nhật ký hệ thống ra Excel (theo bộ lọc của danh sách)',
      permission: 'audit.read_all',
      scope: 'global',
      request: { query: ExportFilter.extend({ councilId: z.string().uuid().optional() }) },
      responses: { 200: xlsxOk },
    },
    async (c) => {
      const f = c.req.valid('query');
      const day = new Date(c.var.deps.clock().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      return (await exportEvents(c.var.db, f, `Nhat-ky-he-thong-${day}.xlsx`, 'NHẬT KÝ HỆ THỐNG')) as never;
    },
  );
  r.add(
    {
      method: 'get',
      path: '/councils/{councilId}/audit/export.xlsx',
      summary: 'Xuất nhật ký thao tác của một HĐND ra Excel (theo bộ lọc của danh sách)',
      permission: 'audit.read_council',
      scope: 'council',
      request: { params: CouncilParams, query: ExportFilter },
      responses: { 200: xlsxOk },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      const day = new Date(c.var.deps.clock().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      return (await exportEvents(c.var.db, { ...c.req.valid('query'), councilId }, `Nhat-ky-thao-tac-${day}.xlsx`, 'NHẬT KÝ THAO TÁC')) as never;
    },
  );
}
