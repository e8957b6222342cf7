// The holiday override table (read by all, edited by an administrator).
import { z } from '@hono/zod-openapi';
import { PageOnly, jsonBody, jsonOk, optionalText, pageFrom, pageOf, text, type Router } from '../../../server/route.ts';
import { IsoDate } from '../../../server/route.ts';
import { putYearOverrides } from '../actions/holidayOverrides.ts';
import { loadCalendar, loadOverrides } from '../common.ts';
import { Obj, ctxOf } from './shared.ts';

export function meRoutes(r: Router) {
  // Working-day calendar ----------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/calendar/overrides', summary: 'Bảng ngày nghỉ, ngày làm bù theo từng năm', scope: 'authenticated',
      request: { query: PageOnly },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    // One row per year that has an override (at most a century): paged once loaded.
    async (c) => c.json(pageFrom(await loadOverrides(c.var.db), c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'get', path: '/calendar/years/{year}', summary: 'Các ngày nghỉ lễ, nghỉ bù, làm bù của một năm (đã áp dụng bảng điều chỉnh)',
      scope: 'authenticated',
      request: { params: z.object({ year: z.coerce.number().int().min(2000).max(2100).openapi({ param: { name: 'year', in: 'path' } }) }), query: PageOnly },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    // Computed from the lunar calendar and the overrides (a few dozen days): paged once computed.
    async (c) => c.json(pageFrom((await loadCalendar(c.var.db)).specialDays(c.req.valid('param').year), c.req.valid('query')), 200),
  );
  const DayOverride = z.object({ date: IsoDate, name: text('Tên ngày', 200) });
  r.add(
    {
      method: 'put', path: '/calendar/overrides/{year}', summary: 'Sửa bảng ngày nghỉ, ngày làm bù của một năm (theo quyết định của Thủ tướng)',
      permission: 'calendar.manage', scope: 'global',
      request: {
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100).openapi({ param: { name: 'year', in: 'path' } }) }),
        body: jsonBody(z.object({
          daysOff: z.array(DayOverride).max(60),
          notOff: z.array(IsoDate).max(60),
          workingDays: z.array(DayOverride).max(60),
          source: optionalText('Căn cứ', 500).optional(),
        })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await putYearOverrides(ctxOf(c), c.req.valid('param').year, c.req.valid('json')), 200),
  );
}
