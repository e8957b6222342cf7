// Routes of the training module (all council-scoped): courses and their audience, materials,
// classes (cascaded), sessions, enrolment, attendance, certificates; the not-completed report
// (.json paged and .xlsx) over the council and the councils directly below it; coverage side by
// side; the delegate's own record.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import { CouncilParams, Id, IsoDate, PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router } from '../../server/route.ts';
import type { AppEnv } from '../../server/context.ts';
import { invalid, notFound } from '../../server/errors.ts';
import { BodyLimit, FileLimit } from '../../server/input.ts';
import { fileResponse, DOCX_TYPE } from '../../server/download.ts';
import { uploadedFile } from '../../server/upload.ts';
import { Obj, ctxOf, param } from '../petitions/routes/shared.ts';
import { xlsxOk, xlsxResponse } from '../spreadsheets/export.ts';
import { delegateOf } from '../sessions/portal/actions.ts';
import { documents } from '../documents/schema.ts';
import { documentFileName } from '../documents/service.ts';
import { today } from './common.ts';
import { addMaterial, addSession, createClass, createCourse, enrolAudience, enrolDelegate, excuseEnrolment, issueCertificate, markAttendance, setClassState } from './actions.ts';
import { classDetail, courseAudience, courseDetail, listCourses, materialOf, myTraining, notCompletedReport, notCompletedRows, ownEnrolment, ownMaterial, trainerClasses, trainingCoverage } from './queries.ts';

const CourseParams = CouncilParams.extend({ trainingCourseId: param('trainingCourseId') });
const MaterialParams = CourseParams.extend({ trainingMaterialId: param('trainingMaterialId') });
const ClassParams = CouncilParams.extend({ trainingClassId: param('trainingClassId') });
const SessionParams = CouncilParams.extend({ trainingSessionId: param('trainingSessionId') });
const EnrolmentParams = CouncilParams.extend({ trainingEnrolmentId: param('trainingEnrolmentId') });
const OwnEnrolmentParams = CouncilParams.extend({ ownEnrolmentId: param('ownEnrolmentId') });
const OwnMaterialParams = CouncilParams.extend({ ownMaterialId: param('ownMaterialId') });

const Roles = z.array(z.enum(['chair', 'vice_chair', 'member'], { message: 'Vai trò trong cơ quan không hợp lệ.' })).max(3).optional();
const Rule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all_delegates') }),
  z.object({ kind: z.literal('new_delegates') }),
  z.object({ kind: z.literal('re_elected_delegates') }),
  z.object({ kind: z.literal('body_kind'), bodyKind: z.enum(['standing', 'committee', 'delegate_group'], { message: 'Loại cơ quan không hợp lệ.' }), roles: Roles }),
  z.object({ kind: z.literal('body'), bodyId: Id, roles: Roles }),
], { message: 'Đối tượng phải tham dự không hợp lệ.' });
const Course = z.object({
  termId: Id.optional(),
  title: text('Tên khóa bồi dưỡng', 300),
  programme: optionalText('Chương trình, kế hoạch bồi dưỡng', 300).optional(),
  host: optionalText('Cơ quan tổ chức', 300).optional(),
  mode: z.enum(['in_person', 'online', 'mixed'], { message: 'Hình thức học không hợp lệ.' }).optional(),
  description: optionalText('Nội dung', 5000).optional(),
  audience: z.array(Rule).max(20, { message: 'Tối đa 20 nhóm đối tượng.' }),
  required: z.boolean().optional(),
  completionShare: z.number({ message: 'Tỷ lệ buổi học phải tham dự phải là số.' }).gt(0, { message: 'Tỷ lệ buổi học phải tham dự phải lớn hơn 0.' }).max(1, { message: 'Tỷ lệ buổi học phải tham dự không quá 1 (100%).' }).nullable().optional(),
});
const Trainer = z.object({ name: text('Họ tên báo cáo viên', 200), delegateId: Id.nullable().optional() });
const SessionIn = z.object({ heldOn: IsoDate, topic: text('Chủ đề buổi học', 500) });
const ClassIn = z.object({
  kind: z.enum(['trainers', 'local', 'regular'], { message: 'Loại lớp không hợp lệ.' }),
  parentClassId: Id.nullable().optional(),
  title: text('Tên lớp', 300),
  place: optionalText('Địa điểm', 500).optional(),
  link: optionalText('Đường dẫn học trực tuyến', 1000).optional(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  trainers: z.array(Trainer).max(50).optional(),
  sessions: z.array(SessionIn).max(100, { message: 'Tối đa 100 buổi học một lớp.' }).optional(),
});
const Marks = z.object({
  marks: z.array(z.object({
    delegateId: Id,
    status: z.enum(['present', 'absent_excused', 'absent'], { message: 'Tình trạng tham dự không hợp lệ.' }),
    channel: z.enum(['in_person', 'online'], { message: 'Hình thức tham dự không hợp lệ.' }).optional(),
  })).min(1, { message: 'Cần điểm danh ít nhất một đại biểu.' }).max(2000),
});
const Signer = z.object({ signerId: Id.optional(), signerName: optionalText('Người ký', 100).optional(), signerTitle: optionalText('Chức vụ người ký', 100).optional() });
const ReportQuery = PageQuery.extend({
  council: Id.optional(),
  bodyId: Id.optional(),
  courseId: Id.optional(),
  standing: z.enum(['in_progress', 'not_completed', 'excused', 'not_enrolled'], { message: 'Tình trạng không hợp lệ.' }).optional(),
});

const dayOf = (c: Context<AppEnv>) => today(c.var.deps.clock());
const ownDelegate = async (c: Context<AppEnv>) => (await delegateOf(c.var.db, c.var.user!.id, c.req.param('councilId')!))?.id ?? null;
const fileOf = (form: { file?: unknown }) => uploadedFile(form, { maxBytes: FileLimit.attachment, missing: 'Hãy chọn tệp tài liệu (PDF, Word .docx, Excel .xlsx hoặc ảnh).' });

export function trainingRoutes(r: Router) {
  r.add(
    { method: 'get', path: '/councils/{councilId}/training-courses', summary: 'Các khóa bồi dưỡng đại biểu của nhiệm kỳ', permission: 'training.read', scope: 'council', request: { params: CouncilParams, query: PageQuery.extend({ termId: Id.optional() }) }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => c.json(await listCourses(c.var.db, c.req.valid('param').councilId, c.req.valid('query'), dayOf(c)), 200),
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/training-courses', summary: 'Tạo khóa bồi dưỡng đại biểu với đối tượng phải tham dự', permission: 'training.manage', scope: 'council', request: { params: CouncilParams, body: jsonBody(Course) }, responses: { 201: jsonOk(Obj) } },
    async (c) => c.json(await createCourse(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/training-courses/{trainingCourseId}', summary: 'Khóa bồi dưỡng: đối tượng, tỷ lệ tham dự để hoàn thành, các lớp (nhân rộng), tài liệu', permission: 'training.read', scope: 'council', request: { params: CourseParams }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, trainingCourseId } = c.req.valid('param');
      return c.json(await courseDetail(c.var.db, councilId, trainingCourseId, dayOf(c)), 200);
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/training-courses/{trainingCourseId}/audience', summary: 'Đại biểu phải tham dự khóa bồi dưỡng (tính từ danh bạ đại biểu, cơ quan)', permission: 'training.read', scope: 'council', request: { params: CourseParams, query: PageQuery }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => {
      const { councilId, trainingCourseId } = c.req.valid('param');
      return c.json(await courseAudience(c.var.db, councilId, trainingCourseId, c.req.valid('query'), dayOf(c)), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/training-courses/{trainingCourseId}/materials', summary: 'Tải lên tài liệu bồi dưỡng (PDF, Word .docx, Excel .xlsx, ảnh; kiểm tra theo nội dung tệp)',
      permission: 'training.manage', scope: 'council', bodyLimit: BodyLimit.attachment,
      request: { params: CourseParams, body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), title: z.string().max(300).optional() }) } } } },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, trainingCourseId } = c.req.valid('param');
      const form = c.req.valid('form');
      return c.json(await addMaterial(ctxOf(c), councilId, trainingCourseId, await fileOf(form), { title: form.title }), 201);
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/training-courses/{trainingCourseId}/materials/{trainingMaterialId}', summary: 'Tải tài liệu bồi dưỡng', permission: 'training.read', scope: 'council', request: { params: MaterialParams }, responses: { 200: { description: 'Tệp' } } },
    async (c) => {
      const { councilId, trainingCourseId, trainingMaterialId } = c.req.valid('param');
      const m = await materialOf(c.var.db, councilId, trainingCourseId, trainingMaterialId);
      return fileResponse(m.content, m.fileName, m.mimeType) as never;
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/training-courses/{trainingCourseId}/classes', summary: 'Mở lớp bồi dưỡng (lớp báo cáo viên, lớp nhân rộng gắn với lớp báo cáo viên, lớp thường) với các buổi học', permission: 'training.manage', scope: 'council', request: { params: CourseParams, body: jsonBody(ClassIn) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, trainingCourseId } = c.req.valid('param');
      return c.json(await createClass(ctxOf(c), councilId, trainingCourseId, c.req.valid('json')), 201);
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/training-trainer-classes', summary: 'Lớp bồi dưỡng báo cáo viên mà lớp nhân rộng của HĐND này có thể gắn vào (của HĐND này và HĐND cấp trên trực tiếp), với học viên của HĐND này', permission: 'training.read', scope: 'council', request: { params: CouncilParams, query: PageQuery.omit({ q: true }) }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => c.json(await trainerClasses(c.var.db, c.req.valid('param').councilId, c.req.valid('query'), dayOf(c)), 200),
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/training-classes/{trainingClassId}', summary: 'Lớp bồi dưỡng: buổi học, học viên, điểm danh, hoàn thành, lớp cha và các lớp nhân rộng', permission: 'training.read', scope: 'council', request: { params: ClassParams }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, trainingClassId } = c.req.valid('param');
      return c.json(await classDetail(c.var.db, councilId, trainingClassId, dayOf(c)), 200);
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/training-classes/{trainingClassId}/sessions', summary: 'Thêm buổi học vào lớp bồi dưỡng', permission: 'training.manage', scope: 'council', request: { params: ClassParams, body: jsonBody(SessionIn) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, trainingClassId } = c.req.valid('param');
      return c.json(await addSession(ctxOf(c), councilId, trainingClassId, c.req.valid('json')), 201);
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/training-classes/{trainingClassId}/state', summary: 'Chuyển trạng thái lớp (ghi danh, đang học, kết thúc)', permission: 'training.manage', scope: 'council', request: { params: ClassParams, body: jsonBody(z.object({ state: z.enum(['open', 'running', 'finished'], { message: 'Trạng thái lớp không hợp lệ.' }) })) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, trainingClassId } = c.req.valid('param');
      return c.json(await setClassState(ctxOf(c), councilId, trainingClassId, c.req.valid('json').state), 200);
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/training-classes/{trainingClassId}/enrol-audience', summary: 'Ghi danh toàn bộ đối tượng phải tham dự khóa chưa có trong lớp (bỏ qua người đã hoàn thành khóa)', permission: 'training.manage', scope: 'council', request: { params: ClassParams, body: jsonBody(z.object({ includeCompleted: z.boolean().optional() })) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, trainingClassId } = c.req.valid('param');
      return c.json(await enrolAudience(ctxOf(c), councilId, trainingClassId, c.req.valid('json')), 200);
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/training-classes/{trainingClassId}/enrolments', summary: 'Ghi danh một đại biểu vào lớp', permission: 'training.manage', scope: 'council', request: { params: ClassParams, body: jsonBody(z.object({ delegateId: Id })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, trainingClassId } = c.req.valid('param');
      return c.json(await enrolDelegate(ctxOf(c), councilId, trainingClassId, c.req.valid('json')), 201);
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/training-enrolments/{trainingEnrolmentId}/excuse', summary: 'Ghi nhận đại biểu vắng cả lớp có lý do (không tính hoàn thành)', permission: 'training.manage', scope: 'council', request: { params: EnrolmentParams, body: jsonBody(z.object({ reason: text('Lý do', 1000) })) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, trainingEnrolmentId } = c.req.valid('param');
      return c.json(await excuseEnrolment(ctxOf(c), councilId, trainingEnrolmentId, c.req.valid('json')), 200);
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/training-enrolments/{trainingEnrolmentId}/certificate', summary: 'Cấp giấy chứng nhận hoàn thành lớp bồi dưỡng (văn bản cấp số trong sổ văn bản đi)', permission: 'training.manage', scope: 'council', request: { params: EnrolmentParams, body: jsonBody(Signer) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, trainingEnrolmentId } = c.req.valid('param');
      return c.json(await issueCertificate(ctxOf(c), councilId, trainingEnrolmentId, c.req.valid('json')), 201);
    },
  );
  r.add(
    { method: 'post', path: '/councils/{councilId}/training-sessions/{trainingSessionId}/attendance', summary: 'Điểm danh một buổi học bồi dưỡng', permission: 'training.manage', scope: 'council', request: { params: SessionParams, body: jsonBody(Marks) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, trainingSessionId } = c.req.valid('param');
      return c.json(await markAttendance(ctxOf(c), councilId, trainingSessionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/training-report', summary: 'Đại biểu chưa hoàn thành bồi dưỡng bắt buộc (HĐND này hoặc HĐND cấp dưới trực tiếp; lọc theo cơ quan, khóa)', permission: 'training.read', scope: 'council', request: { params: CouncilParams, query: ReportQuery }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => c.json(await notCompletedReport(c.var.db, c.req.valid('param').councilId, c.req.valid('query'), dayOf(c)), 200),
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/training-report.xlsx', summary: 'Xuất danh sách đại biểu chưa hoàn thành bồi dưỡng bắt buộc ra Excel', permission: 'training.read', scope: 'council', request: { params: CouncilParams, query: ReportQuery.omit({ page: true, pageSize: true }) }, responses: { 200: xlsxOk } },
    async (c) => {
      const day = dayOf(c);
      const { council, term, rows } = await notCompletedRows(c.var.db, c.req.valid('param').councilId, { ...c.req.valid('query'), page: 1, pageSize: 1 }, day);
      return xlsxResponse({
        fileName: `Dai-bieu-chua-hoan-thanh-boi-duong-${day}.xlsx`, sheetName: 'Chưa hoàn thành bồi dưỡng',
        title: `ĐẠI BIỂU ${council.name.toUpperCase()} CHƯA HOÀN THÀNH BỒI DƯỠNG BẮT BUỘC${term ? ` (${term.name.toUpperCase()}, ${term.startYear}–${term.endYear})` : ''}`,
        columns: [
          { header: 'STT', key: 'stt', type: 'number', width: 6 },
          { header: 'Họ và tên', key: 'fullName', type: 'text', width: 28 },
          { header: 'Chức vụ', key: 'position', type: 'text', width: 28 },
          { header: 'Cơ quan của HĐND', key: 'bodies', type: 'text', width: 36 },
          { header: 'Khóa bồi dưỡng', key: 'courseTitle', type: 'text', width: 40 },
          { header: 'Tình trạng', key: 'standingLabel', type: 'text', width: 24 },
          { header: 'Số buổi tham dự', key: 'attended', type: 'text', width: 16 },
          { header: 'Lý do', key: 'reason', type: 'text', width: 30 },
        ],
        rows: rows.map((r, i) => ({ stt: i + 1, ...r, bodies: r.bodies.map((b) => b.name).join('; '), attended: r.sessionCount ? `${r.present}/${r.sessionCount} (cần ${r.needed})` : '' })),
      });
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/training-coverage', summary: 'Tỷ lệ đại biểu đã hoàn thành bồi dưỡng của HĐND này và các HĐND cấp dưới trực tiếp', permission: 'training.read', scope: 'council', request: { params: CouncilParams }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => c.json(await trainingCoverage(c.var.db, c.req.valid('param').councilId, dayOf(c)), 200),
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/my-training', summary: 'Hồ sơ bồi dưỡng của đại biểu: khóa bắt buộc, lớp đã học, điểm danh, giấy chứng nhận', permission: 'training.own', scope: 'council', request: { params: CouncilParams }, responses: { 200: jsonOk(Obj) } },
    async (c) => c.json(await myTraining(c.var.db, c.req.valid('param').councilId, await ownDelegate(c), dayOf(c)), 200),
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/my-training/certificates/{ownEnrolmentId}', summary: 'Đại biểu tải giấy chứng nhận bồi dưỡng của mình', permission: 'training.own', scope: 'council', request: { params: OwnEnrolmentParams }, responses: { 200: { description: 'Tệp Word' } } },
    async (c) => {
      const e = await ownEnrolment(c.var.db, await ownDelegate(c), c.req.valid('param').ownEnrolmentId);
      if (!e.certificateDocumentId) throw notFound('giấy chứng nhận');
      const [d] = await c.var.db.select().from(documents).where(eq(documents.id, e.certificateDocumentId));
      if (!d) throw notFound('giấy chứng nhận');
      return fileResponse(d.docx, documentFileName(d), DOCX_TYPE) as never;
    },
  );
  r.add(
    { method: 'get', path: '/councils/{councilId}/my-training/materials/{ownMaterialId}', summary: 'Đại biểu tải tài liệu của khóa bồi dưỡng mình tham dự', permission: 'training.own', scope: 'council', request: { params: OwnMaterialParams }, responses: { 200: { description: 'Tệp' } } },
    async (c) => {
      const m = await ownMaterial(c.var.db, await ownDelegate(c), c.req.valid('param').ownMaterialId);
      return fileResponse(m.content, m.fileName, m.mimeType) as never;
    },
  );
  void invalid;
}
