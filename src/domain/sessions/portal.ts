// Pure rules of the delegates' portal: what a delegate has seen of a published document, the
// attendance a delegate confirms before a session (absence needs a reason: Luật 72/2025 Điều 33
// k2), counts for the chair's list, and the intended speech text.

export type Seen = 'new' | 'changed' | 'read';

export const SEEN_LABELS: Record<Seen, string> = { new: 'Mới', changed: 'Đã thay đổi', read: 'Đã xem' };

/**
 * What the delegate has seen of a document whose published version is `current`, given the
 * published versions they opened: none → new; the current one → read; only earlier ones → changed.
 */
export function seenState(current: number, opened: readonly number[]): Seen {
  if (opened.includes(current)) return 'read';
  return opened.some((v) => v < current) ? 'changed' : 'new';
}

export const ATTENDANCE_STATUSES = ['present', 'online', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_LABELS: Record<AttendanceStatus | 'unconfirmed', string> = {
  present: 'Có mặt',
  online: 'Tham dự trực tuyến',
  absent: 'Vắng mặt',
  unconfirmed: 'Chưa xác nhận',
};

export const MAX_REASON = 2000;
export const MAX_SPEECH = 20_000;

const clean = (s: string | null | undefined) => (s ?? '').normalize('NFC').trim();

export type AttendanceCheck =
  | { ok: true; status: AttendanceStatus; reason: string }
  | { ok: false; message: string };

/** An attendance confirmation: a known status; a reason when absent (kept only then). */
export function checkAttendance(input: { status: string; reason?: string | null }): AttendanceCheck {
  if (!(ATTENDANCE_STATUSES as readonly string[]).includes(input.status)) return { ok: false, message: 'Hình thức tham dự không hợp lệ.' };
  const status = input.status as AttendanceStatus;
  const reason = clean(input.reason);
  if (reason.length > MAX_REASON) return { ok: false, message: `Lý do dài quá ${MAX_REASON} ký tự.` };
  if (status === 'absent' && !reason) return { ok: false, message: 'Đại biểu vắng mặt phải nêu lý do để báo cáo chủ tọa kỳ họp.' };
  return { ok: true, status, reason: status === 'absent' ? reason : '' };
}

/** The chair's counts: every active delegate is present, online, absent or not yet confirmed. */
export function attendanceCounts(statuses: readonly (AttendanceStatus | null)[]) {
  const counts = { total: statuses.length, present: 0, online: 0, absent: 0, unconfirmed: 0 };
  for (const s of statuses) counts[s ?? 'unconfirmed']++;
  return counts;
}

/** The intended speech, normalised; null when too long. */
export function speechText(text: string | null | undefined): string | null {
  const t = clean(text);
  return t.length > MAX_SPEECH ? null : t;
}
