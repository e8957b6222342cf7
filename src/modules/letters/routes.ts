// Routes of the letters module: council-scoped (the register, a letter's page and its handling
// steps, the audited identity step, the figures, the contact-meeting hand-over, a delegate's own
// list) and agency-scoped (the letter forwarded to it, and its result).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AgencyParams, CouncilParams, Id, IsoDate, PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router } from '../../server/route.ts';
import type { AppEnv } from '../../server/context.ts';
import { forbidden, invalid, notFound } from '../../server/errors.ts';
import { LETTER_STATES } from '../../domain/letters/index.ts';
import { Obj, ctxOf, param } from '../petitions/routes/shared.ts';
import { xlsxOk, xlsxResponse } from '../spreadsheets/export.ts';
import { delegateOfUser, letterOf, loadCalendar, today } from './common.ts';
import { closeWithoutForwarding, finishLetter, forwardLetter, issueLetterReport, receiveFromContactMeeting, receiveLetter, recordResult, revealIdentity } from './actions.ts';
import { agencyLetter, delegateLetters, letterDetail, letterFigures, listLetters, pendingFromContactMeetings } from './queries.ts';

const LetterParams = CouncilParams.extend({ letterId: param('letterId') });
// A delegate's own letter is named apart from the register's (reached from the delegate's list only).
const OwnLetterParams = CouncilParams.extend({ ownLetterId: param('ownLetterId') });
const AgencyLetterParams = AgencyParams.extend({ letterId: param('letterId') });
const OpinionParams = CouncilParams.extend({ opinionId: param('opinionId') });
const Kind = z.enum(['complaint', 'denunciation', 'request', 'feedback'], { message: 'Loại đơn không hợp lệ.' });
const CHANNELS = ['reception', 'post', 'email', 'online', 'contact_meeting', 'forwarded_by_body', 'delegate'] as const;

const Signer = z.object({
  name: text('Họ tên người gửi đơn', 200),
  address: optionalText('Địa chỉ', 500).optional(),
  idNumber: optionalText('Số căn cước', 20).nullable().optional(),
  phone: optionalText('Số điện thoại', 30).nullable().optional(),
  email: optionalText('Thư điện tử', 200).nullable().optional(),
});
const Receive = z.object({
  receivedOn: IsoDate,
  channel: z.enum(CHANNELS, { message: 'Nguồn đơn không hợp lệ.' }),
  kinds: z.array(Kind).max(4).optional(),
  summary: text('Tóm tắt nội dung đơn', 2000),
  content: optionalText('Nội dung đơn', 50_000).optional(),
  respondent: optionalText('Người, cơ quan bị khiếu nại, tố cáo, phản ánh', 500).optional(),
  competence: z.enum(['ours', 'elected_body', 'not_ours'], { message: 'Thẩm quyền giải quyết không hợp lệ.' }).optional(),
  anonymous: z.boolean().optional(),
  signers: z.array(Signer).max(500, { message: 'Tối đa 500 người cùng ký một đơn.' }),
  citizenWantsNotice: z.boolean().optional(),
  handlerIds: z.array(Id).max(10).optional(),
  delegateId: Id.nullable().optional(),
  fieldCode: z.string().max(60).nullable().optional(),
});
const ListQuery = PageQuery.extend({
  kind: Kind.optional(),
  state: z.enum(LETTER_STATES as [string, ...string[]], { message: 'Trạng thái đơn không hợp lệ.' }).optional(),
  followup: z.enum(['owed', 'overdue', 'result_received'], { message: 'Bộ lọc theo dõi không hợp lệ.' }).optional(),
});
const Forward = z.object({
  agencyId: Id,
  complex: z.boolean().optional(),
  issuerId: Id.optional(),
  signerId: Id.optional(),
  signerName: optionalText('Người ký', 200).optional(),
  signerTitle: optionalText('Chức vụ người ký', 200).optional(),
});
const Note = z.object({ note: text('Nội dung', 5000) });
const Result = z.object({ receivedOn: IsoDate.optional(), summary: text('Kết quả giải quyết', 10_000) });
const Finish = z.object({ on: IsoDate.optional(), note: optionalText('Ghi chú', 5000).optional() });

const dayOf = (c: Context<AppEnv>) => today(c.var.deps.clock());

/** The signed-in user's delegate record in this council (null for an account that is not one). */
const ownDelegate = (c: Context<AppEnv>) => delegateOfUser(c.var.db, c.var.user!.id, c.req.param('councilId')!);

async function requireOwnDelegate(c: Context<AppEnv>): Promise<string> {
  const delegateId = await ownDelegate(c);
  if (!delegateId) throw forbidden('Tài khoản của bạn chưa gắn với một đại biểu của HĐND này (địa chỉ thư điện tử của tài khoản phải trùng với hồ sơ đại biểu). Hãy liên hệ Văn phòng.');
  return delegateId;
}

/** A delegate reaches only the letters they received themself. */
async function ownLetter(c: Context<AppEnv>, councilId: string, letterId: string) {
  const delegateId = await ownDelegate(c);
  const l = await letterOf(c.var.db, councilId, letterId);
  if (!delegateId || l.delegateId !== delegateId) throw notFound('đơn');
}
type Filter = z.infer<typeof ListQuery>;
const asFilter = (q: Filter) => q as Parameters<typeof listLetters>[3];

export function letterRoutes(r: Router) {
  r.add(
    { method: 'get', path: '/councils/{councilId}/letters', summary: 'Sổ theo dõi đơn thư của HĐND (thông tin người gửi, nội dung đơn tố cáo được che theo người xem)', permission: 'letters.read', scope: 'council', request: { params: CouncilParams, query: ListQuery }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => c.json(await listLetters(c.var.db, c.var.user!, c.req.valid('param').councilId, asFilter(c.req.valid('query')), dayOf(c)), 200),
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/letters', summary: 'Tiếp nhận đơn (tách đơn nhiều nội dung, phát hiện đơn trùng, áp bộ quy định có hiệu lực ngày nhận)', permission: 'letters.manage', scope: 'council', request: { params: CouncilParams, body: jsonBody(Receive) }, responses: { 201: jsonOk(Obj) } },
    async (c) => c.json(await receiveLetter(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/letters/{letterId}', summary: 'Hồ sơ một đơn: thời hạn theo bộ quy định của đơn, nhật ký chuyển đơn, thao tác được phép', permission: 'letters.read', scope: 'council', request: { params: LetterParams }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, letterId } = c.req.valid('param');
      return c.json(await letterDetail(c.var.db, c.var.user!, councilId, letterId, dayOf(c), await loadCalendar(c.var.db)), 200);
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/letters/{letterId}/identity', summary: 'Xem thông tin người gửi đơn tố cáo (chỉ người được giao đích danh; mỗi lần xem được ghi nhật ký)', permission: 'letters.manage', scope: 'council', request: { params: LetterParams }, responses: { 200: jsonOk(pageOf(Obj).pick({ items: true })) } },
    async (c) => {
      const { councilId, letterId } = c.req.valid('param');
      return c.json(await revealIdentity(ctxOf(c), councilId, letterId), 200);
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/letters/{letterId}/forward', summary: 'Chuyển đơn đến cơ quan có thẩm quyền bằng công văn (cấp số trong sổ văn bản đi); cơ quan phải báo kết quả theo hạn', permission: 'letters.manage', scope: 'council', request: { params: LetterParams, body: jsonBody(Forward) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, letterId } = c.req.valid('param');
      return c.json(await forwardLetter(ctxOf(c), councilId, letterId, c.req.valid('json')), 201);
    },
  );
  for (const action of ['guide', 'file'] as const) {
    r.add(
      { method: 'post', path: `/councils/{councilId}/letters/{letterId}/${action}`, summary: action === 'guide' ? 'Hướng dẫn công dân gửi đơn đến cơ quan có thẩm quyền' : 'Lưu đơn không đủ điều kiện xử lý (nêu lý do)', permission: 'letters.manage', scope: 'council', request: { params: LetterParams, body: jsonBody(Note) }, responses: { 200: jsonOk(Obj) } },
      async (c) => {
        const { councilId, letterId } = c.req.valid('param');
        return c.json(await closeWithoutForwarding(ctxOf(c), councilId, letterId, action, c.req.valid('json')), 200);
      },
    );
  }
  r.add(
    { method: 'post', path: '/councils/{councilId}/letters/{letterId}/result', summary: 'Ghi nhận kết quả giải quyết của cơ quan có thẩm quyền', permission: 'letters.manage', scope: 'council', request: { params: LetterParams, body: jsonBody(Result) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, letterId } = c.req.valid('param');
      return c.json(await recordResult(ctxOf(c), { councilId }, letterId, c.req.valid('json')), 200);
    },
  );
  for (const action of ['informCitizen', 'close'] as const) {
    r.add(
      { method: 'post', path: `/councils/{councilId}/letters/{letterId}/${action === 'close' ? 'close' : 'inform-citizen'}`, summary: action === 'close' ? 'Kết thúc theo dõi đơn' : 'Ghi nhận đã thông báo kết quả cho công dân', permission: 'letters.manage', scope: 'council', request: { params: LetterParams, body: jsonBody(Finish) }, responses: { 200: jsonOk(Obj) } },
      async (c) => {
        const { councilId, letterId } = c.req.valid('param');
        return c.json(await finishLetter(ctxOf(c), councilId, letterId, action, c.req.valid('json')), 200);
      },
    );
  }
  r.add(
    { method: 'get', path: '/councils/{councilId}/letter-figures', summary: 'Số liệu đơn thư theo loại, lĩnh vực, trạng thái, cơ quan (báo cáo kỳ họp): chỉ số liệu, không có đơn', permission: 'letters.read', scope: 'council', request: { params: CouncilParams, query: z.object({ from: IsoDate.optional(), to: IsoDate.optional() }) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      // Default: the current year to date.
      const day = dayOf(c);
      const { from = `${day.slice(0, 4)}-01-01`, to = day } = c.req.valid('query');
      if (from > to) throw invalid('Từ ngày phải trước hoặc bằng đến ngày.');
      return c.json(await letterFigures(c.var.db, c.req.valid('param').councilId, from, to, day), 200);
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/letter-figures.xlsx', summary: 'Xuất số liệu đơn thư theo loại, lĩnh vực, trạng thái, cơ quan ra Excel (không có thông tin người gửi)', permission: 'letters.read', scope: 'council', request: { params: CouncilParams, query: z.object({ from: IsoDate.optional(), to: IsoDate.optional() }) }, responses: { 200: xlsxOk } },
    async (c) => {
      const day = dayOf(c);
      const { from = `${day.slice(0, 4)}-01-01`, to = day } = c.req.valid('query');
      if (from > to) throw invalid('Từ ngày phải trước hoặc bằng đến ngày.');
      const f = await letterFigures(c.var.db, c.req.valid('param').councilId, from, to, day);
      return xlsxResponse({
        fileName: `So-lieu-don-thu-${from}-${to}.xlsx`, sheetName: 'Số liệu đơn thư', title: `SỐ LIỆU ĐƠN THƯ TỪ ${from.split('-').reverse().join('/')} ĐẾN ${to.split('-').reverse().join('/')}`,
        columns: [
          { header: 'Nhóm', key: 'group', type: 'text', width: 22 }, { header: 'Nội dung', key: 'label', type: 'text', width: 48 },
          { header: 'Số đơn', key: 'count', type: 'number', width: 12 }, { header: 'Quá hạn báo kết quả', key: 'overdue', type: 'number', width: 18 },
        ],
        rows: [
          ...f.byKind.map((k) => ({ group: 'Theo loại đơn', label: k.label, count: k.count })),
          ...f.byField.map((x) => ({ group: 'Theo lĩnh vực', label: x.label, count: x.count })),
          ...f.byState.map((s) => ({ group: 'Theo tình trạng', label: s.label, count: s.count })),
          ...f.byAgency.map((a) => ({ group: 'Theo cơ quan được chuyển', label: a.agency, count: a.count, overdue: a.overdue })),
        ],
      });
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/letter-report', summary: 'Lập báo cáo kết quả tiếp công dân, tiếp nhận và xử lý đơn thư của kỳ (văn bản cấp số trong sổ văn bản đi)', permission: 'letters.manage', scope: 'council', request: { params: CouncilParams, body: jsonBody(z.object({ from: IsoDate, to: IsoDate, signerName: optionalText('Người ký', 100).optional(), signerTitle: optionalText('Chức vụ người ký', 100).optional(), signerId: Id.optional() })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId } = c.req.valid('param');
      return c.json(await issueLetterReport(ctxOf(c), councilId, c.req.valid('json')), 201);
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/letters-from-contact-meetings', summary: 'Khiếu nại, tố cáo nêu tại hội nghị tiếp xúc cử tri chờ tiếp nhận thành đơn', permission: 'letters.manage', scope: 'council', request: { params: CouncilParams, query: PageQuery.omit({ q: true }) }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => c.json(await pendingFromContactMeetings(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/letters-from-contact-meetings/{opinionId}', summary: 'Tiếp nhận khiếu nại nêu tại hội nghị tiếp xúc cử tri thành đơn (kèm lịch sử của ý kiến)', permission: 'letters.manage', scope: 'council', request: { params: OpinionParams, body: jsonBody(z.object({ kinds: z.array(Kind).max(4).optional(), handlerIds: z.array(Id).max(10).optional() })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, opinionId } = c.req.valid('param');
      return c.json(await receiveFromContactMeeting(ctxOf(c), councilId, opinionId, c.req.valid('json')), 201);
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/my-letters', summary: 'Đơn thư đại biểu đã tiếp nhận hoặc chuyển: đang ở đâu, việc cần làm tiếp với công dân', permission: 'letters.delegate', scope: 'council', request: { params: CouncilParams, query: ListQuery }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => {
      const delegateId = await ownDelegate(c);
      const q = c.req.valid('query');
      // An account that is no delegate has received nothing.
      if (!delegateId) return c.json({ items: [], total: 0, page: q.page, pageSize: q.pageSize }, 200);
      return c.json(await delegateLetters(c.var.db, c.var.user!, c.req.valid('param').councilId, delegateId, asFilter(q), dayOf(c)), 200);
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/my-letters', summary: 'Đại biểu ghi nhận đơn, ý kiến công dân đã tiếp nhận (tiếp công dân, tiếp xúc cử tri)', permission: 'letters.delegate', scope: 'council', request: { params: CouncilParams, body: jsonBody(Receive.omit({ handlerIds: true, delegateId: true, channel: true })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const delegateId = await requireOwnDelegate(c);
      return c.json(await receiveLetter(ctxOf(c), c.req.valid('param').councilId, { ...c.req.valid('json'), channel: 'delegate', delegateId }), 201);
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/my-letters/{ownLetterId}', summary: 'Hồ sơ đơn đại biểu đã tiếp nhận', permission: 'letters.delegate', scope: 'council', request: { params: OwnLetterParams }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, ownLetterId: letterId } = c.req.valid('param');
      await ownLetter(c, councilId, letterId);
      return c.json(await letterDetail(c.var.db, c.var.user!, councilId, letterId, dayOf(c), await loadCalendar(c.var.db)), 200);
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/my-letters/{ownLetterId}/forward', summary: 'Đại biểu chuyển đơn đã tiếp nhận đến cơ quan có thẩm quyền (công văn qua Thường trực HĐND)', permission: 'letters.delegate', scope: 'council', request: { params: OwnLetterParams, body: jsonBody(Forward) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, ownLetterId: letterId } = c.req.valid('param');
      await ownLetter(c, councilId, letterId);
      return c.json(await forwardLetter(ctxOf(c), councilId, letterId, c.req.valid('json')), 201);
    },
  );
  r.add(
    { method: 'get', path: '/agencies/{agencyId}/letters/{letterId}', summary: 'Đơn được chuyển đến cơ quan (không có thông tin người tố cáo)', permission: 'letters.agency', scope: 'agency', request: { params: AgencyLetterParams }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { agencyId, letterId } = c.req.valid('param');
      return c.json(await agencyLetter(c.var.db, agencyId, letterId, dayOf(c)), 200);
    },
  );
  r.add(
    { method: 'post', path: '/agencies/{agencyId}/letters/{letterId}/result', summary: 'Cơ quan báo cáo kết quả giải quyết đơn được chuyển đến', permission: 'letters.agency', scope: 'agency', request: { params: AgencyLetterParams, body: jsonBody(Result) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { agencyId, letterId } = c.req.valid('param');
      return c.json(await recordResult(ctxOf(c), { agencyId }, letterId, c.req.valid('json')), 200);
    },
  );
}
