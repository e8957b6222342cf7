// GET /api/todo: the home page's to-do list. The modules register their lines (AppModule.todo);
// this route keeps the lines the user may see in the current council and in each agency they
// answer for, and asks each module for its counts once per council or agency.
import { z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import { modules } from '../modules/index.ts';
import { agencies, councils } from '../modules/directory/schema.ts';
import { can, SUPER_ROLE, type AuthUser } from './permissions.ts';
import { forbidden } from './errors.ts';
import { Id, jsonOk, type Router } from './route.ts';
import type { TodoEntry } from './module.ts';

const holdsRole = (user: AuthUser, e: TodoEntry, target: { councilId?: string; agencyId?: string }) =>
  !e.roles ||
  user.grants.some(
    (g) => g.role !== SUPER_ROLE && e.roles!.includes(g.role) && ((target.councilId && g.councilId === target.councilId) || (target.agencyId && g.agencyId === target.agencyId)),
  );

const visible = (user: AuthUser, e: TodoEntry, target: { councilId?: string; agencyId?: string }) =>
  can(user, e.permission, target) && holdsRole(user, e, target);

export function todoRoutes(r: Router) {
  r.add(
    {
      method: 'get', path: '/todo', summary: 'Việc cần làm của tôi: số đếm và đường dẫn đến danh sách đã lọc', scope: 'authenticated',
      request: { query: z.object({ councilId: Id.optional() }) },
      responses: { 200: jsonOk(z.object({ groups: z.array(z.object({}).passthrough()) })) },
    },
    async (c) => {
      const user = c.var.user!;
      const { councilId } = c.req.valid('query');
      const entries = modules.flatMap((m) => (m.todo ? m.todo.entries.map((e) => ({ e, source: m.todo! })) : []));
      // Agencies the user answers for (a grant scoped to the agency); administrators see councils only.
      const agencyIds = [...new Set(user.grants.filter((g) => g.agencyId).map((g) => g.agencyId!))];
      if (councilId && !user.grants.some((g) => g.councilId === councilId || g.role === SUPER_ROLE)) throw forbidden();
      const targets = [
        ...(councilId ? [{ scope: 'council' as const, id: councilId, target: { councilId } }] : []),
        ...agencyIds.map((id) => ({ scope: 'agency' as const, id, target: { agencyId: id } })),
      ];
      const [councilRows, agencyRows] = await Promise.all([
        councilId ? c.var.db.select({ id: councils.id, name: councils.name }).from(councils).where(eq(councils.id, councilId)) : [],
        agencyIds.length ? c.var.db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(and(inArray(agencies.id, agencyIds))) : [],
      ]);
      const names = new Map([...councilRows, ...agencyRows].map((x) => [x.id, x.name]));
      const groups = await Promise.all(
        targets.map(async (t) => {
          const mine = entries.filter(({ e }) => e.scope === t.scope && visible(user, e, t.target));
          const sources = [...new Set(mine.map((m) => m.source))];
          const counted = Object.assign(
            {},
            ...(await Promise.all(
              sources.map((s) =>
                s.count({
                  db: c.var.db,
                  now: c.var.deps.clock(),
                  user,
                  scope: t.scope === 'council' ? { councilId: t.id } : { agencyId: t.id },
                  keys: new Set(mine.filter((m) => m.source === s).map((m) => m.e.key)),
                }),
              ),
            )),
          );
          const lines = mine
            .map(({ e }) => ({ e, n: counted[e.key] }))
            .filter((x) => x.n)
            .sort((a, b) => a.e.order - b.e.order)
            .map(({ e, n }) => ({ key: e.key, label: e.label, tone: e.tone ?? 'info', ...n }));
          return { scope: t.scope, id: t.id, name: names.get(t.id) ?? '', entries: lines };
        }),
      );
      return c.json({ groups: groups.filter((g) => g.entries.length) }, 200);
    },
  );
}
