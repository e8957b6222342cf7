// The joint conference (hội nghị liên tịch) record and the agenda versions: the secretariat
// records the conference (its agreed date becomes the opening date) and proposes each version of
// the agenda with a reason; the standing committee approves it. Each version keeps its diff.
import { desc, eq } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import { agendaDiff, describeAgendaDiff, type AgendaEntry } from '../../../domain/sessions/index.ts';
import { recordEvent } from '../../audit/service.ts';
import { assertOpen, itemsOfSession, presenterNames, out, recomputeDueDates, sessionOf, today, type ActionCtx, type DbOrTx } from '../common.ts';
import { agendaVersions, councilSessions, jointConferences } from '../schema.ts';

export interface JointConferenceInput { heldOn: string; participants: string; agreedOpeningDate: string; content?: string }

export async function saveJointConference(ctx: ActionCtx, councilId: string, sessionId: string, input: JointConferenceInput) {
  if (input.agreedOpeningDate < input.heldOn) throw invalid('Ngày khai mạc thống nhất tại hội nghị liên tịch không được trước ngày họp liên tịch.');
  return ctx.db.transaction(async (tx) => {
    const session = await sessionOf(tx, councilId, sessionId, { lock: true });
    assertOpen(session);
    const [before] = await tx.select().from(jointConferences).where(eq(jointConferences.sessionId, sessionId));
    const values = { heldOn: input.heldOn, participants: input.participants, agreedOpeningDate: input.agreedOpeningDate, content: input.content ?? '' };
    const [row] = before
      ? await tx.update(jointConferences).set({ ...values, updatedAt: new Date() }).where(eq(jointConferences.id, before.id)).returning()
      : await tx.insert(jointConferences).values({ sessionId, councilId, ...values }).returning();
    let recomputed = 0;
    if (session.openingDate !== input.agreedOpeningDate) {
      if (session.closingDate && session.closingDate < input.agreedOpeningDate) throw invalid('Ngày khai mạc thống nhất sau ngày bế mạc đã ghi: hãy sửa ngày bế mạc trước.');
      await tx.update(councilSessions).set({ openingDate: input.agreedOpeningDate, version: session.version + 1, updatedAt: new Date() }).where(eq(councilSessions.id, sessionId));
      recomputed = await recomputeDueDates(tx, [sessionId]);
    }
    await recordEvent(tx, ctx.actor, {
      action: 'session_joint_conference.save', entityType: 'council_session', entityId: sessionId, councilId,
      before: before ? { ...before, openingDate: session.openingDate } : { openingDate: session.openingDate }, after: { ...row, recomputed },
    });
    return out(row!);
  });
}

/** The session's agenda as it stands: its items in order, with the presenting body's name. */
export async function currentAgenda(db: DbOrTx, sessionId: string): Promise<AgendaEntry[]> {
  const items = await itemsOfSession(db, sessionId);
  const names = await presenterNames(db, items);
  return items
    .filter((i) => i.state !== 'withdrawn' && i.state !== 'deferred')
    .map((i, n) => ({ key: i.id, title: i.title, presenter: names.get(i.presenterAgencyId ?? i.presenterBodyId ?? '') ?? null, order: n + 1 }));
}

export async function proposeAgendaVersion(ctx: ActionCtx, councilId: string, sessionId: string, input: { reason?: string }) {
  return ctx.db.transaction(async (tx) => {
    const session = await sessionOf(tx, councilId, sessionId, { lock: true });
    assertOpen(session);
    const [last] = await tx.select().from(agendaVersions).where(eq(agendaVersions.sessionId, sessionId)).orderBy(desc(agendaVersions.number)).limit(1);
    if (last && !last.approvedOn) throw conflict(`Phiên bản ${last.number} của chương trình đang chờ Thường trực duyệt; hãy duyệt phiên bản đó trước.`);
    if (last && !input.reason?.trim()) throw invalid('Hãy nêu lý do thay đổi chương trình kỳ họp.');
    const entries = await currentAgenda(tx, sessionId);
    if (!entries.length) throw invalid('Chương trình kỳ họp chưa có nội dung nào.');
    const diff = last ? agendaDiff(last.entries as AgendaEntry[], entries) : null;
    if (diff && !describeAgendaDiff(diff).length) throw conflict('Chương trình không thay đổi so với phiên bản trước.');
    const [row] = await tx.insert(agendaVersions).values({
      sessionId, councilId, number: (last?.number ?? 0) + 1, entries, diff,
      reason: input.reason?.trim() || 'Chương trình dự kiến', proposedBy: ctx.actor.id,
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'session_agenda.propose', entityType: 'session_agenda_version', entityId: row!.id, councilId, after: row });
    return { ...out(row!), changes: diff ? describeAgendaDiff(diff) : [] };
  });
}

export async function approveAgendaVersion(ctx: ActionCtx, councilId: string, sessionId: string, versionId: string) {
  return ctx.db.transaction(async (tx) => {
    await sessionOf(tx, councilId, sessionId, { lock: true });
    const [v] = await tx.select().from(agendaVersions).where(eq(agendaVersions.id, versionId)).for('update');
    if (!v || v.sessionId !== sessionId) throw notFound('phiên bản chương trình kỳ họp');
    if (v.approvedOn) throw conflict(`Phiên bản ${v.number} đã được duyệt.`);
    const [row] = await tx.update(agendaVersions).set({ approvedBy: ctx.actor.id, approvedOn: today(ctx.now), updatedAt: new Date() }).where(eq(agendaVersions.id, versionId)).returning();
    await recordEvent(tx, ctx.actor, { action: 'session_agenda.approve', entityType: 'session_agenda_version', entityId: versionId, councilId, before: { approvedOn: null }, after: { approvedOn: row!.approvedOn } });
    return out(row!);
  });
}

export async function agendaVersionsOf(db: DbOrTx, sessionId: string) {
  const rows = await db.select().from(agendaVersions).where(eq(agendaVersions.sessionId, sessionId)).orderBy(desc(agendaVersions.number));
  return rows.map((r) => ({ ...out(r), changes: r.diff ? describeAgendaDiff(r.diff as never) : [] }));
}
