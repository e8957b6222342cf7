// Topic proposals for next year's programmes (committees, delegate groups, delegates, the
// Fatherland Front, voters), collected by the configured date; a petition that keeps coming back
// is proposed from its page with one click; an accepted proposal becomes an activity.
import { and, eq } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import { formatShortDate } from '../../../domain/documents/format.ts';
import { recordEvent } from '../../audit/service.ts';
import { petitions, petitionRoundEntries } from '../../petitions/schema.ts';
import { openProposalYear } from '../../../domain/oversight/index.ts';
import { domain, out, proposalDueDate, settingsOf, today, type DbOrTx } from '../common.ts';
import { oversightTopicProposals } from '../schema.ts';
import { createActivityTx, type ActivityInput } from './activities.ts';
import type { OversightCtx } from './programs.ts';

export const PROPOSAL_SOURCES = ['committee', 'delegate_group', 'delegate', 'fatherland_front', 'voters', 'standing'] as const;
export type ProposalSource = (typeof PROPOSAL_SOURCES)[number];
export const PROPOSAL_SOURCE_LABELS: Record<ProposalSource, string> = {
  committee: 'Ban của HĐND', delegate_group: 'Tổ đại biểu', delegate: 'Đại biểu HĐND', fatherland_front: 'Ủy ban MTTQ Việt Nam', voters: 'Cử tri', standing: 'Thường trực HĐND',
};

export interface ProposalInput {
  year: number;
  sourceKind: ProposalSource;
  sourceName: string;
  sourceBodyId?: string | null;
  sourceDelegateId?: string | null;
  title: string;
  need?: string;
  content?: string;
  scope?: string;
  subjectAgencyIds?: string[];
  fieldId?: string | null;
  petitionId?: string | null;
}

async function checkOpen(db: DbOrTx, councilId: string, year: number, day: string) {
  const due = proposalDueDate(await settingsOf(db, councilId), year);
  if (day > due) throw conflict(`Đã hết hạn nhận đề xuất nội dung giám sát năm ${year} (hạn ${formatShortDate(due)}).`);
  return due;
}

export async function createProposal(ctx: OversightCtx, councilId: string, input: ProposalInput) {
  const day = today(ctx.now);
  return ctx.db.transaction(async (tx) => {
    await checkOpen(tx, councilId, input.year, day);
    if (input.year <= Number(day.slice(0, 4))) throw invalid('Đề xuất nội dung giám sát cho chương trình của năm sau.');
    const [row] = await tx.insert(oversightTopicProposals).values({
      councilId, year: input.year, sourceKind: input.sourceKind, sourceName: input.sourceName.trim(), sourceBodyId: input.sourceBodyId ?? null,
      sourceDelegateId: input.sourceDelegateId ?? null, title: input.title.trim(), need: input.need?.trim() ?? '', content: input.content?.trim() ?? '',
      scope: input.scope?.trim() ?? '', subjectAgencyIds: [...new Set(input.subjectAgencyIds ?? [])], fieldId: input.fieldId ?? null, petitionId: input.petitionId ?? null,
      submittedOn: day, submittedBy: ctx.actor.id,
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'oversight_proposal.create', entityType: 'oversight_proposal', entityId: row!.id, councilId, after: row });
    return out(row!);
  });
}

/**
 * One click on a petition's page: its text becomes a topic proposed by the voters for the next
 * programme year still collecting proposals,
 * with its agency as the subject and its field; how many rounds it came back in is noted.
 */
export async function proposeFromPetition(ctx: OversightCtx, councilId: string, petitionId: string) {
  const day = today(ctx.now);
  return ctx.db.transaction(async (tx) => {
    // the first programme year whose collection is still open (next year's, or the one after)
    const s = await settingsOf(tx, councilId);
    const year = domain(() => openProposalYear(day, s.proposalDeadline));
    const [p] = await tx.select().from(petitions).where(and(eq(petitions.id, petitionId), eq(petitions.councilId, councilId)));
    if (!p) throw notFound('kiến nghị');
    const [dup] = await tx.select({ id: oversightTopicProposals.id }).from(oversightTopicProposals)
      .where(and(eq(oversightTopicProposals.petitionId, petitionId), eq(oversightTopicProposals.year, year)));
    if (dup) throw conflict(`Kiến nghị KN-${p.number} đã được đề xuất làm nội dung giám sát năm ${year}.`);
    const rounds = await tx.select({ id: petitionRoundEntries.roundId }).from(petitionRoundEntries).where(eq(petitionRoundEntries.petitionId, petitionId));
    const title = `Giám sát việc giải quyết kiến nghị cử tri: ${p.text.length > 180 ? `${p.text.slice(0, 177)}…` : p.text}`;
    const [row] = await tx.insert(oversightTopicProposals).values({
      councilId, year, sourceKind: 'voters', sourceName: 'Cử tri (kiến nghị tái diễn)', title,
      need: `Kiến nghị KN-${p.number} được cử tri nêu lại qua ${Math.max(1, rounds.length)} kỳ tiếp xúc cử tri.`,
      content: p.text, subjectAgencyIds: p.agencyId ? [p.agencyId] : [], fieldId: p.fieldId, petitionId, submittedOn: day, submittedBy: ctx.actor.id,
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'oversight_proposal.from_petition', entityType: 'oversight_proposal', entityId: row!.id, councilId, after: row });
    return out(row!);
  });
}

/** Accepts a proposal into a programme (it becomes an activity) or declines it. */
export async function decideProposal(
  ctx: OversightCtx, councilId: string, proposalId: string,
  input: { decision: 'accept'; programId: string; activity: Omit<ActivityInput, 'proposalId'> } | { decision: 'decline'; note?: string },
) {
  const [p] = await ctx.db.select().from(oversightTopicProposals).where(and(eq(oversightTopicProposals.id, proposalId), eq(oversightTopicProposals.councilId, councilId)));
  if (!p) throw notFound('đề xuất nội dung giám sát');
  if (p.state !== 'submitted') throw conflict('Đề xuất này đã được xử lý.');
  if (input.decision === 'decline') {
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.update(oversightTopicProposals).set({ state: 'declined', updatedAt: new Date() })
        .where(and(eq(oversightTopicProposals.id, proposalId), eq(oversightTopicProposals.state, 'submitted'))).returning();
      if (!row) throw conflict('Đề xuất này đã được xử lý.');
      await recordEvent(tx, ctx.actor, { action: 'oversight_proposal.decline', entityType: 'oversight_proposal', entityId: proposalId, councilId, before: p, after: { ...row, note: input.note ?? '' } });
      return out(row);
    });
  }
  return ctx.db.transaction(async (tx) => {
    const created = await createActivityTx(tx, ctx, councilId, input.programId, { ...input.activity, proposalId });
    const [row] = await tx.update(oversightTopicProposals).set({ state: 'accepted', activityId: created.activity.id as string, updatedAt: new Date() })
      .where(and(eq(oversightTopicProposals.id, proposalId), eq(oversightTopicProposals.state, 'submitted'))).returning();
    if (!row) throw conflict('Đề xuất này đã được xử lý.');
    return { ...created, proposal: out(row) };
  });
}
