/**
 * Numbers and yes/no values written the Vietnamese way. Vietnamese uses '.' to group thousands
 * and ',' for decimals ("1.234.567,5"); files made on English-locale machines use the opposite.
 */
export function parseNumberVi(input: string): number | null {
  let s = input.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1; // accounting negative: (1.000)
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    sign = -sign;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normalized: string;
  if (dots > 0 && commas > 0) {
    // The separator that comes last is the decimal one.
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if (s.split(decimal).length > 2) return null;
    const [int, frac] = s.split(decimal) as [string, string];
    if (!validGrouping(int, group)) return null;
    normalized = int.split(group).join('') + '.' + frac;
  } else if (dots + commas === 0) {
    normalized = s;
  } else {
    const sep = dots > 0 ? '.' : ',';
    const count = dots + commas;
    const parts = s.split(sep);
    if (count > 1) {
      if (!validGrouping(s, sep)) return null;
      normalized = parts.join('');
    } else if (sep === '.' && parts[1]!.length === 3 && parts[0] !== '0' && parts[0] !== '') {
      normalized = parts.join(''); // "2.500" is two thousand five hundred in Vietnamese
    } else {
      normalized = parts[0] + '.' + parts[1];
    }
  }
  const n = Number(normalized);
  return Number.isFinite(n) ? sign * n : null;
}

function validGrouping(s: string, group: string): boolean {
  const parts = s.split(group);
  if (parts.length === 1) return true;
  return /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every(p => /^\d{3}$/.test(p));
}

const TRUE_WORDS = new Set(['co', 'x', 'yes', 'true', 'dung', 'dat', '1', '✓', '✔', 'v']);
const FALSE_WORDS = new Set(['khong', 'no', 'false', 'sai', '0', '']);

export function parseBooleanVi(input: string): boolean | null {
  const folded = input.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();
  if (TRUE_WORDS.has(folded)) return true;
  if (FALSE_WORDS.has(folded)) return false;
  return null;
}

/** Characters XML 1.0 forbids; they make Excel refuse to open the file. */
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const XML_ILLEGAL_TEST = new RegExp(XML_ILLEGAL.source);

export function stripXmlIllegal(s: string): string {
  return XML_ILLEGAL_TEST.test(s) ? s.replace(XML_ILLEGAL, '') : s;
}
