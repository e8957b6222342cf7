// What a module brings to the app (Decidim-style manifest). The server and the web shell only read
// these registrations; they know nothing of petitions or delegates.
import type { MiddlewareHandler } from 'hono';
import type { Router } from './route.ts';
import type { AppConfig, AppEnv } from './context.ts';
import type { AuthUser, PermissionDef } from './permissions.ts';
import type { Db } from '../db/client.ts';


import type { MenuIcon } from './menuIcons.ts';

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
  /** The picture beside the label. */
  icon: MenuIcon;
}

/** How a user receives one kind of notification. */
export type NotificationChannel = 'app' | 'email' | 'digest' | 'off';

/** A kind of notification a module sends (through src/modules/notifications/service.ts). */
export interface NotificationKind {
  /** Vietnamese label on the preferences page, e.g. "Kiến nghị được chuyển đến cơ quan". */
  label: string;
  /** Who receives it, in Vietnamese (shown under the label). */
  audience: string;
  /** The channel when the user has not chosen one. */
  defaultChannel: NotificationChannel;
}

/**
 * One line of a role's to-do list (the home page): a count and a link to the list it counts,
 * opened already filtered. The count must use the list's own filter (the same query function).
 */
export interface TodoEntry {
  key: string;
  /** Vietnamese, e.g. "Ý kiến chờ phân loại". */
  label: string;
  /** Shown when the user holds this permission in the council (or agency). */
  permission: string;
  scope: 'council' | 'agency';
  /** Only for users holding one of these roles there (the permission alone is wider). */
  roles?: string[];
  order: number;
  /** danger: late work; warning: work waiting; info: to know. */
  tone?: 'danger' | 'warning' | 'info';
}

export interface TodoCount {
  count: number;
  /** Web path of the filtered list. */
  link: string;
  /** A few of the items (e.g. the next due), for the home page. */
  preview?: { title: string; detail?: string; link: string; tone?: 'danger' | 'warning' | 'info' }[];
  /** Shown under the label, e.g. the delegate group's name. */
  note?: string;
}

export interface TodoSource {
  entries: TodoEntry[];
  /**
   * Counts of the visible entries (`keys`) for one council or agency, in as few queries as
   * possible. An entry left out of the result is not shown (e.g. a delegate without a group).
   */
  count: (ctx: TodoContext) => Promise<Record<string, TodoCount | undefined>>;
}

export interface TodoContext {
  db: Db;
  now: Date;
  user: AuthUser;
  scope: { councilId: string } | { agencyId: string };
  keys: Set<string>;
}

/** A job run once per Vietnam-time day (src/server/jobs.ts), in module order. */
export interface DailyJob {
  key: string;
  /** Earliest hour (Vietnam time, 0–23) at which the day's run starts; default 0. */
  hour?: (config: AppConfig) => number;
  run: (deps: JobDeps) => Promise<{ ran: boolean; summary?: string }>;
}

export interface JobDeps {
  db: Db;
  clock: () => Date;
  config: AppConfig;
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
  /** Kinds of notifications the module sends, by key (e.g. "petition.forwarded"). */
  notificationKinds?: Record<string, NotificationKind>;
  /** Lines of the home page's to-do list, with the function that counts them. */
  todo?: TodoSource;
  /** Jobs run once a day. */
  dailyJobs?: DailyJob[];
  /** Demo data; modules seed in the order they are listed in src/modules/index.ts. */
  seedDemo?: (ctx: SeedContext) => Promise<void>;
}
