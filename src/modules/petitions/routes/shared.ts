// Route helpers shared by the petitions routes.
import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { uploadedFile } from '../../../server/upload.ts';
import type { AppEnv } from '../../../server/context.ts';
import { can } from '../../../server/permissions.ts';
import { invalid } from '../../../server/errors.ts';
import { Id } from '../../../server/route.ts';
import { actorOf } from '../../audit/service.ts';
import { loadCalendar, loadSettings, today, type ActionCtx } from '../common.ts';

export const param = (name: string) => Id.openapi({ param: { name, in: 'path' } });
export const Obj = z.object({}).passthrough();
export const Ok = z.object({ ok: z.literal(true) }).passthrough();

export function ctxOf(c: Context<AppEnv>): ActionCtx {
  return { db: c.var.db, actor: actorOf(c.var.user), now: c.var.deps.clock() };
}

export async function envOf(c: Context<AppEnv>, councilId?: string) {
  const db = c.var.db;
  const [calendar, settings] = await Promise.all([loadCalendar(db), councilId ? loadSettings(db, councilId) : loadSettings(db, '00000000-0000-0000-0000-000000000000')]);
  return { day: today(c.var.deps.clock()), calendar, settings };
}

export const canSeeVoters = (c: Context<AppEnv>, councilId: string) => can(c.var.user, 'petitions.voters', { councilId });

export const fileFrom = (form: { file?: unknown }, maxBytes: number, what = 'tệp') =>
  uploadedFile(form, { maxBytes, missing: `Hãy chọn ${what}.` });

export const VersionRef = z.object({ id: Id, version: z.number().int().min(1) });
