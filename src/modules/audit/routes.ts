import { z } from '@hono/zod-openapi';
import { CouncilParams, PageQuery, jsonOk, pageOf, type Router } from '../../server/route.ts';
import { listEvents } from './service.ts';

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

export function auditRoutes(r: Router) {
  r.add(
    {
      method: 'get',
      path: '/audit',
      summary: 'Nhật ký hệ thống (toàn bộ)',
      permission: 'audit.read_all',
      scope: 'global',
      request: { query: Filter.extend({ councilId: z.string().uuid().optional() }) },
      responses: { 200: jsonOk(pageOf(EventSchema)) },
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
      responses: { 200: jsonOk(pageOf(EventSchema)) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      return c.json(await listEvents(c.var.db, { ...toFilter(c.req.valid('query')), councilId }), 200);
    },
  );
}
