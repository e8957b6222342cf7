import { z } from '@hono/zod-openapi';
import { Id, jsonBody, jsonOk, optionalText, text, type Router } from '../../server/route.ts';
import { actorOf } from '../audit/service.ts';
import * as svc from './service.ts';

const Entry = z
  .object({
    id: z.string().nullable(),
    abbreviation: z.string(),
    expansion: z.string(),
    numbered: z.boolean(),
    caseSensitive: z.boolean().nullable(),
    note: z.string(),
    source: z.enum(['default', 'custom']),
    sourceLabel: z.string(),
    replacesDefault: z.boolean(),
    replacedBy: z.string().nullable(),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('TextAbbreviation');

const Abbreviation = text('Từ viết tắt', 30).regex(/^[\p{L}\p{N}&.\-]+$/u, {
  message: 'Từ viết tắt chỉ gồm chữ cái, chữ số và các dấu &, -, . (không có khoảng trắng).',
});
const Fields = {
  abbreviation: Abbreviation,
  expansion: text('Nghĩa đầy đủ', 200),
  numbered: z.boolean({ message: 'Trường "đứng trước số" phải là đúng hoặc sai.' }).optional(),
  caseSensitive: z.boolean({ message: 'Trường "chỉ khi viết hoa" phải là đúng, sai hoặc để trống.' }).nullable().optional(),
  note: optionalText('Ghi chú', 500).optional(),
};
const CreateBody = z.object(Fields);
const UpdateBody = z.object(Fields).partial();
const IdParams = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });

export function textSettingsRoutes(r: Router) {
  r.add(
    {
      method: 'get',
      path: '/text/abbreviations',
      summary: 'Từ viết tắt dùng khi tìm kiếm (mặc định và do quản trị viên bổ sung)',
      scope: 'authenticated',
      responses: { 200: jsonOk(z.object({ items: z.array(Entry) })) },
    },
    async (c) => c.json(await svc.listAbbreviations(c.var.db), 200),
  );
  r.add(
    {
      method: 'post',
      path: '/text/abbreviations',
      summary: 'Thêm từ viết tắt',
      permission: 'text.manage',
      scope: 'global',
      request: { body: jsonBody(CreateBody) },
      responses: { 201: jsonOk(Entry) },
    },
    async (c) => c.json(await svc.createAbbreviation(c.var.db, actorOf(c.var.user), c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'patch',
      path: '/text/abbreviations/{id}',
      summary: 'Sửa từ viết tắt do quản trị viên bổ sung',
      permission: 'text.manage',
      scope: 'global',
      request: { params: IdParams, body: jsonBody(UpdateBody) },
      responses: { 200: jsonOk(Entry) },
    },
    async (c) =>
      c.json(await svc.updateAbbreviation(c.var.db, actorOf(c.var.user), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.add(
    {
      method: 'delete',
      path: '/text/abbreviations/{id}',
      summary: 'Xóa từ viết tắt do quản trị viên bổ sung',
      permission: 'text.manage',
      scope: 'global',
      request: { params: IdParams },
      responses: { 200: jsonOk(z.object({ ok: z.literal(true) })) },
    },
    async (c) => c.json(await svc.deleteAbbreviation(c.var.db, actorOf(c.var.user), c.req.valid('param').id), 200),
  );
  r.add(
    {
      method: 'post',
      path: '/text/abbreviations/reindex',
      summary: 'Cập nhật chỉ mục tìm kiếm của kiến nghị và ý kiến cử tri theo từ điển viết tắt hiện hành',
      permission: 'text.manage',
      scope: 'global',
      responses: {
        200: jsonOk(
          z.object({ petitions: z.number().int(), opinions: z.number().int(), total: z.number().int(), scanned: z.number().int() }),
        ),
      },
    },
    async (c) => c.json(await svc.reindexSearch(c.var.db, actorOf(c.var.user)), 200),
  );
}
