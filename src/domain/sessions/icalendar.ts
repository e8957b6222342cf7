/**
 * iCalendar (RFC 5545) output for sessions and meetings: the attachment of a convocation and a
 * user's feed. Lines end with CRLF (3.1), are folded at 75 octets without splitting a UTF-8
 * character (3.1), TEXT values escape backslash, semicolon, comma and newlines (3.3.11), every
 * VEVENT has UID and DTSTAMP (3.6.1). Times with offset +07:00 (or none) are written in
 * Asia/Ho_Chi_Minh with its VTIMEZONE; other offsets are converted to UTC.
 */
import { addDays, isIsoDate } from '../calendar/index.ts';
import { SessionRuleError } from './errors.ts';

export type CalendarEvent = {
  uid: string;
  /** 'YYYY-MM-DD' (all day) or 'YYYY-MM-DDTHH:MM[:SS]' with 'Z', '+07:00' or another offset; no offset = Vietnam time. */
  start: string;
  /** Same forms. For an all-day event, the LAST day (inclusive); default: the start day, or one hour after a timed start. */
  end?: string;
  allDay?: boolean;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  sequence?: number;
  cancelled?: boolean;
};

export type ICalendarOptions = {
  name: string;
  method?: 'PUBLISH' | 'REQUEST';
  /** DTSTAMP of every event (an instant, ISO); default: now. Pass it for reproducible output. */
  stamp?: string;
  /** ORGANIZER (RFC 5546 wants one for METHOD:REQUEST). */
  organizer?: { name: string; email: string };
};

export const VIETNAM_TZID = 'Asia/Ho_Chi_Minh';
const CRLF = '\r\n';
const MAX_OCTETS = 75;

/**
 * Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, newlines (any of CRLF, CR,
 * LF → "\\n"); other control characters are not allowed in TEXT and are dropped (HTAB stays).
 * Text is written in Unicode NFC.
 */
export function escapeText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** A parameter value (RFC 5545 3.2): quoted when it holds ':', ';' or ','; DQUOTE and controls dropped. */
function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const v = value.normalize('NFC').replace(/["\u0000-\u001f\u007f]/g, '');
  return /[:;,]/.test(v) ? `"${v}"` : v;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Fold one content line (RFC 5545 3.1): no physical line longer than 75 octets, continuation
 * lines start with one space (which counts), breaks only between code points.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

type DateTime = { date: string; time: string | null; offsetMinutes: number | null };

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseDateTime(value: string, what: string): DateTime {
  const m = DATE_TIME.exec(value);
  if (!m || !isIsoDate(m[1])) throw new SessionRuleError('invalidEventTime', `Thời gian ${what} không hợp lệ: "${value}".`);
  if (m[2] === undefined) return { date: m[1]!, time: null, offsetMinutes: null };
  const hh = Number(m[2]);
  const mm = Number(m[3]);
  const ss = Number(m[4] ?? '0');
  if (hh > 23 || mm > 59 || ss > 59) throw new SessionRuleError('invalidEventTime', `Thời gian ${what} không hợp lệ: "${value}".`);
  let offsetMinutes: number | null = null;
  if (m[5] === 'Z') offsetMinutes = 0;
  else if (m[5] !== undefined) {
    const sign = m[5][0] === '-' ? -1 : 1;
    const digits = m[5].slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  return { date: m[1]!, time: `${m[2]}${m[3]}${String(ss).padStart(2, '0')}`, offsetMinutes };
}

function compact(date: string): string {
  return date.replace(/-/g, '');
}

/** UTC milliseconds of a timed value (no offset = Vietnam time). */
function instantOf(dt: DateTime): number {
  const [y, mo, d] = dt.date.split('-').map(Number) as [number, number, number];
  const t = dt.time!;
  const local = Date.UTC(y, mo - 1, d, Number(t.slice(0, 2)), Number(t.slice(2, 4)), Number(t.slice(4, 6)));
  return local - (dt.offsetMinutes ?? 7 * 60) * 60_000;
}

function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** "DTSTART;TZID=Asia/Ho_Chi_Minh:20260310T080000" or "DTSTART:20260310T010000Z". */
function timedProperty(name: string, dt: DateTime): string {
  if (dt.offsetMinutes === null || dt.offsetMinutes === 7 * 60) return `${name};TZID=${VIETNAM_TZID}:${compact(dt.date)}T${dt.time}`;
  return `${name}:${utcStamp(instantOf(dt))}`;
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${VIETNAM_TZID}`,
  'BEGIN:STANDARD',
  'DTSTART:19750613T000000',
  'TZOFFSETFROM:+0700',
  'TZOFFSETTO:+0700',
  'TZNAME:ICT',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function eventLines(e: CalendarEvent, stamp: string, organizer: ICalendarOptions['organizer']): string[] {
  if (typeof e.uid !== 'string' || e.uid.trim() === '') throw new SessionRuleError('missingUid', 'Sự kiện lịch thiếu mã định danh (UID).');
  if (typeof e.summary !== 'string' || e.summary.trim() === '') throw new SessionRuleError('missingSummary', 'Sự kiện lịch thiếu tiêu đề.');
  const start = parseDateTime(e.start, 'bắt đầu');
  const end = e.end === undefined ? null : parseDateTime(e.end, 'kết thúc');
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(e.uid.trim())}`, `DTSTAMP:${stamp}`];
  if (e.allDay === true || start.time === null) {
    const last = end?.date ?? start.date;
    if (last < start.date) throw new SessionRuleError('endBeforeStart', 'Ngày kết thúc sự kiện trước ngày bắt đầu.');
    lines.push(`DTSTART;VALUE=DATE:${compact(start.date)}`, `DTEND;VALUE=DATE:${compact(addDays(last, 1))}`);
  } else {
    const endDt = end === null || end.time === null ? null : end;
    if (end !== null && end.time === null) throw new SessionRuleError('invalidEventTime', 'Sự kiện có giờ bắt đầu thì giờ kết thúc cũng phải có giờ.');
    if (endDt !== null && instantOf(endDt) <= instantOf(start)) throw new SessionRuleError('endBeforeStart', 'Giờ kết thúc sự kiện phải sau giờ bắt đầu.');
    lines.push(timedProperty('DTSTART', start));
    if (endDt !== null) lines.push(timedProperty('DTEND', endDt));
    else lines.push('DURATION:PT1H');
  }
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.url) {
    if (!/^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}]*$/i.test(e.url)) throw new SessionRuleError('invalidUrl', `Địa chỉ liên kết của sự kiện không hợp lệ: "${e.url}".`);
    lines.push(`URL:${e.url}`);
  }
  if (organizer) lines.push(`ORGANIZER;CN=${paramValue(organizer.name)}:mailto:${organizer.email}`);
  if (e.sequence !== undefined) {
    if (!Number.isInteger(e.sequence) || e.sequence < 0) throw new SessionRuleError('invalidSequence', 'Số phiên bản (SEQUENCE) của sự kiện phải là số nguyên không âm.');
    lines.push(`SEQUENCE:${e.sequence}`);
  }
  lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  return lines;
}

/** A complete VCALENDAR object (text/calendar; charset=utf-8). */
export function icalendar(events: CalendarEvent[], opts: ICalendarOptions): string {
  const stampMs = opts.stamp === undefined ? Date.now() : Date.parse(opts.stamp);
  if (Number.isNaN(stampMs)) throw new SessionRuleError('invalidStamp', `Thời điểm tạo lịch không hợp lệ: "${String(opts.stamp)}".`);
  const stamp = utcStamp(stampMs);
  const uids = new Set<string>();
  for (const e of events) {
    const uid = typeof e.uid === 'string' ? e.uid.trim() : '';
    if (uid !== '' && uids.has(uid)) throw new SessionRuleError('duplicateUid', `Hai sự kiện lịch trùng mã định danh (UID) "${uid}".`);
    uids.add(uid);
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Nghi Truong//Ky hop HDND//VI',
    'CALSCALE:GREGORIAN',
    `METHOD:${opts.method ?? 'PUBLISH'}`,
    `X-WR-CALNAME:${escapeText(opts.name)}`,
    `X-WR-TIMEZONE:${VIETNAM_TZID}`,
    ...VTIMEZONE,
    ...events.flatMap((e) => eventLines(e, stamp, opts.organizer)),
    'END:VCALENDAR',
  ];
  return lines.map((l) => foldLine(l) + CRLF).join('');
}
