// Helpers for the convocation tests: a small MIME reader (the parts of a received mail, decoded)
// and an iCalendar reader (unfolded content lines, the VEVENTs as property maps).

export interface MimePart {
  headers: Record<string, string>;
  contentType: string;
  params: Record<string, string>;
  body: Buffer;
}

function parseHeaders(head: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

function paramsOf(value: string): { value: string; params: Record<string, string> } {
  const [v, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const i = p.indexOf('=');
    if (i > 0) params[p.slice(0, i).trim().toLowerCase()] = p.slice(i + 1).trim().replace(/^"|"$/g, '');
  }
  return { value: (v ?? '').trim().toLowerCase(), params };
}

/** Every leaf part of a raw RFC 5322 message, bodies decoded (base64, quoted-printable). */
export function mimeParts(raw: string): MimePart[] {
  const split = /\r?\n\r?\n/.exec(raw);
  const head = split ? raw.slice(0, split.index) : raw;
  const rest = split ? raw.slice(split.index + split[0].length) : '';
  const headers = parseHeaders(head);
  const ct = paramsOf(headers['content-type'] ?? 'text/plain');
  if (ct.value.startsWith('multipart/')) {
    const boundary = ct.params.boundary!;
    const chunks = rest.split(`--${boundary}`).slice(1);
    return chunks.filter((c) => !c.startsWith('--')).flatMap((c) => mimeParts(c.replace(/^\r?\n/, '')));
  }
  const cte = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  let body: Buffer;
  if (cte === 'base64') body = Buffer.from(rest.replace(/\s+/g, ''), 'base64');
  else if (cte === 'quoted-printable') {
    body = Buffer.from(rest.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
  } else body = Buffer.from(rest, 'utf8');
  return [{ headers, contentType: ct.value, params: ct.params, body }];
}

/** Unfolded content lines of an iCalendar object; throws when a line is not CRLF-terminated or longer than 75 octets. */
export function icsLines(text: string): string[] {
  if (!text.endsWith('\r\n')) throw new Error('iCalendar must end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const l of physical) if (Buffer.byteLength(l, 'utf8') > 75) throw new Error(`line longer than 75 octets: ${l}`);
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

/** The VEVENTs as maps "NAME" (parameters dropped) → value, plus the calendar's own properties. */
export function parseIcs(text: string): { calendar: Record<string, string>; events: Record<string, string>[]; raw: Record<string, string>[] } {
  const lines = icsLines(text);
  if (lines[0] !== 'BEGIN:VCALENDAR' || lines.at(-1) !== 'END:VCALENDAR') throw new Error('not a VCALENDAR');
  const calendar: Record<string, string> = {};
  const events: Record<string, string>[] = [];
  const raw: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  let currentRaw: Record<string, string> | null = null;
  let depth = 0;
  for (const l of lines.slice(1, -1)) {
    if (l === 'BEGIN:VEVENT') { current = {}; currentRaw = {}; continue; }
    if (l === 'END:VEVENT') { events.push(current!); raw.push(currentRaw!); current = null; continue; }
    if (l.startsWith('BEGIN:')) { depth++; continue; }
    if (l.startsWith('END:')) { depth--; continue; }
    const i = l.indexOf(':');
    const nameWithParams = l.slice(0, i);
    const name = nameWithParams.split(';')[0]!;
    const value = l.slice(i + 1).replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');
    if (current) { current[name] = value; currentRaw![name] = nameWithParams; } else if (depth === 0) calendar[name] = value;
  }
  return { calendar, events, raw };
}
