// Routes of the dashboards module: the council's petition overview and the upper-level view.
import { z } from '@hono/zod-openapi';
import { CouncilParams, Id, IsoDate, jsonOk, type Router } from '../../server/route.ts';
import { loadCalendar, loadSettings, today } from '../petitions/common.ts';
import { petitionOverview, resolvePeriod } from './queries/overview.ts';
import { lowerCouncilsView } from './queries/lowerCouncils.ts';

const Obj = z.object({}).passthrough();

const OverviewQuery = z.object({
  roundId: Id.optional(),
  year: z.coerce.number({ message: 'Năm không hợp lệ.' }).int({ message: 'Năm không hợp lệ.' }).min(1990, { message: 'Năm không hợp lệ.' }).max(2100, { message: 'Năm không hợp lệ.' }).optional(),
});

const LowerQuery = z.object({ at: IsoDate.optional() });

export function dashboardRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/dashboard/petitions',
      summary: 'Tổng quan kiến nghị cử tri của HĐND: theo cấp, lĩnh vực, cơ quan, địa bàn, kết quả; đúng hạn; quá hạn; tồn qua các kỳ họp; xu hướng qua các đợt',
      permission: 'dashboards.read', scope: 'council',
      request: { params: CouncilParams, query: OverviewQuery },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      const db = c.var.db;
      const [calendar, settings] = await Promise.all([loadCalendar(db), loadSettings(db, councilId)]);
      const period = await resolvePeriod(db, councilId, c.req.valid('query'));
      return c.json(await petitionOverview(db, councilId, period, { day: today(c.var.deps.clock()), calendar, settings }), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/dashboard/lower-councils',
      summary: 'Các HĐND cấp dưới tại một ngày (hội nghị trực báo): kiến nghị thu thập, đã chuyển, đã trả lời, quá hạn, tỷ lệ giải quyết',
      permission: 'dashboards.read', scope: 'council',
      request: { params: CouncilParams, query: LowerQuery },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      const day = today(c.var.deps.clock());
      return c.json(await lowerCouncilsView(c.var.db, c.var.user, councilId, c.req.valid('query').at ?? day, day), 200);
    },
  );
}
