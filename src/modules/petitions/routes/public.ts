// Public routes (no login): what the council publishes about petitions and their answers
// (NQLT 72/2025 Điều 51). No personal data ever.
import { z } from '@hono/zod-openapi';
import { CouncilParams, Id, PageQuery, jsonOk, pageOf, type Router } from '../../../server/route.ts';
import { publicCouncils, publicPetitions, publicRounds } from '../queries/public.ts';
import { Obj } from './shared.ts';

export function publicRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/public/councils', summary: 'HĐND có công bố kết quả giải quyết kiến nghị cử tri',
      scope: 'public', responses: { 200: jsonOk(z.array(Obj)) },
    },
    async (c) => c.json(await publicCouncils(c.var.db), 200),
  );
  r.add(
    {
      method: 'get', path: '/public/councils/{councilId}/rounds', summary: 'Các đợt tiếp xúc cử tri đã công bố',
      scope: 'public', request: { params: CouncilParams }, responses: { 200: jsonOk(z.array(Obj)) },
    },
    async (c) => c.json(await publicRounds(c.var.db, c.req.valid('param').councilId), 200),
  );
  r.add(
    {
      method: 'get', path: '/public/councils/{councilId}/petitions', summary: 'Kiến nghị của cử tri theo xã, phường và kết quả trả lời',
      scope: 'public',
      request: { params: CouncilParams, query: PageQuery.extend({ roundId: Id.optional(), unitId: Id.optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await publicPetitions(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
}
