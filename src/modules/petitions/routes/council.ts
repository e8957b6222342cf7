// Council-scoped routes of the petitions module (/councils/{councilId}/...): rounds, meetings,
// intake, classification, aggregation, dispatch, answers typed by the secretariat, review,
// reminders, taxonomy, routing rules and settings.
import { z } from '@hono/zod-openapi';
import { invalid } from '../../../server/errors.ts';
import { BodyLimit, FileLimit, MiB } from '../../../server/input.ts';
import {
  CouncilParams, Id, IsoDate, PageOnly, PageQuery, jsonBody, jsonOk, optionalText, pageFrom, pageOf, text, type Router,
} from '../../../server/route.ts';
import {
  MEETING_MODES, OPINION_CHANNELS, PETITION_STATUSES, RESPONSE_RESULTS, REVIEW_VERDICTS, ROUND_KINDS,
} from '../../../domain/petitions/status.ts';
import { splitPastedList } from '../../../domain/petitions/split.ts';
import { createRound } from '../actions/createRound.ts';
import { updateRound } from '../actions/updateRound.ts';
import { closeRound } from '../actions/closeRound.ts';
import { carryOver } from '../actions/carryOver.ts';
import { createMeeting, updateMeeting } from '../actions/meetings.ts';
import { deleteMeeting } from '../actions/deleteMeeting.ts';
import { createOpinions, MAX_OPINIONS_PER_CALL } from '../actions/createOpinions.ts';
import { updateOpinion } from '../actions/updateOpinion.ts';
import { deleteOpinions, MAX_OPINIONS_PER_DELETE } from '../actions/deleteOpinion.ts';
import { commitOpinionImport, planOpinionImport } from '../actions/importOpinions.ts';
import { classifyOpinions } from '../actions/classifyOpinions.ts';
import { mergeOpinions } from '../actions/mergeOpinions.ts';
import { addToPetition } from '../actions/addToPetition.ts';
import { unmergeOpinion } from '../actions/unmergeOpinion.ts';
import { mergePetitions, restoreMergedPetition } from '../actions/mergePetitions.ts';
import { returnToLower } from '../actions/returnToLower.ts';
import { splitPetition } from '../actions/splitPetition.ts';
import { updatePetition } from '../actions/updatePetition.ts';
import { dispatchPetitions } from '../actions/dispatch.ts';
import { answerForAgency } from '../actions/answer.ts';
import { reviewAnswer } from '../actions/review.ts';
import { recordReminder } from '../actions/recordReminder.ts';
import { createField, listFields, updateField } from '../actions/fields.ts';
import { createRoutingRule, deleteRoutingRule, listRoutingRules } from '../actions/routingRules.ts';
import { updatePetitionSettings } from '../actions/settings.ts';
import { addAttachment, getAttachment, MAX_ATTACHMENT_BYTES } from '../actions/attachments.ts';
import { listRounds, listMeetings, roundSummary } from '../queries/rounds.ts';
import { listOpinions } from '../queries/opinions.ts';
import { listPetitions } from '../queries/listPetitions.ts';
import { EXPORT_MAX, xlsxOk, xlsxResponse } from '../../spreadsheets/export.ts';
import { getPetition } from '../queries/getPetition.ts';
import { SIMILAR_MIN_CHARS, similarPetitions } from '../queries/similar.ts';
import { petitionTimeline } from '../queries/timeline.ts';
import { opinionHistory } from '../queries/opinionHistory.ts';
import { mergeProposals } from '../queries/proposals.ts';
import { suggestClassification } from '../queries/suggestions.ts';
import { dueByAgency } from '../queries/dueList.ts';
import { listDispatches, listReminders } from '../queries/dispatches.ts';
import { loadSettings, today } from '../common.ts';
import { readProgress, reportProgress } from '../../../server/progress.ts';
import { confirmNotPersonal, heldBack, recheckRound } from '../privacy.ts';
import { Obj, Ok, VersionRef, canSeeVoters, ctxOf, envOf, fileFrom, param } from './shared.ts';

const RoundParams = CouncilParams.extend({ roundId: param('roundId') });
const MeetingParams = CouncilParams.extend({ roundId: param('roundId'), meetingId: param('meetingId') });
const OpinionParams = CouncilParams.extend({ opinionId: param('opinionId') });
const PetitionParams = CouncilParams.extend({ petitionId: param('petitionId') });

const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { message: `${label} không hợp lệ.` });

const RoundBody = z.object({
  name: text('Tên đợt', 300),
  kind: enumOf(ROUND_KINDS, 'Loại đợt'),
  sessionName: optionalText('Kỳ họp', 200).optional(),
  termId: Id.nullable().optional(),
  startDate: IsoDate,
  endDate: IsoDate.nullable().optional(),
});

const MeetingBody = z.object({
  heldOn: IsoDate,
  place: optionalText('Địa điểm', 300).optional(),
  mode: enumOf(MEETING_MODES, 'Hình thức').optional(),
  unitId: Id.nullable().optional(),
  bodyId: Id.nullable().optional(),
  delegatesPresent: z.array(text('Tên đại biểu', 150)).max(50).optional(),
  delegateIds: z.array(Id).max(50).optional(),
  votersAttending: z.number().int().min(0).max(100000).optional(),
  chairedBy: optionalText('Chủ trì', 300).optional(),
  jointCouncilId: Id.nullable().optional(),
  notes: optionalText('Ghi chú', 5000).optional(),
});

const OpinionItemBody = z.object({
  text: text('Nội dung ý kiến', 10000),
  voterName: optionalText('Họ tên cử tri', 200).optional(),
  voterHamlet: optionalText('Thôn, tổ dân phố', 200).optional(),
  voterCount: z.number().int().min(1).max(100000).optional(),
  unitId: Id.nullable().optional(),
});

const Classification = {
  fieldId: Id.nullable().optional(),
  competentLevel: z.string().max(20).nullable().optional(),
  agencyId: Id.nullable().optional(),
};
/** Why the agency's level differs from the competent level: required when they differ. */
const LevelReason = { levelReason: optionalText('Lý do cơ quan khác cấp thẩm quyền', 1000).nullable().optional() };

const AnswerBody = z.object({
  result: enumOf(RESPONSE_RESULTS, 'Kết quả trả lời'),
  text: text('Nội dung trả lời', 20000),
  letterNumber: optionalText('Số văn bản trả lời', 100).optional(),
  letterDate: IsoDate.nullable().optional(),
  roadmap: optionalText('Lộ trình giải quyết', 5000).optional(),
  committedDate: IsoDate.nullable().optional(),
});

const DeadlineRuleBody = z.object({
  value: z.number().int().min(0).max(3650),
  unit: z.enum(['days', 'working_days'], { message: 'Đơn vị thời hạn phải là "ngày" hoặc "ngày làm việc".' }),
  anchor: text('Mốc tính thời hạn', 100),
});

const PetitionQuery = PageQuery.extend({
  roundId: Id.optional(),
  fieldId: Id.optional(),
  competentLevel: z.string().max(20).optional(),
  agencyId: Id.optional(),
  status: enumOf(PETITION_STATUSES, 'Trạng thái').optional(),
  deadline: z.enum(['due_soon', 'overdue', 'long_overdue', 'late']).optional(),
  unitId: Id.optional(),
  bodyId: Id.optional(),
});

const OpinionQuery = PageQuery.extend({
  roundId: Id.optional(), meetingId: Id.optional(), unitId: Id.optional(), petitionId: Id.optional(),
  merged: z.enum(['true', 'false']).optional(), classified: z.enum(['true', 'false']).optional(),
  kind: z.enum(['petition', 'complaint']).optional(),
});

export function councilRoutes(r: Router) {
  // Rounds ---------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/petition-rounds/export.xlsx', summary: 'Xuất danh sách đợt tiếp xúc cử tri ra Excel',
      permission: 'petitions.read', scope: 'council',
      request: { params: CouncilParams, query: z.object({ status: z.enum(['open', 'closed']).optional() }) },
      responses: { 200: xlsxOk },
    },
    async (c) => {
      const { items } = await listRounds(c.var.db, c.req.valid('param').councilId, { ...c.req.valid('query'), page: 1, pageSize: EXPORT_MAX });
      const day = (v: unknown) => (typeof v === 'string' && v ? new Date(`${v}T00:00:00Z`) : null);
      return xlsxResponse({
        fileName: `Dot-tiep-xuc-cu-tri-${today(c.var.deps.clock())}.xlsx`,
        sheetName: 'Đợt tiếp xúc cử tri',
        columns: [
          { header: 'Đợt', key: 'name', type: 'text', width: 60 },
          { header: 'Loại', key: 'kindLabel', type: 'text', width: 24 },
          { header: 'Kỳ họp', key: 'sessionName', type: 'text', width: 18 },
          { header: 'Từ ngày', key: 'from', type: 'date', width: 12 },
          { header: 'Đến ngày', key: 'to', type: 'date', width: 12 },
          { header: 'Trạng thái', key: 'statusLabel', type: 'text', width: 14 },
        ],
        rows: items.map((r) => ({
          ...r,
          from: day(r.startDate),
          to: day(r.endDate),
          statusLabel: r.status === 'closed' ? 'Đã kết thúc' : 'Đang mở',
        })),
      });
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/petition-rounds', summary: 'Các đợt tiếp xúc cử tri của HĐND',
      permission: 'petitions.read', scope: 'council',
      request: { params: CouncilParams, query: PageQuery.extend({ status: z.enum(['open', 'closed']).optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listRounds(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petition-rounds', summary: 'Mở đợt tiếp xúc cử tri',
      permission: 'petitions.manage', scope: 'council',
      request: { params: CouncilParams, body: jsonBody(RoundBody) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await createRound(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/petition-rounds/{roundId}',
      summary: 'Trang của đợt: số kiến nghị theo cấp thẩm quyền, theo trạng thái, tình hình tiếp nhận',
      permission: 'petitions.read', scope: 'council', request: { params: RoundParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, roundId } = c.req.valid('param');
      return c.json(await roundSummary(c.var.db, councilId, roundId), 200);
    },
  );
  r.add(
    {
      method: 'patch', path: '/councils/{councilId}/petition-rounds/{roundId}', summary: 'Sửa đợt, công bố kết quả lên trang công khai',
      permission: 'petitions.manage', scope: 'council',
      request: {
        params: RoundParams,
        body: jsonBody(RoundBody.pick({ name: true, sessionName: true, startDate: true, endDate: true }).partial().extend({ published: z.boolean().optional() })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, roundId } = c.req.valid('param');
      return c.json(await updateRound(ctxOf(c), councilId, roundId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/petition-rounds/{roundId}/privacy',
      summary: 'Kiến nghị của đợt chưa được công khai vì có thể chứa thông tin cá nhân (tên, số điện thoại, CCCD, địa chỉ)',
      permission: 'petitions.manage', scope: 'council', request: { params: RoundParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, roundId } = c.req.valid('param');
      return c.json(await heldBack(c.var.db, councilId, roundId), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petition-rounds/{roundId}/privacy-check',
      summary: 'Kiểm tra lại thông tin cá nhân trong các kiến nghị của đợt (sau khi sửa nội dung)',
      permission: 'petitions.manage', scope: 'council', request: { params: RoundParams, body: jsonBody(z.object({})) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, roundId } = c.req.valid('param');
      return c.json(await recheckRound(ctxOf(c), councilId, roundId), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petition-rounds/{roundId}/close',
      summary: 'Kết thúc đợt; chuyển kiến nghị tồn đọng sang đợt sau (nếu chọn)',
      permission: 'petitions.manage', scope: 'council',
      request: { params: RoundParams, body: jsonBody(z.object({ carryOverTo: Id.nullable().optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, roundId } = c.req.valid('param');
      return c.json(await closeRound(ctxOf(c), councilId, roundId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petition-rounds/{roundId}/carry-over',
      summary: 'Nhận kiến nghị tồn đọng của đợt trước (kể cả của HĐND cũ có địa bàn nay thuộc đơn vị này) vào đợt này',
      permission: 'petitions.manage', scope: 'council',
      request: { params: RoundParams, body: jsonBody(z.object({ fromRoundId: Id, petitionIds: z.array(Id).max(5000).optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, roundId } = c.req.valid('param');
      return c.json(await carryOver(ctxOf(c), councilId, roundId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/petition-rounds/{roundId}/merge-proposals',
      summary: 'Đề xuất nhóm ý kiến trùng nhau để tổng hợp (máy gợi ý, chuyên viên xác nhận)',
      permission: 'petitions.manage', scope: 'council',
      request: { params: RoundParams, query: z.object({ threshold: z.coerce.number().min(0.2).max(0.95).optional() }) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, roundId } = c.req.valid('param');
      return c.json(await mergeProposals(c.var.db, councilId, roundId, c.req.valid('query')), 200);
    },
  );

  // Meetings -------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/petition-rounds/{roundId}/meetings', summary: 'Các hội nghị tiếp xúc cử tri của đợt',
      permission: 'petitions.read', scope: 'council', request: { params: RoundParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId, roundId } = c.req.valid('param');
      return c.json(await listMeetings(c.var.db, councilId, roundId, c.req.valid('query')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petition-rounds/{roundId}/meetings', summary: 'Ghi nhận hội nghị tiếp xúc cử tri',
      permission: 'petitions.intake', scope: 'council',
      request: { params: RoundParams, body: jsonBody(MeetingBody) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, roundId } = c.req.valid('param');
      return c.json(await createMeeting(ctxOf(c), councilId, roundId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'patch', path: '/councils/{councilId}/petition-rounds/{roundId}/meetings/{meetingId}', summary: 'Sửa hội nghị tiếp xúc cử tri',
      permission: 'petitions.intake', scope: 'council',
      request: { params: MeetingParams, body: jsonBody(MeetingBody.partial()) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, roundId, meetingId } = c.req.valid('param');
      return c.json(await updateMeeting(ctxOf(c), councilId, meetingId, c.req.valid('json'), roundId), 200);
    },
  );
  r.add(
    {
      method: 'delete', path: '/councils/{councilId}/petition-rounds/{roundId}/meetings/{meetingId}',
      summary: 'Xóa cuộc tiếp xúc cử tri ghi nhầm (chỉ khi chưa có ý kiến nào; đợt còn đang mở)',
      permission: 'petitions.intake', scope: 'council', request: { params: MeetingParams }, responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const { councilId, roundId, meetingId } = c.req.valid('param');
      return c.json(await deleteMeeting(ctxOf(c), councilId, meetingId, roundId), 200);
    },
  );

  // Opinions -------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/opinions/export.xlsx',
      summary: 'Xuất ý kiến cử tri ra Excel (theo bộ lọc của danh sách; họ tên cử tri chỉ có trong tệp của Văn phòng)',
      permission: 'petitions.read', scope: 'council',
      request: { params: CouncilParams, query: OpinionQuery.omit({ page: true, pageSize: true }) },
      responses: { 200: xlsxOk },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      const voters = canSeeVoters(c, councilId);
      const { items } = await listOpinions(c.var.db, councilId, { ...c.req.valid('query'), page: 1, pageSize: EXPORT_MAX }, voters);
      return xlsxResponse({
        fileName: `Y-kien-cu-tri-${today(c.var.deps.clock())}.xlsx`,
        sheetName: 'Ý kiến cử tri',
        columns: [
          ...(voters
            ? [
                { header: 'Họ và tên cử tri', key: 'voterName', type: 'text' as const, width: 24 },
                { header: 'Thôn/Tổ dân phố', key: 'voterHamlet', type: 'text' as const, width: 20 },
              ]
            : []),
          { header: 'Xã, phường', key: 'unitName', type: 'text', width: 18 },
          { header: 'Nội dung ý kiến, kiến nghị', key: 'text', type: 'text', width: 70 },
          { header: 'Nguồn', key: 'channelLabel', type: 'text', width: 20 },
          { header: 'Ngày ghi nhận', key: 'createdAt', type: 'datetime', width: 18 },
        ],
        rows: items.map((o) => ({ ...o, createdAt: new Date(String((o as Record<string, unknown>).createdAt)) })),
      });
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/opinions',
      summary: 'Ý kiến cử tri (lọc theo đợt, hội nghị, địa bàn, đã/chưa tổng hợp; tìm không dấu). Họ tên cử tri chỉ trả về cho Văn phòng.',
      permission: 'petitions.read', scope: 'council',
      request: {
        params: CouncilParams,
        query: OpinionQuery,
      },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      return c.json(await listOpinions(c.var.db, councilId, c.req.valid('query'), canSeeVoters(c, councilId)), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/opinions/bulk', summary: `Ghi nhiều ý kiến một lần (tối đa ${MAX_OPINIONS_PER_CALL})`,
      permission: 'petitions.intake', scope: 'council', bodyLimit: 8 * MiB,
      request: {
        params: CouncilParams,
        body: jsonBody(z.object({
          roundId: Id,
          meetingId: Id.nullable().optional(),
          channel: enumOf(OPINION_CHANNELS, 'Kênh tiếp nhận').optional(),
          receivedOn: IsoDate.nullable().optional(),
          items: z.array(OpinionItemBody).min(1, { message: 'Chưa có ý kiến nào.' }).max(MAX_OPINIONS_PER_CALL),
        })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await createOpinions(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/opinions/split',
      summary: 'Tách danh sách dán vào (biên bản) thành từng ý kiến: mỗi đoạn hoặc mỗi mục "1.", "2)", "a)", "-" (không ghi)',
      permission: 'petitions.intake', scope: 'council', bodyLimit: 2 * MiB,
      request: { params: CouncilParams, body: jsonBody(z.object({ text: text('Nội dung dán vào', 500_000) })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const items = splitPastedList(c.req.valid('json').text);
      return c.json({ items, count: items.length, converted: items.filter((i) => i.encoding !== 'unicode').length }, 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/opinions/import',
      summary: 'Nhập ý kiến từ tệp XLSX/CSV: ghép cột, xem trước, rồi ghi tất cả hoặc không ghi gì',
      permission: 'petitions.intake', scope: 'council', bodyLimit: BodyLimit.spreadsheet,
      request: {
        params: CouncilParams,
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                file: z.any().openapi({ type: 'string', format: 'binary' }),
                roundId: Id,
                meetingId: Id.optional(),
                channel: enumOf(OPINION_CHANNELS, 'Kênh tiếp nhận').optional(),
                mode: z.enum(['preview', 'commit']).default('preview'),
                mapping: z.string().max(5000).optional(),
                /** The client's name for this job: it polls …/opinions/import-progress/{jobId} meanwhile. */
                jobId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { message: 'Mã tiến trình không hợp lệ.' }).optional(),
              }),
            },
          },
        },
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      const form = c.req.valid('form');
      const owner = c.var.user!.id;
      const progress = (phase: string, label: string, done = 0, total = 0) => reportProgress(owner, form.jobId, { phase, label, done, total });
      progress('reading', 'Đang đọc tệp');
      const { data, name } = await fileFrom(form, FileLimit.spreadsheet, 'một tệp .xlsx hoặc .csv để nhập');
      let mapping;
      if (form.mapping) {
        try {
          mapping = JSON.parse(form.mapping);
        } catch {
          throw invalid('Cách ghép cột không hợp lệ.');
        }
      }
      try {
        const plan = await planOpinionImport(c.var.db, data, name, mapping, today(c.var.deps.clock()));
        const { items: _items, ...summary } = plan;
        if (form.mode === 'preview') {
          progress('done', 'Đã đọc xong tệp', plan.total, plan.total);
          return c.json({ mode: 'preview', ...summary }, 200);
        }
        progress('writing', 'Đang ghi ý kiến', 0, plan.items.length);
        const target = { roundId: form.roundId, meetingId: form.meetingId ?? null, channel: form.channel };
        const result = await commitOpinionImport(ctxOf(c), councilId, plan, target, name, (done, total) => progress('writing', 'Đang ghi ý kiến', done, total));
        progress('done', 'Đã ghi xong', result.created, result.created);
        return c.json({ mode: 'commit', ...summary, ...result }, 200);
      } catch (err) {
        progress('failed', 'Không ghi được; chưa ghi ý kiến nào');
        throw err;
      }
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/opinions/import-progress/{jobId}',
      summary: 'Tiến độ của lần nhập ý kiến đang chạy (đọc tệp, kiểm tra, ghi từng phần)',
      permission: 'petitions.intake', scope: 'council',
      request: { params: CouncilParams.extend({ jobId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { message: 'Mã tiến trình không hợp lệ.' }) }) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const p = readProgress(c.var.user!.id, c.req.valid('param').jobId);
      return c.json(p ?? { phase: 'unknown', label: 'Chưa có tiến độ', done: 0, total: 0 }, 200);
    },
  );
  r.add(
    {
      method: 'patch', path: '/councils/{councilId}/opinions/{opinionId}', summary: 'Sửa ý kiến (theo phiên bản đang xem)',
      permission: 'petitions.intake', scope: 'council',
      request: {
        params: OpinionParams,
        body: jsonBody(OpinionItemBody.partial().extend({ version: z.number().int().min(1) })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, opinionId } = c.req.valid('param');
      return c.json(await updateOpinion(ctxOf(c), councilId, opinionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/opinions/{opinionId}/history',
      summary: 'Các phiên bản nội dung của ý kiến (nội dung trước khi sửa được giữ lại)',
      permission: 'petitions.read', scope: 'council', request: { params: OpinionParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, opinionId } = c.req.valid('param');
      return c.json(await opinionHistory(c.var.db, councilId, opinionId), 200);
    },
  );
  r.add(
    {
      method: 'delete', path: '/councils/{councilId}/opinions/{opinionId}',
      summary: 'Xóa ý kiến ghi nhầm (theo phiên bản đang xem; chỉ ý kiến chưa tổng hợp vào kiến nghị, đợt còn đang mở)',
      permission: 'petitions.intake', scope: 'council',
      request: {
        params: OpinionParams,
        query: z.object({ version: z.coerce.number({ message: 'Phiên bản không hợp lệ.' }).int({ message: 'Phiên bản không hợp lệ.' }).min(1, { message: 'Phiên bản không hợp lệ.' }) }),
      },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const { councilId, opinionId } = c.req.valid('param');
      return c.json(await deleteOpinions(ctxOf(c), councilId, [{ opinionId, version: c.req.valid('query').version }]), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/opinions/{opinionId}/return-to-lower',
      summary: 'Trả lại kiến nghị do HĐND cấp dưới chuyển lên (thuộc thẩm quyền cấp dưới), kèm lý do; chỉ khi chưa tổng hợp vào kiến nghị',
      permission: 'petitions.manage', scope: 'council',
      request: {
        params: OpinionParams,
        body: jsonBody(z.object({ reason: text('Lý do trả lại', 2000), version: z.number().int().min(1) })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, opinionId } = c.req.valid('param');
      return c.json(await returnToLower(ctxOf(c), councilId, opinionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/opinions/delete',
      summary: `Xóa nhiều ý kiến ghi nhầm một lần (tối đa ${MAX_OPINIONS_PER_DELETE}): xóa tất cả hoặc không xóa ý kiến nào`,
      permission: 'petitions.intake', scope: 'council',
      request: {
        params: CouncilParams,
        body: jsonBody(z.object({
          items: z
            .array(z.object({ opinionId: Id, version: z.number().int().min(1) }))
            .min(1, { message: 'Hãy chọn ít nhất một ý kiến.' })
            .max(MAX_OPINIONS_PER_DELETE, { message: `Mỗi lần xóa tối đa ${MAX_OPINIONS_PER_DELETE} ý kiến.` }),
        })),
      },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => c.json(await deleteOpinions(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json').items), 200),
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/opinions/suggestions',
      summary: 'Gợi ý phân loại: lĩnh vực, cấp thẩm quyền, cơ quan (theo từ khóa và quy tắc chuyển)',
      permission: 'petitions.manage', scope: 'council',
      request: { params: CouncilParams, body: jsonBody(z.object({ opinionIds: z.array(Id).min(1).max(500) })) },
      responses: { 200: jsonOk(z.object({ items: z.array(Obj) })) },
    },
    async (c) => c.json({ items: await suggestClassification(c.var.db, c.req.valid('param').councilId, c.req.valid('json').opinionIds) }, 200),
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/opinions/classify',
      summary: 'Xác nhận phân loại ý kiến (lĩnh vực, cấp, cơ quan) hoặc đánh dấu khiếu nại, tố cáo',
      permission: 'petitions.manage', scope: 'council',
      request: {
        params: CouncilParams,
        body: jsonBody(z.object({
          items: z.array(z.object({ opinionId: Id, version: z.number().int().min(1), kind: z.enum(['petition', 'complaint']).optional(), ...Classification, ...LevelReason })).min(1).max(1000),
        })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await classifyOpinions(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json').items), 200),
  );

  // Petitions ------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/petitions',
      summary: 'Kiến nghị: lọc theo đợt, lĩnh vực, cấp, cơ quan, trạng thái, hạn, địa bàn, tổ đại biểu; tìm không dấu',
      permission: 'petitions.read', scope: 'council', request: { params: CouncilParams, query: PetitionQuery },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      return c.json(await listPetitions(c.var.db, councilId, c.req.valid('query'), await envOf(c, councilId)), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/petitions/export.xlsx',
      summary: 'Xuất danh sách kiến nghị ra Excel (theo bộ lọc của danh sách)',
      permission: 'petitions.read', scope: 'council',
      request: { params: CouncilParams, query: PetitionQuery.omit({ page: true, pageSize: true }) },
      responses: { 200: xlsxOk },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      const env = await envOf(c, councilId);
      const { items } = await listPetitions(c.var.db, councilId, { ...c.req.valid('query'), page: 1, pageSize: EXPORT_MAX }, env);
      const day = (v: unknown) => (typeof v === 'string' && v ? new Date(`${v}T00:00:00Z`) : null);
      return xlsxResponse({
        fileName: `Kien-nghi-cu-tri-${env.day}.xlsx`,
        sheetName: 'Kiến nghị cử tri',
        columns: [
          { header: 'Số', key: 'number', type: 'number', width: 7 },
          { header: 'Nội dung kiến nghị', key: 'text', type: 'text', width: 70 },
          { header: 'Lĩnh vực', key: 'fieldName', type: 'text', width: 18 },
          { header: 'Cấp thẩm quyền', key: 'levelLabel', type: 'text', width: 14 },
          { header: 'Cơ quan giải quyết', key: 'agencyName', type: 'text', width: 30 },
          { header: 'Trạng thái', key: 'statusLabel', type: 'text', width: 18 },
          { header: 'Hạn trả lời', key: 'due', type: 'date', width: 12 },
          { header: 'Tình trạng hạn', key: 'deadlineLabel', type: 'text', width: 16 },
          { header: 'Kết quả trả lời', key: 'lastResultLabel', type: 'text', width: 22 },
          { header: 'Số ý kiến', key: 'opinionCount', type: 'number', width: 9 },
          { header: 'Xã, phường', key: 'communeList', type: 'text', width: 24 },
          { header: 'Số kỳ họp tồn đọng', key: 'outstandingSessions', type: 'number', width: 10 },
          { header: 'Đợt', key: 'roundName', type: 'text', width: 36 },
        ],
        rows: items.map((p) => ({ ...p, due: day((p as Record<string, unknown>).trackedDue), communeList: p.communes.join(', ') })),
      });
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petitions', summary: 'Tổng hợp các ý kiến thành một kiến nghị',
      permission: 'petitions.manage', scope: 'council',
      request: {
        params: CouncilParams,
        body: jsonBody(z.object({
          roundId: Id,
          opinions: z.array(VersionRef).min(1, { message: 'Hãy chọn ít nhất một ý kiến.' }).max(1000),
          text: optionalText('Nội dung kiến nghị', 20000).optional(),
          canonicalOpinionId: Id.optional(),
          ...Classification,
          ...LevelReason,
        })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await mergeOpinions(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  // Before /petitions/{petitionId}, so "similar" is not taken for an id.
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/petitions/similar',
      summary: 'Kiến nghị tương tự đã được nêu trước đây (mọi đợt, cả HĐND các đơn vị cũ): để biết "đã được nêu N lần kể từ năm…"',
      permission: 'petitions.read', scope: 'council',
      request: {
        params: CouncilParams,
        query: z.object({
          text: z
            .string({ message: 'Hãy nhập nội dung cần so sánh.' })
            .trim()
            .min(SIMILAR_MIN_CHARS, { message: `Nội dung cần so sánh phải có ít nhất ${SIMILAR_MIN_CHARS} ký tự.` })
            .max(10000, { message: 'Nội dung cần so sánh dài quá mức cho phép (tối đa 10.000 ký tự).' }),
          k: z.coerce.number({ message: 'Số kết quả không hợp lệ.' }).int({ message: 'Số kết quả không hợp lệ.' }).min(1, { message: 'Số kết quả phải từ 1 đến 20.' }).max(20, { message: 'Số kết quả phải từ 1 đến 20.' }).default(5),
        }),
      },
      responses: { 200: jsonOk(z.object({ items: z.array(Obj), summary: Obj })) },
    },
    async (c) => {
      const { text, k } = c.req.valid('query');
      return c.json(await similarPetitions(c.var.db, c.req.valid('param').councilId, text, k), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/petitions/{petitionId}',
      summary: 'Chi tiết kiến nghị: nguồn (hội nghị, địa bàn, số cử tri), chuyển, trả lời, đánh giá, số kỳ họp tồn đọng',
      permission: 'petitions.read', scope: 'council', request: { params: PetitionParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, petitionId } = c.req.valid('param');
      return c.json(await getPetition(c.var.db, councilId, petitionId, { ...(await envOf(c, councilId)), canSeeVoters: canSeeVoters(c, councilId) }), 200);
    },
  );
  r.add(
    {
      method: 'patch', path: '/councils/{councilId}/petitions/{petitionId}', summary: 'Sửa nội dung, phân loại kiến nghị (theo phiên bản đang xem)',
      permission: 'petitions.manage', scope: 'council',
      request: {
        params: PetitionParams,
        body: jsonBody(z.object({ version: z.number().int().min(1), text: text('Nội dung kiến nghị', 20000).optional(), ...Classification, ...LevelReason })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, petitionId } = c.req.valid('param');
      return c.json(await updatePetition(ctxOf(c), councilId, petitionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petitions/{petitionId}/not-personal',
      summary: 'Xác nhận nội dung kiến nghị không chứa thông tin cá nhân: được công khai như hiện tại',
      permission: 'petitions.manage', scope: 'council',
      request: { params: PetitionParams, body: jsonBody(z.object({ version: z.number().int().min(1) })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, petitionId } = c.req.valid('param');
      return c.json(await confirmNotPersonal(ctxOf(c), councilId, petitionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/petitions/{petitionId}/timeline',
      summary: 'Diễn biến của kiến nghị (kể cả ở HĐND cấp trên, cấp dưới)',
      permission: 'petitions.read', scope: 'council', request: { params: PetitionParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId, petitionId } = c.req.valid('param');
      // Merged in order from the petition's, its opinions' and the linked petitions' events: paged once merged.
      return c.json(pageFrom(await petitionTimeline(c.var.db, councilId, petitionId), c.req.valid('query')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petitions/{petitionId}/opinions', summary: 'Bổ sung ý kiến vào kiến nghị đã có',
      permission: 'petitions.manage', scope: 'council',
      request: { params: PetitionParams, body: jsonBody(z.object({ version: z.number().int().min(1).optional(), opinions: z.array(VersionRef).min(1).max(1000) })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, petitionId } = c.req.valid('param');
      return c.json(await addToPetition(ctxOf(c), councilId, petitionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petitions/{petitionId}/unmerge', summary: 'Tách ý kiến ra khỏi kiến nghị (một ý kiến, hoặc nhiều khi hoàn tác việc bổ sung)',
      permission: 'petitions.manage', scope: 'council',
      request: {
        params: PetitionParams,
        body: jsonBody(z.object({
          opinionId: Id.optional(), version: z.number().int().min(1).optional(),
          opinions: z.array(VersionRef).min(1).max(1000).optional(), petitionVersion: z.number().int().min(1).optional(),
        })),
      },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const { councilId, petitionId } = c.req.valid('param');
      return c.json(await unmergeOpinion(ctxOf(c), councilId, petitionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petitions/{petitionId}/merge',
      summary: 'Gộp một kiến nghị khác (chưa chuyển) vào kiến nghị này (theo phiên bản đang xem của cả hai)',
      permission: 'petitions.manage', scope: 'council',
      request: {
        params: PetitionParams,
        body: jsonBody(z.object({ version: z.number().int().min(1), from: VersionRef })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, petitionId } = c.req.valid('param');
      return c.json(await mergePetitions(ctxOf(c), councilId, petitionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petitions/{petitionId}/restore-merged',
      summary: 'Hoàn tác việc gộp kiến nghị: khôi phục kiến nghị đã gộp vào kiến nghị này cùng các ý kiến của nó',
      permission: 'petitions.manage', scope: 'council',
      request: { params: PetitionParams, body: jsonBody(z.object({ version: z.number().int().min(1), petitionId: Id })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, petitionId } = c.req.valid('param');
      return c.json(await restoreMergedPetition(ctxOf(c), councilId, petitionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petitions/{petitionId}/split', summary: 'Tách kiến nghị thành nhiều kiến nghị',
      permission: 'petitions.manage', scope: 'council',
      request: {
        params: PetitionParams,
        body: jsonBody(z.object({
          version: z.number().int().min(1),
          groups: z.array(z.object({ opinions: z.array(VersionRef).min(1).max(1000), text: text('Nội dung kiến nghị', 20000) })).min(1).max(100),
        })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, petitionId } = c.req.valid('param');
      return c.json(await splitPetition(ctxOf(c), councilId, petitionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petitions/{petitionId}/responses',
      summary: 'Văn phòng ghi nhận trả lời của cơ quan (văn bản giấy)',
      permission: 'petitions.manage', scope: 'council', request: { params: PetitionParams, body: jsonBody(AnswerBody) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, petitionId } = c.req.valid('param');
      return c.json(await answerForAgency(ctxOf(c), councilId, petitionId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/responses/{responseId}/attachments', summary: 'Đính kèm tệp vào trả lời (tối đa 10 MB)',
      permission: 'petitions.manage', scope: 'council', bodyLimit: BodyLimit.attachment,
      request: {
        params: CouncilParams.extend({ responseId: param('responseId') }),
        body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } },
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, responseId } = c.req.valid('param');
      const file = await fileFrom(c.req.valid('form'), MAX_ATTACHMENT_BYTES, 'tệp đính kèm');
      return c.json(await addAttachment(ctxOf(c), { councilId }, responseId, file), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/attachments/{attachmentId}', summary: 'Tải tệp đính kèm của trả lời',
      permission: 'petitions.read', scope: 'council',
      request: { params: CouncilParams.extend({ attachmentId: param('attachmentId') }) },
      responses: { 200: { description: 'Tệp' } },
    },
    async (c) => {
      const { councilId, attachmentId } = c.req.valid('param');
      const a = await getAttachment(c.var.db, { councilId }, attachmentId);
      return downloadResponse(a) as never;
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petitions/{petitionId}/reviews',
      summary: 'Đánh giá kết quả trả lời (thỏa đáng / chưa thỏa đáng) kèm nhận xét',
      permission: 'petitions.review', scope: 'council',
      request: {
        params: PetitionParams,
        body: jsonBody(z.object({ verdict: enumOf(REVIEW_VERDICTS, 'Kết quả đánh giá'), comment: optionalText('Nhận xét', 5000).optional(), bodyId: Id.nullable().optional() })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, petitionId } = c.req.valid('param');
      return c.json(await reviewAnswer(ctxOf(c), councilId, petitionId, c.req.valid('json')), 201);
    },
  );

  // Dispatch and reminders -----------------------------------------------------------------------
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/dispatches',
      summary: 'Chuyển kiến nghị bằng công văn đến một cơ quan, Đoàn ĐBQH hoặc HĐND cấp trên (nhập số công văn đã có, hoặc phát hành công văn từ Sổ văn bản đi); hạn trả lời tính theo quy định của HĐND',
      permission: 'petitions.manage', scope: 'council',
      request: {
        params: CouncilParams,
        body: jsonBody(z.object({
          roundId: Id,
          agencyId: Id.nullable().optional(),
          targetCouncilId: Id.nullable().optional(),
          // Either an existing letter's number and date, or `issueLetter`: the register gives both.
          letterNumber: text('Số công văn', 100).nullable().optional(),
          letterDate: IsoDate.nullable().optional(),
          issueLetter: z.object({
            issuerId: Id.nullable().optional(),
            signerName: optionalText('Họ tên người ký', 100).optional(),
            signerTitle: optionalText('Chức vụ người ký', 100).optional(),
            recipients: z.array(text('Nơi nhận', 300)).max(50).optional(),
          }).nullable().optional(),
          receivedOn: IsoDate.nullable().optional(),
          petitionIds: z.array(Id).min(1, { message: 'Hãy chọn ít nhất một kiến nghị.' }).max(2000),
          note: optionalText('Ghi chú', 2000).optional(),
        })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await dispatchPetitions(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/dispatches', summary: 'Các công văn chuyển kiến nghị',
      permission: 'petitions.read', scope: 'council',
      request: { params: CouncilParams, query: PageQuery.extend({ roundId: Id.optional(), agencyId: Id.optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listDispatches(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/reminders/due',
      summary: 'Kiến nghị sắp đến hạn, quá hạn theo từng cơ quan (để đôn đốc)',
      permission: 'petitions.read', scope: 'council',
      request: {
        params: CouncilParams,
        query: PageOnly.extend({
          letter: z.enum(['due'], { message: 'Bộ lọc công văn đôn đốc không hợp lệ.' }).optional()
            .describe('due: chỉ các cơ quan cần phát hành công văn đôn đốc (kiến nghị quá hạn chưa được đôn đốc bằng công văn)'),
        }),
      },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      const q = c.req.valid('query');
      const env = await envOf(c, councilId);
      // States come from the working-day calendar (computed, never stored): agencies are paged once grouped.
      return c.json(pageFrom(await dueByAgency(c.var.db, env.day, env.calendar, { councilId, letterDue: q.letter === 'due' }), q), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/reminders', summary: 'Ghi nhận đôn đốc một cơ quan (một lần bấm)',
      permission: 'petitions.manage', scope: 'council',
      request: {
        params: CouncilParams,
        body: jsonBody(z.object({
          agencyId: Id,
          petitionIds: z.array(Id).max(2000).optional(),
          note: optionalText('Ghi chú', 2000).optional(),
          letterNumber: optionalText('Số công văn đôn đốc', 100).optional(),
        })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await recordReminder(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/reminders', summary: 'Các lần đôn đốc đã ghi nhận',
      permission: 'petitions.read', scope: 'council',
      request: { params: CouncilParams, query: PageQuery.extend({ agencyId: Id.optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listReminders(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );

  // Taxonomy, routing rules, settings --------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/petition-fields', summary: 'Danh mục lĩnh vực của HĐND',
      permission: 'petitions.read', scope: 'council', request: { params: CouncilParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listFields(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  const FieldBody = z.object({
    code: text('Mã lĩnh vực', 50).regex(/^[a-z0-9_]+$/, 'Mã lĩnh vực chỉ gồm chữ thường không dấu, số và dấu gạch dưới.'),
    name: text('Tên lĩnh vực', 200),
    keywords: z.array(text('Từ khóa', 200)).max(500).optional(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
    active: z.boolean().optional(),
  });
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petition-fields', summary: 'Thêm lĩnh vực',
      permission: 'petitions.manage', scope: 'council', request: { params: CouncilParams, body: jsonBody(FieldBody) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await createField(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'patch', path: '/councils/{councilId}/petition-fields/{fieldId}', summary: 'Sửa lĩnh vực (tên, từ khóa, thứ tự, ẩn/hiện)',
      permission: 'petitions.manage', scope: 'council',
      request: { params: CouncilParams.extend({ fieldId: param('fieldId') }), body: jsonBody(FieldBody.omit({ code: true }).partial()) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, fieldId } = c.req.valid('param');
      return c.json(await updateField(ctxOf(c), councilId, fieldId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/routing-rules', summary: 'Quy tắc chuyển kiến nghị (lĩnh vực × cấp × địa bàn → cơ quan)',
      permission: 'petitions.read', scope: 'council', request: { params: CouncilParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listRoutingRules(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/routing-rules', summary: 'Thêm quy tắc chuyển kiến nghị',
      permission: 'petitions.manage', scope: 'council',
      request: {
        params: CouncilParams,
        body: jsonBody(z.object({ ...Classification, unitId: Id.nullable().optional(), agencyId: Id, note: optionalText('Ghi chú', 500).optional() })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await createRoutingRule(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json') as never), 201),
  );
  r.add(
    {
      method: 'delete', path: '/councils/{councilId}/routing-rules/{ruleId}', summary: 'Xóa quy tắc chuyển kiến nghị',
      permission: 'petitions.manage', scope: 'council', request: { params: CouncilParams.extend({ ruleId: param('ruleId') }) },
      responses: { 200: jsonOk(Ok) },
    },
    async (c) => {
      const { councilId, ruleId } = c.req.valid('param');
      return c.json(await deleteRoutingRule(ctxOf(c), councilId, ruleId), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/petition-settings', summary: 'Quy định thời hạn trả lời kiến nghị của HĐND',
      permission: 'petitions.read', scope: 'council', request: { params: CouncilParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await loadSettings(c.var.db, c.req.valid('param').councilId), 200),
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/petition-settings', summary: 'Sửa quy định thời hạn trả lời kiến nghị',
      permission: 'petitions.manage', scope: 'council',
      request: {
        params: CouncilParams,
        body: jsonBody(z.object({
          deadlines: z.object({ standingForward: DeadlineRuleBody, nationalAssembly: DeadlineRuleBody, upperCouncil: DeadlineRuleBody }).partial().optional(),
          thresholds: z.object({ dueSoonWorkingDays: z.number().int().min(0).max(60), longOverdueDays: z.number().int().min(1).max(3650) }).partial().optional(),
        })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await updatePetitionSettings(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json') as never), 200),
  );
}

/** A file download with a safe Content-Disposition (UTF-8 file names). */
export function downloadResponse(a: { fileName: string; mimeType: string; content: Uint8Array }) {
  const ascii = a.fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'tep';
  return new Response(Buffer.from(a.content), {
    status: 200,
    headers: {
      'content-type': a.mimeType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
    },
  });
}
