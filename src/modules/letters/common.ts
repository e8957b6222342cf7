// Shared helpers of the letters module: the scoped loader, the rule sets and calendar, a domain
// rule error as a Vietnamese 422, and who a viewer is for a letter (domain audienceOf).
import { and, eq, sql } from 'drizzle-orm';
import { notFound } from '../../server/errors.ts';
import { can, type AuthUser } from '../../server/permissions.ts';
import { fold } from '../../domain/text/normalize.ts';
import { audienceOf, defaultLetterRuleSets, type Audience, type LetterRuleSet } from '../../domain/letters/index.ts';
import { delegateOf } from '../sessions/portal/actions.ts';
import { letters } from './schema.ts';
import type { DbOrTx } from '../petitions/common.ts';
import { ruleError, domain } from '../../server/ruleErrors.ts';
export { ruleError, domain };

export { loadCalendar, today, out, type ActionCtx, type DbOrTx } from '../petitions/common.ts';
export { knownYears } from '../sessions/common.ts';

/** The shipped rule sets (letters-2013 until 30/06/2026, letters-2026 after); council edits are not stored yet. */
export function letterRuleSets(): LetterRuleSet[] {
  return defaultLetterRuleSets();
}

export type LetterRow = typeof letters.$inferSelect;

export async function letterOf(db: DbOrTx, councilId: string, letterId: string, opts: { lock?: boolean } = {}): Promise<LetterRow> {
  const q = db.select().from(letters).where(and(eq(letters.id, letterId), eq(letters.councilId, councilId)));
  const [l] = opts.lock ? await q.for('update') : await q;
  if (!l) throw notFound('đơn');
  return l;
}

export async function nextLetterNumber(tx: DbOrTx, councilId: string, year: number): Promise<number> {
  await tx.execute(sql`select id from councils where id = ${councilId} for update`);
  const [r] = await tx
    .select({ n: sql<number>`coalesce(max(${letters.number}), 0)::int` })
    .from(letters)
    .where(and(eq(letters.councilId, councilId), eq(letters.year, year)));
  return (r?.n ?? 0) + 1;
}

const KIND_PREFIX: Record<string, string> = { complaint: 'KN', denunciation: 'TC', request: 'KNg', feedback: 'PA' };
export const referenceOf = (kind: string, year: number, number: number) => `${KIND_PREFIX[kind] ?? 'Đ'}-${year}-${String(number).padStart(4, '0')}`;

/** The folded lookup key: a denunciation's content never reaches search (only its reference). */
export const searchKeyOf = (l: { reference: string; summary: string; respondent: string; handleAsDenunciation: boolean }) =>
  fold(l.handleAsDenunciation ? l.reference : `${l.reference} ${l.summary} ${l.respondent}`);

/** The delegate record of a signed-in user in this council (linked as the portal links it), if they are one. */
export async function delegateOfUser(db: DbOrTx, userId: string, councilId: string): Promise<string | null> {
  return (await delegateOf(db, userId, councilId))?.id ?? null;
}

/** Who the viewer is for this letter: a named handler, the council's staff, or the delegate who received it. */
export function viewerAudience(user: AuthUser, l: Pick<LetterRow, 'councilId' | 'handlerIds'>): Exclude<Audience, 'public'> {
  const role: Exclude<Audience, 'handler'> = can(user, 'letters.manage', { councilId: l.councilId }) ? 'council_staff' : 'delegate';
  return audienceOf(l, { userId: user.id, role }) as Exclude<Audience, 'public'>;
}
