// The secretariat edits a rule set of the council's session profile: only values that differ from
// the shipped default are stored, so everything else keeps its "mặc định, chưa kiểm chứng" mark.
// Due dates of sessions not yet closed under that rule set follow in the same transaction.
import { and, eq } from 'drizzle-orm';
import { invalid } from '../../../server/errors.ts';
import { validateProfile, type SessionProfile } from '../../../domain/sessions/index.ts';
import { recordEvent } from '../../audit/service.ts';
import { invalidate } from '../../../db/cache.ts';
import { councilLevel, openSessionIds, recomputeDueDates, type ActionCtx } from '../common.ts';
import { defaultSessionRuleSets } from '../../../domain/sessions/index.ts';
import { sessionProfiles } from '../schema.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The parts of `p` that differ from `d`, by group (a lead-time rule is kept or dropped whole). */
export function changedParts(p: SessionProfile, d: SessionProfile): Record<string, unknown> {
  const outp: Record<string, unknown> = {};
  const lead: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.leadTimes)) if (!same(v, d.leadTimes[k as keyof SessionProfile['leadTimes']])) lead[k] = v;
  if (Object.keys(lead).length) outp.leadTimes = lead;
  const speak: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.speakingMinutes)) if (v !== d.speakingMinutes[k as keyof SessionProfile['speakingMinutes']]) speak[k] = v;
  if (Object.keys(speak).length) outp.speakingMinutes = speak;
  for (const k of ['dueSoonWorkingDays', 'writtenAnswerDays', 'commitmentReportDaysBefore'] as const) if (p[k] !== d[k]) outp[k] = p[k];
  const chamber: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.chamber)) if (v !== d.chamber[k as keyof SessionProfile['chamber']]) chamber[k] = v;
  if (Object.keys(chamber).length) outp.chamber = chamber;
  return outp;
}

export async function saveProfile(ctx: ActionCtx, councilId: string, input: { ruleSetKey: string; profile: unknown }) {
  const checked = validateProfile(input.profile);
  if (!checked.ok) throw invalid(checked.errors.map((e) => e.message).join(' '), checked.errors);
  const set = defaultSessionRuleSets(await councilLevel(ctx.db, councilId)).find((s) => s.key === input.ruleSetKey);
  if (!set) throw invalid('Bộ quy định kỳ họp không tồn tại.');
  const stored = changedParts(checked.profile, set.profile);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(sessionProfiles)
      .where(and(eq(sessionProfiles.councilId, councilId), eq(sessionProfiles.ruleSetKey, set.key))).for('update');
    if (before) await tx.update(sessionProfiles).set({ profile: stored, updatedAt: new Date() }).where(eq(sessionProfiles.id, before.id));
    else await tx.insert(sessionProfiles).values({ councilId, ruleSetKey: set.key, profile: stored });
    const recomputed = await recomputeDueDates(tx, await openSessionIds(tx, { councilId, ruleSetKey: set.key }));
    // The rule sets are cached with the council's settings (ruleSetsOf).
    await invalidate(tx, 'settings');
    await recordEvent(tx, ctx.actor, {
      action: 'session_profile.update', entityType: 'session_profile', entityId: councilId, councilId,
      before: { ruleSetKey: set.key, profile: before?.profile ?? {} }, after: { ruleSetKey: set.key, profile: stored, recomputed },
    });
    return { ruleSetKey: set.key, stored, recomputed };
  });
}
