// Routes of the speakers' list of an agenda item: read (chamber.floor); add from the floor, set
// the order, call / end a turn (chamber.speakers: the chair, and the secretariat at the console).
import { z } from '@hono/zod-openapi';
import { CouncilParams, Id, PageOnly, jsonBody, jsonOk, optionalText, pageOf, type Router } from '../../../server/route.ts';
import { MAX_SPEECH } from '../../../domain/sessions/portal.ts';
import { SPEAKER_STATUSES, SPEECH_KINDS } from '../../../domain/sessions/floor.ts';
import { addSpeaker, reorderSpeakers, setSpeakerStatus } from './speakers.ts';
import { speakerList } from './speakersQueries.ts';
import { ctxOf } from './attendanceRoutes.ts';

const Obj = z.object({}).passthrough();
const param = (name: string) => Id.openapi({ param: { name, in: 'path' } });
const ItemParams = CouncilParams.extend({ sessionItemId: param('sessionItemId') });
const SpeakerParams = CouncilParams.extend({ chamberSpeakerId: param('chamberSpeakerId') });

export function speakersRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/chamber/items/{sessionItemId}/speakers', summary: 'Danh sách phát biểu của một nội dung theo thứ tự chủ tọa sắp xếp: chờ, đang phát biểu, đã phát biểu, thời gian',
      permission: 'chamber.floor', scope: 'council', request: { params: ItemParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId, sessionItemId } = c.req.valid('param');
      return c.json(await speakerList(c.var.db, councilId, sessionItemId, c.req.valid('query'), c.var.deps.clock()), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/chamber/items/{sessionItemId}/speakers', summary: 'Thêm đại biểu đăng ký phát biểu tại phòng họp (cuối danh sách)',
      permission: 'chamber.speakers', scope: 'council',
      request: {
        params: ItemParams,
        body: jsonBody(z.object({
          delegateId: Id,
          kind: z.enum(SPEECH_KINDS, { message: 'Loại phát biểu phải là phát biểu, chất vấn hoặc trả lời.' }).optional(),
          text: optionalText('Nội dung phát biểu', MAX_SPEECH).nullable().optional(),
        })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionItemId } = c.req.valid('param');
      return c.json(await addSpeaker(ctxOf(c), councilId, sessionItemId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/chamber/items/{sessionItemId}/speakers/order', summary: 'Chủ tọa sắp xếp lại thứ tự phát biểu (gửi kèm phiên bản danh sách đã xem; từ chối nếu danh sách vừa thay đổi)',
      permission: 'chamber.speakers', scope: 'council',
      request: {
        params: ItemParams,
        body: jsonBody(z.object({
          order: z.array(Id, { message: 'Thứ tự phát biểu không hợp lệ.' }).max(500, { message: 'Danh sách phát biểu tối đa 500 người.' }),
          version: z.number({ message: 'Thiếu phiên bản của danh sách phát biểu.' }).int({ message: 'Phiên bản danh sách phải là số nguyên.' }).min(0, { message: 'Phiên bản danh sách không hợp lệ.' }),
        })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionItemId } = c.req.valid('param');
      return c.json(await reorderSpeakers(ctxOf(c), councilId, sessionItemId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/chamber/speakers/{chamberSpeakerId}/status', summary: 'Chủ tọa mời phát biểu (bắt đầu tính giờ), kết thúc lượt, bỏ qua hoặc đưa lại vào danh sách chờ',
      permission: 'chamber.speakers', scope: 'council',
      request: { params: SpeakerParams, body: jsonBody(z.object({ status: z.enum(SPEAKER_STATUSES, { message: 'Trạng thái phát biểu phải là chờ, đang phát biểu hoặc đã phát biểu.' }) })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, chamberSpeakerId } = c.req.valid('param');
      return c.json(await setSpeakerStatus(ctxOf(c), councilId, chamberSpeakerId, c.req.valid('json')), 200);
    },
  );
}
