// Agency-scoped routes (/agencies/{agencyId}/...): the responder's inbox, answering, returning a
// petition as outside the agency's competence, attachments. Agencies never see voter names.
import { z } from '@hono/zod-openapi';
import { AgencyParams, IsoDate, PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router } from '../../../server/route.ts';
import { BodyLimit } from '../../../server/input.ts';
import { RESPONSE_RESULTS } from '../../../domain/petitions/status.ts';
import { answerAsAgency } from '../actions/answer.ts';
import { returnPetition } from '../actions/returnPetition.ts';
import { addAttachment, getAttachment, MAX_ATTACHMENT_BYTES } from '../actions/attachments.ts';
import { agencyInbox, agencyItem } from '../queries/inbox.ts';
import { Obj, ctxOf, envOf, fileFrom, param } from './shared.ts';
import { downloadResponse } from './council.ts';

// The agency's inbox holds dispatch items (one petition sent to this agency by one letter), addressed
// by the item's id under /dispatch-items: not under /petitions, where a petition id is expected.
const ItemParams = AgencyParams.extend({ itemId: param('itemId') });

export function agencyRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/dispatch-items', summary: 'Kiến nghị được chuyển đến cơ quan (hộp thư của cơ quan)',
      permission: 'petitions.answer', scope: 'agency',
      request: {
        params: AgencyParams,
        query: PageQuery.extend({ state: z.enum(['pending', 'answered', 'returned']).optional(), deadline: z.enum(['overdue', 'due_soon']).optional() }),
      },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const env = await envOf(c);
      return c.json(await agencyInbox(c.var.db, c.req.valid('param').agencyId, c.req.valid('query'), env.day, env.calendar), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/dispatch-items/{itemId}', summary: 'Chi tiết kiến nghị được chuyển đến cơ quan',
      permission: 'petitions.answer', scope: 'agency', request: { params: ItemParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, itemId } = c.req.valid('param');
      const env = await envOf(c);
      return c.json(await agencyItem(c.var.db, agencyId, itemId, env.day, env.calendar), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/agencies/{agencyId}/dispatch-items/{itemId}/response',
      summary: 'Trả lời kiến nghị: đã giải quyết / đang giải quyết (lộ trình, thời hạn) / giải trình / chưa giải quyết',
      permission: 'petitions.answer', scope: 'agency',
      request: {
        params: ItemParams,
        body: jsonBody(z.object({
          result: z.enum(RESPONSE_RESULTS, { message: 'Kết quả trả lời không hợp lệ.' }),
          text: text('Nội dung trả lời', 20000),
          letterNumber: optionalText('Số văn bản trả lời', 100).optional(),
          letterDate: IsoDate.nullable().optional(),
          roadmap: optionalText('Lộ trình giải quyết', 5000).optional(),
          committedDate: IsoDate.nullable().optional(),
        })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, itemId } = c.req.valid('param');
      return c.json(await answerAsAgency(ctxOf(c), agencyId, itemId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'post', path: '/agencies/{agencyId}/dispatch-items/{itemId}/return',
      summary: 'Trả lại kiến nghị không thuộc thẩm quyền (nêu lý do) để Văn phòng chuyển lại',
      permission: 'petitions.answer', scope: 'agency',
      request: { params: ItemParams, body: jsonBody(z.object({ reason: text('Lý do trả lại', 2000) })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, itemId } = c.req.valid('param');
      return c.json(await returnPetition(ctxOf(c), agencyId, itemId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/agencies/{agencyId}/responses/{responseId}/attachments', summary: 'Đính kèm tệp vào trả lời (tối đa 10 MB)',
      permission: 'petitions.answer', scope: 'agency', bodyLimit: BodyLimit.attachment,
      request: {
        params: AgencyParams.extend({ responseId: param('responseId') }),
        body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } },
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, responseId } = c.req.valid('param');
      const file = await fileFrom(c.req.valid('form'), MAX_ATTACHMENT_BYTES, 'tệp đính kèm');
      return c.json(await addAttachment(ctxOf(c), { agencyId }, responseId, file), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/attachments/{attachmentId}', summary: 'Tải tệp đính kèm của trả lời',
      permission: 'petitions.answer', scope: 'agency',
      request: { params: AgencyParams.extend({ attachmentId: param('attachmentId') }) },
      responses: { 200: { description: 'Tệp' } },
    },
    async (c) => {
      const { agencyId, attachmentId } = c.req.valid('param');
      return downloadResponse(await getAttachment(c.var.db, { agencyId }, attachmentId)) as never;
    },
  );
}
