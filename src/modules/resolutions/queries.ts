// Reads of the resolutions module. The status of every resolution on the asked date is computed
// from the council's graph (domain statusOn), never stored; a council's register is small enough
// (hundreds a term) to compute whole and page (pageFrom), the same answer as a database page.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../db/paging.ts';
import type { Db } from '../../db/client.ts';
import type { AuthUser } from '../../server/permissions.ts';
import { notFound } from '../../server/errors.ts';
import { pageFrom } from '../../server/route.ts';
import { fold } from '../../domain/text/normalize.ts';
import {
  IN_FORCE_STATUSES, LINK_TYPE_LABELS, LINK_TYPE_PASSIVE_LABELS, REPORT_KIND_LABELS, RESOLUTION_STATUS_LABELS, TASK_STATE_LABELS,
  gazetteDue, replacementChain, resolutionRulesOn, earliestInForce, statusOn, taskView, timelineOf,
  type LinkType, type ReportKind, type ResolutionStatus, type TaskState,
} from '../../domain/resolutions/index.ts';
import { agencies, councils, adminUnits } from '../directory/schema.ts';
import { councilSessions, sessionItems } from '../sessions/schema.ts';
import { chainView } from '../sessions/queries/verification.ts';
import { loadCalendar } from '../petitions/common.ts';
import { documentDownloadPath } from '../documents/service.ts';
import { councilGraph, labelOf, out, resolutionOf, taskOf, type DbOrTx, type Resolution, type Task } from './common.ts';
import { resolutionTaskReports, resolutions, resolutionTasks } from './schema.ts';
import { voteFiguresOf } from './votes.ts';

export interface ResolutionFilter {
  page: number;
  pageSize: number;
  q?: string;
  /** Status computed on this date (default today). */
  on?: string;
  status?: ResolutionStatus | 'anyInForce';
  normative?: boolean;
  sessionId?: string;
  year?: number;
}

function summary(r: Resolution, s: ReturnType<typeof statusOn>, sessionTitle: string | null) {
  return {
    id: r.id, title: r.title, symbol: r.symbol, number: r.number, year: r.year, normative: r.normative,
    kindLabel: r.normative ? 'Quy phạm pháp luật' : 'Cá biệt',
    passedOn: r.passedOn, certifiedOn: r.certifiedOn, publishedOn: r.publishedOn, gazetteSentOn: r.gazetteSentOn, inForceFrom: r.inForceFrom,
    sessionId: r.sessionId, sessionTitle, documentId: r.documentId,
    status: s.status, statusLabel: s.label, statusSince: s.since,
    links: s.applied.map((a) => ({ ...a, label: a.type === 'repeals' && a.partial ? 'Bị bãi bỏ một phần bởi' : LINK_TYPE_PASSIVE_LABELS[a.type] })),
  };
}

async function sessionTitles(db: DbOrTx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db.select({ id: councilSessions.id, title: councilSessions.title }).from(councilSessions).where(inArray(councilSessions.id, wanted));
  return new Map(rows.map((r) => [r.id, r.title]));
}

export async function listResolutions(db: Db, councilId: string, f: ResolutionFilter, day: string) {
  const on = f.on ?? day;
  const g = await councilGraph(db, councilId);
  const titles = await sessionTitles(db, g.rows.map((r) => r.sessionId));
  const q = f.q ? fold(f.q) : '';
  const all = g.rows
    .filter((r) => (!q || r.searchKey.includes(q)) && (f.normative === undefined || r.normative === f.normative) && (!f.sessionId || r.sessionId === f.sessionId) && (!f.year || Number(r.passedOn.slice(0, 4)) === f.year))
    .map((r) => summary(r, statusOn(r.id, on, g.nodes, g.links), r.sessionId ? titles.get(r.sessionId) ?? null : null))
    .filter((s) => !f.status || (f.status === 'anyInForce' ? IN_FORCE_STATUSES.includes(s.status) : s.status === f.status))
    .sort((a, b) => b.passedOn.localeCompare(a.passedOn) || (b.number ?? 0) - (a.number ?? 0));
  return { ...pageFrom(all, f), on };
}

function taskOut(t: Task, reports: { on: string; kind: ReportKind }[], day: string, agencyName: string) {
  const v = taskView({ assignedOn: t.assignedOn, due: t.due, reportEveryMonths: t.reportEveryMonths, state: t.state as TaskState, reports }, day);
  return { ...out(t), agencyName, stateLabel: TASK_STATE_LABELS[t.state as TaskState] ?? t.state, extended: t.due !== t.originalDue, ...v };
}

async function reportsOf(db: DbOrTx, taskIds: string[]) {
  if (!taskIds.length) return [];
  return db.select().from(resolutionTaskReports).where(inArray(resolutionTaskReports.taskId, taskIds)).orderBy(asc(resolutionTaskReports.reportedOn), asc(resolutionTaskReports.createdAt));
}

async function agencyNames(db: DbOrTx, ids: string[]) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A resolution's page: facts, status on a date with its timeline, links both ways, the chain back to the tờ trình, the vote, the tasks. */
export async function resolutionDetail(db: Db, councilId: string, id: string, day: string, on: string | undefined, user: AuthUser | null) {
  const r = await resolutionOf(db, councilId, id);
  const g = await councilGraph(db, councilId);
  const date = on ?? day;
  const byId = new Map(g.rows.map((x) => [x.id, x]));
  const status = statusOn(id, date, g.nodes, g.links);
  const rules = resolutionRulesOn(r.passedOn);
  const [session] = r.sessionId ? await db.select().from(councilSessions).where(eq(councilSessions.id, r.sessionId)) : [];
  const [item] = r.itemId ? await db.select().from(sessionItems).where(eq(sessionItems.id, r.itemId)) : [];
  const chain = r.itemId ? await chainView(db, { councilId }, r.itemId, day, await loadCalendar(db), user) : null;
  const tasks = await db.select().from(resolutionTasks).where(eq(resolutionTasks.resolutionId, id)).orderBy(asc(resolutionTasks.due));
  const reports = await reportsOf(db, tasks.map((t) => t.id));
  const names = await agencyNames(db, tasks.map((t) => t.agencyId));
  const linkOut = (l: (typeof g.links)[number], other: string, passive: boolean) => {
    const o = byId.get(other)!;
    const type = l.type as LinkType;
    return {
      id: l.id, type, partial: l.partial, provisions: l.provisions, effectiveFrom: l.effectiveFrom,
      label: passive ? (type === 'repeals' && l.partial ? 'Bị bãi bỏ một phần bởi' : LINK_TYPE_PASSIVE_LABELS[type]) : type === 'repeals' && l.partial ? 'Bãi bỏ một phần' : LINK_TYPE_LABELS[type],
      other: { id: o.id, title: o.title, symbol: o.symbol, passedOn: o.passedOn, inForceFrom: o.inForceFrom, status: statusOn(o.id, date, g.nodes, g.links).label },
    };
  };
  return {
    resolution: {
      ...out(r), label: labelOf(r), kindLabel: r.normative ? 'Quy phạm pháp luật' : 'Cá biệt',
      documentDownload: r.documentId ? documentDownloadPath(councilId, r.documentId) : null,
    },
    rules: {
      name: rules.name, earliestInForce: earliestInForce(r, rules), minDays: rules.normativeMinDaysAfterPassing, minDaysSource: rules.normativeMinDaysSource, minDaysVerified: rules.normativeMinDaysVerified,
      gazetteDue: r.certifiedOn && r.normative ? gazetteDue(r.certifiedOn, rules) : null, gazetteSource: rules.gazetteSource,
      seriesNote: rules.seriesSource, seriesVerified: rules.seriesVerified,
    },
    on: date,
    status: { ...status, applied: status.applied, pending: status.pending },
    timeline: timelineOf(id, g.nodes, g.links),
    replacedBy: replacementChain(id, date, g.nodes, g.links).map((n) => ({ id: n.id, label: n.label })),
    acts: g.links.filter((l) => l.fromId === id).map((l) => linkOut(l, l.toId, false)),
    actedOnBy: g.links.filter((l) => l.toId === id).map((l) => linkOut(l, l.fromId, true)),
    session: session ? { id: session.id, title: session.title, openingDate: session.openingDate } : null,
    item: item ? { id: item.id, title: item.title } : null,
    chain,
    vote: await voteFiguresOf(db, r),
    tasks: tasks.map((t) => ({
      ...taskOut(t, reports.filter((x) => x.taskId === t.id).map((x) => ({ on: x.reportedOn, kind: x.kind as ReportKind })), day, names.get(t.agencyId) ?? ''),
      reports: reports.filter((x) => x.taskId === t.id).map((x) => ({ ...out(x), kindLabel: REPORT_KIND_LABELS[x.kind as ReportKind] ?? x.kind })),
    })),
    statusLabels: RESOLUTION_STATUS_LABELS,
  };
}

export interface TaskFilter {
  page: number;
  pageSize: number;
  state?: TaskState;
  overdue?: boolean;
  agencyId?: string;
}

/** Tasks of a council or of an agency, soonest due first, with overdue computed. */
export async function listTasks(db: Db, scope: { councilId: string } | { agencyId: string }, f: TaskFilter, day: string) {
  const where = and(
    'councilId' in scope ? eq(resolutionTasks.councilId, scope.councilId) : eq(resolutionTasks.agencyId, scope.agencyId),
    f.state ? eq(resolutionTasks.state, f.state) : undefined,
    f.agencyId ? eq(resolutionTasks.agencyId, f.agencyId) : undefined,
    f.overdue ? and(eq(resolutionTasks.state, 'open'), sql`${resolutionTasks.due} < ${day}`) : undefined,
  );
  const { items: rows, total } = await pageWithTotal(
    f,
    (total) =>
      db
        .select({ t: resolutionTasks, symbol: resolutions.symbol, title: resolutions.title, councilName: councils.name, total })
        .from(resolutionTasks)
        .innerJoin(resolutions, eq(resolutions.id, resolutionTasks.resolutionId))
        .innerJoin(councils, eq(councils.id, resolutionTasks.councilId))
        .where(where)
        .orderBy(asc(resolutionTasks.due), desc(resolutionTasks.createdAt)),
    () => countWhere(db, resolutionTasks, where),
  );
  const reports = await reportsOf(db, rows.map((x) => x.t.id));
  const names = await agencyNames(db, rows.map((x) => x.t.agencyId));
  return {
    items: rows.map((x) => ({
      ...taskOut(x.t, reports.filter((r) => r.taskId === x.t.id).map((r) => ({ on: r.reportedOn, kind: r.kind as ReportKind })), day, names.get(x.t.agencyId) ?? ''),
      resolution: { id: x.t.resolutionId, symbol: x.symbol, title: x.title, label: labelOf(x) },
      councilName: x.councilName,
      reports: reports.filter((r) => r.taskId === x.t.id).map((r) => ({ ...out(r), kindLabel: REPORT_KIND_LABELS[r.kind as ReportKind] ?? r.kind })),
    })),
    total, page: f.page, pageSize: f.pageSize,
  };
}

export async function agencyTask(db: Db, agencyId: string, id: string, day: string) {
  const t = await taskOf(db, { agencyId }, id);
  const page = await listTasks(db, { agencyId }, { page: 1, pageSize: 200 }, day);
  return page.items.find((x) => x.id === t.id)!;
}

/**
 * Public: certified and published resolutions of a council with their status on a date and the
 * vote totals (never who voted how: named votes only when the council publishes them, a setting of
 * the chamber votes part). Nothing unpublished, no task or internal note.
 */
export async function publicResolutions(db: Db, councilId: string, f: { page: number; pageSize: number; q?: string; on?: string }, day: string) {
  const [c] = await db.select({ id: councils.id, name: councils.name, unitName: adminUnits.name }).from(councils).innerJoin(adminUnits, eq(adminUnits.id, councils.unitId)).where(eq(councils.id, councilId));
  if (!c) throw notFound('hội đồng nhân dân');
  const on = f.on ?? day;
  const g = await councilGraph(db, councilId);
  const published = new Set(g.rows.filter((r) => r.publishedOn && r.symbol).map((r) => r.id));
  const q = f.q ? fold(f.q) : '';
  const all: Record<string, unknown>[] = [];
  for (const r of g.rows.filter((x) => published.has(x.id) && (!q || x.searchKey.includes(q))).sort((a, b) => b.passedOn.localeCompare(a.passedOn))) {
    const s = statusOn(r.id, on, g.nodes, g.links);
    const fig = await voteFiguresOf(db, r);
    all.push({
      id: r.id, symbol: r.symbol, title: r.title, kindLabel: r.normative ? 'Quy phạm pháp luật' : 'Cá biệt',
      passedOn: r.passedOn, inForceFrom: r.inForceFrom, publishedOn: r.publishedOn, publishedWhere: r.publishedWhere,
      status: s.status, statusLabel: s.label, statusSince: s.since,
      links: s.applied.filter((a) => published.has(a.byId)).map((a) => ({ label: a.type === 'repeals' && a.partial ? 'Bị bãi bỏ một phần bởi' : LINK_TYPE_PASSIVE_LABELS[a.type], by: a.byLabel, provisions: a.provisions, effectiveFrom: a.effectiveFrom })),
      vote: fig ? { for: fig.for, against: fig.against, abstain: fig.abstain, total: fig.total, byName: fig.byName ?? null } : null,
    });
  }
  return { council: c ? { id: c.id, name: c.name } : null, on, ...pageFrom(all, f) };
}
