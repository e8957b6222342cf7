/**
 * The escalation ladder (supervision.md "Escalation ladder", UNVERIFIED — CONFIGURABLE): no law
 * fixes the order, so it is a list of steps in the council's profile, each waiting a number of
 * calendar days after the previous one (the first: after the due date). Shared by every kind of
 * obligation; each step is an action of the owning module, with its document.
 */
import { addDays, daysBetween } from '../calendar/index.ts';

export type EscalationStepKind =
  | 'reminder'
  | 'standing_letter'
  | 'explanation_request'
  | 'hearing'
  | 'interpellation'
  | 'resupervision'
  | 'council_report';

export const ESCALATION_STEP_LABELS: Readonly<Record<EscalationStepKind, string>> = {
  reminder: 'Công văn đôn đốc',
  standing_letter: 'Văn bản của Thường trực Hội đồng nhân dân',
  explanation_request: 'Yêu cầu giải trình',
  hearing: 'Phiên giải trình',
  interpellation: 'Đưa vào nội dung chất vấn tại kỳ họp',
  resupervision: 'Tái giám sát',
  council_report: 'Báo cáo Hội đồng nhân dân',
};

export type EscalationStep = { kind: EscalationStepKind; waitDays: number };

/** The shipped ladder: every wait is an UNVERIFIED default a council edits. */
export const DEFAULT_ESCALATION_LADDER: readonly EscalationStep[] = [
  { kind: 'reminder', waitDays: 1 },
  { kind: 'reminder', waitDays: 15 },
  { kind: 'standing_letter', waitDays: 15 },
  { kind: 'explanation_request', waitDays: 15 },
  { kind: 'hearing', waitDays: 30 },
  { kind: 'interpellation', waitDays: 30 },
  { kind: 'resupervision', waitDays: 60 },
  { kind: 'council_report', waitDays: 30 },
];

export type EscalationTaken = { kind: EscalationStepKind; on: string };

/**
 * The next step of the ladder for an item still owed after `due`, given the steps already taken
 * (in order), or null when the ladder is exhausted. `from` is the earliest day it may be taken;
 * `ready` says whether that day has come. A skipped step (the council went straight to a
 * hearing) counts as taken: the ladder goes on after the last step taken.
 */
export function nextEscalation(
  ladder: readonly EscalationStep[],
  taken: readonly EscalationTaken[],
  due: string,
  today: string,
): { index: number; step: EscalationStep; from: string; ready: boolean } | null {
  let index = 0;
  let since = due;
  for (const t of taken) {
    const at = ladder.findIndex((s, i) => i >= index && s.kind === t.kind);
    if (at >= 0) index = at + 1;
    if (t.on > since) since = t.on;
  }
  const step = ladder[index];
  if (step === undefined) return null;
  const from = addDays(since, step.waitDays);
  return { index, step, from, ready: daysBetween(from, today) >= 0 };
}
