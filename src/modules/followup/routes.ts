// Routes of the follow-up engine: the agency's one inbox of everything it owes, and the council's
// view of what its agencies owe it (both the same paged query).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AgencyParams, CouncilParams, PageQuery, jsonOk, pageOf, type Router } from '../../server/route.ts';
import type { AppEnv } from '../../server/context.ts';
import { Obj } from '../petitions/routes/shared.ts';
import { loadCalendar, today } from '../petitions/common.ts';
import { FOLLOWUP_FILTERS, FOLLOWUP_KINDS, listObligations, obligationCounts } from './queries.ts';

const ListQuery = PageQuery.extend({
  kind: z.enum(FOLLOWUP_KINDS, { message: 'Loại việc không hợp lệ.' }).optional(),
  status: z.enum(FOLLOWUP_FILTERS, { message: 'Trạng thái không hợp lệ.' }).optional(),
});
const Counts = z.object({ items: z.array(Obj) });

async function envOf(c: Context<AppEnv>) {
  return { day: today(c.var.deps.clock()), calendar: await loadCalendar(c.var.db) };
}

const listed = (c: Context<AppEnv>, query: z.infer<typeof ListQuery>, owner: { agencyId: string } | { councilId: string }) =>
  envOf(c).then(({ day, calendar }) => listObligations(c.var.db, { ...query, ...owner }, day, calendar));

export function followupRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/obligations',
      summary: 'Mọi việc cơ quan phải thực hiện (trả lời kiến nghị, kiến nghị giám sát, cam kết, nhiệm vụ thực hiện nghị quyết, đơn thư) trong một danh sách',
      permission: 'followup.agency', scope: 'agency', request: { params: AgencyParams, query: ListQuery }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listed(c, c.req.valid('query'), { agencyId: c.req.valid('param').agencyId }), 200),
  );
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/obligations/counts', summary: 'Số việc cơ quan phải thực hiện theo loại: đang phải làm, quá hạn, chờ xác minh, đã đóng',
      permission: 'followup.agency', scope: 'agency', request: { params: AgencyParams }, responses: { 200: jsonOk(Counts) },
    },
    async (c) => c.json({ items: await obligationCounts(c.var.db, { agencyId: c.req.valid('param').agencyId }, today(c.var.deps.clock())) }, 200),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/obligations',
      summary: 'Việc các cơ quan phải thực hiện theo yêu cầu của HĐND (theo dõi, đôn đốc): mọi loại trong một danh sách',
      permission: 'followup.read', scope: 'council', request: { params: CouncilParams, query: ListQuery }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listed(c, c.req.valid('query'), { councilId: c.req.valid('param').councilId }), 200),
  );
}
