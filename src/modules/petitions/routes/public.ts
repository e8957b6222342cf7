// Public routes (no login): what the council publishes about petitions and their answers
// (NQLT 72/2025 Điều 51). No personal data ever. Every list is a server page.
import { z } from '@hono/zod-openapi';
import { CouncilParams, Id, PageQuery, jsonOk, pageOf, type Router } from '../../../server/route.ts';
import { publicCommunes, publicCouncil, publicCouncils, publicPetitions, publicRounds } from '../queries/public.ts';
import { Obj } from './shared.ts';

const Page = PageQuery.omit({ q: true });
/** A published round, or `latest` for the newest one (what the page opens on, asked for with the rounds). */
const RoundChoice = z.union([Id, z.literal('latest')]).optional().describe('Mã đợt đã công bố, hoặc `latest`: đợt mới nhất');

export function publicRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/public/councils', summary: 'HĐND có công bố kết quả giải quyết kiến nghị cử tri',
      scope: 'public', request: { query: Page }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await publicCouncils(c.var.db, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'get', path: '/public/councils/{councilId}', summary: 'Tên HĐND trên trang công khai',
      scope: 'public', request: { params: CouncilParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await publicCouncil(c.var.db, c.req.valid('param').councilId), 200),
  );
  r.add(
    {
      method: 'get', path: '/public/councils/{councilId}/rounds', summary: 'Các đợt tiếp xúc cử tri đã công bố',
      scope: 'public', request: { params: CouncilParams, query: Page }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await publicRounds(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'get', path: '/public/councils/{councilId}/communes', summary: 'Xã, phường có kiến nghị công khai trong đợt',
      scope: 'public', request: { params: CouncilParams, query: Page.extend({ roundId: RoundChoice }) }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await publicCommunes(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'get', path: '/public/councils/{councilId}/petitions', summary: 'Kiến nghị của cử tri theo xã, phường và kết quả trả lời',
      scope: 'public',
      request: { params: CouncilParams, query: PageQuery.extend({ roundId: RoundChoice, unitId: Id.optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await publicPetitions(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
}
