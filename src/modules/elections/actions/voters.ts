// Voter-list actions: entry, addition, correction, removal, exclusion by the law's grounds, moves
// between lists (domain planMove), posting (40-day rule), complaints (Điều 33). Every change is a
// NEW VERSION of the voter's row with its reason (voter_entries is append-only); changes stop at
// election day. Audit events name the voter row and version, never the voter's identity.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { conflict, invalid } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { addDays } from '../../../domain/calendar/index.ts';
import { checkVoterListPosting, electionRuleSetFor, EXCLUSION_GROUND_LABELS, planMove, type ExclusionGround, type MoveKind } from '../../../domain/elections/index.ts';
import { pollingAreas } from '../schema.ts';
import { voterEntries, voterListComplaints } from '../votersSchema.ts';
import { areaOf, electionOf, out, rule, today, type ActionCtx, type DbOrTx } from '../common.ts';
import { entryOf, factsOf, voterFactsProblems, type VoterFactsInput } from '../voterRows.ts';
import { currentVersion, view } from '../queries/voters.ts';

async function openArea(db: DbOrTx, ctx: ActionCtx, councilId: string, electionId: string, areaId: string) {
  const election = await electionOf(db, electionId);
  if (today(ctx.now) > election.electionDay) throw conflict('Đã qua ngày bầu cử: danh sách cử tri không còn được sửa đổi, bổ sung.');
  const area = await areaOf(db, councilId, electionId, areaId);
  return { election, area };
}

function checkFacts(f: VoterFactsInput, electionDay: string) {
  const problems = voterFactsProblems(f, electionDay);
  if (problems.length) throw invalid(problems.join(' '), { problems });
}

const event = (action: string, row: { voterId: string; version: number; change: string; pollingAreaId: string }, councilId: string, reason: string) => ({
  action, entityType: 'voter_entry', entityId: row.voterId, councilId,
  after: { voterId: row.voterId, version: row.version, change: row.change, pollingAreaId: row.pollingAreaId, reason },
});

/** A voter entered on the list (before posting: 'initial'; after: an addition, reason required). */
export async function addVoter(ctx: ActionCtx, councilId: string, electionId: string, areaId: string, input: VoterFactsInput & { reason?: string }) {
  return ctx.db.transaction(async (tx) => {
    const { election, area } = await openArea(tx, ctx, councilId, electionId, areaId);
    checkFacts(input, election.electionDay);
    const posted = area.listPostedOn !== null;
    const reason = input.reason?.trim() ?? '';
    if (posted && !reason) throw invalid('Danh sách đã niêm yết: bổ sung cử tri cần ghi lý do.');
    const row = entryOf(area, election.electionDay, input, { voterId: randomUUID(), version: 1, change: posted ? 'add' : 'initial', reason, createdBy: ctx.actor.id });
    const [saved] = await tx.insert(voterEntries).values(row).returning();
    await recordEvent(tx, ctx.actor, event('voter_entry.add', saved!, area.councilId, reason));
    return view(saved!);
  });
}

async function nextVersion(tx: DbOrTx, ctx: ActionCtx, councilId: string, electionId: string, areaId: string, voterId: string) {
  const { election, area } = await openArea(tx, ctx, councilId, electionId, areaId);
  const cur = await currentVersion(tx, area.provinceCode, voterId);
  if (cur.pollingAreaId !== area.id) throw invalid('Cử tri không thuộc khu vực bỏ phiếu này.');
  return { election, area, cur };
}

const needReason = (reason: string | undefined) => {
  const r = reason?.trim() ?? '';
  if (!r) throw invalid('Cần ghi lý do thay đổi danh sách cử tri.');
  return r;
};

/** A correction: the facts as they should read, as a new version (the old one stays readable). */
export async function correctVoter(ctx: ActionCtx, councilId: string, electionId: string, areaId: string, voterId: string, input: Partial<VoterFactsInput> & { reason: string; version: number }) {
  const reason = needReason(input.reason);
  return ctx.db.transaction(async (tx) => {
    const { election, area, cur } = await nextVersion(tx, ctx, councilId, electionId, areaId, voterId);
    if (cur.version !== input.version) throw conflict('Cử tri này vừa được người khác sửa. Vui lòng tải lại rồi thực hiện lại.');
    if (cur.removed) throw conflict('Cử tri đã bị xóa tên khỏi danh sách: hãy bổ sung lại nếu cần.');
    const { reason: _r, version: _v, ...patch } = input;
    const facts = { ...factsOf(cur), ...Object.fromEntries(Object.entries(patch).filter(([, x]) => x !== undefined)) } as VoterFactsInput;
    checkFacts(facts, election.electionDay);
    const row = entryOf(area, election.electionDay, facts, { voterId, version: cur.version + 1, change: 'correct', reason, createdBy: ctx.actor.id });
    const [saved] = await tx.insert(voterEntries).values(row).returning();
    await recordEvent(tx, ctx.actor, event('voter_entry.correct', saved!, area.councilId, reason));
    return view(saved!);
  });
}

/** A removal (Điều 30 k3–5: died, moved, duplicate…): a new version that takes the voter off. */
export async function removeVoter(ctx: ActionCtx, councilId: string, electionId: string, areaId: string, voterId: string, input: { reason: string; version: number; note?: string }) {
  const reason = needReason(input.reason);
  return ctx.db.transaction(async (tx) => {
    const { election, area, cur } = await nextVersion(tx, ctx, councilId, electionId, areaId, voterId);
    if (cur.version !== input.version) throw conflict('Cử tri này vừa được người khác sửa. Vui lòng tải lại rồi thực hiện lại.');
    if (cur.removed) throw conflict('Cử tri đã bị xóa tên khỏi danh sách.');
    const row = entryOf(area, election.electionDay, factsOf(cur), { voterId, version: cur.version + 1, change: 'remove', reason, removed: true, createdBy: ctx.actor.id, note: input.note ?? 'Xóa tên' });
    const [saved] = await tx.insert(voterEntries).values(row).returning();
    await recordEvent(tx, ctx.actor, event('voter_entry.remove', saved!, area.councilId, reason));
    return view(saved!);
  });
}

/**
 * An exclusion by one of the law's grounds (Điều 30): the voter gets no ballot while it lasts; when
 * it ends ≥ 24 h before voting, the domain re-adds (the version says so).
 */
export async function excludeVoter(ctx: ActionCtx, councilId: string, electionId: string, areaId: string, voterId: string, input: { ground: ExclusionGround; endsAt: string | null; reason: string; version: number }) {
  const reason = needReason(input.reason);
  if (!(input.ground in EXCLUSION_GROUND_LABELS)) throw invalid('Căn cứ không được ghi tên vào danh sách cử tri không hợp lệ.');
  return ctx.db.transaction(async (tx) => {
    const { election, area, cur } = await nextVersion(tx, ctx, councilId, electionId, areaId, voterId);
    if (cur.version !== input.version) throw conflict('Cử tri này vừa được người khác sửa. Vui lòng tải lại rồi thực hiện lại.');
    const exclusion = { ground: input.ground, endsAt: input.endsAt };
    const row = rule(() => entryOf(area, election.electionDay, factsOf(cur), { voterId, version: cur.version + 1, change: 'exclude', reason, exclusion, createdBy: ctx.actor.id }));
    const excluded = !row.ballotNa && !row.ballotProvince && !row.ballotCommune;
    row.removed = excluded;
    row.note = excluded ? EXCLUSION_GROUND_LABELS[input.ground] : `${EXCLUSION_GROUND_LABELS[input.ground]}: đã chấm dứt, được bổ sung lại`;
    const [saved] = await tx.insert(voterEntries).values(row).returning();
    await recordEvent(tx, ctx.actor, event('voter_entry.exclude', saved!, area.councilId, reason));
    return view(saved!);
  });
}

/** A move between lists (domain planMove): removal here and addition there, one transaction. */
export async function moveVoter(ctx: ActionCtx, councilId: string, electionId: string, areaId: string, voterId: string, input: { kind: MoveKind; toAreaId: string | null; on: string; version: number }) {
  return ctx.db.transaction(async (tx) => {
    const { election, area, cur } = await nextVersion(tx, ctx, councilId, electionId, areaId, voterId);
    if (cur.version !== input.version) throw conflict('Cử tri này vừa được người khác sửa. Vui lòng tải lại rồi thực hiện lại.');
    if (cur.removed) throw conflict('Cử tri đã bị xóa tên khỏi danh sách.');
    const steps = rule(() => planMove({ kind: input.kind, fromAreaId: area.id, toAreaId: input.toAreaId, on: input.on, electionDay: election.electionDay }));
    const written: ReturnType<typeof view>[] = [];
    for (const s of steps) {
      if (s.action === 'remove' || s.action === 'mark') {
        const row = entryOf(area, election.electionDay, factsOf(cur), { voterId, version: cur.version + 1, change: s.action === 'remove' ? 'move' : 'correct', reason: s.reason, removed: s.action === 'remove', createdBy: ctx.actor.id, note: s.note });
        const [saved] = await tx.insert(voterEntries).values(row).returning();
        written.push(view(saved!));
      } else {
        // The destination may be another commune or province: the caller's scope does not reach it,
        // so it is looked up by id within the same election.
        const [dest] = await tx.select().from(pollingAreas).where(and(eq(pollingAreas.id, s.pollingAreaId), eq(pollingAreas.electionId, electionId)));
        if (!dest) throw invalid('Không tìm thấy khu vực bỏ phiếu nơi cử tri sẽ bỏ phiếu.');
        const facts = { ...factsOf(cur), status: s.status ?? 'none' } as VoterFactsInput;
        const row = rule(() => entryOf(dest, election.electionDay, facts, { voterId: randomUUID(), version: 1, change: 'add', reason: s.reason, createdBy: ctx.actor.id, note: s.note }));
        const [saved] = await tx.insert(voterEntries).values(row).returning();
        written.push(view(saved!));
      }
    }
    await recordEvent(tx, ctx.actor, { action: 'voter_entry.move', entityType: 'voter_entry', entityId: voterId, councilId: area.councilId,
      after: { kind: input.kind, from: area.id, to: input.toAreaId, versions: written.map((w) => ({ voterId: w.voterId, version: w.version, change: w.change })) } });
    return { steps: written };
  });
}

/** The list is posted: the date is recorded and checked against the 40-day rule (a late posting is recorded and flagged). */
export async function postVoterList(ctx: ActionCtx, councilId: string, electionId: string, areaId: string, input: { postedOn: string }) {
  return ctx.db.transaction(async (tx) => {
    const election = await electionOf(tx, electionId);
    const area = await areaOf(tx, councilId, electionId, areaId);
    if (input.postedOn > election.electionDay) throw invalid('Ngày niêm yết sau ngày bầu cử.');
    const problem = rule(() => checkVoterListPosting(input.postedOn, election.electionDay));
    const [row] = await tx.update(pollingAreas).set({ listPostedOn: input.postedOn }).where(eq(pollingAreas.id, area.id)).returning();
    await recordEvent(tx, ctx.actor, { action: 'voter_list.post', entityType: 'polling_area', entityId: area.id, councilId: area.councilId, before: { listPostedOn: area.listPostedOn }, after: { listPostedOn: input.postedOn, problem } });
    return { ...out(row!), postingProblem: problem };
  });
}

/** Complaint windows (Luật Bầu cử Điều 33, VERIFIED): the rule set's data for the election's day (30 days from posting, answered within 5). */
export const voterListComplaintRule = (electionDay: string) => rule(() => electionRuleSetFor(electionDay).voterListComplaints);

export async function fileVoterListComplaint(ctx: ActionCtx, councilId: string, electionId: string, areaId: string, input: { complainant: string; content: string; receivedOn: string; voterId?: string | null }) {
  return ctx.db.transaction(async (tx) => {
    const election = await electionOf(tx, electionId);
    const COMPLAINT_RULE = voterListComplaintRule(election.electionDay);
    const area = await areaOf(tx, councilId, electionId, areaId);
    if (!area.listPostedOn) throw invalid('Danh sách cử tri của khu vực này chưa niêm yết.');
    if (input.receivedOn < area.listPostedOn) throw invalid('Ngày nhận khiếu nại trước ngày niêm yết danh sách.');
    const last = addDays(area.listPostedOn, COMPLAINT_RULE.fileWithinDays);
    if (input.receivedOn > last) throw invalid(`Đã quá thời hạn khiếu nại về danh sách cử tri (${COMPLAINT_RULE.fileWithinDays} ngày kể từ ngày niêm yết, đến hết ngày ${last.split('-').reverse().join('/')}; ${COMPLAINT_RULE.source}).`);
    const [row] = await tx.insert(voterListComplaints).values({
      electionId, pollingAreaId: area.id, councilId: area.councilId, voterId: input.voterId ?? null, complainant: input.complainant, content: input.content,
      receivedOn: input.receivedOn, answerDue: addDays(input.receivedOn, COMPLAINT_RULE.answerWithinDays), createdBy: ctx.actor.id,
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'voter_list_complaint.create', entityType: 'voter_list_complaint', entityId: row!.id, councilId: area.councilId, after: { id: row!.id, pollingAreaId: area.id, receivedOn: row!.receivedOn, answerDue: row!.answerDue } });
    return out(row!);
  });
}

export async function answerVoterListComplaint(ctx: ActionCtx, councilId: string, electionId: string, areaId: string, complaintId: string, input: { answer: string; answeredOn: string }) {
  return ctx.db.transaction(async (tx) => {
    const area = await areaOf(tx, councilId, electionId, areaId);
    const [c] = await tx.select().from(voterListComplaints).where(and(eq(voterListComplaints.id, complaintId), eq(voterListComplaints.pollingAreaId, area.id))).for('update');
    if (!c) throw invalid('Không tìm thấy khiếu nại.');
    if (c.state === 'answered') throw conflict('Khiếu nại này đã được trả lời.');
    if (input.answeredOn < c.receivedOn) throw invalid('Ngày trả lời trước ngày nhận khiếu nại.');
    const [row] = await tx.update(voterListComplaints).set({ state: 'answered', answer: input.answer, answeredOn: input.answeredOn }).where(eq(voterListComplaints.id, c.id)).returning();
    const late = input.answeredOn > c.answerDue;
    await recordEvent(tx, ctx.actor, { action: 'voter_list_complaint.answer', entityType: 'voter_list_complaint', entityId: c.id, councilId: area.councilId, after: { answeredOn: input.answeredOn, late } });
    return { ...out(row!), late };
  });
}
