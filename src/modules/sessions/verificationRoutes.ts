// Routes of the verification chain and of the reminders: the standing committee assigns a
// committee, the committee records its meeting and files its report (its own items only), the
// drafter answers (the presenting agency through its login, or the secretariat on paper), the
// chain of one submission, seen by its council or its presenting agency; the reminder letter.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AgencyParams, CouncilParams, Id, IsoDate, jsonBody, jsonOk, optionalText, text, type Router } from '../../server/route.ts';
import type { AppEnv } from '../../server/context.ts';
import { actorOf } from '../audit/service.ts';
import { loadCalendar, today, type ActionCtx } from './common.ts';
import { assignCommittee, fileResponse, fileVerificationReport, recordVerificationMeeting } from './actions/verification.ts';
import { chainView } from './queries/verification.ts';
import { issueReminderLetter } from './reminders.ts';

const Obj = z.object({}).passthrough();
const param = (name: string) => Id.openapi({ param: { name, in: 'path' } });
const ItemParams = CouncilParams.extend({ sessionItemId: param('sessionItemId') });
const AgencyItemParams = AgencyParams.extend({ agencyItemId: param('agencyItemId') });
const CONCLUSIONS = ['agree', 'agreeWithChanges', 'pointsToExplain', 'disagree'] as const;
const ANSWER_KINDS = ['accepted', 'partlyAccepted', 'explained'] as const;

const Point = z.object({
  key: text('Mã ý kiến', 50),
  reference: text('Điều, khoản, mục liên quan', 200),
  conclusion: z.enum(CONCLUSIONS, { message: 'Kết luận của ý kiến không hợp lệ.' }),
  content: text('Nội dung ý kiến', 5000),
});
const Answer = z.object({
  pointKey: text('Mã ý kiến', 50),
  kind: z.enum(ANSWER_KINDS, { message: 'Hình thức tiếp thu, giải trình không hợp lệ.' }),
  text: text('Nội dung tiếp thu, giải trình', 5000),
});
const ResponseBody = z.object({
  number: text('Số báo cáo tiếp thu, giải trình', 100),
  issuedOn: IsoDate,
  summary: optionalText('Tóm tắt', 5000).optional(),
  answers: z.array(Answer).max(200),
});

function ctxOf(c: Context<AppEnv>): ActionCtx {
  return { db: c.var.db, actor: actorOf(c.var.user), now: c.var.deps.clock() };
}

export function verificationRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/session-items/{sessionItemId}/chain',
      summary: 'Chuỗi tờ trình → thẩm tra → tiếp thu, giải trình → nghị quyết của một nội dung: ngày, hạn và chậm muộn ở từng bước, các ý kiến thẩm tra và nội dung trả lời',
      permission: 'sessions.read', scope: 'council', request: { params: ItemParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionItemId } = c.req.valid('param');
      return c.json(await chainView(c.var.db, { councilId }, sessionItemId, today(c.var.deps.clock()), await loadCalendar(c.var.db), c.var.user), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/session-items/{sessionItemId}/assignment',
      summary: 'Thường trực HĐND phân công Ban thẩm tra nội dung trình kỳ họp (nội dung do một Ban trình thì Ban khác thẩm tra)',
      permission: 'sessions.assign', scope: 'council',
      request: { params: ItemParams, body: jsonBody(z.object({ committeeBodyId: Id, submissionNumber: optionalText('Số tờ trình', 100).optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionItemId } = c.req.valid('param');
      return c.json(await assignCommittee(ctxOf(c), councilId, sessionItemId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/session-items/{sessionItemId}/verification-meeting',
      summary: 'Ban ghi cuộc họp thẩm tra: ngày họp, thành phần, đại diện cơ quan soạn thảo (chỉ Ban được phân công)',
      permission: 'sessions.verify', scope: 'council',
      request: {
        params: ItemParams,
        body: jsonBody(z.object({ meetingOn: IsoDate, attendees: text('Thành phần dự họp', 2000), drafterPresent: z.boolean({ message: 'Hãy cho biết cơ quan soạn thảo có dự họp không.' }), drafterAttendees: optionalText('Đại diện cơ quan soạn thảo', 1000).optional() })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionItemId } = c.req.valid('param');
      return c.json(await recordVerificationMeeting(ctxOf(c), c.var.user!, councilId, sessionItemId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/session-items/{sessionItemId}/verification-report',
      summary: 'Ban gửi báo cáo thẩm tra với kết luận và các ý kiến theo từng điều, khoản (chỉ Ban được phân công; sửa được khi cơ quan soạn thảo chưa trả lời)',
      permission: 'sessions.verify', scope: 'council',
      request: {
        params: ItemParams,
        body: jsonBody(z.object({
          number: text('Số báo cáo thẩm tra', 100), issuedOn: IsoDate,
          conclusion: z.enum(CONCLUSIONS, { message: 'Kết luận chung của Ban không hợp lệ.' }),
          summary: optionalText('Tóm tắt', 5000).optional(), points: z.array(Point).max(200),
        })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionItemId } = c.req.valid('param');
      return c.json(await fileVerificationReport(ctxOf(c), c.var.user!, councilId, sessionItemId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/session-items/{sessionItemId}/response',
      summary: 'Văn phòng ghi báo cáo tiếp thu, giải trình cơ quan soạn thảo gửi bằng giấy (trả lời từng ý kiến cần giải trình)',
      permission: 'sessions.manage', scope: 'council', request: { params: ItemParams, body: jsonBody(ResponseBody) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionItemId } = c.req.valid('param');
      return c.json(await fileResponse(ctxOf(c), { councilId }, sessionItemId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/sessions/{councilSessionId}/reminder-letters',
      summary: 'Ban hành công văn đôn đốc một cơ quan trình gửi tài liệu kỳ họp quá hạn hoặc sắp đến hạn (lấy số trong sổ văn bản đi)',
      permission: 'sessions.manage', scope: 'council',
      request: {
        params: CouncilParams.extend({ councilSessionId: param('councilSessionId') }),
        body: jsonBody(z.object({
          agencyId: Id, issuerId: Id.optional(), signerId: Id.optional(),
          signerName: optionalText('Họ và tên người ký', 100).optional(), signerTitle: optionalText('Chức vụ người ký', 100).optional(),
        })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await issueReminderLetter(ctxOf(c), councilId, councilSessionId, c.req.valid('json')), 201);
    },
  );

  // The presenting agency ------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/session-items/{agencyItemId}/chain',
      summary: 'Cơ quan trình xem chuỗi thẩm tra của nội dung mình trình: ý kiến của Ban cần tiếp thu, giải trình',
      permission: 'sessions.submit', scope: 'agency', request: { params: AgencyItemParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, agencyItemId } = c.req.valid('param');
      return c.json(await chainView(c.var.db, { agencyId }, agencyItemId, today(c.var.deps.clock()), await loadCalendar(c.var.db), c.var.user), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/agencies/{agencyId}/session-items/{agencyItemId}/response',
      summary: 'Cơ quan trình gửi báo cáo tiếp thu, giải trình ý kiến thẩm tra (trả lời từng ý kiến cần giải trình hoặc Ban không đồng ý)',
      permission: 'sessions.submit', scope: 'agency', request: { params: AgencyItemParams, body: jsonBody(ResponseBody) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, agencyItemId } = c.req.valid('param');
      return c.json(await fileResponse(ctxOf(c), { agencyId }, agencyItemId, c.req.valid('json')), 201);
    },
  );
}
