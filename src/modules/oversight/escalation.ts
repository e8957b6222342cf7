// The escalation ladder of a recommendation not carried out (supervision.md "Escalation ladder",
// UNVERIFIED — CONFIGURABLE): the council's ladder (its profile, or the shipped default), the
// steps already taken, and one action per step that issues the step's document in the register,
// records the step and projects the recommendation onto the follow-up engine, in one transaction.
import { asc, eq } from 'drizzle-orm';
import { invalid } from '../../server/errors.ts';
import type { AuthUser } from '../../server/permissions.ts';
import { addDays, isIsoDate } from '../../domain/calendar/index.ts';
import {
  DEFAULT_ESCALATION_LADDER, ESCALATION_STEP_LABELS, type EscalationStep, type EscalationStepKind, type EscalationTaken,
} from '../../domain/followup/index.ts';
import { checkEscalation, defaultOversightRuleSets, escalationChoice, ruleSetOfActivity, stepDueDate, validateLadder } from '../../domain/oversight/index.ts';
import { recordEvent } from '../audit/service.ts';
import { issueDocumentTx } from '../documents/service.ts';
import { knownYears } from '../sessions/common.ts';
import { loadCalendar, out, today, type ActionCtx, type DbOrTx } from '../petitions/common.ts';
import {
  activityOf, assertSupervises, eventsOf, lastEscalationLabel, projectRecommendation, recommendationOf, recordOf, reportOf, ruleError,
} from './recommendations.ts';
import { oversightEscalations, oversightFollowupProfiles, oversightRecommendations } from './recommendationsSchema.ts';
import { escalationTemplateKey } from './recommendationsTemplates.ts';

/** The council's ladder and whether it is still the shipped default (UNVERIFIED). */
export async function ladderOf(db: DbOrTx, councilId: string): Promise<{ ladder: EscalationStep[]; isDefault: boolean }> {
  const [row] = await db.select().from(oversightFollowupProfiles).where(eq(oversightFollowupProfiles.councilId, councilId));
  const stored = row?.ladder as EscalationStep[] | undefined;
  return stored && stored.length ? { ladder: stored, isDefault: false } : { ladder: [...DEFAULT_ESCALATION_LADDER], isDefault: true };
}

export function ladderView(l: { ladder: EscalationStep[]; isDefault: boolean }) {
  return {
    isDefault: l.isDefault,
    note: 'Không có văn bản pháp luật quy định thứ tự các bước: đây là mặc định có thể sửa (chưa kiểm chứng).',
    steps: l.ladder.map((s, i) => ({ index: i, kind: s.kind, label: ESCALATION_STEP_LABELS[s.kind], waitDays: s.waitDays })),
  };
}

export async function saveLadder(ctx: ActionCtx, councilId: string, ladder: EscalationStep[]) {
  const errors = validateLadder(ladder);
  if (errors.length) throw invalid(errors.map((e) => e.message).join(' '), { errors });
  return ctx.db.transaction(async (tx) => {
    const before = await ladderOf(tx, councilId);
    const clean = ladder.map((s) => ({ kind: s.kind, waitDays: s.waitDays }));
    await tx.insert(oversightFollowupProfiles).values({ councilId, ladder: clean })
      .onConflictDoUpdate({ target: oversightFollowupProfiles.councilId, set: { ladder: clean, updatedAt: new Date() } });
    await recordEvent(tx, ctx.actor, { action: 'oversight_followup_profile.save', entityType: 'oversight_followup_profile', entityId: councilId, councilId, before: before.ladder, after: clean });
    return ladderView({ ladder: clean, isDefault: false });
  });
}

export async function escalationsOf(db: DbOrTx, recommendationId: string) {
  return db.select().from(oversightEscalations).where(eq(oversightEscalations.recommendationId, recommendationId)).orderBy(asc(oversightEscalations.takenOn), asc(oversightEscalations.createdAt));
}

export const takenOf = (rows: { kind: string; takenOn: string }[]): EscalationTaken[] => rows.map((e) => ({ kind: e.kind as EscalationStepKind, on: e.takenOn }));

/** What the supervising body may do next on one recommendation (for its page). */
export async function escalationOptions(db: DbOrTx, rec: typeof oversightRecommendations.$inferSelect, day: string) {
  if (rec.state === 'draft' || !rec.due) return { open: false, reason: 'Báo cáo chưa ban hành.', next: null, choices: [] };
  const [{ ladder }, taken] = await Promise.all([ladderOf(db, rec.councilId), escalationsOf(db, rec.id)]);
  return escalationChoice({ state: rec.state as never, due: rec.due }, ladder, takenOf(taken), day);
}

export interface EscalateInput {
  kind: EscalationStepKind;
  note?: string | undefined;
  /** The hearing's, the session's or the re-supervision's date. */
  scheduledOn?: string | undefined;
  /** An explanation of a complex case: the longer clock (explanationDueComplex). */
  complex?: boolean | undefined;
  issuerId?: string | undefined;
  signerId?: string | undefined;
  signerName?: string | undefined;
  signerTitle?: string | undefined;
}

const NEEDS_DATE: readonly EscalationStepKind[] = ['hearing', 'interpellation', 'resupervision'];

export async function escalate(ctx: ActionCtx, user: AuthUser | null, councilId: string, recommendationId: string, input: EscalateInput) {
  const day = today(ctx.now);
  if (NEEDS_DATE.includes(input.kind)) {
    if (!isIsoDate(input.scheduledOn)) throw invalid(`"${ESCALATION_STEP_LABELS[input.kind]}": cần nhập ngày dự kiến.`);
    if (input.scheduledOn < day) throw invalid(`"${ESCALATION_STEP_LABELS[input.kind]}": ngày dự kiến không được trước hôm nay.`);
  }
  return ctx.db.transaction(async (tx) => {
    const rec = await recommendationOf(tx, { councilId }, recommendationId, { lock: true });
    const rep = await reportOf(tx, councilId, rec.reportId);
    assertSupervises(user, 'oversight.recommendations.manage', councilId, rep.bodyId);
    recordOf(rec, await eventsOf(tx, rec.id)); // an issued recommendation whose events replay
    const [{ ladder }, taken] = await Promise.all([ladderOf(tx, councilId), escalationsOf(tx, rec.id)]);
    let stepIndex: number;
    try {
      stepIndex = checkEscalation({ state: rec.state as never, due: rec.due! }, ladder, takenOf(taken), input.kind, day);
    } catch (err) {
      return ruleError(err);
    }
    // An explanation has its own clock (Luật 121/2025 Điều 40 via third-party software, UNVERIFIED):
    // the rule set the activity keeps (founded on), or the one in force when the report was issued.
    let responseDue: string | null = null;
    if (input.kind === 'explanation_request') {
      const calendar = await loadCalendar(tx);
      const activity = rep.activityId ? await activityOf(tx, councilId, rep.activityId) : null;
      try {
        const set = ruleSetOfActivity(defaultOversightRuleSets(), activity?.foundedOn ?? rep.issuedOn ?? day);
        responseDue = stepDueDate(input.complex ? 'explanationDueComplex' : 'explanationDue', day, set, calendar, knownYears(calendar))?.due ?? addDays(day, 15);
      } catch (err) {
        return ruleError(err);
      }
    }
    const doc = await issueDocumentTx(tx, ctx.actor, councilId, ctx.now, {
      templateKey: escalationTemplateKey(input.kind), issuerId: input.issuerId,
      params: {
        recommendationId: rec.id, note: input.note, scheduledOn: input.scheduledOn, responseDue: responseDue ?? undefined,
        signerId: input.signerId, signerName: input.signerName, signerTitle: input.signerTitle,
      },
    });
    const [row] = await tx.insert(oversightEscalations).values({
      recommendationId: rec.id, councilId, agencyId: rec.agencyId, kind: input.kind, stepIndex, takenOn: day, note: input.note?.trim() ?? '',
      scheduledOn: input.scheduledOn ?? null, responseDue, documentId: doc.id, createdBy: ctx.actor.id,
    }).returning();
    await projectRecommendation(tx, rec, await lastEscalationLabel(tx, rec.id));
    await recordEvent(tx, ctx.actor, {
      action: `oversight_recommendation.escalate`, entityType: 'oversight_recommendation', entityId: rec.id, councilId, agencyId: rec.agencyId,
      after: { escalation: out(row!), symbol: doc.symbol },
    });
    return { ...out(row!), label: ESCALATION_STEP_LABELS[input.kind], document: doc };
  });
}
