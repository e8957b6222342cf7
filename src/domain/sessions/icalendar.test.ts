import { describe, expect, it } from 'vitest';
import { SessionRuleError } from './errors.ts';
import { escapeText, foldLine, icalendar } from './icalendar.ts';
import type { CalendarEvent } from './icalendar.ts';

// ---------------------------------------------------------------------------------------------
// A small RFC 5545 reader, written from the RFC (3.1 folding, 3.2 parameters, 3.3.11 TEXT), to
// read our own output back.

type Property = { name: string; params: Record<string, string>; value: string };

/** Split the UTF-8 octets on CRLF; every physical line must decode as UTF-8 by itself. */
function physicalLines(ics: string): string[] {
  const bytes = new TextEncoder().encode(ics);
  const lines: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let bareBreaks = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0d) {
      if (bytes[i + 1] !== 0x0a) bareBreaks++; // CR only as part of CRLF
      lines.push(decoder.decode(bytes.subarray(start, i))); // throws on a split character
      start = i + 2;
      i++;
    } else if (bytes[i] === 0x0a) bareBreaks++; // no bare LF
  }
  expect(bareBreaks).toBe(0);
  expect(start).toBe(bytes.length); // the last line ends with CRLF too
  return lines;
}

function unfold(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l.startsWith(' ') || l.startsWith('\t')) out[out.length - 1] += l.slice(1);
    else out.push(l);
  }
  return out;
}

function parseLine(line: string): Property {
  // name *(";" param) ":" value, where a quoted param value may hold ':' and ';'.
  let i = 0;
  const name = /^[A-Za-z0-9-]+/.exec(line)![0];
  i = name.length;
  const params: Record<string, string> = {};
  while (line[i] === ';') {
    const eq = line.indexOf('=', i);
    const pname = line.slice(i + 1, eq);
    let j = eq + 1;
    let pvalue: string;
    if (line[j] === '"') {
      const close = line.indexOf('"', j + 1);
      pvalue = line.slice(j + 1, close);
      j = close + 1;
    } else {
      const m = /^[^;:]*/.exec(line.slice(j))![0];
      pvalue = m;
      j += m.length;
    }
    params[pname.toUpperCase()] = pvalue;
    i = j;
  }
  expect(line[i]).toBe(':');
  return { name: name.toUpperCase(), params, value: line.slice(i + 1) };
}

function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function parse(ics: string): { props: Property[]; events: Property[][] } {
  const physical = physicalLines(ics);
  const encoder = new TextEncoder();
  expect(physical.filter((l) => encoder.encode(l).length > 75)).toEqual([]);
  const props = unfold(physical).map(parseLine);
  const events: Property[][] = [];
  let current: Property[] | null = null;
  for (const p of props) {
    if (p.name === 'BEGIN' && p.value === 'VEVENT') current = [];
    else if (p.name === 'END' && p.value === 'VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) current.push(p);
  }
  return { props, events };
}

const get = (ps: Property[], name: string): Property | undefined => ps.find((p) => p.name === name);

// ---------------------------------------------------------------------------------------------

const STAMP = '2026-02-20T03:04:05Z';
const session: CalendarEvent = {
  uid: 'session-42@nghitruong.vn',
  start: '2026-03-10T08:00:00+07:00',
  end: '2026-03-12T17:30:00+07:00',
  summary: 'Kỳ họp thứ 12, HĐND tỉnh Quảng Ngãi khóa XIII; nhiệm kỳ 2021–2026',
  location: 'Hội trường UBND tỉnh, 52 Hùng Vương, TP. Quảng Ngãi',
  description: 'Nội dung:\n1. Báo cáo kinh tế – xã hội\n2. Dự toán ngân sách; giải trình\\tiếp thu',
  url: 'https://nghitruong.vn/ky-hop/42?tab=tai-lieu&a=1,2',
  sequence: 2,
};

describe('icalendar: RFC 5545 structure', () => {
  const ics = icalendar([session], { name: 'Lịch kỳ họp – HĐND tỉnh', stamp: STAMP });
  const { props, events } = parse(ics);

  it('is one VCALENDAR with VERSION, PRODID, METHOD and a VTIMEZONE for Asia/Ho_Chi_Minh', () => {
    expect(props[0]).toEqual({ name: 'BEGIN', params: {}, value: 'VCALENDAR' });
    expect(props.at(-1)).toEqual({ name: 'END', params: {}, value: 'VCALENDAR' });
    expect(get(props, 'VERSION')!.value).toBe('2.0');
    expect(get(props, 'PRODID')!.value).not.toBe('');
    expect(get(props, 'METHOD')!.value).toBe('PUBLISH');
    expect(unescapeText(get(props, 'X-WR-CALNAME')!.value)).toBe('Lịch kỳ họp – HĐND tỉnh');
    const tz = props.findIndex((p) => p.name === 'BEGIN' && p.value === 'VTIMEZONE');
    expect(props[tz + 1]).toMatchObject({ name: 'TZID', value: 'Asia/Ho_Chi_Minh' });
    expect(props.filter((p) => p.name === 'TZOFFSETTO').map((p) => p.value)).toEqual(['+0700']);
  });

  it('every event has UID and DTSTAMP (UTC)', () => {
    expect(events).toHaveLength(1);
    const ev = events[0]!;
    expect(get(ev, 'UID')!.value).toBe('session-42@nghitruong.vn');
    expect(get(ev, 'DTSTAMP')!.value).toBe('20260220T030405Z');
  });

  it('local times are written with TZID, unchanged', () => {
    const ev = events[0]!;
    expect(get(ev, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Asia/Ho_Chi_Minh' }, value: '20260310T080000' });
    expect(get(ev, 'DTEND')).toEqual({ name: 'DTEND', params: { TZID: 'Asia/Ho_Chi_Minh' }, value: '20260312T173000' });
  });

  it('Vietnamese text, commas, semicolons, backslashes and newlines survive the round trip', () => {
    const ev = events[0]!;
    expect(unescapeText(get(ev, 'SUMMARY')!.value)).toBe(session.summary);
    expect(unescapeText(get(ev, 'LOCATION')!.value)).toBe(session.location);
    expect(unescapeText(get(ev, 'DESCRIPTION')!.value)).toBe(session.description);
    // Raw escaping as the RFC spells it.
    expect(get(ev, 'SUMMARY')!.value).toBe('Kỳ họp thứ 12\\, HĐND tỉnh Quảng Ngãi khóa XIII\\; nhiệm kỳ 2021–2026');
    expect(get(ev, 'DESCRIPTION')!.value).toContain('\\n1. Báo cáo');
    expect(get(ev, 'DESCRIPTION')!.value).toContain('giải trình\\\\tiếp thu');
  });

  it('URL is a URI, not escaped text; SEQUENCE and STATUS are present', () => {
    const ev = events[0]!;
    expect(get(ev, 'URL')!.value).toBe(session.url);
    expect(get(ev, 'SEQUENCE')!.value).toBe('2');
    expect(get(ev, 'STATUS')!.value).toBe('CONFIRMED');
  });

  it('long lines are folded (this description is longer than 75 octets)', () => {
    const raw = ics.split('\r\n');
    expect(raw.some((l) => l.startsWith(' '))).toBe(true);
    expect(raw.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
  });
});

describe('icalendar: times, all-day events, cancellation, REQUEST', () => {
  const at = (e: Partial<CalendarEvent>) => parse(icalendar([{ uid: 'u1', summary: 'Họp', start: '2026-03-10T08:00', ...e }], { name: 'x', stamp: STAMP })).events[0]!;

  it('no offset means Vietnam time', () => {
    expect(get(at({}), 'DTSTART')!.params['TZID']).toBe('Asia/Ho_Chi_Minh');
    expect(get(at({}), 'DTSTART')!.value).toBe('20260310T080000');
    expect(get(at({}), 'DURATION')!.value).toBe('PT1H');
  });

  it('UTC and other offsets are converted to UTC', () => {
    expect(get(at({ start: '2026-03-10T01:00:00Z' }), 'DTSTART')).toEqual({ name: 'DTSTART', params: {}, value: '20260310T010000Z' });
    // 08:30 in Tokyo (+09:00) is 23:30 UTC the day before.
    expect(get(at({ start: '2026-03-10T08:30:00+09:00' }), 'DTSTART')!.value).toBe('20260309T233000Z');
  });

  it('an all-day event of three days ends (exclusively) on the day after its last day', () => {
    const ev = at({ start: '2026-12-29', end: '2026-12-31', allDay: true });
    expect(get(ev, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20261229' });
    expect(get(ev, 'DTEND')).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20270101' });
  });

  it('a date without time is all day, one day long', () => {
    const ev = at({ start: '2026-03-10' });
    expect(get(ev, 'DTEND')!.value).toBe('20260311');
  });

  it('a cancelled event says STATUS:CANCELLED', () => {
    expect(get(at({ cancelled: true, sequence: 3 }), 'STATUS')!.value).toBe('CANCELLED');
  });

  it('METHOD:REQUEST with an organizer whose name needs quoting', () => {
    const { props, events } = parse(
      icalendar([{ uid: 'u1', summary: 'Họp', start: '2026-03-10T08:00' }], {
        name: 'x',
        method: 'REQUEST',
        stamp: STAMP,
        organizer: { name: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh; Quảng Ngãi', email: 'vanphong@quangngai.gov.vn' },
      }),
    );
    expect(get(props, 'METHOD')!.value).toBe('REQUEST');
    expect(get(events[0]!, 'ORGANIZER')).toEqual({
      name: 'ORGANIZER',
      params: { CN: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh; Quảng Ngãi' },
      value: 'mailto:vanphong@quangngai.gov.vn',
    });
  });

  it('without a stamp, DTSTAMP is now in UTC', () => {
    const before = Date.now();
    const ev = parse(icalendar([{ uid: 'u1', summary: 'Họp', start: '2026-03-10' }], { name: 'x' })).events[0]!;
    const v = get(ev, 'DTSTAMP')!.value;
    expect(v).toMatch(/^\d{8}T\d{6}Z$/);
    const ms = Date.UTC(+v.slice(0, 4), +v.slice(4, 6) - 1, +v.slice(6, 8), +v.slice(9, 11), +v.slice(11, 13), +v.slice(13, 15));
    expect(Math.abs(ms - before)).toBeLessThan(5000);
  });

  it('decomposed (NFD) Vietnamese input is written composed (NFC)', () => {
    const nfd = 'Kỳ họp Hội đồng nhân dân'.normalize('NFD');
    const ev = at({ summary: nfd });
    expect(unescapeText(get(ev, 'SUMMARY')!.value)).toBe('Kỳ họp Hội đồng nhân dân'.normalize('NFC'));
  });

  it('an empty calendar is still valid', () => {
    const { props, events } = parse(icalendar([], { name: 'Trống', stamp: STAMP }));
    expect(events).toEqual([]);
    expect(props.at(-1)!.value).toBe('VCALENDAR');
  });
});

describe('icalendar refuses bad events with Vietnamese errors', () => {
  const bad = (e: Partial<CalendarEvent>): SessionRuleError => {
    try {
      icalendar([{ uid: 'u1', summary: 'Họp', start: '2026-03-10T08:00', ...e }], { name: 'x', stamp: STAMP });
    } catch (err) {
      expect(err).toBeInstanceOf(SessionRuleError);
      return err as SessionRuleError;
    }
    throw new Error('expected a SessionRuleError');
  };

  it('end before start, bad times, missing UID, bad URL', () => {
    expect(bad({ end: '2026-03-10T07:00' }).message).toBe('Giờ kết thúc sự kiện phải sau giờ bắt đầu.');
    expect(bad({ start: '2026-03-10', end: '2026-03-09', allDay: true }).message).toBe('Ngày kết thúc sự kiện trước ngày bắt đầu.');
    expect(bad({ start: '2026-02-30T08:00' }).code).toBe('invalidEventTime');
    expect(bad({ start: '2026-03-10T25:00' }).code).toBe('invalidEventTime');
    expect(bad({ uid: '  ' }).message).toBe('Sự kiện lịch thiếu mã định danh (UID).');
    expect(bad({ url: 'javascript alert(1)' }).code).toBe('invalidUrl');
    expect(bad({ sequence: -1 }).code).toBe('invalidSequence');
  });

  it('two events with one UID are refused (RFC 5545 3.8.4.7: UID identifies one component)', () => {
    const ev: CalendarEvent = { uid: 'u1', summary: 'Họp', start: '2026-03-10' };
    expect(() => icalendar([ev, { ...ev, uid: ' u1 ' }], { name: 'x', stamp: STAMP })).toThrow('Hai sự kiện lịch trùng mã định danh (UID) "u1".');
  });
});

describe('folding and escaping, property style', () => {
  // Deterministic pseudo-random Vietnamese strings: precomposed letters with diacritics, NFD
  // combining marks, 4-octet emoji, ASCII, and the characters TEXT must escape.
  let seed = 20260217;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = [
    'ạ', 'ắ', 'ằ', 'ẳ', 'ẵ', 'ặ', 'ấ', 'ầ', 'ẩ', 'ẫ', 'ậ', 'đ', 'Đ', 'ế', 'ề', 'ể', 'ễ', 'ệ', 'ỉ', 'ị', 'ố', 'ồ', 'ổ', 'ỗ', 'ộ',
    'ớ', 'ờ', 'ở', 'ỡ', 'ợ', 'ứ', 'ừ', 'ử', 'ữ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ỵ', 'ư', 'ơ', 'Hội đồng', ' ', 'a', 'Z', '1',
    ',', ';', '\\', '\n', '\r\n', ':', '"', '🏛', '📄', '–', '\u0301', '\u0323', '\t',
  ];
  const randomText = (): string => Array.from({ length: rand(200) }, () => pieces[rand(pieces.length)]).join('');

  it('foldLine: every physical line ≤ 75 octets, continuation starts with a space, unfolding restores the line', () => {
    const octets = (x: string): number => new TextEncoder().encode(x).length;
    const faults: string[] = [];
    for (let i = 0; i < 500; i++) {
      const line = `DESCRIPTION:${escapeText(randomText())}`;
      const physical = foldLine(line).split('\r\n');
      physical.forEach((p, k) => {
        if (octets(p) > 75) faults.push(`too long: ${p}`);
        if (k > 0 && !p.startsWith(' ')) faults.push(`no leading space: ${p}`);
        if (p !== p.toWellFormed()) faults.push(`split surrogate pair: ${p}`); // a 4-octet character cut in two
        // Tight: a line other than the last is full (its next character would not fit).
        if (k < physical.length - 1 && octets(p) + octets([...physical[k + 1]!.slice(1)][0]!) <= 75) faults.push(`not full: ${p}`);
      });
      if (unfold(physical).join('') !== line) faults.push(`round trip: ${line}`);
    }
    expect(faults).toEqual([]);
  });

  it('a whole calendar with random summaries and descriptions reads back to the same text (NFC)', () => {
    for (let i = 0; i < 100; i++) {
      const events: CalendarEvent[] = Array.from({ length: 1 + rand(3) }, (_, k) => ({
        uid: `e${i}-${k}@nghitruong.vn`,
        start: '2026-03-10T08:00',
        summary: `Kỳ họp ${randomText()}`,
        description: randomText(),
        location: randomText(),
      }));
      const { events: back } = parse(icalendar(events, { name: randomText(), stamp: STAMP }));
      expect(back).toHaveLength(events.length);
      back.forEach((ev, k) => {
        const want = (s: string) => s.normalize('NFC').replace(/\r\n|\r/g, '\n');
        expect(unescapeText(get(ev, 'SUMMARY')!.value)).toBe(want(events[k]!.summary));
        if (events[k]!.description) expect(unescapeText(get(ev, 'DESCRIPTION')!.value)).toBe(want(events[k]!.description!));
        if (events[k]!.location) expect(unescapeText(get(ev, 'LOCATION')!.value)).toBe(want(events[k]!.location!));
      });
    }
  });

  it('escapeText escapes exactly backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg:h"i')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng:h"i');
  });

  it('escapeText drops control characters TEXT may not hold, keeps the tab', () => {
    expect(escapeText('Kỳ\u0000 họp\u0007\u001b\u007f\tthứ 12')).toBe('Kỳ họp\tthứ 12');
  });

  it('a line of exactly 75 octets is not folded; 76 is', () => {
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
    // 'ệ' is 3 octets: 25 of them are 75 octets; 26 fold after the 25th.
    expect(foldLine('ệ'.repeat(26))).toBe(`${'ệ'.repeat(25)}\r\n ệ`);
    // 74 ASCII + a 3-octet letter: it does not fit in the last octet, so it starts the next line.
    expect(foldLine(`${'X'.repeat(74)}ệ`)).toBe(`${'X'.repeat(74)}\r\n ệ`);
  });
});
