// The guard before publication. A petition's text may still carry a voter's name, a phone number,
// an ID-card number or a house address (domain/text/personal.ts). The public page shows a petition
// only while `privacy_cleared_text` equals its text: set automatically when the guard finds
// nothing (every write of a petition's text, and publishing a round), or by the clerk who read the
// warning and confirmed the text is not personal. Editing the text clears it again.
import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { conflict } from '../../server/errors.ts';
import { recordEvent } from '../audit/service.ts';
import { delegates } from '../directory/schema.ts';
import { personalDataGuard, PERSONAL_KIND_LABELS, type PersonalFinding } from '../../domain/text/personal.ts';
import { PETITION_CHANGED, petitionOf, roundOf, type ActionCtx, type DbOrTx } from './common.ts';
import { opinions, petitionRoundEntries, petitions } from './schema.ts';

type PetitionRow = typeof petitions.$inferSelect;

/** The people a council's petitions may name: the voters of the rounds and petitions, its delegates. */
async function knownNames(tx: DbOrTx, councilId: string, roundIds: readonly string[], petitionIds: readonly string[]): Promise<string[]> {
  const voters = await tx
    .selectDistinct({ name: opinions.voterName })
    .from(opinions)
    .where(
      and(
        eq(opinions.councilId, councilId),
        ne(opinions.voterName, ''),
        or(
          roundIds.length ? inArray(opinions.roundId, [...roundIds]) : sql`false`,
          petitionIds.length ? inArray(opinions.petitionId, [...petitionIds]) : sql`false`,
        ),
      ),
    );
  const ds = await tx.select({ name: delegates.fullName }).from(delegates).where(eq(delegates.councilId, councilId));
  return [...voters, ...ds].map((r) => r.name);
}

/** What the guard finds in each petition's text. */
export async function privacyFindings(tx: DbOrTx, councilId: string, rows: readonly PetitionRow[]): Promise<Map<string, PersonalFinding[]>> {
  const out = new Map<string, PersonalFinding[]>();
  if (!rows.length) return out;
  const names = await knownNames(tx, councilId, [...new Set(rows.map((r) => r.roundId))], rows.map((r) => r.id));
  const guard = personalDataGuard(names);
  for (const r of rows) out.set(r.id, guard(r.text));
  return out;
}

/**
 * Runs the guard on petitions whose text is not cleared yet and clears those where it finds
 * nothing. Part of the caller's action (same transaction); returns the petitions held back.
 */
export async function clearIfNotPersonal(tx: DbOrTx, councilId: string, petitionIds: readonly string[]) {
  if (!petitionIds.length) return [];
  const rows = await tx
    .select()
    .from(petitions)
    .where(
      and(
        inArray(petitions.id, [...petitionIds]),
        or(isNull(petitions.privacyClearedText), ne(petitions.privacyClearedText, petitions.text)),
      ),
    );
  const findings = await privacyFindings(tx, councilId, rows);
  const clean = rows.filter((r) => !findings.get(r.id)!.length).map((r) => r.id);
  if (clean.length) await tx.update(petitions).set({ privacyClearedText: sql`${petitions.text}` }).where(inArray(petitions.id, clean));
  return rows.filter((r) => findings.get(r.id)!.length).map((r) => ({ id: r.id, number: r.number, findings: findings.get(r.id)! }));
}

/** The petitions of a round held back from the public page, with what the guard found (a read). */
export async function heldBack(db: DbOrTx, councilId: string, roundId: string) {
  const round = await roundOf(db, councilId, roundId);
  const rows = await db
    .select()
    .from(petitions)
    .where(
      and(
        eq(petitions.councilId, councilId),
        sql`exists (select 1 from ${petitionRoundEntries} e where e.petition_id = ${petitions.id} and e.round_id = ${roundId})`,
        or(isNull(petitions.privacyClearedText), ne(petitions.privacyClearedText, petitions.text)),
      ),
    )
    .orderBy(petitions.number);
  const findings = await privacyFindings(db, councilId, rows);
  return {
    published: round.published,
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      version: r.version,
      text: r.text,
      findings: findings.get(r.id)!.map((f) => ({ ...f, kindLabel: PERSONAL_KIND_LABELS[f.kind] })),
    })),
  };
}

/** Runs the guard on every petition of a round (publishing it, or after the clerk's edits). */
export async function checkRoundPrivacy(tx: DbOrTx, councilId: string, roundId: string) {
  const ids = await tx.select({ id: petitionRoundEntries.petitionId }).from(petitionRoundEntries).where(eq(petitionRoundEntries.roundId, roundId));
  return clearIfNotPersonal(tx, councilId, ids.map((r) => r.id));
}

/** The clerk asks for the check again (after editing, or for a round published before the guard existed). */
export async function recheckRound(ctx: ActionCtx, councilId: string, roundId: string) {
  return ctx.db.transaction(async (tx) => {
    await roundOf(tx, councilId, roundId);
    const held = await checkRoundPrivacy(tx, councilId, roundId);
    await recordEvent(tx, ctx.actor, {
      action: 'petition_round.privacy_check', entityType: 'petition_round', entityId: roundId, councilId,
      after: { held: held.map((h) => h.number) },
    });
    return { held: held.length };
  });
}

/** The clerk read the warning and confirms the text is not personal: it may be published as it is. */
export async function confirmNotPersonal(ctx: ActionCtx, councilId: string, petitionId: string, input: { version: number }) {
  return ctx.db.transaction(async (tx) => {
    const p = await petitionOf(tx, councilId, petitionId, { lock: true });
    if (p.version !== input.version) throw conflict(PETITION_CHANGED);
    const [f] = (await privacyFindings(tx, councilId, [p])).values();
    await tx.update(petitions).set({ privacyClearedText: p.text }).where(eq(petitions.id, p.id));
    // The kinds found, not the matched words: the audit log is read beyond the secretariat.
    await recordEvent(tx, ctx.actor, {
      action: 'petition.privacy_confirm',
      entityType: 'petition',
      entityId: p.id,
      councilId,
      after: { number: p.number, findings: (f ?? []).map((x) => PERSONAL_KIND_LABELS[x.kind]) },
    });
    return { id: p.id, number: p.number, cleared: true };
  });
}
