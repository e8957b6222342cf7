// Reads of the sessions module: the council's profile (every value marked while it is the
// default), the annual plans, the sessions list, and one session's page (items, expected
// documents with their timing, lateness per presenting agency, joint conference, agenda versions).
import { and, count, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../../db/paging.ts';
import type { WorkingCalendar } from '../../../domain/calendar/index.ts';
import {
  LEAD_TIME_STEP_LABELS, SESSION_KIND_LABELS, SESSION_STATE_LABELS, SUBMISSION_KIND_LABELS, SUBMISSION_STATE_LABELS,
  sessionActions, type SessionKind, type SessionState, type SubmissionKind, type SubmissionState,
} from '../../../domain/sessions/index.ts';
import { terms } from '../../directory/schema.ts';
import { councilSessions, jointConferences, sessionPlans } from '../schema.ts';
import { councilLevel, itemsOfSession, out, presenterNames, ruleSetOf, ruleSetsOf, sessionOf, type DbOrTx } from '../common.ts';
import { agendaVersionsOf } from '../actions/agenda.ts';
import { documentJson, documentRows, filesOf, lateness } from './documents.ts';

export async function profileView(db: DbOrTx, councilId: string, day: string) {
  const [level, sets] = await Promise.all([councilLevel(db, councilId), ruleSetsOf(db, councilId)]);
  return {
    level,
    steps: LEAD_TIME_STEP_LABELS,
    ruleSets: sets.map((s) => ({ ...s, inForceToday: s.validFrom <= day && (s.validTo === null || day < s.validTo) })),
  };
}

export async function listPlans(db: DbOrTx, councilId: string, q: { page: number; pageSize: number }) {
  const where = eq(sessionPlans.councilId, councilId);
  const { items: rows, total } = await pageWithTotal(
    q,
    (total) => db.select({ ...getTableColumns(sessionPlans), total }).from(sessionPlans).where(where).orderBy(desc(sessionPlans.year)),
    () => countWhere(db, sessionPlans, where),
  );
  return { items: rows.map(out), total, page: q.page, pageSize: q.pageSize };
}

const sessionJson = (s: typeof councilSessions.$inferSelect & { termName?: string | null }) => ({
  ...out(s),
  kindLabel: SESSION_KIND_LABELS[s.kind as SessionKind] ?? s.kind,
  stateLabel: SESSION_STATE_LABELS[s.state as SessionState] ?? s.state,
});

export async function listSessions(db: DbOrTx, councilId: string, q: { page: number; pageSize: number; year?: number; state?: string }) {
  const where: SQL[] = [eq(councilSessions.councilId, councilId)];
  if (q.year) where.push(sql`extract(year from ${councilSessions.openingDate}) = ${q.year}`);
  if (q.state) where.push(eq(councilSessions.state, q.state));
  return pageWithTotal(
    q,
    (total) =>
      db.select({ s: councilSessions, termName: terms.name, total }).from(councilSessions).innerJoin(terms, eq(terms.id, councilSessions.termId))
        .where(and(...where)).orderBy(desc(councilSessions.openingDate), desc(councilSessions.createdAt)),
    () => countWhere(db, councilSessions, and(...where)),
    (r) => ({ ...sessionJson(r.s), termName: r.termName }),
  );
}

export async function sessionDetail(db: DbOrTx, councilId: string, sessionId: string, day: string, calendar: WorkingCalendar) {
  const s = await sessionOf(db, councilId, sessionId);
  const [set, items, rows, [conference], versions, [term]] = await Promise.all([
    ruleSetOf(db, councilId, s.ruleSetKey),
    itemsOfSession(db, sessionId),
    documentRows(db, { councilId, sessionId }),
    db.select().from(jointConferences).where(eq(jointConferences.sessionId, sessionId)),
    agendaVersionsOf(db, sessionId),
    db.select({ name: terms.name }).from(terms).where(eq(terms.id, s.termId)),
  ]);
  const dueSoon = set.profile.dueSoonWorkingDays;
  const files = await filesOf(db, rows.map((r) => r.doc.id));
  const names = await presenterNames(db, [...items, ...items.map((i) => ({ presenterAgencyId: null, presenterBodyId: i.committeeBodyId }))]);
  const docs = rows.map((r) => documentJson(r, day, calendar, dueSoon, files.get(r.doc.id) ?? []));
  return {
    ...sessionJson(s),
    termName: term?.name ?? null,
    actions: sessionActions(s.state as SessionState),
    ruleSet: { key: set.key, legalBasis: set.legalBasis, validFrom: set.validFrom, validTo: set.validTo, defaults: set.defaults, leadTimes: set.profile.leadTimes, dueSoonWorkingDays: dueSoon },
    items: items.map((i) => ({
      ...out(i),
      kindLabel: SUBMISSION_KIND_LABELS[i.kind as SubmissionKind] ?? i.kind,
      stateLabel: SUBMISSION_STATE_LABELS[i.state as SubmissionState] ?? i.state,
      presenterName: names.get(i.presenterAgencyId ?? i.presenterBodyId ?? '') ?? '',
      committeeName: i.committeeBodyId ? names.get(i.committeeBodyId) ?? '' : null,
      documents: docs.filter((d) => d.itemId === i.id),
    })),
    lateness: lateness(rows, day, calendar, dueSoon),
    jointConference: conference ? out(conference) : null,
    agendaVersions: versions,
  };
}
