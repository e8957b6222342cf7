// Reads of the reports and recommendations: the council's lists and pages, the agency's inbox
// (only what is addressed to it), the dashboard (by status, by agency, overdue) and the public
// pages (issued, published reports; no names of the staff who acted). Overdue and the other
// flags are computed on the day asked (domain recommendationView), and the overdue filter is the
// same rule in SQL (owed, neither answered nor closed, past its due date).
import { and, asc, count, desc, eq, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../db/paging.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { fold } from '../../domain/text/normalize.ts';
import {
  ASSESSMENT_MEANINGS, RECOMMENDATION_ACTION_LABELS, RECOMMENDATION_FLAG_LABELS, RECOMMENDATION_STATE_LABELS, RECOMMENDATION_STATUS_LABELS,
  RECOMMENDATION_STATUSES, recommendationActions, recommendationStatus, recommendationView, STATUS_STATES,
  type RecommendationRecord, type RecommendationState, type RecommendationStatus,
} from '../../domain/oversight/index.ts';
import { ESCALATION_STEP_LABELS, type EscalationStepKind } from '../../domain/followup/index.ts';
import { agencies, bodies, councils } from '../directory/schema.ts';
import { documents } from '../documents/schema.ts';
import { documentDownloadPath } from '../documents/service.ts';
import { out, type DbOrTx } from '../petitions/common.ts';
import { escalationOptions, escalationsOf } from './escalation.ts';
import { eventsOf, recommendationOf, reportOf, reportOut } from './recommendations.ts';
import { oversightEvidenceFiles, oversightRecommendationEvents, oversightRecommendations, oversightReports } from './recommendationsSchema.ts';

type Rec = typeof oversightRecommendations.$inferSelect;
type Page = { page: number; pageSize: number };

export interface RecommendationFilter {
  status?: RecommendationStatus | undefined;
  overdue?: boolean | undefined;
  agencyId?: string | undefined;
  reportId?: string | undefined;
  q?: string | undefined;
}

/** Owed, neither answered nor closed, past its due date: the domain's overdue in SQL. */
export const overdueCond = (day: string): SQL =>
  and(isNull(oversightRecommendations.answeredOn), isNull(oversightRecommendations.closedOn), lt(oversightRecommendations.due, day))!;

export function recommendationConds(scope: { councilId: string } | { agencyId: string }, f: RecommendationFilter, day: string): SQL {
  const conds: SQL[] = [ne(oversightRecommendations.state, 'draft')];
  conds.push('councilId' in scope ? eq(oversightRecommendations.councilId, scope.councilId) : eq(oversightRecommendations.agencyId, scope.agencyId));
  if (f.status) conds.push(inArray(oversightRecommendations.state, [...STATUS_STATES[f.status]]));
  if (f.overdue) conds.push(overdueCond(day));
  if (f.agencyId) conds.push(eq(oversightRecommendations.agencyId, f.agencyId));
  if (f.reportId) conds.push(eq(oversightRecommendations.reportId, f.reportId));
  if (f.q?.trim()) conds.push(sql`${oversightRecommendations.searchKey} like ${`%${fold(f.q.trim())}%`}`);
  return and(...conds)!;
}

/** The computed part of a recommendation on `day`: status, flags, days overdue. */
export function computed(r: Rec, day: string, calendar: WorkingCalendar) {
  if (r.state === 'draft' || !r.issuedOn || !r.originalDue || !r.due) {
    return { stateLabel: 'Dự thảo (báo cáo chưa ban hành)', status: null, statusLabel: null, flags: [], flagLabels: [], daysOverdue: 0, deadline: null };
  }
  const state = r.state as RecommendationState;
  const record = { state, issuedOn: r.issuedOn, originalDue: r.originalDue, due: r.due, answeredOn: r.answeredOn, closedOn: r.closedOn } as RecommendationRecord;
  const v = recommendationView(record, day, calendar);
  const status = recommendationStatus(state);
  return {
    stateLabel: RECOMMENDATION_STATE_LABELS[state],
    status,
    statusLabel: RECOMMENDATION_STATUS_LABELS[status],
    flags: v.flags,
    flagLabels: v.flags.map((f) => RECOMMENDATION_FLAG_LABELS[f]),
    daysOverdue: v.followUp.daysOverdue,
    deadline: v.followUp.deadline,
  };
}

const listColumns = {
  r: oversightRecommendations,
  agencyName: agencies.name,
  reportTitle: oversightReports.title,
  councilName: councils.name,
};

export async function listRecommendations(db: DbOrTx, scope: { councilId: string } | { agencyId: string }, f: RecommendationFilter & Page, day: string, calendar: WorkingCalendar) {
  const where = recommendationConds(scope, f, day);
  return pageWithTotal(
    f,
    (total) =>
      db.select({ ...listColumns, total }).from(oversightRecommendations)
        .innerJoin(agencies, eq(agencies.id, oversightRecommendations.agencyId))
        .innerJoin(oversightReports, eq(oversightReports.id, oversightRecommendations.reportId))
        .innerJoin(councils, eq(councils.id, oversightRecommendations.councilId))
        .where(where)
        .orderBy(asc(oversightRecommendations.due), asc(oversightRecommendations.position), asc(oversightRecommendations.id)),
    () => countWhere(db, oversightRecommendations, where),
    (x) => ({ ...out(x.r), agencyName: x.agencyName, reportTitle: x.reportTitle, councilName: x.councilName, ...computed(x.r, day, calendar) }),
  );
}

export async function listReports(db: DbOrTx, councilId: string, f: Page & { q?: string | undefined }) {
  const conds: SQL[] = [eq(oversightReports.councilId, councilId)];
  if (f.q?.trim()) conds.push(sql`lower(${oversightReports.title}) like ${`%${f.q.trim().toLowerCase()}%`}`);
  const where = and(...conds)!;
  return pageWithTotal(
    f,
    (total) =>
      db.select({
        r: oversightReports, bodyName: bodies.name, symbol: documents.symbol,
        recommendations: sql<number>`(select count(*)::int from oversight_recommendations x where x.report_id = ${oversightReports.id})`,
        closed: sql<number>`(select count(*)::int from oversight_recommendations x where x.report_id = ${oversightReports.id} and x.closed_on is not null)`,
        total,
      }).from(oversightReports)
        .leftJoin(bodies, eq(bodies.id, oversightReports.bodyId))
        .leftJoin(documents, eq(documents.id, oversightReports.documentId))
        .where(where).orderBy(desc(oversightReports.createdAt), asc(oversightReports.id)),
    () => countWhere(db, oversightReports, where),
    (x) => ({ ...reportOut(x.r), bodyName: x.bodyName, symbol: x.symbol ?? x.r.typedNumber, recommendations: x.recommendations, closed: x.closed }),
  );
}

async function filesOf(db: DbOrTx, recommendationIds: string[]) {
  if (!recommendationIds.length) return [];
  return db.select({ id: oversightEvidenceFiles.id, recommendationId: oversightEvidenceFiles.recommendationId, eventId: oversightEvidenceFiles.eventId, fileName: oversightEvidenceFiles.fileName, mimeType: oversightEvidenceFiles.mimeType, size: oversightEvidenceFiles.size })
    .from(oversightEvidenceFiles).where(inArray(oversightEvidenceFiles.recommendationId, recommendationIds)).orderBy(asc(oversightEvidenceFiles.createdAt));
}

async function symbolsOf(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: documents.id, symbol: documents.symbol }).from(documents).where(inArray(documents.id, ids));
  return new Map(rows.map((r) => [r.id, r.symbol]));
}

/** Everything about one recommendation for the side asking: its history, files, escalations and the actions open to it. */
export async function recommendationDetail(db: DbOrTx, scope: { councilId: string } | { agencyId: string }, id: string, day: string, calendar: WorkingCalendar) {
  const r = await recommendationOf(db, scope, id);
  const side = 'councilId' in scope ? 'supervisor' : 'agency';
  const [report, events, files, escalations, [agency]] = await Promise.all([
    reportOf(db, r.councilId, r.reportId),
    eventsOf(db, r.id),
    filesOf(db, [r.id]),
    escalationsOf(db, r.id),
    db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, r.agencyId)),
  ]);
  const [council] = await db.select({ name: councils.name }).from(councils).where(eq(councils.id, r.councilId));
  const symbols = await symbolsOf(db, [report.documentId, ...escalations.map((e) => e.documentId)].filter((x): x is string => !!x));
  const state = r.state as RecommendationState;
  const actions = r.state === 'draft' ? [] : recommendationActions(state, side).map((a) => ({ action: a, label: RECOMMENDATION_ACTION_LABELS[a] }));
  return {
    ...out(r), ...computed(r, day, calendar), agencyName: agency?.name ?? '', councilName: council?.name ?? '',
    report: { id: report.id, title: report.title, issuedOn: report.issuedOn, symbol: report.documentId ? symbols.get(report.documentId) ?? null : report.typedNumber,
      downloadPath: side === 'supervisor' && report.documentId ? documentDownloadPath(r.councilId, report.documentId) : null },
    events: events.map((e) => ({
      ...out(e), label: RECOMMENDATION_ACTION_LABELS[e.action as keyof typeof RECOMMENDATION_ACTION_LABELS] ?? e.action,
      meaning: (ASSESSMENT_MEANINGS as Record<string, string>)[e.action.replace('assess_', 'assessed_')] ?? null,
      files: files.filter((f) => f.eventId === e.id),
    })),
    escalations: escalations.map((e) => ({
      ...out(e), label: ESCALATION_STEP_LABELS[e.kind as EscalationStepKind], symbol: symbols.get(e.documentId) ?? null,
      downloadPath: side === 'supervisor' ? documentDownloadPath(r.councilId, e.documentId) : null,
    })),
    actions,
    escalation: side === 'supervisor' ? await escalationOptions(db, r, day) : null,
  };
}

export async function reportDetail(db: DbOrTx, councilId: string, reportId: string, day: string, calendar: WorkingCalendar) {
  const r = await reportOf(db, councilId, reportId);
  const rows = await db.select({ r: oversightRecommendations, agencyName: agencies.name }).from(oversightRecommendations)
    .innerJoin(agencies, eq(agencies.id, oversightRecommendations.agencyId))
    .where(eq(oversightRecommendations.reportId, r.id)).orderBy(asc(oversightRecommendations.position));
  const [body] = r.bodyId ? await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, r.bodyId)) : [];
  const symbols = await symbolsOf(db, r.documentId ? [r.documentId] : []);
  return {
    ...reportOut(r), bodyName: body?.name ?? null,
    symbol: r.documentId ? symbols.get(r.documentId) ?? null : r.typedNumber,
    downloadPath: r.documentId ? documentDownloadPath(councilId, r.documentId) : r.fileContent ? `/api/councils/${councilId}/oversight-reports/${r.id}/file` : null,
    recommendations: rows.map((x) => ({ ...out(x.r), agencyName: x.agencyName, ...computed(x.r, day, calendar) })),
  };
}

export async function reportFile(db: DbOrTx, councilId: string, reportId: string) {
  const r = await reportOf(db, councilId, reportId);
  if (!r.fileContent) return null;
  return { content: r.fileContent, fileName: r.fileName ?? 'bao-cao.pdf', mimeType: r.mimeType ?? 'application/pdf' };
}

// Dashboard --------------------------------------------------------------------------------------

type CamelStatus = 'awaitingAnswer' | 'notAccepted' | 'inProgress' | 'awaitingVerification' | 'closedDone' | 'closedPartly' | 'closedNotDone';
/** "closed_not_done" → "closedNotDone" (JSON keys are camelCase). */
const camel = (s: RecommendationStatus) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()) as CamelStatus;

export async function recommendationDashboard(db: DbOrTx, councilId: string, day: string, calendar: WorkingCalendar) {
  const base = and(eq(oversightRecommendations.councilId, councilId), ne(oversightRecommendations.state, 'draft'))!;
  const overdue = sql<number>`count(*) filter (where ${overdueCond(day)})::int`;
  const [byState, byAgency, late] = await Promise.all([
    db.select({ state: oversightRecommendations.state, n: sql<number>`count(*)::int`, overdue }).from(oversightRecommendations).where(base).groupBy(oversightRecommendations.state),
    db.select({ agencyId: oversightRecommendations.agencyId, agencyName: agencies.name, state: oversightRecommendations.state, n: sql<number>`count(*)::int`, overdue })
      .from(oversightRecommendations).innerJoin(agencies, eq(agencies.id, oversightRecommendations.agencyId))
      .where(base).groupBy(oversightRecommendations.agencyId, agencies.name, oversightRecommendations.state),
    listRecommendations(db, { councilId }, { overdue: true, page: 1, pageSize: 10 }, day, calendar),
  ]);
  const statusOf = (s: string) => recommendationStatus(s as RecommendationState);
  const byStatus = RECOMMENDATION_STATUSES.map((s) => ({
    status: s, label: RECOMMENDATION_STATUS_LABELS[s],
    count: byState.filter((x) => statusOf(x.state) === s).reduce((a, x) => a + x.n, 0),
    overdue: byState.filter((x) => statusOf(x.state) === s).reduce((a, x) => a + x.overdue, 0),
  }));
  type AgencyRow = { agencyId: string; agencyName: string; total: number; overdue: number; open: number } & Record<CamelStatus, number>;
  const agencyMap = new Map<string, AgencyRow>();
  for (const x of byAgency) {
    let a = agencyMap.get(x.agencyId);
    if (!a) {
      a = { agencyId: x.agencyId, agencyName: x.agencyName, total: 0, overdue: 0, open: 0, ...Object.fromEntries(RECOMMENDATION_STATUSES.map((s) => [camel(s), 0])) } as AgencyRow;
      agencyMap.set(x.agencyId, a);
    }
    const s = statusOf(x.state);
    a[camel(s)] += x.n;
    a.total += x.n;
    a.overdue += x.overdue;
    if (!s.startsWith('closed_')) a.open += x.n;
  }
  const total = byStatus.reduce((a, s) => a + s.count, 0);
  return {
    today: day, total, overdue: byStatus.reduce((a, s) => a + s.overdue, 0),
    byStatus,
    byAgency: [...agencyMap.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.agencyName.localeCompare(b.agencyName, 'vi')),
    overdueItems: late.items,
  };
}

// Public pages ---------------------------------------------------------------------------------

const publicReportCond = (councilId: string) => and(eq(oversightReports.councilId, councilId), eq(oversightReports.state, 'issued'), eq(oversightReports.isPublic, true))!;

export async function publicReports(db: DbOrTx, councilId: string, p: Page) {
  const where = publicReportCond(councilId);
  return pageWithTotal(
    p,
    (total) =>
      db.select({
        id: oversightReports.id, title: oversightReports.title, issuedOn: oversightReports.issuedOn, bodyName: bodies.name, symbol: documents.symbol, typedNumber: oversightReports.typedNumber,
        recommendations: sql<number>`(select count(*)::int from oversight_recommendations x where x.report_id = ${oversightReports.id})`,
        done: sql<number>`(select count(*)::int from oversight_recommendations x where x.report_id = ${oversightReports.id} and x.state = 'assessed_done')`,
        total,
      }).from(oversightReports).leftJoin(bodies, eq(bodies.id, oversightReports.bodyId)).leftJoin(documents, eq(documents.id, oversightReports.documentId))
        .where(where).orderBy(desc(oversightReports.issuedOn), asc(oversightReports.id)),
    () => countWhere(db, oversightReports, where),
    ({ typedNumber, symbol, ...x }) => ({ ...x, symbol: symbol ?? typedNumber }),
  );
}

/** A published report: its text, each recommendation with its status and the published reports and verifications (dates and texts only). */
export async function publicReport(db: DbOrTx, councilId: string, reportId: string, day: string, calendar: WorkingCalendar) {
  const [r] = await db.select().from(oversightReports).where(and(eq(oversightReports.id, reportId), publicReportCond(councilId)));
  if (!r) return null;
  const [body] = r.bodyId ? await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, r.bodyId)) : [];
  const symbols = await symbolsOf(db, r.documentId ? [r.documentId] : []);
  const recs = await db.select({ r: oversightRecommendations, agencyName: agencies.name }).from(oversightRecommendations)
    .innerJoin(agencies, eq(agencies.id, oversightRecommendations.agencyId))
    .where(eq(oversightRecommendations.reportId, r.id)).orderBy(asc(oversightRecommendations.position));
  const E = oversightRecommendationEvents;
  const evs = recs.length
    ? await db.select({ recommendationId: E.recommendationId, action: E.action, on: E.on, text: E.text, reason: E.reason }).from(E)
      .where(and(inArray(E.recommendationId, recs.map((x) => x.r.id)), eq(E.isPublic, true))).orderBy(asc(E.seq))
    : [];
  return {
    id: r.id, title: r.title, issuedOn: r.issuedOn, bodyName: body?.name ?? null, symbol: r.documentId ? symbols.get(r.documentId) ?? null : r.typedNumber,
    scope: r.scope, results: r.results, shortcomings: r.shortcomings,
    recommendations: recs.map(({ r: x, agencyName }) => {
      const c = computed(x, day, calendar);
      return {
        id: x.id, position: x.position, content: x.content, agencyName, issuedOn: x.issuedOn, originalDue: x.originalDue, due: x.due,
        stateLabel: c.stateLabel, status: c.status, statusLabel: c.statusLabel, overdue: (c.flags as string[]).includes('overdue'), dispositionReason: x.dispositionReason,
        history: evs.filter((e) => e.recommendationId === x.id && e.action !== 'extend_due').map((e) => ({
          on: e.on, label: RECOMMENDATION_ACTION_LABELS[e.action as keyof typeof RECOMMENDATION_ACTION_LABELS] ?? e.action, text: e.text ?? e.reason ?? '',
        })),
      };
    }),
  };
}
