// Actions of interpellation: a delegate files a slip (from the portal); the standing committee
// groups slips into topics, chooses who answers, orders the questioning, leaves a slip out or asks
// for a written answer; the secretariat or the committee records an answer with the commitments it
// made; the agency reports progress or completion with evidence; the committee verifies and closes.
// Each is one transaction and one audit event; every commitment change is projected onto the
// follow-up engine (followup_items, kind 'commitment') in the same transaction.
import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { notify } from '../../notifications/service.ts';
import { agencies, councils } from '../../directory/schema.ts';
import { petitions } from '../../petitions/schema.ts';
import { fold } from '../../../domain/text/normalize.ts';
import { checkFileContent, type UploadedFile } from '../../../server/upload.ts';
import {
  checkCitations, commitmentTransition, slipTransition, writtenAnswerDue, COMMITMENT_STATE_LABELS, SessionRuleError,
  type Citation, type CommitmentState,
} from '../../../domain/sessions/index.ts';
import { isIsoDate } from '../../../domain/calendar/index.ts';
import { formatShortDate } from '../../../domain/documents/format.ts';
import { knownYears, loadCalendar, out, ruleError, ruleSetOf, sessionOf, today, type ActionCtx, type DbOrTx } from '../common.ts';
import { councilSessions } from '../schema.ts';
import { delegateOf } from '../portal/actions.ts';
import { syncObligation } from '../../followup/service.ts';
import { commitmentReports, commitments, questionAnswers, questionSlips, questionTopics } from './schema.ts';

export const MAX_SUBJECT = 300;
export const MAX_CONTENT = 10_000;
const NOT_A_DELEGATE = 'Tài khoản của bạn chưa được gắn với một đại biểu của HĐND này (địa chỉ thư điện tử của tài khoản phải trùng với hồ sơ đại biểu): chưa gửi được phiếu chất vấn. Hãy liên hệ Văn phòng.';

type Tx = Parameters<Parameters<ActionCtx['db']['transaction']>[0]>[0];

function rule<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof SessionRuleError) ruleError(err);
    throw err;
  }
}

const clean = (s: string | null | undefined) => (s ?? '').normalize('NFC').trim();

// Loaders ------------------------------------------------------------------------------------------

export async function slipOf(db: DbOrTx, councilId: string, slipId: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(questionSlips).where(eq(questionSlips.id, slipId));
  const [s] = opts.lock ? await q.for('update') : await q;
  if (!s || s.councilId !== councilId) throw notFound('phiếu chất vấn');
  return s;
}

export async function topicOf(db: DbOrTx, councilId: string, topicId: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(questionTopics).where(eq(questionTopics.id, topicId));
  const [t] = opts.lock ? await q.for('update') : await q;
  if (!t || t.councilId !== councilId) throw notFound('nhóm vấn đề chất vấn');
  return t;
}

export async function commitmentOf(db: DbOrTx, scope: { councilId?: string; agencyId?: string }, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(commitments).where(eq(commitments.id, id));
  const [c] = opts.lock ? await q.for('update') : await q;
  if (!c || (scope.councilId && c.councilId !== scope.councilId) || (scope.agencyId && c.agencyId !== scope.agencyId)) throw notFound('lời hứa');
  return c;
}

/**
 * An agency that may be questioned by this council: one of the directory's active agencies of the
 * council's own unit (the same level: Luật 72/2025 Điều 33 k7).
 */
async function answeringAgency(db: DbOrTx, councilId: string, agencyId: string) {
  const [a] = await db.select({ id: agencies.id, name: agencies.name, unitId: agencies.unitId, active: agencies.active }).from(agencies).where(eq(agencies.id, agencyId));
  const [c] = await db.select({ unitId: councils.unitId }).from(councils).where(eq(councils.id, councilId));
  if (!a) throw invalid('Không tìm thấy cơ quan trong danh bạ.');
  if (!a.active) throw invalid(`${a.name} không còn hoạt động: hãy chọn cơ quan hiện nay.`);
  if (!c || a.unitId !== c.unitId) throw invalid(`${a.name} không thuộc cấp của Hội đồng nhân dân này: chỉ chất vấn người đứng đầu cơ quan cùng cấp (Luật 72/2025/QH15 Điều 33 khoản 7).`);
  return a;
}

// Slips --------------------------------------------------------------------------------------------

export interface SlipInput {
  sessionId: string;
  subject: string;
  content: string;
  addressedAgencyId?: string | null;
  addressedName?: string | null;
  addressedPost?: string | null;
  citations?: { kind: string; id: string; label?: string | null }[];
  followsCommitmentId?: string | null;
}

/** Citations that point into the database must be this council's: petitions, earlier slips, commitments. */
async function checkCitedRecords(db: DbOrTx, councilId: string, cited: Citation[]) {
  const ids = (kind: Citation['kind']) => cited.filter((c) => c.kind === kind).map((c) => c.id);
  const checks: [Citation['kind'], string, { id: unknown; councilId: unknown } & Record<string, unknown>][] = [
    ['petition', 'kiến nghị cử tri', petitions as never],
    ['question', 'phiếu chất vấn', questionSlips as never],
    ['commitment', 'lời hứa', commitments as never],
  ];
  for (const [kind, label, table] of checks) {
    const want = ids(kind);
    if (!want.length) continue;
    const t = table as unknown as typeof petitions;
    const found = await db.select({ id: t.id }).from(t).where(and(inArray(t.id, want), eq(t.councilId, councilId)));
    if (found.length !== new Set(want).size) throw invalid(`Dẫn chứng không hợp lệ: có ${label} không thuộc Hội đồng nhân dân này.`);
  }
}

/** A delegate files a question slip for a session not yet closed. */
export async function fileSlip(ctx: ActionCtx, councilId: string, input: SlipInput) {
  const subject = clean(input.subject);
  const content = clean(input.content);
  if (!subject) throw invalid('Vấn đề chất vấn không được để trống.');
  if (subject.length > MAX_SUBJECT) throw invalid(`Vấn đề chất vấn dài quá ${MAX_SUBJECT} ký tự.`);
  if (!content) throw invalid('Nội dung câu hỏi không được để trống.');
  if (content.length > MAX_CONTENT) throw invalid(`Nội dung câu hỏi dài quá ${MAX_CONTENT} ký tự.`);
  const name = clean(input.addressedName);
  const post = clean(input.addressedPost);
  if (name.length > 200 || post.length > 200) throw invalid('Họ tên, chức vụ người bị chất vấn dài quá 200 ký tự.');
  if ((name || post) && !input.addressedAgencyId) throw invalid('Chất vấn một người cụ thể thì cần chọn cơ quan của người đó trong danh bạ.');
  const cited = rule(() => checkCitations(input.citations ?? []));
  return ctx.db.transaction(async (tx) => {
    const s = await sessionOf(tx, councilId, input.sessionId);
    if (s.state === 'closed' || s.state === 'postponed') throw conflict(`${s.title} ${s.state === 'closed' ? 'đã bế mạc' : 'đã hoãn'}: không gửi phiếu chất vấn cho kỳ họp này được nữa.`);
    const d = await delegateOf(tx, ctx.actor.id, councilId);
    if (!d) throw conflict(NOT_A_DELEGATE);
    const agency = input.addressedAgencyId ? await answeringAgency(tx, councilId, input.addressedAgencyId) : null;
    let followsSlipId: string | null = null;
    if (input.followsCommitmentId) {
      const c = await commitmentOf(tx, { councilId }, input.followsCommitmentId);
      const [from] = await tx.select({ openingDate: councilSessions.openingDate }).from(councilSessions).where(eq(councilSessions.id, c.sessionId));
      if (c.sessionId === s.id || (from && from.openingDate >= s.openingDate)) throw invalid('Chỉ chất vấn lại lời hứa của một kỳ họp trước.');
      const [a] = await tx.select({ slipId: questionAnswers.slipId, topicId: questionAnswers.topicId }).from(questionAnswers).where(eq(questionAnswers.id, c.answerId));
      followsSlipId = a?.slipId ?? null;
      if (!cited.some((x) => x.kind === 'commitment' && x.id === c.id)) cited.unshift({ kind: 'commitment', id: c.id, label: c.content.slice(0, 300) });
    }
    await checkCitedRecords(tx, councilId, cited);
    const [row] = await tx.insert(questionSlips).values({
      councilId, sessionId: s.id, delegateId: d.id, filedBy: ctx.actor.id,
      addressedAgencyId: agency?.id ?? null, addressedName: name, addressedPost: post,
      subject, content, citations: cited, followsSlipId, followsCommitmentId: input.followsCommitmentId ?? null,
      filedAt: ctx.now, searchKey: fold(`${subject} ${content} ${name} ${post} ${agency?.name ?? ''}`), createdAt: ctx.now, updatedAt: ctx.now,
    }).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'question_slip.file', entityType: 'question_slip', entityId: row!.id, councilId,
      after: { sessionId: s.id, delegateId: d.id, subject, addressedAgencyId: row!.addressedAgencyId, citations: cited.length, followsCommitmentId: row!.followsCommitmentId },
    });
    await notify(tx, { councilId, roles: ['standing_member'] }, {
      kind: 'question.filed', title: `Phiếu chất vấn mới: ${subject}`, body: `${d.fullName} · ${s.title}`, link: `/councils/${councilId}/questions?sessionId=${s.id}`,
    });
    return out(withoutKey(row!));
  });
}

function withoutKey<T extends { searchKey?: string }>(r: T): Omit<T, 'searchKey'> {
  const { searchKey: _k, ...rest } = r;
  return rest;
}

// Topics -------------------------------------------------------------------------------------------

export interface TopicInput {
  title?: string;
  answererAgencyId?: string | null;
  answererName?: string | null;
  answererPost?: string | null;
  slipIds?: string[];
}

async function answerer(tx: DbOrTx, councilId: string, input: TopicInput) {
  const name = clean(input.answererName);
  const post = clean(input.answererPost);
  if (name.length > 200 || post.length > 200) throw invalid('Họ tên, chức vụ người trả lời dài quá 200 ký tự.');
  if (input.answererAgencyId) await answeringAgency(tx, councilId, input.answererAgencyId);
  return { answererAgencyId: input.answererAgencyId ?? null, answererName: name, answererPost: post };
}

/** Puts exactly `slipIds` in the topic: added slips become grouped, removed ones go back to submitted. */
async function setTopicSlips(tx: Tx, councilId: string, sessionId: string, topicId: string, slipIds: string[], now: Date) {
  const wanted = [...new Set(slipIds)];
  const rows = wanted.length ? await tx.select().from(questionSlips).where(inArray(questionSlips.id, wanted)).for('update') : [];
  if (rows.length !== wanted.length || rows.some((r) => r.councilId !== councilId || r.sessionId !== sessionId)) throw invalid('Có phiếu chất vấn không thuộc kỳ họp này.');
  for (const r of rows) {
    if (r.topicId === topicId) continue;
    rule(() => slipTransition(r.state, 'group'));
    if (r.topicId) throw conflict(`Phiếu chất vấn "${r.subject}" đã ở nhóm vấn đề khác: hãy bỏ khỏi nhóm đó trước.`);
  }
  const current = await tx.select().from(questionSlips).where(eq(questionSlips.topicId, topicId)).for('update');
  const removed = current.filter((r) => !wanted.includes(r.id));
  for (const r of removed) rule(() => slipTransition(r.state, 'ungroup'));
  if (removed.length) await tx.update(questionSlips).set({ topicId: null, state: 'submitted', updatedAt: now, version: sql`${questionSlips.version} + 1` }).where(inArray(questionSlips.id, removed.map((r) => r.id)));
  const added = rows.filter((r) => r.topicId !== topicId).map((r) => r.id);
  if (added.length) await tx.update(questionSlips).set({ topicId, state: 'grouped', updatedAt: now, version: sql`${questionSlips.version} + 1` }).where(inArray(questionSlips.id, added));
  return { added: added.length, removed: removed.length };
}

/** The standing committee opens a topic for a session, with who answers and its slips; it goes last in the order. */
export async function createTopic(ctx: ActionCtx, councilId: string, sessionId: string, input: TopicInput & { title: string }) {
  const title = clean(input.title);
  if (!title) throw invalid('Tên nhóm vấn đề không được để trống.');
  if (title.length > MAX_SUBJECT) throw invalid(`Tên nhóm vấn đề dài quá ${MAX_SUBJECT} ký tự.`);
  return ctx.db.transaction(async (tx) => {
    const s = await sessionOf(tx, councilId, sessionId, { lock: true });
    if (s.state === 'closed') throw conflict(`${s.title} đã bế mạc: không lập nhóm vấn đề chất vấn được nữa.`);
    const who = await answerer(tx, councilId, input);
    const [{ last }] = (await tx.select({ last: max(questionTopics.position) }).from(questionTopics).where(eq(questionTopics.sessionId, s.id))) as [{ last: number | null }];
    const [t] = await tx.insert(questionTopics).values({ councilId, sessionId: s.id, title, position: (last ?? 0) + 1, ...who, createdAt: ctx.now, updatedAt: ctx.now }).returning();
    const moved = await setTopicSlips(tx, councilId, s.id, t!.id, input.slipIds ?? [], ctx.now);
    await recordEvent(tx, ctx.actor, {
      action: 'question_topic.create', entityType: 'question_topic', entityId: t!.id, councilId,
      after: { sessionId: s.id, title, position: t!.position, ...who, slipIds: input.slipIds ?? [], ...moved },
    });
    return out(t!);
  });
}

/** The standing committee renames a topic, changes who answers, or changes its slips. */
export async function updateTopic(ctx: ActionCtx, councilId: string, topicId: string, input: TopicInput) {
  const title = input.title === undefined ? undefined : clean(input.title);
  if (title !== undefined && !title) throw invalid('Tên nhóm vấn đề không được để trống.');
  if (title && title.length > MAX_SUBJECT) throw invalid(`Tên nhóm vấn đề dài quá ${MAX_SUBJECT} ký tự.`);
  return ctx.db.transaction(async (tx) => {
    const before = await topicOf(tx, councilId, topicId, { lock: true });
    const s = await sessionOf(tx, councilId, before.sessionId);
    if (s.state === 'closed') throw conflict(`${s.title} đã bế mạc: không sửa nhóm vấn đề chất vấn được nữa.`);
    const [answered] = await tx.select({ id: questionAnswers.id }).from(questionAnswers).where(eq(questionAnswers.topicId, topicId)).limit(1);
    if (answered && input.slipIds) throw conflict(`Nhóm "${before.title}" đã được trả lời: không thay đổi các phiếu của nhóm được nữa.`);
    const touchesAnswerer = input.answererAgencyId !== undefined || input.answererName !== undefined || input.answererPost !== undefined;
    const who = touchesAnswerer
      ? await answerer(tx, councilId, { answererAgencyId: input.answererAgencyId ?? before.answererAgencyId, answererName: input.answererName ?? before.answererName, answererPost: input.answererPost ?? before.answererPost })
      : {};
    const [t] = await tx.update(questionTopics).set({ ...(title ? { title } : {}), ...who, updatedAt: ctx.now, version: before.version + 1 }).where(eq(questionTopics.id, topicId)).returning();
    const moved = input.slipIds ? await setTopicSlips(tx, councilId, before.sessionId, topicId, input.slipIds, ctx.now) : null;
    await recordEvent(tx, ctx.actor, {
      action: 'question_topic.update', entityType: 'question_topic', entityId: topicId, councilId,
      before: { title: before.title, answererAgencyId: before.answererAgencyId, answererName: before.answererName, answererPost: before.answererPost },
      after: { title: t!.title, answererAgencyId: t!.answererAgencyId, answererName: t!.answererName, answererPost: t!.answererPost, ...(moved ?? {}) },
    });
    return out(t!);
  });
}

/** The standing committee orders the session's questioning: every topic of the session, once. */
export async function orderTopics(ctx: ActionCtx, councilId: string, sessionId: string, input: { topicIds: string[] }) {
  return ctx.db.transaction(async (tx) => {
    const s = await sessionOf(tx, councilId, sessionId, { lock: true });
    if (s.state === 'closed') throw conflict(`${s.title} đã bế mạc: không sắp xếp lại thứ tự chất vấn được nữa.`);
    const topics = await tx.select().from(questionTopics).where(eq(questionTopics.sessionId, s.id)).orderBy(asc(questionTopics.position));
    const ids = input.topicIds;
    if (ids.length !== topics.length || new Set(ids).size !== ids.length || !topics.every((t) => ids.includes(t.id))) {
      throw invalid(`Thứ tự chất vấn phải nêu đúng một lần mỗi nhóm vấn đề của kỳ họp (${topics.length} nhóm).`);
    }
    for (const [i, id] of ids.entries()) await tx.update(questionTopics).set({ position: i + 1, updatedAt: ctx.now }).where(eq(questionTopics.id, id));
    await recordEvent(tx, ctx.actor, {
      action: 'question_topic.order', entityType: 'council_session', entityId: s.id, councilId,
      before: { topicIds: topics.map((t) => t.id) }, after: { topicIds: ids },
    });
    return { sessionId: s.id, topicIds: ids };
  });
}

/**
 * The standing committee leaves a slip out of the sitting (with its reason) or asks for a written
 * answer, due `writtenAnswerDays` after today under the session's rule set.
 */
export async function decideSlip(ctx: ActionCtx, councilId: string, slipId: string, input: { action: 'notSelect' | 'requireWritten'; note?: string | null }) {
  const note = clean(input.note);
  if (note.length > 2000) throw invalid('Lý do dài quá 2000 ký tự.');
  if (input.action === 'notSelect' && !note) throw invalid('Cần nêu lý do không đưa phiếu chất vấn ra kỳ họp (để báo lại đại biểu).');
  return ctx.db.transaction(async (tx) => {
    const before = await slipOf(tx, councilId, slipId, { lock: true });
    const state = rule(() => slipTransition(before.state, input.action));
    const s = await sessionOf(tx, councilId, before.sessionId);
    let written: { writtenRequestedOn: string; writtenDue: string } | null = null;
    let explanation: unknown = null;
    if (input.action === 'requireWritten') {
      const [set, calendar] = await Promise.all([ruleSetOf(tx, councilId, s.ruleSetKey), loadCalendar(tx)]);
      const day = today(ctx.now);
      const due = rule(() => writtenAnswerDue(day, set, calendar, knownYears(calendar)));
      written = { writtenRequestedOn: day, writtenDue: due.due };
      explanation = due;
    }
    const [row] = await tx.update(questionSlips).set({
      state, decisionNote: note, topicId: input.action === 'requireWritten' ? before.topicId : null, ...(written ?? {}),
      updatedAt: ctx.now, version: before.version + 1,
    }).where(eq(questionSlips.id, slipId)).returning();
    await recordEvent(tx, ctx.actor, {
      action: `question_slip.${input.action}`, entityType: 'question_slip', entityId: slipId, councilId,
      before: { state: before.state }, after: { state, note, ...(written ?? {}) },
    });
    return { ...out(withoutKey(row!)), dueExplanation: explanation };
  });
}

// Answers and commitments --------------------------------------------------------------------------

export interface CommitmentInput { agencyId: string; ownerName: string; ownerPost?: string | null; content: string; dueOn: string }
export interface AnswerInput {
  topicId?: string | null;
  slipId?: string | null;
  mode: 'oral' | 'written';
  answeredOn: string;
  summary: string;
  answererAgencyId?: string | null;
  answererName?: string | null;
  answererPost?: string | null;
  reference?: string | null;
  commitments?: CommitmentInput[];
}

/** What the follow-up engine shows of a commitment (its own row in followup_items). */
export async function projectCommitment(tx: Tx, c: typeof commitments.$inferSelect, sessionTitle: string) {
  await syncObligation(tx, {
    kind: 'commitment',
    sourceId: c.id,
    councilId: c.councilId,
    agencyId: c.agencyId,
    title: c.content.length > 140 ? `${c.content.slice(0, 139)}…` : c.content,
    detail: `${[c.ownerName, c.ownerPost].filter(Boolean).join(', ')} · ${sessionTitle}`,
    link: `/agencies/${c.agencyId}/commitments/${c.id}`,
    originalDue: c.originalDue,
    due: c.dueOn,
    answeredOn: c.doneReportedOn,
    closedOn: c.closedOn,
    stateLabel: COMMITMENT_STATE_LABELS[c.state as CommitmentState] ?? c.state,
  });
}

/**
 * Records an answer — a topic's in the sitting, or one slip's in writing — and every promise made
 * in it as a commitment (projected onto the follow-up engine), in one transaction.
 */
export async function recordAnswer(ctx: ActionCtx, councilId: string, input: AnswerInput) {
  const summary = clean(input.summary);
  if (!summary) throw invalid('Tóm tắt nội dung trả lời không được để trống.');
  if (summary.length > 20_000) throw invalid('Tóm tắt nội dung trả lời dài quá 20000 ký tự.');
  if (!isIsoDate(input.answeredOn)) throw invalid('Ngày trả lời không hợp lệ (cần dạng YYYY-MM-DD).');
  const day = today(ctx.now);
  if (input.answeredOn > day) throw invalid('Ngày trả lời không được sau hôm nay.');
  if (!!input.topicId === !!input.slipId) throw invalid('Cần chọn đúng một: nhóm vấn đề (trả lời tại phiên chất vấn) hoặc một phiếu (trả lời bằng văn bản).');
  if (input.mode === 'oral' && !input.topicId) throw invalid('Trả lời tại phiên chất vấn là trả lời một nhóm vấn đề.');
  if (input.mode === 'written' && !input.slipId) throw invalid('Trả lời bằng văn bản là trả lời một phiếu chất vấn.');
  const promised = (input.commitments ?? []).map((c, i) => {
    const n = i + 1;
    const content = clean(c.content);
    const ownerName = clean(c.ownerName);
    if (!content) throw invalid(`Lời hứa thứ ${n}: nội dung không được để trống.`);
    if (content.length > 5000) throw invalid(`Lời hứa thứ ${n}: nội dung dài quá 5000 ký tự.`);
    if (!ownerName) throw invalid(`Lời hứa thứ ${n}: cần ghi người chịu trách nhiệm.`);
    if (!isIsoDate(c.dueOn)) throw invalid(`Lời hứa thứ ${n}: thời hạn không hợp lệ (cần dạng YYYY-MM-DD).`);
    if (c.dueOn <= input.answeredOn) throw invalid(`Lời hứa thứ ${n}: thời hạn ${formatShortDate(c.dueOn)} phải sau ngày trả lời ${formatShortDate(input.answeredOn)}.`);
    return { agencyId: c.agencyId, ownerName, ownerPost: clean(c.ownerPost), content, dueOn: c.dueOn };
  });
  if (promised.length > 50) throw invalid('Một câu trả lời ghi tối đa 50 lời hứa.');
  return ctx.db.transaction(async (tx) => {
    const topic = input.topicId ? await topicOf(tx, councilId, input.topicId, { lock: true }) : null;
    const slip = input.slipId ? await slipOf(tx, councilId, input.slipId, { lock: true }) : null;
    const s = await sessionOf(tx, councilId, (topic ?? slip)!.sessionId);
    if (input.mode === 'oral') {
      if (s.state !== 'inProgress' && s.state !== 'closed') throw conflict(`${s.title} chưa khai mạc: chưa ghi được câu trả lời tại phiên chất vấn.`);
      if (input.answeredOn < s.openingDate) throw invalid(`Ngày trả lời tại phiên chất vấn không được trước ngày khai mạc ${formatShortDate(s.openingDate)}.`);
    }
    let slips: (typeof questionSlips.$inferSelect)[];
    if (topic) {
      const [done] = await tx.select({ id: questionAnswers.id }).from(questionAnswers).where(eq(questionAnswers.topicId, topic.id)).limit(1);
      if (done) throw conflict(`Nhóm "${topic.title}" đã có câu trả lời.`);
      slips = (await tx.select().from(questionSlips).where(and(eq(questionSlips.topicId, topic.id), eq(questionSlips.state, 'grouped'))).for('update'));
      if (!slips.length) throw conflict(`Nhóm "${topic.title}" chưa có phiếu chất vấn nào chờ trả lời.`);
    } else {
      rule(() => slipTransition(slip!.state, 'answer'));
      if (slip!.state !== 'writtenDue') throw conflict('Phiếu này chưa được Thường trực chuyển trả lời bằng văn bản.');
      slips = [slip!];
    }
    const agencyId = input.answererAgencyId ?? topic?.answererAgencyId ?? slip?.addressedAgencyId ?? null;
    if (agencyId) await answeringAgency(tx, councilId, agencyId);
    const answererName = clean(input.answererName) || topic?.answererName || slip?.addressedName || '';
    if (!answererName) throw invalid('Cần ghi người trả lời chất vấn.');
    const answererPost = clean(input.answererPost) || topic?.answererPost || slip?.addressedPost || '';
    for (const c of promised) await answeringAgency(tx, councilId, c.agencyId);
    const [a] = await tx.insert(questionAnswers).values({
      councilId, sessionId: s.id, topicId: topic?.id ?? null, slipId: slip?.id ?? null, mode: input.mode,
      answererAgencyId: agencyId, answererName, answererPost, summary, answeredOn: input.answeredOn, reference: clean(input.reference).slice(0, 200),
      recordedBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now,
    }).returning();
    await tx.update(questionSlips).set({ state: 'answered', updatedAt: ctx.now, version: sql`${questionSlips.version} + 1` }).where(inArray(questionSlips.id, slips.map((x) => x.id)));
    const made = promised.length
      ? await tx.insert(commitments).values(promised.map((c) => ({
        councilId, sessionId: s.id, answerId: a!.id, ...c, madeOn: input.answeredOn, originalDue: c.dueOn, createdAt: ctx.now, updatedAt: ctx.now,
      }))).returning()
      : [];
    for (const c of made) await projectCommitment(tx, c, s.title);
    await recordEvent(tx, ctx.actor, {
      action: 'question_answer.record', entityType: 'question_answer', entityId: a!.id, councilId,
      after: {
        sessionId: s.id, topicId: a!.topicId, slipId: a!.slipId, mode: a!.mode, answererName, answeredOn: a!.answeredOn,
        slipIds: slips.map((x) => x.id), commitments: made.map((c) => ({ id: c.id, agencyId: c.agencyId, dueOn: c.dueOn })),
      },
    });
    for (const agency of new Set(made.map((c) => c.agencyId))) {
      await notify(tx, { agencyId: agency }, {
        kind: 'commitment.recorded', title: `Lời hứa khi trả lời chất vấn được ghi nhận (${made.filter((c) => c.agencyId === agency).length})`,
        body: s.title, link: `/agencies/${agency}/commitments`,
      });
    }
    return { ...out(a!), commitments: made.map((c) => out(c)) };
  });
}

/** The agency reports progress or completion of its commitment, with evidence (text, optional file). */
export async function reportCommitment(
  ctx: ActionCtx, agencyId: string, commitmentId: string, input: { kind: 'progress' | 'done'; text: string }, file?: UploadedFile | null,
) {
  const text = clean(input.text);
  if (!text) throw invalid('Nội dung báo cáo không được để trống.');
  if (text.length > 20_000) throw invalid('Nội dung báo cáo dài quá 20000 ký tự.');
  const mime = file ? checkFileContent(file, ['pdf', 'docx', 'png', 'jpeg']).mimeType : null;
  return ctx.db.transaction(async (tx) => {
    const before = await commitmentOf(tx, { agencyId }, commitmentId, { lock: true });
    const state = rule(() => commitmentTransition(before.state, input.kind === 'done' ? 'reportDone' : 'reportProgress'));
    const day = today(ctx.now);
    const [r] = await tx.insert(commitmentReports).values({
      commitmentId, agencyId, kind: input.kind, text, reportedOn: day, reportedBy: ctx.actor.id,
      fileName: file?.name.slice(0, 200) ?? null, mimeType: mime, content: file?.data ?? null, createdAt: ctx.now,
    }).returning({ id: commitmentReports.id });
    const [c] = await tx.update(commitments).set({
      state, doneReportedOn: input.kind === 'done' ? day : before.doneReportedOn, updatedAt: ctx.now, version: before.version + 1,
    }).where(eq(commitments.id, commitmentId)).returning();
    const s = await sessionOf(tx, c!.councilId, c!.sessionId);
    await projectCommitment(tx, c!, s.title);
    await recordEvent(tx, ctx.actor, {
      action: `commitment.report_${input.kind}`, entityType: 'commitment', entityId: commitmentId, councilId: c!.councilId,
      before: { state: before.state }, after: { state, reportId: r!.id, file: file?.name ?? null },
    });
    await notify(tx, { councilId: c!.councilId, roles: ['standing_member'] }, {
      kind: 'commitment.reported', title: input.kind === 'done' ? `Cơ quan báo cáo đã thực hiện xong lời hứa` : `Cơ quan báo cáo tiến độ thực hiện lời hứa`,
      body: c!.content.slice(0, 200), link: `/councils/${c!.councilId}/questions?tab=commitments&commitmentId=${c!.id}`,
    });
    return out(c!);
  });
}

/** The standing committee verifies a commitment: closes it as done, or sends it back with its reason. */
export async function verifyCommitment(ctx: ActionCtx, councilId: string, commitmentId: string, input: { decision: 'close' | 'reopen'; note?: string | null }) {
  const note = clean(input.note);
  if (note.length > 5000) throw invalid('Nhận xét dài quá 5000 ký tự.');
  if (input.decision === 'reopen' && !note) throw invalid('Cần nêu lý do yêu cầu cơ quan tiếp tục thực hiện lời hứa.');
  return ctx.db.transaction(async (tx) => {
    const before = await commitmentOf(tx, { councilId }, commitmentId, { lock: true });
    const state = rule(() => commitmentTransition(before.state, input.decision));
    const day = today(ctx.now);
    const [c] = await tx.update(commitments).set({
      state, closedOn: input.decision === 'close' ? day : null, closedBy: input.decision === 'close' ? ctx.actor.id : null,
      verificationNote: note, updatedAt: ctx.now, version: before.version + 1,
    }).where(eq(commitments.id, commitmentId)).returning();
    await tx.insert(commitmentReports).values({
      commitmentId, agencyId: before.agencyId, kind: input.decision === 'close' ? 'verified' : 'reopened',
      text: note || 'Thường trực HĐND xác nhận đã thực hiện xong.', reportedOn: day, reportedBy: ctx.actor.id, createdAt: ctx.now,
    });
    const s = await sessionOf(tx, councilId, c!.sessionId);
    await projectCommitment(tx, c!, s.title);
    await recordEvent(tx, ctx.actor, {
      action: `commitment.${input.decision}`, entityType: 'commitment', entityId: commitmentId, councilId,
      before: { state: before.state }, after: { state, note },
    });
    return out(c!);
  });
}

/** The standing committee moves a commitment's due date (the first one is kept), with its reason. */
export async function extendCommitment(ctx: ActionCtx, councilId: string, commitmentId: string, input: { dueOn: string; reason: string }) {
  const reason = clean(input.reason);
  if (!reason) throw invalid('Cần nêu lý do gia hạn lời hứa.');
  if (reason.length > 2000) throw invalid('Lý do gia hạn dài quá 2000 ký tự.');
  if (!isIsoDate(input.dueOn)) throw invalid('Thời hạn mới không hợp lệ (cần dạng YYYY-MM-DD).');
  return ctx.db.transaction(async (tx) => {
    const before = await commitmentOf(tx, { councilId }, commitmentId, { lock: true });
    if (before.state === 'closed') throw conflict('Lời hứa đã hoàn thành và đóng: không gia hạn được.');
    if (input.dueOn === before.dueOn) throw invalid(`Thời hạn mới trùng thời hạn hiện tại ${formatShortDate(before.dueOn)}.`);
    if (input.dueOn <= before.madeOn) throw invalid(`Thời hạn mới phải sau ngày hứa ${formatShortDate(before.madeOn)}.`);
    const [c] = await tx.update(commitments).set({ dueOn: input.dueOn, updatedAt: ctx.now, version: before.version + 1 }).where(eq(commitments.id, commitmentId)).returning();
    await tx.insert(commitmentReports).values({
      commitmentId, agencyId: before.agencyId, kind: 'extended', text: `Gia hạn từ ${formatShortDate(before.dueOn)} đến ${formatShortDate(input.dueOn)}: ${reason}`,
      reportedOn: today(ctx.now), reportedBy: ctx.actor.id, createdAt: ctx.now,
    });
    const s = await sessionOf(tx, councilId, c!.sessionId);
    await projectCommitment(tx, c!, s.title);
    await recordEvent(tx, ctx.actor, {
      action: 'commitment.extend', entityType: 'commitment', entityId: commitmentId, councilId,
      before: { dueOn: before.dueOn }, after: { dueOn: c!.dueOn, originalDue: c!.originalDue, reason },
    });
    return out(c!);
  });
}
