// Routes of the election as data (council-scoped): elections and their calendar, electoral units,
// polling areas, election bodies and members, candidates.
import { z } from '@hono/zod-openapi';
import { CouncilParams, IsoDate, PageOnly, jsonBody, jsonOk, optionalText, pageOf, text, type Router } from '../../server/route.ts';
import { Obj, ctxOf, param } from '../petitions/routes/shared.ts';
import { BALLOT_TYPES } from '../../domain/elections/index.ts';
import { addBodyMember, addCandidate, createElection, createElectionBody, createElectoralUnit, createPollingArea } from './actions/core.ts';
import { electionView, listAreas, listBodies, listCandidates, listElections, listUnits } from './queries/core.ts';
import { unitOf } from './common.ts';

export const ElectionParams = CouncilParams.extend({ electionId: param('electionId') });
const UnitParams = ElectionParams.extend({ electoralUnitId: param('electoralUnitId') });
const BodyParams = ElectionParams.extend({ electionBodyId: param('electionBodyId') });

const enumOf = <const T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { message: `${label} không hợp lệ.` });
export const Ballot = enumOf(BALLOT_TYPES as unknown as ['na', 'province', 'commune'], 'Loại phiếu bầu');
const Int = (label: string, min = 1, max = 100_000) => z.number({ message: `${label} phải là số.` }).int({ message: `${label} phải là số nguyên.` }).min(min, { message: `${label} tối thiểu ${min}.` }).max(max, { message: `${label} tối đa ${max}.` });
const OptId = z.string().uuid({ message: 'Mã định danh không hợp lệ.' }).nullable().optional();

const ElectionBody = z.object({ name: text('Tên cuộc bầu cử', 300), electionDay: IsoDate, ballotTypes: z.array(Ballot).min(1, { message: 'Cần chọn ít nhất một loại phiếu bầu.' }), note: optionalText('Ghi chú', 2000).optional() });
const UnitBody = z.object({ ballotType: Ballot, number: Int('Số đơn vị bầu cử', 1, 1000), name: text('Tên đơn vị bầu cử', 300), seats: Int('Số đại biểu được bầu', 1, 100), unitIds: z.array(z.string().uuid()).max(200).optional(), resolution: optionalText('Nghị quyết', 200).optional(), description: optionalText('Mô tả', 2000).optional() });
const AreaBody = z.object({
  number: Int('Số khu vực bỏ phiếu', 1, 10_000), name: text('Tên khu vực bỏ phiếu', 300),
  kind: enumOf(['ordinary', 'military', 'hospital', 'careHome', 'detention'], 'Loại khu vực bỏ phiếu'), hamlets: optionalText('Thôn, tổ dân phố', 2000).optional(),
  naUnitId: OptId, provinceUnitId: OptId, communeUnitId: OptId,
});
const BodyBody = z.object({ kind: enumOf(['electionCommittee', 'unitBoard', 'pollingTeam'], 'Loại tổ chức phụ trách bầu cử'), name: text('Tên', 300), electoralUnitId: OptId, pollingAreaId: OptId, decision: optionalText('Quyết định thành lập', 300).optional() });
const MemberBody = z.object({ fullName: text('Họ và tên', 200), position: enumOf(['chair', 'viceChair', 'secretary', 'member'], 'Chức vụ'), organization: optionalText('Cơ quan, tổ chức', 300).optional(), userId: OptId });
const CandidateBody = z.object({ fullName: text('Họ và tên', 200), birthDate: IsoDate, sex: enumOf(['male', 'female'], 'Giới tính'), listOrder: Int('Thứ tự', 0, 1000).optional(), occupation: optionalText('Nghề nghiệp', 300).optional(), workplace: optionalText('Nơi công tác', 300).optional(), residence: optionalText('Nơi cư trú', 300).optional() });

export function electionCoreRoutes(r: Router): void {
  const read = { permission: 'elections.read', scope: 'council' } as const;
  const manage = { permission: 'elections.manage', scope: 'council' } as const;
  r.add({ method: 'get', path: '/councils/{councilId}/elections', ...read, summary: 'Danh sách cuộc bầu cử', request: { params: CouncilParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => c.json(await listElections(c.var.db, c.req.valid('query')), 200));
  r.add({ method: 'post', path: '/councils/{councilId}/elections', ...manage, summary: 'Tạo cuộc bầu cử', request: { params: CouncilParams, body: jsonBody(ElectionBody) }, responses: { 201: jsonOk(Obj) } },
    async (c) => c.json(await createElection(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201));
  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}', ...read, summary: 'Cuộc bầu cử và lịch bầu cử', request: { params: ElectionParams }, responses: { 200: jsonOk(Obj) } },
    async (c) => c.json(await electionView(c.var.db, c.req.valid('param').electionId), 200));
  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}/units', ...read, summary: 'Đơn vị bầu cử', request: { params: ElectionParams, query: PageOnly.extend({ ballotType: Ballot.optional() }) }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => { const p = c.req.valid('param'); const q = c.req.valid('query'); return c.json(await listUnits(c.var.db, p.councilId, p.electionId, q, q.ballotType), 200); });
  r.add({ method: 'post', path: '/councils/{councilId}/elections/{electionId}/units', ...manage, summary: 'Thêm đơn vị bầu cử', request: { params: ElectionParams, body: jsonBody(UnitBody) }, responses: { 201: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await createElectoralUnit(ctxOf(c), p.councilId, p.electionId, c.req.valid('json')), 201); });
  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}/areas', ...read, summary: 'Khu vực bỏ phiếu', request: { params: ElectionParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await listAreas(c.var.db, p.councilId, p.electionId, c.req.valid('query')), 200); });
  r.add({ method: 'post', path: '/councils/{councilId}/elections/{electionId}/areas', ...manage, summary: 'Thêm khu vực bỏ phiếu', request: { params: ElectionParams, body: jsonBody(AreaBody) }, responses: { 201: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await createPollingArea(ctxOf(c), p.councilId, p.electionId, c.req.valid('json')), 201); });
  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}/bodies', ...read, summary: 'Ủy ban, Ban, Tổ bầu cử và thành viên', request: { params: ElectionParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await listBodies(c.var.db, p.councilId, p.electionId, c.req.valid('query')), 200); });
  r.add({ method: 'post', path: '/councils/{councilId}/elections/{electionId}/bodies', ...manage, summary: 'Thành lập Ủy ban, Ban, Tổ bầu cử', request: { params: ElectionParams, body: jsonBody(BodyBody) }, responses: { 201: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await createElectionBody(ctxOf(c), p.councilId, p.electionId, c.req.valid('json')), 201); });
  r.add({ method: 'post', path: '/councils/{councilId}/elections/{electionId}/bodies/{electionBodyId}/members', ...manage, summary: 'Thêm thành viên Ủy ban, Ban, Tổ bầu cử', request: { params: BodyParams, body: jsonBody(MemberBody) }, responses: { 201: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await addBodyMember(ctxOf(c), p.councilId, p.electionId, p.electionBodyId, c.req.valid('json')), 201); });
  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}/units/{electoralUnitId}/candidates', ...read, summary: 'Người ứng cử của đơn vị bầu cử', request: { params: UnitParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => { const p = c.req.valid('param'); const u = await unitOf(c.var.db, p.councilId, p.electionId, p.electoralUnitId); return c.json(await listCandidates(c.var.db, u.id, c.req.valid('query')), 200); });
  r.add({ method: 'post', path: '/councils/{councilId}/elections/{electionId}/units/{electoralUnitId}/candidates', ...manage, summary: 'Thêm người ứng cử', request: { params: UnitParams, body: jsonBody(CandidateBody) }, responses: { 201: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await addCandidate(ctxOf(c), p.councilId, p.electionId, p.electoralUnitId, c.req.valid('json')), 201); });
}
