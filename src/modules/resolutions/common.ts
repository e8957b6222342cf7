// Shared pieces of the resolutions module: scoped loaders (another council's record is a 404),
// the council's graph for the pure status rules, rule errors as Vietnamese 422s, the projection of
// a task onto the follow-up engine.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { notFound } from '../../server/errors.ts';
import { TASK_STATE_LABELS, type LinkType, type ResolutionLink, type ResolutionNode, type TaskState } from '../../domain/resolutions/index.ts';
import { fold } from '../../domain/text/normalize.ts';
import type { Tx } from '../../db/client.ts';
import type { DbOrTx } from '../petitions/common.ts';
import { resolutionLinks, resolutionTaskReports, resolutions, resolutionTasks } from './schema.ts';
import { syncObligation } from '../followup/service.ts';
import { ruleError } from '../../server/ruleErrors.ts';
export { ruleError };

export { today, out, type ActionCtx, type DbOrTx } from '../petitions/common.ts';

export type Resolution = typeof resolutions.$inferSelect;
export type Task = typeof resolutionTasks.$inferSelect;

/** Runs a pure rule, turning its refusal into a Vietnamese 422. */
export function rule<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    return ruleError(err);
  }
}

export async function resolutionOf(db: DbOrTx, councilId: string, id: string, opts: { lock?: boolean } = {}): Promise<Resolution> {
  const q = db.select().from(resolutions).where(eq(resolutions.id, id));
  const [r] = opts.lock ? await q.for('update') : await q;
  if (!r || r.councilId !== councilId) throw notFound('nghị quyết của HĐND này');
  return r;
}

/** How a resolution is named in messages and lists: its number, or its title while unnumbered. */
export const labelOf = (r: Pick<Resolution, 'symbol' | 'title'>) => (r.symbol ? `Nghị quyết số ${r.symbol}` : `Nghị quyết "${r.title}"`);

export const searchKeyOf = (r: { symbol: string | null; title: string }) => fold(`${r.symbol ?? ''} ${r.title}`);

/** Every resolution and link of a council, as the pure graph sees them. */
export async function councilGraph(db: DbOrTx, councilId: string): Promise<{ nodes: ResolutionNode[]; links: (ResolutionLink & { id: string })[]; rows: Resolution[] }> {
  const [rows, linkRows] = await Promise.all([
    db.select().from(resolutions).where(eq(resolutions.councilId, councilId)).orderBy(asc(resolutions.passedOn)),
    db.select().from(resolutionLinks).where(eq(resolutionLinks.councilId, councilId)),
  ]);
  return {
    rows,
    nodes: rows.map((r) => ({ id: r.id, label: labelOf(r), passedOn: r.passedOn, inForceFrom: r.inForceFrom })),
    links: linkRows.map((l) => ({ id: l.id, fromId: l.fromId, toId: l.toId, type: l.type as LinkType, partial: l.partial, provisions: l.provisions, effectiveFrom: l.effectiveFrom })),
  };
}

export async function taskOf(db: DbOrTx, scope: { councilId: string } | { agencyId: string }, id: string, opts: { lock?: boolean } = {}): Promise<Task> {
  const q = db.select().from(resolutionTasks).where(eq(resolutionTasks.id, id));
  const [t] = opts.lock ? await q.for('update') : await q;
  const visible = t && ('councilId' in scope ? t.councilId === scope.councilId : t.agencyId === scope.agencyId);
  if (!t || !visible) throw notFound('nhiệm vụ thực hiện nghị quyết');
  return t;
}

/** Where the agency acts on a task (its own page). */
export const agencyTaskLink = (t: Pick<Task, 'agencyId' | 'id'>) => `/agencies/${t.agencyId}/resolution-tasks?task=${t.id}`;

/** Projects a task onto the one follow-up engine, in the caller's transaction. */
export async function projectTask(tx: Tx, t: Task, r: Pick<Resolution, 'symbol' | 'title'>): Promise<void> {
  const [completed] = await tx
    .select({ on: resolutionTaskReports.reportedOn })
    .from(resolutionTaskReports)
    .where(and(eq(resolutionTaskReports.taskId, t.id), eq(resolutionTaskReports.kind, 'completed')))
    .orderBy(asc(resolutionTaskReports.reportedOn));
  const answeredOn = t.state === 'open' ? null : completed?.on ?? t.closedOn;
  await syncObligation(tx, {
    kind: 'resolution_task',
    sourceId: t.id,
    councilId: t.councilId,
    agencyId: t.agencyId,
    title: t.title,
    detail: [labelOf(r), t.provision].filter(Boolean).join(' · '),
    link: agencyTaskLink(t),
    originalDue: t.originalDue,
    due: t.due,
    answeredOn: answeredOn ?? null,
    closedOn: t.state === 'done' || t.state === 'cancelled' ? t.closedOn : null,
    stateLabel: TASK_STATE_LABELS[t.state as TaskState] ?? t.state,
  });
}

export async function tasksOfResolutions(db: DbOrTx, ids: string[]): Promise<Task[]> {
  if (!ids.length) return [];
  return db.select().from(resolutionTasks).where(inArray(resolutionTasks.resolutionId, ids)).orderBy(asc(resolutionTasks.due));
}
