// One submission's chain, tờ trình → thẩm tra → tiếp thu → (later) nghị quyết, as its council or
// its presenting agency sees it: the assignment, the committee's meeting and report with its
// points, the answers of the response report, the reminders sent, and the dates, due dates and
// lateness of each step (domain chainSummary; due dates from the profile's lead times).
import { asc, eq, inArray } from 'drizzle-orm';
import type { WorkingCalendar } from '../../../domain/calendar/index.ts';
import {
  chainSummary, dueDateOf, stepOfDocument, EXPECTED_DOCUMENT_KIND_LABELS, REMINDER_KIND_LABELS, RESPONSE_ANSWER_KIND_LABELS,
  SUBMISSION_KIND_LABELS, SUBMISSION_STATE_LABELS, VERIFICATION_CONCLUSION_LABELS,
  type ExpectedDocumentKind, type ReminderKind, type ResponseAnswerKind, type SubmissionKind, type SubmissionState, type VerificationConclusion,
} from '../../../domain/sessions/index.ts';
import type { AuthUser } from '../../../server/permissions.ts';
import { knownYears, out, presenterNames, ruleSetOf, sessionOf, type DbOrTx } from '../common.ts';
import { sessionDocuments } from '../schema.ts';
import { sessionReminders, sessionResponseAnswers, sessionResponses } from '../verificationSchema.ts';
import { assertMayVerify, pointsOf, scopedItem, verificationOf, type ItemScope } from '../actions/verification.ts';

const MAIN_KINDS: ExpectedDocumentKind[] = ['submission', 'project', 'report', 'draftResolution'];

/** True when the user may file the committee's meeting and report for this item. */
function mayVerify(user: AuthUser | null, councilId: string, committeeBodyId: string | null): boolean {
  if (!user || !committeeBodyId) return false;
  try {
    assertMayVerify(user, councilId, committeeBodyId, '');
    return true;
  } catch {
    return false;
  }
}

export async function chainView(db: DbOrTx, scope: ItemScope, itemId: string, day: string, calendar: WorkingCalendar, user: AuthUser | null) {
  const item = await scopedItem(db, scope, itemId);
  const session = await sessionOf(db, item.councilId, item.sessionId);
  const [set, v, docs] = await Promise.all([
    ruleSetOf(db, item.councilId, session.ruleSetKey),
    verificationOf(db, itemId),
    db.select().from(sessionDocuments).where(eq(sessionDocuments.itemId, itemId)).orderBy(asc(sessionDocuments.createdAt)),
  ]);
  const names = await presenterNames(db, [item, { presenterAgencyId: null, presenterBodyId: item.committeeBodyId }]);
  const points = v ? await pointsOf(db, v.id) : [];
  const [response] = v ? await db.select().from(sessionResponses).where(eq(sessionResponses.verificationId, v.id)) : [];
  const answers = response ? await db.select().from(sessionResponseAnswers).where(eq(sessionResponseAnswers.responseId, response.id)) : [];
  const reminders = docs.length
    ? await db.select().from(sessionReminders).where(inArray(sessionReminders.documentId, docs.map((d) => d.id))).orderBy(asc(sessionReminders.sentOn))
    : [];

  // A due date that cannot be computed (no holiday table for its year) shows as none, with the reason.
  const warnings: string[] = [];
  const dueOfKind = (kind: ExpectedDocumentKind): string | null => {
    const listed = docs.find((d) => d.kind === kind);
    if (listed) return listed.dueDate;
    try {
      return dueDateOf(stepOfDocument(kind), session.openingDate, set.profile, calendar, knownYears(calendar))?.due ?? null;
    } catch (err) {
      warnings.push((err as Error).message);
      return null;
    }
  };
  const main = MAIN_KINDS.map((k) => docs.find((d) => d.kind === k)).find((d) => d !== undefined) ?? null;
  const mainKind: ExpectedDocumentKind = (main?.kind as ExpectedDocumentKind) ?? (item.kind === 'proposal' ? 'submission' : (item.kind as ExpectedDocumentKind));
  const chain = chainSummary({
    submission: { number: v?.submissionNumber || null, date: main?.receivedOn ?? null, due: main ? main.dueDate : dueOfKind(mainKind), lastRevisedOn: main?.lastRevisedOn ?? null },
    verificationReport: { number: v?.reportNumber || null, date: v?.reportIssuedOn ?? null, due: dueOfKind('verificationReport') },
    responseReport: { number: response?.number || null, date: response?.issuedOn ?? null, due: dueOfKind('responseReport') },
    // Before the report, a response is expected unless the committee says otherwise.
    responseRequired: v?.reportIssuedOn ? v.needsResponse : true,
    resolution: { number: null, date: null },
    today: day,
    calendar,
    dueSoonWorkingDays: set.profile.dueSoonWorkingDays,
  });
  const answerOf = new Map(answers.map((a) => [a.pointId, a]));
  const committeeName = item.committeeBodyId ? names.get(item.committeeBodyId) ?? '' : null;
  return {
    item: {
      ...out(item),
      kindLabel: SUBMISSION_KIND_LABELS[item.kind as SubmissionKind] ?? item.kind,
      stateLabel: SUBMISSION_STATE_LABELS[item.state as SubmissionState] ?? item.state,
      presenterName: names.get(item.presenterAgencyId ?? item.presenterBodyId ?? '') ?? '',
      committeeName,
    },
    session: { id: session.id, title: session.title, openingDate: session.openingDate, state: session.state },
    assignment: v ? { committeeName, assignedOn: v.assignedOn, submissionNumber: v.submissionNumber } : item.committeeBodyId ? { committeeName, assignedOn: null, submissionNumber: '' } : null,
    meeting: v?.meetingOn ? { meetingOn: v.meetingOn, attendees: v.meetingAttendees, drafterPresent: v.drafterPresent, drafterAttendees: v.drafterAttendees } : null,
    report: v?.reportIssuedOn
      ? {
          number: v.reportNumber, issuedOn: v.reportIssuedOn, version: v.reportVersion, summary: v.summary, needsResponse: v.needsResponse,
          conclusion: v.conclusion, conclusionLabel: VERIFICATION_CONCLUSION_LABELS[v.conclusion as VerificationConclusion] ?? v.conclusion,
          points: points.map((p) => {
            const a = answerOf.get(p.id);
            return {
              id: p.id, key: p.key, position: p.position, reference: p.reference, referenceLabel: p.referenceLabel, content: p.content,
              conclusion: p.conclusion, conclusionLabel: VERIFICATION_CONCLUSION_LABELS[p.conclusion as VerificationConclusion] ?? p.conclusion,
              requiresAnswer: p.conclusion === 'pointsToExplain' || p.conclusion === 'disagree',
              answer: a ? { kind: a.kind, kindLabel: RESPONSE_ANSWER_KIND_LABELS[a.kind as ResponseAnswerKind] ?? a.kind, text: a.text } : null,
            };
          }),
        }
      : null,
    response: response ? { number: response.number, issuedOn: response.issuedOn, summary: response.summary, filedVia: response.filedVia } : null,
    chain: { ...chain, warnings: [...warnings, ...chain.warnings] },
    reminders: reminders.map((r) => {
      const d = docs.find((x) => x.id === r.documentId)!;
      return { documentTitle: d.title, documentKind: d.kind, documentKindLabel: EXPECTED_DOCUMENT_KIND_LABELS[d.kind as ExpectedDocumentKind] ?? d.kind, kind: r.kind, kindLabel: REMINDER_KIND_LABELS[r.kind as ReminderKind] ?? r.kind, dueDate: r.dueDate, sentOn: r.sentOn };
    }),
    may: {
      verify: 'councilId' in scope && session.state !== 'closed' && mayVerify(user, item.councilId, item.committeeBodyId),
      respond: session.state !== 'closed' && !!v?.reportIssuedOn && !response,
    },
  };
}

