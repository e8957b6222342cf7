// Shared helpers of the sessions module: scoped loaders (a record of another council or agency is
// a 404), the council's rule sets (shipped defaults for its level merged with its own edits), the
// years the holiday table covers, and due dates of expected documents.
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { conflict, notFound } from '../../server/errors.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { defaultSessionRuleSets, dueDateOf, mergeProfile, ruleSetInForce, stepOfDocument, type ExpectedDocumentKind, type SessionRuleSet } from '../../domain/sessions/index.ts';
import { adminUnits, agencies, bodies, councils } from '../directory/schema.ts';
import { councilSessions, sessionDocuments, sessionItems, sessionProfiles } from './schema.ts';
import { loadCalendar, type DbOrTx } from '../petitions/common.ts';
import { processCache } from '../../db/cache.ts';
import { ruleError } from '../../server/ruleErrors.ts';
export { ruleError };

export { loadCalendar, today, out, rowsOf, type ActionCtx, type DbOrTx } from '../petitions/common.ts';

export async function councilLevel(db: DbOrTx, councilId: string): Promise<'province' | 'commune'> {
  const [r] = await db.select({ level: adminUnits.level }).from(councils).innerJoin(adminUnits, eq(adminUnits.id, councils.unitId)).where(eq(councils.id, councilId));
  if (!r) throw notFound('hội đồng nhân dân');
  return r.level === 'province' ? 'province' : 'commune';
}

/**
 * The council's rule sets: the defaults for its level, each merged with the council's stored edits.
 * Cached per process with the council's settings (src/db/cache.ts; saveProfile invalidates them; a
 * council's level never changes): the home page's lines and every session page read them. Shared
 * by the requests that read them: never changed in place.
 */
export const ruleSetsOf: (db: DbOrTx, councilId: string) => Promise<readonly SessionRuleSet[]> = processCache('settings', async (db, councilId) => {
  const [level, stored] = await Promise.all([
    councilLevel(db, councilId),
    db.select().from(sessionProfiles).where(eq(sessionProfiles.councilId, councilId)),
  ]);
  const byKey = new Map(stored.map((s) => [s.ruleSetKey, s.profile]));
  return defaultSessionRuleSets(level).map((set) => {
    const merged = mergeProfile(byKey.get(set.key) ?? {}, set.profile);
    return { ...set, profile: merged.profile, defaults: merged.defaults };
  });
});

export async function ruleSetOf(db: DbOrTx, councilId: string, key: string): Promise<SessionRuleSet> {
  const set = (await ruleSetsOf(db, councilId)).find((s) => s.key === key);
  if (!set) throw notFound('bộ quy định kỳ họp');
  return set;
}

export function inForce(sets: readonly SessionRuleSet[], date: string): SessionRuleSet {
  try {
    return ruleSetInForce(sets, date);
  } catch (err) {
    return ruleError(err);
  }
}

/** Years the holiday table covers (the administrator's rows and the shipped decisions). */
export function knownYears(calendar: WorkingCalendar): { from: number; to: number } {
  const years = calendar.overrides.map((o) => o.year);
  if (!years.length) return { from: 0, to: -1 };
  return { from: Math.min(...years), to: Math.max(...years) };
}

/** The due date of an expected document of a session opening on `openingDate`, under `set`. */
export function dueOf(kind: ExpectedDocumentKind, openingDate: string, set: SessionRuleSet, calendar: WorkingCalendar) {
  try {
    const c = dueDateOf(stepOfDocument(kind), openingDate, set.profile, calendar, knownYears(calendar));
    return { dueDate: c?.due ?? null, dueExplanation: c ?? null };
  } catch (err) {
    return ruleError(err);
  }
}

/**
 * Recomputes the due dates of every expected document of the given sessions (after a new opening
 * date or a profile edit), inside the caller's transaction: a year the calendar does not cover
 * refuses the whole change.
 */
export async function recomputeDueDates(tx: DbOrTx, sessionIds: string[]): Promise<number> {
  if (!sessionIds.length) return 0;
  const calendar = await loadCalendar(tx);
  const sessions = await tx.select().from(councilSessions).where(inArray(councilSessions.id, sessionIds));
  let changed = 0;
  for (const s of sessions) {
    const set = await ruleSetOf(tx, s.councilId, s.ruleSetKey);
    const docs = await tx.select().from(sessionDocuments).where(eq(sessionDocuments.sessionId, s.id));
    for (const d of docs) {
      const due = dueOf(d.kind as ExpectedDocumentKind, s.openingDate, set, calendar);
      if (due.dueDate === d.dueDate && JSON.stringify(due.dueExplanation) === JSON.stringify(d.dueExplanation)) continue;
      await tx.update(sessionDocuments).set({ ...due, updatedAt: new Date() }).where(eq(sessionDocuments.id, d.id));
      changed++;
    }
  }
  return changed;
}

/** Sessions not yet closed (their due dates follow profile and holiday-table edits), of a council and rule set or all. */
export async function openSessionIds(tx: DbOrTx, f: { councilId?: string; ruleSetKey?: string } = {}): Promise<string[]> {
  const rows = await tx.select({ id: councilSessions.id }).from(councilSessions).where(and(
    ne(councilSessions.state, 'closed'),
    f.councilId ? eq(councilSessions.councilId, f.councilId) : undefined,
    f.ruleSetKey ? eq(councilSessions.ruleSetKey, f.ruleSetKey) : undefined,
  ));
  return rows.map((r) => r.id);
}

// Scoped loaders ---------------------------------------------------------------------------------

export async function sessionOf(db: DbOrTx, councilId: string, sessionId: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(councilSessions).where(eq(councilSessions.id, sessionId));
  const [s] = opts.lock ? await q.for('update') : await q;
  if (!s || s.councilId !== councilId) throw notFound('kỳ họp');
  return s;
}

/** A session whose preparation may still change (not closed). */
export function assertOpen(s: { state: string; title: string }) {
  if (s.state === 'closed') throw conflict(`${s.title} đã bế mạc; không thể thay đổi việc chuẩn bị.`);
}

export async function itemOf(db: DbOrTx, councilId: string, itemId: string) {
  const [i] = await db.select().from(sessionItems).where(eq(sessionItems.id, itemId));
  if (!i || i.councilId !== councilId) throw notFound('nội dung trình kỳ họp');
  return i;
}

/** An expected document, seen from a council or from the presenting agency. */
export async function documentOf(db: DbOrTx, scope: { councilId?: string; agencyId?: string }, documentId: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(sessionDocuments).where(eq(sessionDocuments.id, documentId));
  const [d] = opts.lock ? await q.for('update') : await q;
  if (!d || (scope.councilId && d.councilId !== scope.councilId) || (scope.agencyId && d.agencyId !== scope.agencyId)) {
    throw notFound('tài liệu kỳ họp');
  }
  return d;
}

export async function itemsOfSession(db: DbOrTx, sessionId: string) {
  return db.select().from(sessionItems).where(eq(sessionItems.sessionId, sessionId)).orderBy(asc(sessionItems.position));
}

/** Names of the presenting agencies and bodies of some items, by id. */
export async function presenterNames(db: DbOrTx, items: { presenterAgencyId: string | null; presenterBodyId: string | null }[]): Promise<Map<string, string>> {
  const agencyIds = [...new Set(items.map((i) => i.presenterAgencyId).filter((x): x is string => !!x))];
  const bodyIds = [...new Set(items.map((i) => i.presenterBodyId).filter((x): x is string => !!x))];
  const [ags, bs] = await Promise.all([
    agencyIds.length ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, agencyIds)) : [],
    bodyIds.length ? db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(inArray(bodies.id, bodyIds)) : [],
  ]);
  return new Map([...ags, ...bs].map((x) => [x.id, x.name]));
}
