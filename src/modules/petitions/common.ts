// Shared helpers of the petitions actions: scoped loaders (a record of another council is a 404),
// the working calendar from the holiday table, council settings, search keys and levels in force.
import { searchDocuments } from '../../domain/text/searchQuery.ts';
import type { SearchRequest } from '../../db/textSearch.ts';
import { currentAbbreviations } from '../textSettings/dictionary.ts';
import { eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { processCache } from '../../db/cache.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { createWorkingCalendar, KNOWN_OVERRIDES, todayInVietnam, type WorkingCalendar, type YearOverrides } from '../../domain/calendar/index.ts';
import { levelsInForce } from '../../domain/petitions/counting.ts';
import { withDefaults, type PetitionSettings } from '../../domain/petitions/deadlines.ts';
import type { Actor } from '../audit/service.ts';
import { adminUnits, councils } from '../directory/schema.ts';
import {
  contactMeetings, holidayOverrides, opinions, petitionRounds, petitionSettings, petitions,
} from './schema.ts';

export type DbOrTx = Db | Tx;

/** What every action receives besides its input. */
export interface ActionCtx {
  db: Db;
  actor: Actor;
  /** The app clock's now. */
  now: Date;
}

export const today = (now: Date) => todayInVietnam(now);

/** Row → JSON-ready object (timestamps as ISO strings). */
export { out } from '../../db/rows.ts';

/** The message two clerks racing on the same opinions get (one wins, the other is told). */
export const OPINION_TAKEN =
  'Ý kiến này vừa được người khác tổng hợp hoặc chỉnh sửa. Vui lòng tải lại danh sách rồi thực hiện lại.';
export const PETITION_CHANGED = 'Kiến nghị này vừa được người khác chỉnh sửa. Vui lòng tải lại rồi thực hiện lại.';

/**
 * The two search columns of a petition or opinion (src/domain/text/searchQuery.ts), with the
 * abbreviation dictionary in force (defaults + the administrator's, src/modules/textSettings).
 */
export function searchColumnsOf(...parts: (string | null | undefined)[]): { searchText: string; exactText: string } {
  const text = parts.filter(Boolean).join(' ');
  const d = searchDocuments(text, currentAbbreviations());
  return { searchText: d.search, exactText: d.exact };
}

/** A list request searched by text over a table's search vector, with the dictionary in force. */
export function searchRequest(vector: AnyColumn, q: string | undefined, filters: SQL | undefined, page: { page: number; pageSize: number }): SearchRequest {
  return { vector, query: q, dict: currentAbbreviations(), filters, page: page.page, pageSize: page.pageSize };
}

// Calendar and settings ---------------------------------------------------------------------------

/**
 * The holiday override table in force: the administrator's rows, and for years without a row the
 * verified official decisions shipped with the calendar (KNOWN_OVERRIDES). The demo seed writes
 * those into the table; a fresh installation reads them from code until an administrator edits
 * the year (an empty database stays empty, so it can receive a backup).
 */
export async function loadOverrides(db: DbOrTx): Promise<YearOverrides[]> {
  const rows = (await db.select().from(holidayOverrides).orderBy(holidayOverrides.year)).map((r) => r.data as YearOverrides);
  const years = new Set(rows.map((r) => r.year));
  return [...rows, ...KNOWN_OVERRIDES.filter((o) => !years.has(o.year))].sort((a, b) => a.year - b.year);
}

/** The working calendar (cached per process until the holiday table changes, src/db/cache.ts). */
export const loadCalendar: (db: DbOrTx) => Promise<WorkingCalendar> = processCache('calendar', async (db) => createWorkingCalendar(await loadOverrides(db)));

/** A council's settings (cached per process until settings change, src/db/cache.ts). */
export const loadSettings: (db: DbOrTx, councilId: string) => Promise<PetitionSettings> = processCache('settings', async (db, councilId) => {
  const [row] = await db.select().from(petitionSettings).where(eq(petitionSettings.councilId, councilId));
  return withDefaults(row?.settings);
});

/**
 * The settings of several councils in one query (all councils when `councilIds` is omitted), as a
 * lookup that falls back to the defaults for a council that never changed its settings.
 */
export async function settingsOfCouncils(db: DbOrTx, councilIds?: readonly string[]): Promise<(councilId: string) => PetitionSettings> {
  const ids = councilIds ? [...new Set(councilIds)] : null;
  const rows = ids === null
    ? await db.select().from(petitionSettings)
    : ids.length ? await db.select().from(petitionSettings).where(inArray(petitionSettings.councilId, ids)) : [];
  const byCouncil = new Map(rows.map((r) => [r.councilId, withDefaults(r.settings)]));
  const defaults = withDefaults({});
  return (councilId) => byCouncil.get(councilId) ?? defaults;
}

// Scoped loaders ---------------------------------------------------------------------------------

export async function councilRow(db: DbOrTx, councilId: string) {
  const [c] = await db.select().from(councils).where(eq(councils.id, councilId));
  if (!c) throw notFound('hội đồng nhân dân');
  return c;
}

export async function roundOf(db: DbOrTx, councilId: string, roundId: string, opts: { open?: boolean } = {}) {
  const [r] = await db.select().from(petitionRounds).where(eq(petitionRounds.id, roundId));
  if (!r || r.councilId !== councilId) throw notFound('đợt tiếp xúc cử tri');
  if (opts.open && r.status !== 'open') throw conflict(`Đợt "${r.name}" đã kết thúc; không thể thêm hoặc sửa dữ liệu của đợt này.`);
  return r;
}

/** The council's meeting; with `roundId`, only if it belongs to that round (the path it is addressed by). */
export async function meetingOf(db: DbOrTx, councilId: string, meetingId: string, roundId?: string) {
  const [m] = await db.select().from(contactMeetings).where(eq(contactMeetings.id, meetingId));
  if (!m || m.councilId !== councilId || (roundId !== undefined && m.roundId !== roundId)) throw notFound('hội nghị tiếp xúc cử tri');
  return m;
}

export async function petitionOf(db: DbOrTx, councilId: string, petitionId: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(petitions).where(eq(petitions.id, petitionId));
  const [p] = opts.lock ? await q.for('update') : await q;
  if (!p || p.councilId !== councilId) throw notFound('kiến nghị');
  return p;
}

export async function opinionOf(db: DbOrTx, councilId: string, opinionId: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(opinions).where(eq(opinions.id, opinionId));
  const [o] = opts.lock ? await q.for('update') : await q;
  if (!o || o.councilId !== councilId) throw notFound('ý kiến cử tri');
  return o;
}

/**
 * Locks opinions in id order (no deadlock between two clerks) and checks each is still what the
 * caller saw: same council, the expected version, and (when `free`) not yet in a petition.
 */
export async function lockOpinions(
  tx: DbOrTx,
  councilId: string,
  items: readonly { id: string; version?: number }[],
  opts: { free?: boolean; petitionId?: string } = {},
) {
  const ids = [...new Set(items.map((i) => i.id))].sort();
  if (ids.length !== items.length) throw conflict('Danh sách có ý kiến bị lặp lại.');
  const rows = await tx.select().from(opinions).where(inArray(opinions.id, ids)).orderBy(opinions.id).for('update');
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const i of items) {
    const r = byId.get(i.id);
    if (!r || r.councilId !== councilId) throw notFound('ý kiến cử tri');
    if (i.version !== undefined && r.version !== i.version) throw conflict(OPINION_TAKEN, { opinionId: r.id });
    if (opts.free && r.petitionId) throw conflict(OPINION_TAKEN, { opinionId: r.id });
    if (opts.petitionId && r.petitionId !== opts.petitionId) throw conflict(OPINION_TAKEN, { opinionId: r.id });
    if (r.kind === 'complaint') throw conflict('Ý kiến đã được đánh dấu là khiếu nại, tố cáo nên không đưa vào kiến nghị.', { opinionId: r.id });
  }
  return items.map((i) => byId.get(i.id)!);
}

export async function nextPetitionNumber(tx: DbOrTx, councilId: string): Promise<number> {
  // Serialise numbering per council on the council row.
  await tx.execute(sql`select id from councils where id = ${councilId} for update`);
  const [r] = await tx
    .select({ n: sql<number>`coalesce(max(${petitions.number}), 0)::int` })
    .from(petitions)
    .where(eq(petitions.councilId, councilId));
  return (r?.n ?? 0) + 1;
}

// Levels in force ---------------------------------------------------------------------------------

/** The unit chain of a council, top down (province … own unit), valid at `at`. */
export async function unitChain(db: DbOrTx, unitId: string) {
  const chain: (typeof adminUnits.$inferSelect)[] = [];
  let cur: string | null = unitId;
  for (let i = 0; cur && i < 20; i++) {
    const [u] = await db.select().from(adminUnits).where(eq(adminUnits.id, cur));
    if (!u) break;
    chain.unshift(u);
    cur = u.parentId;
  }
  return chain;
}

/** Competent levels for a council: central + its unit's chain (see domain/petitions/counting.ts). */
export async function councilLevels(db: DbOrTx, councilId: string): Promise<string[]> {
  const c = await councilRow(db, councilId);
  return levelsInForce(await unitChain(db, c.unitId));
}

/** Units that became `unitId` (transitively), `unitId` included: a commune's predecessors. */
export async function predecessorUnits(db: DbOrTx, unitId: string): Promise<string[]> {
  const seen = new Set([unitId]);
  let frontier = [unitId];
  for (let i = 0; i < 10 && frontier.length; i++) {
    const rows = await rowsOf<{ from_unit_id: string }>(db, sql`select from_unit_id from unit_successions where to_unit_id in ${frontier}`);
    frontier = rows.map((x) => x.from_unit_id).filter((id) => !seen.has(id));
    frontier.forEach((id) => seen.add(id));
  }
  return [...seen];
}


/** Rows of a raw SQL query (the driver's result shape differs between PGlite and node-postgres only in extras). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The `total` of a count query. */
export async function totalOf(q: PromiseLike<{ total: number }[]>): Promise<number> {
  return (await q)[0]?.total ?? 0;
}

export type { PageRequest } from '../../db/paging.ts';
