// What a module brings to the app (Decidim-style manifest). The server and the web shell only read
// these registrations; they know nothing of petitions or delegates.
import type { MiddlewareHandler } from 'hono';
import type { Router } from './route.ts';
import type { AppEnv } from './context.ts';
import type { PermissionDef } from './permissions.ts';
import type { Db } from '../db/client.ts';

export interface MenuEntry {
  key: string;
  /** Vietnamese label shown in the left menu. */
  label: string;
  /** Web path, e.g. /directory/delegates; `:councilId` is replaced by the current council. */
  path: string;
  /** Shown when the user holds this permission (in the current council for council entries). */
  permission: string;
  scope: 'global' | 'council' | 'agency';
  group?: string;
  order: number;
}

export interface SeedContext {
  db: Db;
  /** Ids created by earlier modules' seeds, by a stable key (e.g. "council:duc-pho"). */
  ids: Map<string, string>;
  today: Date;
}

export interface AppModule {
  name: string;
  permissions?: Record<string, PermissionDef>;
  routes?: (router: Router) => void;
  menu?: MenuEntry[];
  /** Titles of the menu groups this module introduces (a group may hold other modules' entries). */
  menuGroups?: Record<string, string>;
  /** Runs around every API request, after the user is known (e.g. per-database caches). */
  middleware?: MiddlewareHandler<AppEnv>;
  /** Demo data; modules seed in the order they are listed in src/modules/index.ts. */
  seedDemo?: (ctx: SeedContext) => Promise<void>;
}
