// Routes of the voter lists (council-scoped; a Tổ/Ban member only reaches its own areas): the list
// and a voter's versions, entry and changes (each a new version with reason), exclusions, moves,
// posting, complaints, the spreadsheet import with progress, reconciliation, the official exports.
import { z } from '@hono/zod-openapi';
import { IsoDate, PageOnly, PageQuery, jsonBody, pageFrom, jsonOk, optionalText, pageOf, text, type Router } from '../../server/route.ts';
import { BodyLimit, FileLimit } from '../../server/input.ts';
import { DOCX_TYPE, fileResponse, XLSX_TYPE } from '../../server/download.ts';
import { readProgress, reportProgress } from '../../server/progress.ts';
import { invalid } from '../../server/errors.ts';
import { Obj, ctxOf, fileFrom, param } from '../petitions/routes/shared.ts';
import { actorOf } from '../audit/service.ts';
import { EXCLUSION_GROUND_LABELS, MOVE_KIND_LABELS } from '../../domain/elections/index.ts';
import { ElectionParams } from './routes.ts';
import { areaOf } from './common.ts';
import { requireArea } from './access.ts';
import { addVoter, answerVoterListComplaint, correctVoter, excludeVoter, fileVoterListComplaint, moveVoter, postVoterList, removeVoter } from './actions/voters.ts';
import { areaComplaints, areaVoters, currentVoterCounts, voterHistory } from './queries/voters.ts';
import { commitVoterImport, planVoterImport } from './voterImport.ts';
import { reconciliationReport } from './reconcile.ts';
import { voterCardsDocx, voterListDocx, voterListXlsx } from './exports.ts';

const AreaParams = ElectionParams.extend({ pollingAreaId: param('pollingAreaId') });
const VoterParams = AreaParams.extend({ voterId: param('voterId') });
const ComplaintParams = AreaParams.extend({ complaintId: param('complaintId') });
const JobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { message: 'Mã tiến trình không hợp lệ.' });
const enumOf = <const T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { message: `${label} không hợp lệ.` });
const BirthDate = z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/, { message: 'Ngày sinh phải có dạng YYYY-MM-DD (hoặc chỉ năm YYYY).' });
const Version = z.number({ message: 'Phiên bản phải là số.' }).int().min(1);
const Reason = text('Lý do', 1000);

const Facts = z.object({
  citizenId: z.string().max(40).nullable().optional(), fullName: text('Họ và tên', 150), birthDate: BirthDate, sex: enumOf(['male', 'female'], 'Giới tính'),
  ethnicity: optionalText('Dân tộc', 60).optional(), residenceKind: enumOf(['permanent', 'temporary'], 'Loại cư trú'), residenceSince: IsoDate.nullable().optional(),
  permanentAddress: optionalText('Thường trú', 300).optional(), temporaryAddress: optionalText('Tạm trú', 300).optional(), currentAddress: optionalText('Nơi ở hiện tại', 300).optional(),
  place: optionalText('Quê quán', 200).optional(), status: enumOf(['none', 'soldier', 'detainee', 'quarantined', 'inHospital', 'voteElsewhereCertificate'], 'Tình trạng đặc biệt').optional(),
  household: optionalText('Hộ', 60).optional(), rowOrder: z.number().int().min(0).max(10_000_000).optional(), note: optionalText('Ghi chú', 500).optional(),
});
const GROUNDS = Object.keys(EXCLUSION_GROUND_LABELS) as ['courtDeprived', 'deathSentence', 'prisonTerm', 'incapacitated'];
const MOVES = Object.keys(MOVE_KIND_LABELS) as ['temporaryResident', 'movedAfterPosting', 'voteElsewhereCertificate', 'detained', 'quarantined', 'inHospital', 'soldierAtResidence'];

export function voterRoutes(r: Router): void {
  const read = { permission: 'elections.voters.read', scope: 'council' } as const;
  const write = { permission: 'elections.voters', scope: 'council' } as const;
  const areaFor = async (c: { var: { db: any; user: any }; req: { valid: (k: 'param') => { councilId: string; electionId: string; pollingAreaId: string } } }) => {
    const p = c.req.valid('param');
    const area = await areaOf(c.var.db, p.councilId, p.electionId, p.pollingAreaId);
    await requireArea(c.var.db, c.var.user, p.councilId, p.electionId, area.id);
    return area;
  };

  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/voters', ...read, summary: 'Danh sách cử tri của khu vực bỏ phiếu (phiên bản hiện hành)', request: { params: AreaParams, query: PageQuery.extend({ withRemoved: z.enum(['true', 'false']).optional() }) }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => { const area = await areaFor(c as never); const q = c.req.valid('query'); return c.json(await areaVoters(c.var.db, area, q, q.withRemoved === 'true'), 200); });
  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/voters/{voterId}/versions', ...read, summary: 'Các phiên bản của một dòng trong danh sách cử tri', request: { params: VoterParams }, responses: { 200: jsonOk(z.object({ items: z.array(Obj) })) } },
    async (c) => { const area = await areaFor(c as never); return c.json({ items: await voterHistory(c.var.db, area.provinceCode, c.req.valid('param').voterId) }, 200); });
  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}/voter-counts', permission: 'elections.read', scope: 'council', summary: 'Số cử tri của từng khu vực bỏ phiếu (chỉ số lượng)', request: { params: ElectionParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => {
      const p = c.req.valid('param'); const q = c.req.valid('query');
      const { listAreas } = await import('./queries/core.ts');
      const areas = await listAreas(c.var.db, p.councilId, p.electionId, q);
      const counts = await currentVoterCounts(c.var.db, areas.items.map((a) => a.id));
      return c.json({ ...areas, items: areas.items.map((a, i) => ({ pollingAreaId: a.id, number: a.number, name: a.name, ...counts[i]! })) }, 200);
    });
  r.add({ method: 'post', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/voters', ...write, summary: 'Ghi tên cử tri vào danh sách (sau niêm yết: bổ sung, cần lý do)', request: { params: AreaParams, body: jsonBody(Facts.extend({ reason: optionalText('Lý do', 1000).optional() })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await addVoter(ctxOf(c), p.councilId, p.electionId, p.pollingAreaId, c.req.valid('json')), 201); });
  r.add({ method: 'post', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/voters/{voterId}/corrections', ...write, summary: 'Sửa thông tin cử tri (phiên bản mới, có lý do)', request: { params: VoterParams, body: jsonBody(Facts.partial().extend({ reason: Reason, version: Version })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await correctVoter(ctxOf(c), p.councilId, p.electionId, p.pollingAreaId, p.voterId, c.req.valid('json')), 201); });
  r.add({ method: 'post', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/voters/{voterId}/removals', ...write, summary: 'Xóa tên cử tri khỏi danh sách (phiên bản mới, có lý do)', request: { params: VoterParams, body: jsonBody(z.object({ reason: Reason, version: Version, note: optionalText('Ghi chú', 300).optional() })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await removeVoter(ctxOf(c), p.councilId, p.electionId, p.pollingAreaId, p.voterId, c.req.valid('json')), 201); });
  r.add({ method: 'post', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/voters/{voterId}/exclusions', ...write, summary: 'Không ghi tên cử tri theo căn cứ của luật (Điều 30)', request: { params: VoterParams, body: jsonBody(z.object({ ground: enumOf(GROUNDS, 'Căn cứ'), endsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Thời điểm chấm dứt phải có dạng YYYY-MM-DDTHH:MM.' }).nullable(), reason: Reason, version: Version })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await excludeVoter(ctxOf(c), p.councilId, p.electionId, p.pollingAreaId, p.voterId, c.req.valid('json')), 201); });
  r.add({ method: 'post', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/voters/{voterId}/moves', ...write, summary: 'Chuyển cử tri sang danh sách khác (tạm trú, Giấy chứng nhận, tạm giam, cách ly…)', request: { params: VoterParams, body: jsonBody(z.object({ kind: enumOf(MOVES, 'Loại thay đổi'), toAreaId: z.string().uuid().nullable(), on: IsoDate, version: Version })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await moveVoter(ctxOf(c), p.councilId, p.electionId, p.pollingAreaId, p.voterId, c.req.valid('json')), 201); });
  r.add({ method: 'post', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/posting', ...write, summary: 'Ghi ngày niêm yết danh sách cử tri (kiểm tra thời hạn 40 ngày)', request: { params: AreaParams, body: jsonBody(z.object({ postedOn: IsoDate })) }, responses: { 200: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await postVoterList(ctxOf(c), p.councilId, p.electionId, p.pollingAreaId, c.req.valid('json')), 200); });
  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/complaints', ...write, summary: 'Khiếu nại về danh sách cử tri', request: { params: AreaParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => { const area = await areaFor(c as never); return c.json(await areaComplaints(c.var.db, area.electionId, area.id, c.req.valid('query')), 200); });
  r.add({ method: 'post', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/complaints', ...write, summary: 'Nhận khiếu nại về danh sách cử tri (trong 30 ngày kể từ ngày niêm yết)', request: { params: AreaParams, body: jsonBody(z.object({ complainant: text('Người khiếu nại', 200), content: text('Nội dung', 4000), receivedOn: IsoDate, voterId: z.string().uuid().nullable().optional() })) }, responses: { 201: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await fileVoterListComplaint(ctxOf(c), p.councilId, p.electionId, p.pollingAreaId, c.req.valid('json')), 201); });
  r.add({ method: 'post', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/complaints/{complaintId}/answer', ...write, summary: 'Trả lời khiếu nại về danh sách cử tri (trong 05 ngày)', request: { params: ComplaintParams, body: jsonBody(z.object({ answer: text('Nội dung trả lời', 4000), answeredOn: IsoDate })) }, responses: { 200: jsonOk(Obj) } },
    async (c) => { const p = c.req.valid('param'); return c.json(await answerVoterListComplaint(ctxOf(c), p.councilId, p.electionId, p.pollingAreaId, p.complaintId, c.req.valid('json')), 200); });
  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}/reconciliation', ...write, summary: 'Rà soát: cử tri có tên trong nhiều danh sách (theo số Căn cước; họ tên và ngày sinh)', request: { params: ElectionParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) } },
    async (c) => {
      const p = c.req.valid('param');
      const rep = await reconciliationReport(c.var.db, p.councilId, p.electionId);
      return c.json({ ...pageFrom(rep.items, c.req.valid('query')), candidates: rep.candidates }, 200);
    });

  r.add({
    method: 'post', path: '/councils/{councilId}/elections/{electionId}/voters/import', ...write, bodyLimit: BodyLimit.spreadsheet,
    summary: 'Nhập danh sách cử tri từ tệp của xã (XLSX/CSV): ghép cột, xem trước, ghi tất cả hoặc không ghi gì',
    request: { params: ElectionParams, body: { required: true, content: { 'multipart/form-data': { schema: z.object({
      file: z.any().openapi({ type: 'string', format: 'binary' }), areaId: z.string().uuid().optional(), mode: z.enum(['preview', 'commit']).default('preview'),
      mapping: z.string().max(5000).optional(), jobId: JobId.optional(),
    }) } } } },
    responses: { 200: jsonOk(Obj) },
  }, async (c) => {
    const p = c.req.valid('param');
    const form = c.req.valid('form');
    const owner = c.var.user!.id;
    const progress = (phase: string, label: string, done = 0, total = 0) => reportProgress(owner, form.jobId, { phase, label, done, total });
    progress('reading', 'Đang đọc tệp');
    const { data, name } = await fileFrom(form, FileLimit.spreadsheet, 'một tệp .xlsx hoặc .csv để nhập');
    let mapping;
    if (form.mapping) {
      try { mapping = JSON.parse(form.mapping); } catch { throw invalid('Cách ghép cột không hợp lệ.'); }
    }
    try {
      const plan = await planVoterImport(c.var.db, p.councilId, p.electionId, data, name, { mapping, areaId: form.areaId ?? null, onProgress: (d, t) => progress('checking', 'Đang kiểm tra các dòng', d, t) });
      const { rows: _rows, ...summary } = plan;
      if (form.mode === 'preview') {
        progress('done', 'Đã đọc xong tệp', plan.total, plan.total);
        return c.json({ mode: 'preview', ...summary }, 200);
      }
      const result = await commitVoterImport(c.var.db, actorOf(c.var.user), p.councilId, p.electionId, plan, name, (d, t) => progress('writing', 'Đang ghi danh sách cử tri', d, t));
      progress('done', 'Đã ghi xong', result.created, result.created);
      return c.json({ mode: 'commit', ...summary, ...result }, 200);
    } catch (err) {
      progress('failed', 'Không ghi được; chưa ghi cử tri nào');
      throw err;
    }
  });
  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}/voters/import-progress/{jobId}', ...write, summary: 'Tiến độ nhập danh sách cử tri', request: { params: ElectionParams.extend({ jobId: JobId }) }, responses: { 200: jsonOk(Obj) } },
    async (c) => c.json(readProgress(c.var.user!.id, c.req.valid('param').jobId) ?? { phase: 'unknown', label: 'Chưa có tiến độ', done: 0, total: 0 }, 200));

  const fileOk = (type: string) => ({ 200: { description: 'Tệp', content: { [type]: { schema: z.any().openapi({ type: 'string', format: 'binary' }) } } } });
  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/voters/list.xlsx', ...read, summary: 'Xuất danh sách cử tri (Mẫu số 31) ra Excel — được ghi nhật ký', request: { params: AreaParams }, responses: fileOk(XLSX_TYPE) },
    async (c) => { const area = await areaFor(c as never); const f = await voterListXlsx(c.var.db, actorOf(c.var.user), area); return fileResponse(f.bytes, f.fileName, XLSX_TYPE) as never; });
  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/voters/list.docx', ...read, summary: 'Danh sách cử tri (Mẫu số 31) dạng Word — được ghi nhật ký', request: { params: AreaParams }, responses: fileOk(DOCX_TYPE) },
    async (c) => { const area = await areaFor(c as never); const f = await voterListDocx(c.var.db, actorOf(c.var.user), area, c.var.deps.clock()); return fileResponse(f.bytes, f.fileName, DOCX_TYPE) as never; });
  r.add({ method: 'get', path: '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/voters/cards.docx', ...read, summary: 'Thẻ cử tri (Mẫu số 10) — được ghi nhật ký', request: { params: AreaParams }, responses: fileOk(DOCX_TYPE) },
    async (c) => { const area = await areaFor(c as never); const f = await voterCardsDocx(c.var.db, actorOf(c.var.user), area, c.var.deps.clock()); return fileResponse(f.bytes, f.fileName, DOCX_TYPE) as never; });
}
