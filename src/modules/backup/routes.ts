import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Router } from '../../server/route.ts';
import type { AppEnv } from '../../server/context.ts';
import { SUPER_ROLE, type AuthUser } from '../../server/permissions.ts';
import { fileResponse } from '../../server/download.ts';
import { backupDatabase } from '../../db/backup.ts';
import { actorOf, recordEvent, type Actor } from '../audit/service.ts';
import { redeemToken, TOKEN_HEADER } from './cliToken.ts';

const BACKUP_PATH = '/api/admin/backup';

/** Who `nghitruong backup` is on the one request its token admits. */
const CLI_USER: AuthUser = {
  id: 'nghitruong-cli',
  username: 'nghitruong-cli',
  fullName: 'Dòng lệnh nghitruong backup',
  grants: [{ role: SUPER_ROLE, councilId: null, bodyId: null, agencyId: null }],
  csrfToken: '',
  mustChangePassword: false,
  mustEnrollTotp: false,
  sessionId: '',
};

/** Admits the command line's one-time token on the backup endpoint (and nowhere else). */
export const cliBackupToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const dataDir = c.var.deps.dataDir;
  if (dataDir && c.req.method === 'GET' && c.req.path === BACKUP_PATH && c.req.header(TOKEN_HEADER)) {
    if (redeemToken(dataDir, c.req.header(TOKEN_HEADER))) c.set('user', CLI_USER);
  }
  await next();
};

export function backupRoutes(router: Router) {
  router.add(
    {
      method: 'get',
      path: '/admin/backup',
      summary: 'Tải bản sao lưu toàn bộ cơ sở dữ liệu (một thời điểm nhất quán, tệp .json.gz)',
      permission: 'system.backup',
      scope: 'global',
      responses: {
        200: { description: 'Tệp sao lưu', content: { 'application/gzip': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } } },
      },
    },
    async (c) => {
      const { db, deps } = c.var;
      const user = c.var.user!;
      const actor: Actor = user === CLI_USER ? { id: null, name: CLI_USER.fullName } : actorOf(user);
      const bytes = await backupDatabase(db);
      const at = deps.clock();
      await recordEvent(db, actor, { action: 'database.backup', entityType: 'database', entityId: deps.dbKind, after: { bytes: bytes.byteLength } });
      const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      return fileResponse(bytes, `nghitruong-sao-luu-${stamp}.json.gz`, 'application/gzip') as never;
    },
  );
}
