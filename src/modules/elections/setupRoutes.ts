// Routes of the setup screens (council-scoped): editing an election, a unit, a polling area, a
// body; the accounts a member can be linked to; the complaints of an election (voter lists and
// results) with due dates and overdue computed; the Ủy ban's Mẫu 25 and Mẫu 26 as Word files.
import { z } from '@hono/zod-openapi';
import { PageOnly, jsonBody, jsonOk, optionalText, pageOf, text, type Router } from '../../server/route.ts';
import { DOCX_TYPE, fileResponse } from '../../server/download.ts';
import { Obj, ctxOf, param } from '../petitions/routes/shared.ts';
import { today } from './common.ts';
import { Ballot, ElectionParams } from './routes.ts';
import type { BallotType } from '../../domain/elections/index.ts';
import { memberAccounts, publishedMinutes, resultComplaintsOf, updateElection, updateElectionBody, updateElectoralUnit, updatePollingArea, voterListComplaintsOf } from './setup.ts';
import { levelSummaryDocx, winnersListDocx } from './summaryMinutes.ts';
import { loadElection } from './tallyScope.ts';

const enumOf = <const T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { message: `${label} không hợp lệ.` });
const Seats = z.number({ message: 'Số đại biểu được bầu phải là số.' }).int({ message: 'Số đại biểu được bầu phải là số nguyên.' }).min(1, { message: 'Số đại biểu được bầu tối thiểu 1.' }).max(100, { message: 'Số đại biểu được bầu tối đa 100.' });
const nonEmpty = (o: object) => Object.values(o).some((v) => v !== undefined);
const NeedOne = { message: 'Chưa có thông tin nào để sửa.' };

const ElectionPatch = z.object({ name: text('Tên cuộc bầu cử', 300).optional(), note: optionalText('Ghi chú', 2000).optional(), ballotTypes: z.array(Ballot).min(1, { message: 'Cần chọn ít nhất một loại phiếu bầu.' }).optional() }).refine(nonEmpty, NeedOne);
const UnitPatch = z.object({ name: text('Tên đơn vị bầu cử', 300).optional(), seats: Seats.optional(), resolution: optionalText('Nghị quyết', 200).optional(), description: optionalText('Mô tả', 2000).optional() }).refine(nonEmpty, NeedOne);
const AreaPatch = z.object({ name: text('Tên khu vực bỏ phiếu', 300).optional(), kind: enumOf(['ordinary', 'military', 'hospital', 'careHome', 'detention'], 'Loại khu vực bỏ phiếu').optional(), hamlets: optionalText('Thôn, tổ dân phố', 2000).optional() }).refine(nonEmpty, NeedOne);
const BodyPatch = z.object({ name: text('Tên', 300).optional(), decision: optionalText('Quyết định thành lập', 300).optional() }).refine(nonEmpty, NeedOne);

/** The level of the committee's documents: as asked, else the commune's (the level most committees hold), else the first ballot. */
const LevelQuery = z.object({ ballotType: Ballot.optional() });
const levelOf = (e: { ballotTypes: BallotType[] }, b: BallotType | undefined): BallotType => b ?? (e.ballotTypes.includes('commune') ? 'commune' : e.ballotTypes[0]!);

export function electionSetupRoutes(r: Router): void {
  const manage = { permission: 'elections.manage', scope: 'council' } as const;
  const base = '/councils/{councilId}/elections/{electionId}';
  r.add({ method: 'patch', path: base, ...manage, summary: 'Sửa tên, ghi chú, loại phiếu bầu của cuộc bầu cử', request: { params: ElectionParams, body: jsonBody(ElectionPatch) }, responses: { 200: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await updateElection(ctxOf(c), p.councilId, p.electionId, c.req.valid('json')), 200); });
  r.add({ method: 'patch', path: `${base}/units/{electoralUnitId}`, ...manage, summary: 'Sửa đơn vị bầu cử (tên, số đại biểu được bầu, nghị quyết)', request: { params: ElectionParams.extend({ electoralUnitId: param('electoralUnitId') }), body: jsonBody(UnitPatch) }, responses: { 200: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await updateElectoralUnit(ctxOf(c), p.councilId, p.electionId, p.electoralUnitId, c.req.valid('json')), 200); });
  r.add({ method: 'patch', path: `${base}/areas/{pollingAreaId}`, ...manage, summary: 'Sửa khu vực bỏ phiếu (tên, loại, thôn, tổ dân phố)', request: { params: ElectionParams.extend({ pollingAreaId: param('pollingAreaId') }), body: jsonBody(AreaPatch) }, responses: { 200: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await updatePollingArea(ctxOf(c), p.councilId, p.electionId, p.pollingAreaId, c.req.valid('json')), 200); });
  r.add({ method: 'patch', path: `${base}/bodies/{electionBodyId}`, ...manage, summary: 'Sửa tên, quyết định thành lập của Ủy ban, Ban, Tổ bầu cử', request: { params: ElectionParams.extend({ electionBodyId: param('electionBodyId') }), body: jsonBody(BodyPatch) }, responses: { 200: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await updateElectionBody(ctxOf(c), p.councilId, p.electionId, p.electionBodyId, c.req.valid('json')), 200); });
  r.add({ method: 'get', path: `${base}/member-accounts`, ...manage, summary: 'Tài khoản có thể làm thành viên Ban, Tổ bầu cử (vai trò thành viên tổ chức phụ trách bầu cử)', request: { params: ElectionParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => c.json(await memberAccounts(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200));

  r.add({ method: 'get', path: `${base}/voter-list-complaints`, permission: 'elections.voters', scope: 'council', summary: 'Khiếu nại về danh sách cử tri của mọi khu vực bỏ phiếu: hạn trả lời, quá hạn', request: { params: ElectionParams, query: PageOnly.extend({ state: enumOf(['open', 'answered'], 'Trạng thái').optional() }) }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await voterListComplaintsOf(c.var.db, p.councilId, p.electionId, today(c.var.deps.clock()), c.req.valid('query')), 200); });
  r.add({ method: 'get', path: `${base}/result-complaints/overview`, permission: 'elections.results.manage', scope: 'council', summary: 'Khiếu nại về kết quả bầu cử: hạn giải quyết, quá hạn; các biên bản đã công bố', request: { params: ElectionParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => {
      const p = c.req.valid('param');
      const e = await loadElection(c.var.db, p.councilId, p.electionId);
      const list = await resultComplaintsOf(c.var.db, e.id, today(c.var.deps.clock()), c.req.valid('query'));
      return c.json({ ...list, minutes: await publishedMinutes(c.var.db, e.id) }, 200);
    });

  const docx = { 200: { description: 'Tệp Word', content: { [DOCX_TYPE]: { schema: z.any() } } } };
  r.add({ method: 'get', path: `${base}/results/summary.docx`, permission: 'elections.day.read', scope: 'council', summary: 'Biên bản tổng kết cuộc bầu cử của một cấp (Mẫu số 25) dạng Word', request: { params: ElectionParams, query: LevelQuery }, responses: docx },
    async (c) => { const p = c.req.valid('param'); const e = await loadElection(c.var.db, p.councilId, p.electionId); const f = await levelSummaryDocx(c.var.db, e, levelOf(e, c.req.valid('query').ballotType), c.var.deps.clock()); return fileResponse(f.bytes, f.fileName, DOCX_TYPE) as never; });
  r.add({ method: 'get', path: `${base}/results/winners.docx`, permission: 'elections.day.read', scope: 'council', summary: 'Danh sách những người trúng cử của một cấp (Mẫu số 26) dạng Word', request: { params: ElectionParams, query: LevelQuery }, responses: docx },
    async (c) => { const p = c.req.valid('param'); const e = await loadElection(c.var.db, p.councilId, p.electionId); const f = await winnersListDocx(c.var.db, e, levelOf(e, c.req.valid('query').ballotType), c.var.deps.clock()); return fileResponse(f.bytes, f.fileName, DOCX_TYPE) as never; });
}
