// Routes of election day: settings, turnout, tally sheets, results, complaints (council-scoped by
// the council whose election it is), and the published results (public). A route's permission is
// the outer gate; the user's election body (Tổ: its area; Ban: its unit; Ủy ban: its level) is the
// inner one, checked by every action.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { TALLY_CHECKS, type RoundKind } from '../../domain/elections/index.ts';
import type { AppEnv } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import type { PermissionDef } from '../../server/permissions.ts';
import type { MenuEntry } from '../../server/module.ts';
import { Id, IsoDate, PageOnly, jsonBody, jsonOk, optionalText, pageOf, text, type Router } from '../../server/route.ts';
import { Obj, ctxOf, param } from '../petitions/routes/shared.ts';
import { confirmLevelSummary, confirmUnitResult, decideComplaint, fileComplaint, levelResults, listComplaints, publicResults, publishLevel } from './results.ts';
import { areaDay, correctTallySheet, listTallySheets, moveTallySheet, saveTallyDraft, tallyForm, tallySheetDetail } from './tally.ts';
import { accessOf, canEnterArea, canManageUnit, loadAreas, loadElection, loadPublicElection, loadUnits } from './tallyScope.ts';
import { daySettingsOf, reportTurnout, setDaySettings, turnoutChannel, turnoutDashboard } from './turnout.ts';
import { liveRoute } from '../../server/live.ts';
import { computeUnitResult } from './winners.ts';
import { unitMinutesDocx } from './resultsMinutes.ts';
import { DOCX_TYPE, fileResponse } from '../../server/download.ts';
import { Ballot, ElectionParams } from './routes.ts';

/**
 * The route gates. The committee is the secretariat of the path's council (elections.manage); a
 * Ban or Tổ member holds election_member there and reaches only its unit or area (tallyScope.ts).
 */
export const electionDayPermissions: Record<string, PermissionDef> = {
  'elections.day.read': { label: 'Xem số cử tri đi bầu, biên bản kiểm phiếu và kết quả bầu cử (trong phạm vi tổ chức bầu cử của mình)', roles: ['secretariat', 'standing_member', 'election_member'] },
  'elections.day.enter': { label: 'Báo cáo số cử tri đi bầu, nhập và gửi biên bản kết quả kiểm phiếu (Tổ bầu cử: chỉ khu vực bỏ phiếu của mình)', roles: ['secretariat', 'election_member'] },
  'elections.day.lock': { label: 'Khóa sổ, trả lại biên bản kiểm phiếu, xác nhận kết quả của đơn vị bầu cử (Ban bầu cử: chỉ đơn vị của mình)', roles: ['secretariat', 'election_member'] },
  'elections.results.manage': { label: 'Quy định giờ báo cáo, lập biên bản tổng kết, công bố kết quả, giải quyết khiếu nại về kết quả (Ủy ban bầu cử)', roles: ['secretariat'] },
};

export const electionDayMenu: MenuEntry[] = [
  { key: 'election-turnout', label: 'Cử tri đi bầu', path: '/councils/:councilId/election-day', icon: 'turnout', permission: 'elections.day.read', scope: 'council', group: 'elections', order: 65 },
  { key: 'election-results', label: 'Kết quả bầu cử', path: '/councils/:councilId/election-results', icon: 'results', permission: 'elections.day.read', scope: 'council', group: 'elections', order: 66 },
];

const AreaParams = ElectionParams.extend({ pollingAreaId: param('pollingAreaId') });
const SheetParams = ElectionParams.extend({ tallySheetId: param('tallySheetId') });
const UnitParams = ElectionParams.extend({ electoralUnitId: param('electoralUnitId') });

const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { message: `${label} không hợp lệ.` });
const Round = enumOf(['first', 'revote', 'additional'] as const, 'Lần bầu cử');
const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Giờ phải có dạng giờ:phút, ví dụ 11:00.' });
const Count = (label: string) => z.number({ message: `${label}: phải là số.` }).int({ message: `${label}: phải là số nguyên.` }).min(0, { message: `${label}: không được âm.` }).max(100_000_000, { message: `${label}: quá lớn.` });
const NullableCount = (label: string) => Count(label).nullable();
const Short = (label: string) => optionalText(label, 300).default('');

const Numbers = z.object({
  votersOnList: Count('Tổng số cử tri'),
  votersMale: NullableCount('Số cử tri nam').default(null),
  votersFemale: NullableCount('Số cử tri nữ').default(null),
  votersVoted: Count('Số cử tri đã bỏ phiếu'),
  ballotsIssued: Count('Số phiếu phát ra'),
  ballotsReceived: Count('Số phiếu thu vào'),
  validBallots: Count('Số phiếu hợp lệ'),
  invalidBallots: Count('Số phiếu không hợp lệ'),
  inventory: z.object({ supplied: Count('Số phiếu nhận được'), spoiled: Count('Số phiếu đổi do gạch hỏng'), unused: Count('Số phiếu chưa sử dụng') }).nullable().default(null),
  emptySlots: NullableCount('Số ô trống').default(null),
  votes: z.record(z.string().uuid({ message: 'Mã người ứng cử không hợp lệ.' }), Count('Số phiếu bầu')),
});
const Form = z.object({
  teamLeader: Short('Tổ trưởng'), secretary: Short('Thư ký'), members: optionalText('Ủy viên', 1000).default(''),
  boxCheckedAt: Short('Giờ kiểm tra hòm phiếu'), boxWitnesses: Short('Cử tri chứng kiến kiểm tra hòm phiếu'), votingClosedAt: Short('Giờ kết thúc bỏ phiếu'),
  countWitnesses: Short('Cử tri chứng kiến kiểm phiếu'), inventoryMade: z.boolean().default(false), incidents: optionalText('Sự việc bất thường, khiếu nại', 5000).default(''), completedAt: Short('Giờ hoàn thành biên bản'),
});
const Overrides = z.partialRecord(enumOf(TALLY_CHECKS.map((c) => c.key) as unknown as readonly [string, ...string[]], 'Phép kiểm tra'), optionalText('Lý do bỏ qua', 1000));
const SheetBody = z.object({ figures: Numbers, form: Form, overrides: Overrides.default({}) });

async function env(c: Context<AppEnv>, p: { councilId: string; electionId: string }) {
  const election = await loadElection(c.var.db, p.councilId, p.electionId);
  const access = await accessOf(c.var.db, c.var.user!, election);
  return { election, access, ctx: ctxOf(c) };
}

export function electionDayRoutes(r: Router) {
  r.add(
    { method: 'get', path: '/councils/{councilId}/elections/{electionId}/day-settings', summary: 'Giờ báo cáo số cử tri đi bầu và cách đối chiếu phiếu do Ủy ban bầu cử quy định', permission: 'elections.day.read', scope: 'council', request: { params: ElectionParams }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { election } = await env(c, c.req.valid('param'));
      return c.json(await daySettingsOf(c.var.db, election.id), 200);
    },
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/elections/{electionId}/day-settings', summary: 'Quy định giờ báo cáo số cử tri đi bầu (Ủy ban bầu cử)', permission: 'elections.results.manage', scope: 'council',
      request: { params: ElectionParams, body: jsonBody(z.object({ turnoutHours: z.array(Hhmm).min(1, { message: 'Cần ít nhất một giờ báo cáo.' }).max(24), inventoryIdentity: enumOf(['issued', 'received'] as const, 'Cách đối chiếu phiếu') })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { election, ctx } = await env(c, c.req.valid('param'));
      return c.json(await setDaySettings(ctx, election, c.req.valid('json')), 200);
    },
  );

  // Turnout --------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/elections/{electionId}/turnout', summary: 'Số cử tri đi bầu theo khu vực bỏ phiếu, đơn vị bầu cử, xã và toàn cuộc bầu cử (chỉ số lượng), khu vực chưa báo cáo',
      permission: 'elections.day.read', scope: 'council', request: { params: ElectionParams, query: z.object({ at: Hhmm.optional() }) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { election, access } = await env(c, c.req.valid('param'));
      return c.json(await turnoutDashboard(c.var.db, election, c.req.valid('query').at, (a) => canEnterArea(access, a) || access.committee), 200);
    },
  );
  liveRoute(
    r,
    {
      method: 'get', path: '/councils/{councilId}/elections/{electionId}/turnout/live', summary: 'Theo dõi trực tiếp số cử tri đi bầu (server-sent events): mỗi báo cáo của một Tổ bầu cử, để màn hình tổng hợp tải lại (chỉ số lượng)',
      permission: 'elections.day.read', scope: 'council', request: { params: ElectionParams }, responses: {},
    },
    async (c) => {
      const p = (c.req as unknown as { valid: (k: 'param') => { councilId: string; electionId: string } }).valid('param');
      const election = await loadElection(c.var.db, p.councilId, p.electionId);
      return { channels: [turnoutChannel(election.id)], snapshot: { electionId: election.id } };
    },
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/elections/{electionId}/polling-areas/{pollingAreaId}/turnout', summary: 'Báo cáo số cử tri đã bỏ phiếu của khu vực bỏ phiếu tại một giờ báo cáo (Tổ bầu cử)',
      permission: 'elections.day.enter', scope: 'council',
      request: { params: AreaParams, body: jsonBody(z.object({ at: Hhmm, voted: Count('Số cử tri đã bỏ phiếu'), kind: enumOf(['estimated', 'final'] as const, 'Loại số liệu').default('estimated') })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const p = c.req.valid('param');
      const { election, access, ctx } = await env(c, p);
      return c.json(await reportTurnout(ctx, election, access, p.pollingAreaId, c.req.valid('json')), 200);
    },
  );

  r.add(
    { method: 'get', path: '/councils/{councilId}/elections/{electionId}/polling-areas/{pollingAreaId}/day', summary: 'Trang của Tổ bầu cử: giờ báo cáo, số đã báo cáo, biên bản kiểm phiếu theo loại phiếu', permission: 'elections.day.read', scope: 'council', request: { params: AreaParams }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const p = c.req.valid('param');
      const { election, access } = await env(c, p);
      return c.json(await areaDay(c.var.db, election, access, p.pollingAreaId), 200);
    },
  );

  // Tally sheets ---------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/elections/{electionId}/polling-areas/{pollingAreaId}/tally-sheets/{ballotType}', summary: 'Mẫu biên bản kết quả kiểm phiếu của khu vực bỏ phiếu cho một loại phiếu: số đại biểu, người ứng cử, biên bản đã có',
      permission: 'elections.day.read', scope: 'council', request: { params: AreaParams.extend({ ballotType: Ballot }), query: z.object({ round: Round.default('first') }) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const p = c.req.valid('param');
      const { election, access } = await env(c, p);
      return c.json(await tallyForm(c.var.db, election, access, p.pollingAreaId, p.ballotType, c.req.valid('query').round as RoundKind), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/elections/{electionId}/tally-sheets', summary: 'Biên bản kết quả kiểm phiếu (Mẫu số 23) trong phạm vi của mình, phiên bản mới nhất',
      permission: 'elections.day.read', scope: 'council',
      request: { params: ElectionParams, query: PageOnly.extend({ pollingAreaId: Id.optional(), unitId: Id.optional(), ballotType: Ballot.optional(), round: Round.optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { election, access } = await env(c, c.req.valid('param'));
      const areas = new Map((await loadAreas(c.var.db, election)).map((a) => [a.id, a]));
      return c.json(await listTallySheets(c.var.db, election, c.req.valid('query'), (areaId, unitId) => canManageUnit(access, unitId) || canEnterArea(access, areas.get(areaId)!)), 200);
    },
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/elections/{electionId}/polling-areas/{pollingAreaId}/tally-sheets/{ballotType}', summary: 'Lưu bản nháp biên bản kết quả kiểm phiếu của khu vực bỏ phiếu cho một loại phiếu (Tổ bầu cử)',
      permission: 'elections.day.enter', scope: 'council',
      request: { params: AreaParams.extend({ ballotType: Ballot }), query: z.object({ round: Round.default('first') }), body: jsonBody(SheetBody) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const p = c.req.valid('param');
      const { election, access, ctx } = await env(c, p);
      return c.json(await saveTallyDraft(ctx, election, access, p.pollingAreaId, p.ballotType, c.req.valid('query').round as RoundKind, c.req.valid('json')), 200);
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/elections/{electionId}/tally-sheets/{tallySheetId}', summary: 'Một biên bản kiểm phiếu với mọi phiên bản và các phép kiểm tra không đạt', permission: 'elections.day.read', scope: 'council', request: { params: SheetParams }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const p = c.req.valid('param');
      const { election, access } = await env(c, p);
      const detail = await tallySheetDetail(c.var.db, election, p.tallySheetId);
      const area = (await loadAreas(c.var.db, election)).find((a) => a.id === detail.pollingAreaId)!;
      if (!canEnterArea(access, area) && !canManageUnit(access, detail.unitId)) throw notFound('biên bản kết quả kiểm phiếu');
      return c.json(detail, 200);
    },
  );
  for (const step of ['submit', 'return', 'lock'] as const) {
    r.add(
      {
        method: 'post', path: `/councils/{councilId}/elections/{electionId}/tally-sheets/{tallySheetId}/${step}`,
        summary: step === 'submit' ? 'Gửi biên bản kiểm phiếu cho Ban bầu cử (Tổ bầu cử)' : step === 'return' ? 'Trả lại biên bản đã gửi để Tổ bầu cử sửa, có lý do (Ban bầu cử)' : 'Khóa sổ biên bản kiểm phiếu (Ban bầu cử): mọi phép kiểm tra phải đạt hoặc được bỏ qua có lý do',
        permission: step === 'submit' ? 'elections.day.enter' : 'elections.day.lock', scope: 'council',
        request: { params: SheetParams, body: jsonBody(z.object({ reason: optionalText('Lý do', 1000).default('') })) },
        responses: { 200: jsonOk(Obj) },
      },
      async (c) => {
        const p = c.req.valid('param');
        const { election, access, ctx } = await env(c, p);
        return c.json(await moveTallySheet(ctx, election, access, p.tallySheetId, step, c.req.valid('json').reason), 200);
      },
    );
  }
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/elections/{electionId}/tally-sheets/{tallySheetId}/versions', summary: 'Đính chính biên bản đã khóa sổ: phiên bản mới có lý do, phiên bản cũ được giữ nguyên',
      permission: 'elections.day.enter', scope: 'council',
      request: { params: SheetParams, body: jsonBody(SheetBody.extend({ reason: text('Lý do đính chính', 2000) })) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const p = c.req.valid('param');
      const { election, access, ctx } = await env(c, p);
      return c.json(await correctTallySheet(ctx, election, access, p.tallySheetId, c.req.valid('json')), 201);
    },
  );

  // Results --------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/elections/{electionId}/results', summary: 'Kết quả theo đơn vị bầu cử của một cấp: tổng hợp biên bản đã khóa sổ, người trúng cử và lý do',
      permission: 'elections.day.read', scope: 'council', request: { params: ElectionParams, query: z.object({ ballotType: Ballot.optional() }) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { election } = await env(c, c.req.valid('param'));
      const ballot = c.req.valid('query').ballotType ?? (election.ballotTypes.includes('commune') ? 'commune' : election.ballotTypes[0]!);
      return c.json(await levelResults(c.var.db, election, ballot), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/elections/{electionId}/units/{electoralUnitId}/result', summary: 'Kết quả của một đơn vị bầu cử ở một lần bầu cử (chưa xác nhận: tính từ các biên bản đã khóa sổ)',
      permission: 'elections.day.read', scope: 'council', request: { params: UnitParams, query: z.object({ round: Round.default('first') }) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const p = c.req.valid('param');
      const { election } = await env(c, p);
      const unit = (await loadUnits(c.var.db, election)).find((u) => u.id === p.electoralUnitId);
      if (!unit) throw notFound('đơn vị bầu cử');
      return c.json(await computeUnitResult(c.var.db, election, unit, c.req.valid('query').round as RoundKind), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/elections/{electionId}/units/{electoralUnitId}/result', summary: 'Ban bầu cử xác nhận kết quả của đơn vị bầu cử (biên bản xác định kết quả, Mẫu số 24)',
      permission: 'elections.day.lock', scope: 'council', request: { params: UnitParams, body: jsonBody(z.object({ round: Round.default('first') })) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const p = c.req.valid('param');
      const { election, access, ctx } = await env(c, p);
      return c.json(await confirmUnitResult(ctx, election, access, p.electoralUnitId, c.req.valid('json').round as RoundKind), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/elections/{electionId}/units/{electoralUnitId}/result/minutes.docx', summary: 'Biên bản xác định kết quả bầu cử của đơn vị bầu cử (Mẫu số 24) dạng Word',
      permission: 'elections.day.read', scope: 'council', request: { params: UnitParams, query: z.object({ round: Round.default('first') }) }, responses: { 200: { description: 'Tệp Word', content: { [DOCX_TYPE]: { schema: z.any() } } } },
    },
    async (c) => {
      const p = c.req.valid('param');
      const { election } = await env(c, p);
      const f = await unitMinutesDocx(c.var.db, election, p.electoralUnitId, c.req.valid('query').round);
      return fileResponse(f.bytes, f.fileName, DOCX_TYPE) as never;
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/elections/{electionId}/results/summary', summary: 'Ủy ban bầu cử lập biên bản tổng kết cuộc bầu cử của một cấp (Mẫu số 25)',
      permission: 'elections.results.manage', scope: 'council', request: { params: ElectionParams, body: jsonBody(z.object({ ballotType: Ballot })) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { election, access, ctx } = await env(c, c.req.valid('param'));
      return c.json(await confirmLevelSummary(ctx, election, access, c.req.valid('json').ballotType), 201);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/elections/{electionId}/results/publish', summary: 'Công bố kết quả bầu cử và danh sách người trúng cử của một cấp (mở thời hạn khiếu nại)',
      permission: 'elections.results.manage', scope: 'council', request: { params: ElectionParams, body: jsonBody(z.object({ ballotType: Ballot })) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { election, access, ctx } = await env(c, c.req.valid('param'));
      return c.json(await publishLevel(ctx, election, access, c.req.valid('json').ballotType), 200);
    },
  );

  // Complaints about results ---------------------------------------------------------------------
  r.add(
    { method: 'get', path: '/councils/{councilId}/elections/{electionId}/result-complaints', summary: 'Khiếu nại về kết quả bầu cử với thời hạn (Điều 87)', permission: 'elections.results.manage', scope: 'council', request: { params: ElectionParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => {
      const { election } = await env(c, c.req.valid('param'));
      return c.json(await listComplaints(c.var.db, election, c.req.valid('query')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/elections/{electionId}/result-complaints', summary: 'Tiếp nhận khiếu nại về kết quả bầu cử',
      permission: 'elections.results.manage', scope: 'council',
      request: { params: ElectionParams, body: jsonBody(z.object({ minutesId: param('minutesId'), complainant: text('Người khiếu nại', 300), content: text('Nội dung khiếu nại', 5000), receivedOn: IsoDate })) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { election, access, ctx } = await env(c, c.req.valid('param'));
      const b = c.req.valid('json');
      return c.json(await fileComplaint(ctx, election, access, b.minutesId, b), 201);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/elections/{electionId}/result-complaints/{complaintId}/decision', summary: 'Giải quyết khiếu nại về kết quả bầu cử (quyết định cuối cùng)',
      permission: 'elections.results.manage', scope: 'council',
      request: { params: ElectionParams.extend({ complaintId: param('complaintId') }), body: jsonBody(z.object({ decision: text('Quyết định giải quyết', 5000), decidedOn: IsoDate })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const p = c.req.valid('param');
      const { election, access, ctx } = await env(c, p);
      return c.json(await decideComplaint(ctx, election, access, p.complaintId, c.req.valid('json')), 200);
    },
  );

  // Public ---------------------------------------------------------------------------------------
  r.add(
    { method: 'get', path: '/public/elections/{electionId}/results', summary: 'Kết quả bầu cử đã công bố: số liệu theo đơn vị bầu cử và khu vực bỏ phiếu, người trúng cử và lý do', scope: 'public', request: { params: z.object({ electionId: param('electionId') }) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const election = await loadPublicElection(c.var.db, c.req.valid('param').electionId);
      return c.json(await publicResults(c.var.db, election), 200);
    },
  );
}
