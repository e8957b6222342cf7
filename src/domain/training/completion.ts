// Completion of a class by a delegate, and of the term's required training: pure counting over
// attendance marks (present / absent excused / absent) of the class's sessions.

export type AttendanceStatus = 'present' | 'absent_excused' | 'absent';
export type EnrolmentState = 'invited' | 'enrolled' | 'excused';

export interface ClassCompletionInput {
  /** Sessions of the class (held or planned). */
  sessionCount: number;
  /** Sessions already held (a session is held once any mark is recorded or its day has passed). */
  heldCount: number;
  /** Sessions the delegate attended. */
  present: number;
  share: number;
  enrolment: EnrolmentState;
  /** The class is finished: no more sessions to come. */
  finished: boolean;
}

export type ClassCompletionState = 'completed' | 'in_progress' | 'not_completed' | 'excused' | 'no_sessions';

export interface ClassCompletion {
  state: ClassCompletionState;
  present: number;
  sessionCount: number;
  /** Sessions needed: ceil(share × sessions). */
  needed: number;
  /** Sessions still to come that could be attended. */
  remaining: number;
}

/** Sessions needed to complete: the smallest whole number ≥ share × sessions (at least one). */
export function sessionsNeeded(sessionCount: number, share: number): number {
  if (sessionCount <= 0) return 0;
  // Rounding guard: 0.8 × 5 = 4.000000000000001 must need 4.
  return Math.max(1, Math.ceil(Math.round(sessionCount * share * 1e9) / 1e9));
}

export function classCompletion(i: ClassCompletionInput): ClassCompletion {
  const needed = sessionsNeeded(i.sessionCount, i.share);
  const remaining = Math.max(0, i.sessionCount - i.heldCount);
  const base = { present: i.present, sessionCount: i.sessionCount, needed, remaining };
  if (i.enrolment === 'excused') return { ...base, state: 'excused' };
  if (i.sessionCount === 0) return { ...base, state: 'no_sessions' };
  if (i.present >= needed) return { ...base, state: 'completed' };
  // Not reachable any more: even attending every remaining session falls short.
  if (i.finished || i.present + remaining < needed) return { ...base, state: 'not_completed' };
  return { ...base, state: 'in_progress' };
}

export const CLASS_COMPLETION_LABELS: Record<ClassCompletionState, string> = {
  completed: 'Đã hoàn thành',
  in_progress: 'Đang học',
  not_completed: 'Chưa hoàn thành',
  excused: 'Vắng có lý do (không tính)',
  no_sessions: 'Lớp chưa có buổi học',
};

/** A delegate's standing on one required course: the best of their classes of it. */
export type CourseStanding = 'completed' | 'in_progress' | 'not_completed' | 'excused' | 'not_enrolled';

export const COURSE_STANDING_LABELS: Record<CourseStanding, string> = {
  completed: 'Đã hoàn thành',
  in_progress: 'Đang học',
  not_completed: 'Chưa đạt tỷ lệ tham dự',
  excused: 'Được miễn, vắng có lý do',
  not_enrolled: 'Chưa được ghi danh',
};

const RANK: Record<CourseStanding, number> = { completed: 5, in_progress: 4, excused: 3, not_completed: 2, not_enrolled: 1 };

export function courseStanding(classes: ClassCompletion[]): CourseStanding {
  let best: CourseStanding = 'not_enrolled';
  for (const c of classes) {
    const s: CourseStanding = c.state === 'no_sessions' ? 'in_progress' : c.state;
    if (RANK[s] > RANK[best]) best = s;
  }
  return best;
}

/** Term completion: every required course completed (a delegate with none required is complete). */
export function termCompleted(standings: CourseStanding[]): boolean {
  return standings.every((s) => s === 'completed');
}

/** Coverage of a council: share of its serving delegates who completed their required training. */
export function coverage(completed: number, counted: number): number | null {
  return counted > 0 ? Math.round((completed / counted) * 1000) / 10 : null;
}
