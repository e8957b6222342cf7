/**
 * Implementation tasks of a resolution (the "giao" article: owner agency, due date, periodic
 * reports from the executive). Overdue and the next report due are computed from the dates.
 */
import { daysBetween } from '../calendar/dates.ts';
import { addMonths } from '../sessions/votes.ts';
import { ResolutionRuleError } from './errors.ts';

export type TaskState = 'open' | 'reported' | 'done' | 'cancelled';

export const TASK_STATE_LABELS: Readonly<Record<TaskState, string>> = {
  open: 'Đang thực hiện',
  reported: 'Đã báo cáo xong, chờ xác nhận',
  done: 'Đã hoàn thành',
  cancelled: 'Không còn thực hiện',
};

/** Progress reported by the agency: partial progress, or the claim that the task is done. */
export type ReportKind = 'progress' | 'completed';

export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  progress: 'Báo cáo tiến độ',
  completed: 'Báo cáo hoàn thành',
};

// Same day `months` months later, clamped to the month's end: the sessions domain's addMonths.
export { addMonths };

export interface TaskFacts {
  assignedOn: string;
  due: string;
  /** A report every this many months (0: only at the end). */
  reportEveryMonths: number;
  state: TaskState;
  reports: readonly { on: string; kind: ReportKind }[];
}

export interface TaskView {
  overdue: boolean;
  daysOverdue: number;
  /** When the next periodic report is due (null: none owed, e.g. done or no period). */
  nextReportDue: string | null;
  reportOverdue: boolean;
  lastReportOn: string | null;
}

/**
 * Overdue: still open past its due date (a completion report stops the clock until the standing
 * committee confirms or reopens). Periodic reports fall due every `reportEveryMonths` months from
 * the assignment, the last one on the due date; each report answers the earliest step not yet
 * answered (a late report catches up one step, two reports in one period answer one).
 */
export function taskView(t: TaskFacts, today: string): TaskView {
  const lastReportOn = t.reports.length ? [...t.reports].map((r) => r.on).sort().at(-1)! : null;
  const active = t.state === 'open';
  const overdue = active && today > t.due;
  let nextReportDue: string | null = null;
  if (active && t.reportEveryMonths > 0) {
    // The steps: every period from the assignment, the last one on the due date.
    const steps: string[] = [];
    for (let i = 1; ; i++) {
      const s = addMonths(t.assignedOn, t.reportEveryMonths * i);
      if (s >= t.due) break;
      steps.push(s);
    }
    steps.push(t.due);
    // Each report answers one step, in order; a second report in the same period answers none.
    let covered = 0;
    for (const on of [...t.reports].map((r) => r.on).sort()) {
      const previous = covered === 0 ? t.assignedOn : steps[covered - 1]!;
      if (on > previous && covered < steps.length - 1) covered++;
    }
    nextReportDue = steps[covered]!;
  } else if (active) nextReportDue = t.due;
  return {
    overdue,
    daysOverdue: overdue ? daysBetween(t.due, today) : 0,
    nextReportDue,
    reportOverdue: nextReportDue !== null && today > nextReportDue,
    lastReportOn,
  };
}

export function checkTaskDates(x: { assignedOn: string; due: string; passedOn: string }): void {
  if (x.due < x.assignedOn) throw new ResolutionRuleError('dueBeforeAssigned', 'Hạn hoàn thành không được trước ngày giao nhiệm vụ.');
  if (x.assignedOn < x.passedOn) throw new ResolutionRuleError('assignedBeforePassing', 'Ngày giao nhiệm vụ không được trước ngày thông qua nghị quyết.');
}

/** Which state follows a report or the standing committee's decision. */
export function taskTransition(state: TaskState, action: 'report' | 'completedReport' | 'confirm' | 'reopen' | 'cancel'): TaskState {
  const table: Record<TaskState, Partial<Record<typeof action, TaskState>>> = {
    open: { report: 'open', completedReport: 'reported', confirm: 'done', cancel: 'cancelled' },
    reported: { report: 'reported', confirm: 'done', reopen: 'open', cancel: 'cancelled' },
    done: { reopen: 'open' },
    cancelled: {},
  };
  const next = table[state][action];
  if (!next) {
    const what = { report: 'báo cáo tiến độ', completedReport: 'báo cáo hoàn thành', confirm: 'xác nhận hoàn thành', reopen: 'mở lại', cancel: 'thôi thực hiện' }[action];
    throw new ResolutionRuleError('taskTransition', `Nhiệm vụ đang ở trạng thái "${TASK_STATE_LABELS[state]}": không thể ${what}.`);
  }
  return next;
}

