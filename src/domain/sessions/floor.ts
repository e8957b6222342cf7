/**
 * The floor of a session (issue #12, sessions.md "Delegates' documents and attendance", "Speakers
 * list", "Votes"): the roll now (who serves, who is entitled, who is present) from the attendance
 * checked in the chamber, what a vote needs on it, the speakers' order and the speaking clock.
 * Pure: no I/O. Every message is Vietnamese.
 */
import { checkAttendance, type AttendanceStatus } from './portal.ts';
import { SessionRuleError } from './errors.ts';
import { voteRuleInForce, voteThreshold, type RollSnapshot, type Threshold, type TotalMeans, type VoteRuleKey } from './votes.ts';

function fail(code: string, message: string): never {
  throw new SessionRuleError(code, message);
}

// ---------------------------------------------------------------------------
// Attendance and the roll

/** An attendance mark: for the whole session (itemId null) or one agenda item. */
export type AttendanceMark = { delegateId: string; itemId: string | null; status: AttendanceStatus; reason: string };

/** A delegate of the term: `ended` ones (resigned, dismissed, died) have left the roll. */
export type RollDelegate = { id: string; status: string; suspended?: boolean };

export type EffectiveMark = { status: AttendanceStatus; reason: string; level: 'session' | 'item' };

/**
 * What counts for each delegate: at an agenda item, the item's mark when there is one, else the
 * session's; for the session, the session's mark. A delegate with no mark is not yet checked in.
 */
export function effectiveAttendance(marks: readonly AttendanceMark[], itemId: string | null = null): Map<string, EffectiveMark> {
  const out = new Map<string, EffectiveMark>();
  for (const m of marks) if (m.itemId === null) out.set(m.delegateId, { status: m.status, reason: m.reason, level: 'session' });
  if (itemId !== null) {
    for (const m of marks) if (m.itemId === itemId) out.set(m.delegateId, { status: m.status, reason: m.reason, level: 'item' });
  }
  return out;
}

/** The roll now, as votes.ts freezes it, with the detail the chair's screen shows. */
export type FloorRoll = RollSnapshot & {
  /** Present in the room (`present` = inRoom + online). */
  inRoom: string[];
  online: string[];
  absent: { delegateId: string; reason: string }[];
  /** Serving delegates not yet checked in. */
  notCheckedIn: string[];
};

/**
 * The roll from the seats, the term's delegates and the attendance marks: serving = not ended;
 * entitled = serving and not suspended; present = entitled or suspended delegates checked in the
 * room or online (marks of delegates who left the roll are ignored). Ids are sorted.
 */
export function buildRoll(input: { seats: number; delegates: readonly RollDelegate[]; marks: readonly AttendanceMark[]; itemId?: string | null }): FloorRoll {
  if (!Number.isInteger(input.seats) || input.seats < 1) fail('roll_seats_invalid', `Số đại biểu theo luật định phải là số nguyên dương (nhận được: ${String(input.seats)}).`);
  const serving = input.delegates.filter((d) => d.status !== 'ended');
  const servingIds = new Set(serving.map((d) => d.id));
  const sorted = (xs: Iterable<string>) => [...xs].sort();
  const suspended = sorted(serving.filter((d) => d.suspended).map((d) => d.id));
  const entitled = sorted(serving.filter((d) => !d.suspended).map((d) => d.id));
  const eff = effectiveAttendance(input.marks, input.itemId ?? null);
  const inRoom: string[] = [];
  const online: string[] = [];
  const absent: { delegateId: string; reason: string }[] = [];
  const notCheckedIn: string[] = [];
  for (const id of sorted(servingIds)) {
    const m = eff.get(id);
    if (!m) notCheckedIn.push(id);
    else if (m.status === 'present') inRoom.push(id);
    else if (m.status === 'online') online.push(id);
    else absent.push({ delegateId: id, reason: m.reason });
  }
  return {
    seats: input.seats,
    elected: input.delegates.length,
    serving: serving.length,
    suspended,
    entitled,
    present: sorted([...inRoom, ...online]),
    inRoom,
    online,
    absent,
    notCheckedIn,
  };
}

/** Exactly the fields of votes.ts RollSnapshot (what a vote freezes when it closes). */
export function toSnapshot(roll: RollSnapshot): RollSnapshot {
  const s: RollSnapshot = {
    seats: roll.seats, elected: roll.elected, serving: roll.serving,
    suspended: [...roll.suspended], entitled: [...roll.entitled], present: [...roll.present],
  };
  if (roll.voted) s.voted = [...roll.voted];
  return s;
}

/** A check-in as the secretariat or the delegate enters it (absence needs a reason). Throws. */
export function checkMark(input: { status: string; reason?: string | null }): { status: AttendanceStatus; reason: string } {
  const c = checkAttendance(input);
  if (!c.ok) fail('attendance_invalid', c.message);
  return { status: c.status, reason: c.reason };
}

/** Whether the delegate may check in themselves: the council allows it and the session is in progress. */
export function selfCheckInRefusal(allowed: boolean, sessionState: string): string | null {
  if (!allowed) return 'Hội đồng nhân dân chưa cho phép đại biểu tự điểm danh trên điện thoại: Văn phòng sẽ điểm danh cho đại biểu.';
  if (sessionState !== 'inProgress' && sessionState !== 'convened') return 'Chỉ điểm danh được khi kỳ họp đã được triệu tập hoặc đang diễn ra.';
  return null;
}

/** The chair's numbers: present / seats / serving, and what a vote of `ruleKey` needs now. */
export type FloorNumbers = {
  seats: number;
  serving: number;
  entitled: number;
  present: number;
  inRoom: number;
  online: number;
  absent: number;
  notCheckedIn: number;
  threshold: Threshold | null;
  /** Vietnamese: why no threshold can be computed (e.g. below 1/3 of the seats). */
  thresholdError: string | null;
  /** Whether the "for" votes needed could still be reached by those present and entitled. */
  reachable: boolean | null;
};

export function floorNumbers(roll: FloorRoll, ruleKey: VoteRuleKey, dates: { today: string; termEndsOn: string; totalMeans?: TotalMeans }): FloorNumbers {
  const entitled = new Set(roll.entitled);
  const presentEntitled = roll.present.filter((id) => entitled.has(id)).length;
  let threshold: Threshold | null = null;
  let thresholdError: string | null = null;
  try {
    const rule = voteRuleInForce(ruleKey, dates.today);
    threshold = voteThreshold(rule, roll, { closedOn: dates.today, termEndsOn: dates.termEndsOn, totalMeans: dates.totalMeans });
  } catch (err) {
    if (!(err instanceof SessionRuleError)) throw err;
    thresholdError = err.message;
  }
  return {
    seats: roll.seats,
    serving: roll.serving,
    entitled: roll.entitled.length,
    present: roll.present.length,
    inRoom: roll.inRoom.length,
    online: roll.online.length,
    absent: roll.absent.length,
    notCheckedIn: roll.notCheckedIn.length,
    threshold,
    thresholdError,
    reachable: threshold ? presentEntitled >= threshold.needed : null,
  };
}

// ---------------------------------------------------------------------------
// Speakers' list

export const SPEAKER_STATUSES = ['waiting', 'speaking', 'done'] as const;
export type SpeakerStatus = (typeof SPEAKER_STATUSES)[number];
export const SPEAKER_STATUS_LABELS: Readonly<Record<SpeakerStatus, string>> = { waiting: 'Chờ phát biểu', speaking: 'Đang phát biểu', done: 'Đã phát biểu' };

export const SPEECH_KINDS = ['speech', 'question', 'answer'] as const;
export type SpeechKind = (typeof SPEECH_KINDS)[number];
export const SPEECH_KIND_LABELS: Readonly<Record<SpeechKind, string>> = { speech: 'Phát biểu', question: 'Chất vấn', answer: 'Trả lời' };

/** Allowed moves of a speaker's status: waiting → speaking → done; a speaker called back speaks again. */
export function speakerTransition(from: SpeakerStatus, to: string, othersSpeaking: number): SpeakerStatus {
  if (!(SPEAKER_STATUSES as readonly string[]).includes(to)) fail('speaker_status_invalid', 'Trạng thái phát biểu không hợp lệ.');
  const t = to as SpeakerStatus;
  if (t === from) fail('speaker_status_same', `Đại biểu đã ở trạng thái "${SPEAKER_STATUS_LABELS[t]}".`);
  if (t === 'speaking' && othersSpeaking > 0) fail('speaker_other_speaking', 'Đang có đại biểu khác phát biểu: hãy kết thúc lượt đó trước khi mời người tiếp theo.');
  if (from === 'waiting' && t === 'done') return t; // skipped by the chair
  if (from === 'done' && t === 'waiting') return t; // put back on the list
  if (from === 'waiting' && t === 'speaking') return t;
  if (from === 'speaking' && t === 'done') return t;
  if (from === 'done' && t === 'speaking') return t;
  return fail('speaker_transition_refused', `Không thể chuyển từ "${SPEAKER_STATUS_LABELS[from]}" sang "${SPEAKER_STATUS_LABELS[t]}".`);
}

/**
 * A new order of the list: `order` must name each current speaker exactly once. Returns the
 * position (1-based) of each id. Throws a Vietnamese error otherwise.
 */
export function checkReorder(current: readonly string[], order: readonly string[]): Map<string, number> {
  const cur = new Set(current);
  const seen = new Set<string>();
  for (const id of order) {
    if (!cur.has(id)) fail('speaker_order_unknown', 'Danh sách sắp xếp có người không có trong danh sách phát biểu (có thể danh sách vừa thay đổi: hãy tải lại).');
    if (seen.has(id)) fail('speaker_order_duplicate', 'Danh sách sắp xếp có một người hai lần.');
    seen.add(id);
  }
  if (seen.size !== cur.size) fail('speaker_order_incomplete', 'Danh sách sắp xếp phải có đủ mọi người trong danh sách phát biểu (có thể danh sách vừa thay đổi: hãy tải lại).');
  return new Map(order.map((id, i) => [id, i + 1]));
}

/** Move one id up or down by one place; unchanged at the ends. */
export function moveInOrder(order: readonly string[], id: string, direction: 'up' | 'down'): string[] {
  const out = [...order];
  const i = out.indexOf(id);
  if (i < 0) fail('speaker_order_unknown', 'Người này không có trong danh sách phát biểu.');
  const j = direction === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** The speaking clock: seconds left (negative when over time), from the start and the allotted time. */
export function speakingClock(allottedSeconds: number, startedAt: number | null, endedAt: number | null, now: number) {
  if (startedAt === null) return { elapsed: 0, left: allottedSeconds, over: false, running: false };
  const end = endedAt ?? now;
  const elapsed = Math.max(0, Math.floor((end - startedAt) / 1000));
  const left = allottedSeconds - elapsed;
  return { elapsed, left, over: left < 0, running: endedAt === null };
}

/** "07:00", "-00:15". */
export function formatClock(seconds: number): string {
  const s = Math.abs(seconds);
  const mm = String(Math.floor(s / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${seconds < 0 ? '-' : ''}${mm}:${ss}`;
}
