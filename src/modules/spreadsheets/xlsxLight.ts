// A light reader for plain .xlsx sheets: the workbook, shared strings, styles (for dates) and one
// worksheet scanned by a small XML tokenizer, giving every cell the value exceljs gives it. exceljs
// costs most of an import's reading time (a DOM-like model of every sheet, styles, fonts…); an
// import needs the cell values only. Anything this reader does not know for sure — markup it does
// not expect, XML it cannot vouch for, odd names, overlapping merges — makes it decline (null), and
// read.ts then reads the file with exceljs as before: the light reader never gives a different
// answer, it only gives up (tests compare both on varied sheets, test/xlsxLight.test.ts).
//
// The exceljs 4.4 behaviour copied here (lib/xlsx/xform/sheet/cell-xform.js, strings/*.js,
// style/*.js, doc/worksheet.js):
// - a cell's value: shared string (`t="s"`, rich text flattened, `_xHHHH_` escapes decoded), inline
//   string (`t="inlineStr"`: its <t> text as is), `t="str"` (entities decoded once more), boolean,
//   error text, else a number (parseFloat) — a Date when the cell's number format is a date format;
//   a formula gives its cached result (a Date too under a date format); a cell without value and a
//   styled empty cell are empty;
// - merged ranges: every cell but the top-left one is a slave (its own value dropped);
// - a row counts (row limit) when it has a value or a merge slave; a later <row> with the same
//   number replaces an earlier one; cells are visited by column.
// Only the chosen sheet is parsed (exceljs parses every sheet of the workbook).

export type Part = Uint8Array;

/** A cell value in exceljs' shape (what read.ts's convertCell maps): string, number, boolean, Date, {formula, result}, {error}, {} (an empty shared string item). */
export type LightValue = string | number | boolean | Date | { formula: ''; result: unknown } | { error: string } | Record<string, never>;

/** A slave cell of a merged range. */
export const SLAVE: unique symbol = Symbol('merge slave');

export interface LightSheet {
  /** Rows by number, ascending; each row's cells (LightValue or SLAVE) indexed by 1-based column (holes: no cell). */
  rows: { number: number; cells: unknown[] }[];
  /** exceljs' rowCount: the highest row number seen (rows and merges). */
  rowCount: number;
  /** 1-based rows and columns, inclusive (exceljs' _merges). */
  merges: { top: number; left: number; bottom: number; right: number }[];
}

export interface LightWorkbook {
  sheets: { name: string; state: string | undefined; path: string }[];
  /** The sheet's cells, or null when the light reader declines it. */
  readSheet(path: string): LightSheet | null;
}

/** Parts the light reader may need (others are only counted by the size check). */
export function lightPartWanted(name: string): boolean {
  return name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === 'xl/sharedStrings.xml' || name === 'xl/styles.xml' || WORKSHEET_ENTRY.test(name);
}

// exceljs' own test for a worksheet entry (unanchored, as there).
const WORKSHEET_ENTRY = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** Thrown inside the scanners: the light reader declines the file. */
class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

// ---------------------------------------------------------------------------------------------
// XML tokenizer: well-formedness checked as far as an XML parser would refuse the file (tag
// balance, one root, attributes, entities, characters XML forbids); DOCTYPE and CDATA decline.

interface Handler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const TAG = /<([^\s/>!?]+)((?:\s+[^\s=/>"'<]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const ENTITY = /&(?:(lt|gt|amp|apos|quot)|#([0-9]+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  // Every '&' must open a known entity or a character reference.
  if (s.replace(ENTITY, '').includes('&')) decline();
  return s.replace(ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named]!;
    const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    if (!isXmlChar(cp)) decline();
    return String.fromCodePoint(cp);
  });
}

function decodeText(raw: string): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (s.includes(']]>')) decline();
  return decodeEntities(s);
}

const ATTR = /\s+([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Attribute `name` of a tag's raw attribute text (as TAG matched it: well-formed), normalized and
 * decoded; undefined when absent.
 */
function attr(raw: string, name: string): string | undefined {
  if (!raw) return undefined;
  let found: string | undefined;
  if (CANONICAL_ATTRS.test(raw)) {
    // ` a="1" b="2"`: read in place (what nearly every file has; the regex below costs more).
    let p = 0;
    while (p < raw.length) {
      while (raw.charCodeAt(p) === 32) p++;
      const eq = raw.indexOf('="', p);
      const close = raw.indexOf('"', eq + 2);
      if (raw.slice(p, eq) === name) {
        if (found !== undefined) decline(); // a duplicate attribute: not well-formed
        found = raw.slice(eq + 2, close);
      }
      p = close + 1;
    }
    return found === undefined || !found.includes('&') ? found : decodeEntities(found);
  }
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(raw); m; m = ATTR.exec(raw)) {
    if (m[1] === name) {
      if (found !== undefined) decline();
      found = m[2] ?? m[3] ?? '';
    }
  }
  if (found === undefined) return undefined;
  return decodeEntities(found.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' '));
}
/** Attributes written ` name="value"`, spaces only between them, no line breaks or tabs in values. */
const CANONICAL_ATTRS = /^(?: +[^\s="']+="[^"\t\n\r]*")+ *$/;

function scan(xml: string, h: Handler): void {
  if (FORBIDDEN_CHARS.test(xml) || xml.charCodeAt(0) === 0xfeff) decline();
  const stack: string[] = [];
  let rootDone = false;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) {
      const raw = xml.slice(i, end);
      if (stack.length === 0) {
        if (!/^\s*$/.test(raw)) decline();
      } else h.text(decodeText(raw));
    }
    if (lt === -1) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) decline();
      const name = xml.slice(lt + 2, gt).trimEnd();
      if (stack.pop() !== name) decline();
      if (stack.length === 0) rootDone = true;
      h.close(name);
      i = gt + 1;
      continue;
    }
    if (c === 63 /* ? */) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) decline();
      i = e + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (!xml.startsWith('<!--', lt)) decline(); // DOCTYPE, CDATA
      const e = xml.indexOf('-->', lt + 4);
      if (e < 0) decline();
      i = e + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(xml);
    if (!m) decline();
    const name = m![1]!;
    const self = m![3] === '/';
    if (stack.length === 0 && rootDone) decline(); // a second root
    h.open(name, m![2]!, self);
    if (self) {
      if (stack.length === 0) rootDone = true;
      h.close(name);
    } else stack.push(name);
    i = TAG.lastIndex;
  }
  if (stack.length || !rootDone) decline();
}

const decoder = new TextDecoder('utf-8', { fatal: true });
function partText(part: Part): string {
  try {
    return decoder.decode(part);
  } catch {
    return decline();
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, relationships, styles, shared strings

const unescapeX = (s: string) => s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

/** Counts elements by path inside a part, for the simple parts (workbook, rels, styles). */
function walk(xml: string, onOpen: (path: string[], name: string, attrs: string) => void): void {
  const path: string[] = [];
  scan(xml, {
    open(name, attrs) {
      onOpen(path, name, attrs);
      path.push(name);
    },
    close() {
      path.pop();
    },
    text() {},
  });
}

interface Styles {
  /** Per cellXfs index: is the number format a date format (exceljs' isDateFmt of its code)? */
  dateXf: boolean[];
}

// Built-in formats exceljs knows a code for (lib/xlsx/defaultnumformats.js) whose code isDateFmt accepts.
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const BUILTIN_WITH_CODE = new Set([0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 37, 38, 39, 40, 45, 46, 47, 48, 49]);

/** exceljs' utils.isDateFmt. */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

function readStyles(xml: string): Styles {
  const custom = new Map<number, string>();
  const xfNumFmt: number[] = [];
  let root = '';
  walk(xml, (path, name, attrs) => {
    if (path.length === 0) root = name;
    else if (path.length === 2 && path[1] === 'numFmts' && name === 'numFmt') {
      const code = attr(attrs, 'formatCode');
      if (code === undefined) decline(); // exceljs would fail on it
      custom.set(Number.parseInt(attr(attrs, 'numFmtId') ?? '', 10), code!.replace(/[\\](.)/g, '$1'));
    } else if (path.length === 2 && path[1] === 'cellXfs' && name === 'xf') {
      xfNumFmt.push(Number.parseInt(attr(attrs, 'numFmtId') ?? '', 10));
    }
  });
  if (root !== 'styleSheet' || xfNumFmt.length === 0) decline();
  const dateXf = xfNumFmt.map((id) => {
    if (!id) return false; // 0 and NaN: exceljs sets no format
    const code = custom.get(id);
    if (code) return isDateFmt(code);
    return BUILTIN_WITH_CODE.has(id) && BUILTIN_DATE_FORMATS.has(id);
  });
  return { dateXf };
}

/** Shared strings: a plain or rich item as its text, an item without text as {}. */
function readSharedStrings(xml: string): (string | Record<string, never>)[] {
  const out: (string | Record<string, never>)[] = [];
  const path: string[] = [];
  let plain: string | null = null; // the item's <t> text
  let plainCount = 0;
  let runs: string[] | null = null;
  let runT = 0;
  let buf = '';
  let collecting = false;
  let skip = 0; // depth inside rPh / rPr / phoneticPr
  scan(xml, {
    open(name) {
      const d = path.length;
      path.push(name);
      if (skip) {
        skip++;
        return;
      }
      if (d === 0) {
        if (name !== 'sst') decline();
      } else if (d === 1) {
        if (name !== 'si') decline();
        plain = null;
        plainCount = 0;
        runs = null;
      } else if (d === 2) {
        if (name === 't') {
          collecting = true;
          buf = '';
        } else if (name === 'r') {
          runs ??= [];
          runs.push('');
          runT = 0;
        } else if (name === 'rPh' || name === 'phoneticPr') skip = 1;
        else decline();
      } else if (d === 3 && path[2] === 'r') {
        if (name === 't') {
          if (++runT > 1) decline();
          collecting = true;
          buf = '';
        } else if (name === 'rPr') skip = 1;
        else decline();
      } else decline(); // an element inside <t>
    },
    close(name) {
      path.pop();
      if (skip) {
        skip--;
        return;
      }
      const d = path.length;
      if (collecting && name === 't') {
        collecting = false;
        const text = unescapeX(buf);
        if (d === 2) {
          plain = text;
          plainCount++;
        } else runs![runs!.length - 1] = text;
      } else if (d === 1 && name === 'si') {
        if (plainCount > 1 || (plainCount && runs)) decline();
        out.push(runs ? runs.join('') : plain ?? {});
      }
    },
    text(t) {
      if (collecting && !skip) buf += t;
    },
  });
  return out;
}

/** exceljs' utils.xmlDecode (applied to `t="str"` values already decoded by the parser). */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => (c === '&lt;' ? '<' : c === '&gt;' ? '>' : c === '&amp;' ? '&' : c === '&apos;' ? "'" : c === '&quot;' ? '"' : c));
}

/** exceljs' utils.excelToDate. */
function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const CELL_REF = /^\$?([A-Z]{1,3})\$?(\d+)$/;
const RANGE_REF = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;
const MAX_COLUMN = 16384;

function readWorksheet(xml: string, strings: (string | Record<string, never>)[] | null, styles: Styles, date1904: boolean): LightSheet {
  const byNumber = new Map<number, (LightValue | typeof SLAVE | undefined)[]>();
  let rowCount = 0;
  const merges: LightSheet['merges'] = [];
  const path: string[] = [];
  let inSheetData = false;
  let rowNumber = 0;
  let cells: (LightValue | typeof SLAVE | undefined)[] = [];
  // The current cell.
  let col = 0;
  let styleId = 0;
  let type: string | undefined;
  let value: string | undefined;
  let formula: string | undefined;
  let shareType: string | undefined;
  let formulaRef: string | undefined;
  let formulaSi: string | undefined;
  const sharedMasters = new Set<string>();
  let rich: string[] | null = null;
  let collect: 'v' | 'f' | 't' | 'rt' | null = null;
  let skip = 0;

  const endCell = () => {
    const dated = !!styleId && styles.dateXf[styleId] === true;
    let out: LightValue | undefined;
    if (formula || shareType) {
      if (rich) decline();
      let result: unknown;
      if (value) {
        if (type === 'str') result = xmlDecodeAgain(value);
        else if (type === 'b') result = Number.parseInt(value, 10) !== 0;
        else if (type === 'e') result = { error: value };
        else result = Number.parseFloat(value);
      }
      if (result !== undefined && dated) result = excelToDate(result, date1904);
      // exceljs' FormulaValue keeps only truthy fields: a cached 0, false or '' reads as empty, and
      // so does a shared formula whose master it has not seen (its value has no formula at all).
      let keyed = !!formula;
      if (shareType === 'shared') {
        if (formulaRef) sharedMasters.add(String(formulaSi));
        else keyed ||= sharedMasters.has(String(formulaSi));
      }
      out = keyed && result ? { formula: '', result } : { formula: '', result: undefined };
    } else if (rich) {
      if (type !== 'inlineStr' || value !== undefined) decline();
      out = rich.join('');
    } else if (value !== undefined) {
      switch (type) {
        case 's': {
          const idx = Number.parseInt(value, 10);
          if (!strings) out = idx; // no shared strings part: exceljs keeps the index
          else {
            const s = strings[idx];
            if (s === undefined) decline(); // exceljs fails on it
            out = s;
          }
          break;
        }
        case 'str':
          out = xmlDecodeAgain(value);
          break;
        case 'inlineStr':
          out = value;
          break;
        case 'b':
          out = Number.parseInt(value, 10) !== 0;
          break;
        case 'e':
          out = { error: value };
          break;
        default: {
          const num = Number.parseFloat(value);
          out = dated ? excelToDate(num, date1904) : num;
        }
      }
    }
    // No value: a styled empty cell (Null) or a bare one; exceljs keeps neither as a value.
    if (out !== undefined) cells[col] = out;
  };

  scan(xml, {
    open(name, attrs) {
      const d = path.length;
      path.push(name);
      if (skip) {
        skip++;
        return;
      }
      if (d === 0) {
        if (name !== 'worksheet') decline();
        return;
      }
      if (d === 1) {
        if (name === 'sheetData') inSheetData = true;
        return;
      }
      if (d === 2 && path[1] === 'mergeCells') {
        if (name !== 'mergeCell') decline();
        const m = RANGE_REF.exec(attr(attrs, 'ref') ?? '');
        if (!m) decline();
        const c1 = colNumber(m![1]!);
        const r1 = Number(m![2]);
        const c2 = m![3] ? colNumber(m![3]) : c1;
        const r2 = m![4] ? Number(m![4]) : r1;
        if (!r1 || !r2 || c1 > MAX_COLUMN || c2 > MAX_COLUMN) decline();
        merges.push({ top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
        return;
      }
      if (!inSheetData) return; // views, columns, hyperlinks…: nothing a value depends on
      if (d === 2) {
        if (name !== 'row') decline();
        const r = attr(attrs, 'r');
        if (r === undefined || !/^[1-9]\d*$/.test(r)) decline();
        rowNumber = Number(r);
        if (rowNumber > rowCount) rowCount = rowNumber;
        cells = [];
      } else if (d === 3) {
        if (name !== 'c') decline();
        const m = CELL_REF.exec(attr(attrs, 'r') ?? '');
        if (!m) decline(); // a cell without its address: exceljs counts columns itself
        col = colNumber(m![1]!);
        if (col > MAX_COLUMN) decline();
        const s = attr(attrs, 's');
        styleId = s ? Number.parseInt(s, 10) : 0;
        type = attr(attrs, 't');
        value = undefined;
        formula = undefined;
        shareType = undefined;
        formulaRef = undefined;
        formulaSi = undefined;
        rich = null;
      } else if (d === 4) {
        if (name === 'v') collect = 'v';
        else if (name === 'f') {
          collect = 'f';
          shareType = attr(attrs, 't');
          formulaRef = attr(attrs, 'ref');
          formulaSi = attr(attrs, 'si');
        } else if (name !== 'is') decline();
      } else if (d === 5 && path[4] === 'is') {
        if (name === 't') collect = 't';
        else if (name === 'r') {
          rich ??= [];
          rich.push('');
        } else decline(); // phonetic runs: exceljs mixes their text in
      } else if (d === 6 && path[5] === 'r') {
        if (name === 't') collect = 'rt';
        else if (name === 'rPr') skip = 1;
        else decline();
      } else decline();
    },
    close(name) {
      path.pop();
      if (skip) {
        skip--;
        return;
      }
      const d = path.length;
      if (d === 1 && name === 'sheetData') inSheetData = false;
      if (!inSheetData) return;
      if (d === 2) {
        // A later row of the same number replaces the earlier one.
        if (cells.length) byNumber.set(rowNumber, cells);
        else byNumber.delete(rowNumber);
      } else if (d === 3) endCell();
      else {
        // A rich run's text is unescaped like a shared string's (exceljs' TextXform); an inline
        // plain <t> is not (the cell parser reads it itself).
        if (collect === 'rt') rich![rich!.length - 1] = unescapeX(rich![rich!.length - 1]!);
        collect = null;
      }
    },
    text(t) {
      if (skip || collect === null) return;
      if (collect === 'v' || collect === 't') value = value === undefined ? t : value + t;
      else if (collect === 'f') formula = formula === undefined ? t : formula + t;
      else rich![rich!.length - 1] += t;
    },
  });

  // Merged ranges: overlapping ones make exceljs fail; slaves lose their value.
  for (let a = 0; a < merges.length; a++) {
    const m = merges[a]!;
    for (let b = 0; b < a; b++) {
      const o = merges[b]!;
      if (m.top <= o.bottom && o.top <= m.bottom && m.left <= o.right && o.left <= m.right) decline();
    }
    if (m.bottom > rowCount) rowCount = m.bottom;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        let row = byNumber.get(r);
        if (!row) byNumber.set(r, (row = []));
        row[c] = SLAVE;
      }
    }
  }
  const rows = [...byNumber.entries()].sort((x, y) => x[0] - y[0]).map(([number, cs]) => ({ number, cells: cs }));
  return { rows, rowCount, merges };
}

/** Sheet names exceljs accepts as they are (its Worksheet name setter refuses or cuts the others). */
function plainSheetName(name: string | undefined, seen: Set<string>): boolean {
  if (!name || name === 'History' || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name) || name.length > 31) return false;
  const k = name.toLowerCase();
  if (seen.has(k)) return false;
  seen.add(k);
  return true;
}

/** The workbook of these parts, or null when the light reader declines it. */
export function openLightWorkbook(parts: Map<string, Part>): LightWorkbook | null {
  try {
    const wbPart = parts.get('xl/workbook.xml');
    const relsPart = parts.get('xl/_rels/workbook.xml.rels');
    const stylesPart = parts.get('xl/styles.xml');
    if (!wbPart || !relsPart || !stylesPart) return null;
    const defs: { name: string | undefined; id: string | undefined; state: string | undefined; rId: string | undefined }[] = [];
    let date1904 = false;
    let root = '';
    walk(partText(wbPart), (path, name, attrs) => {
      if (path.length === 0) root = name;
      else if (path.length === 1 && name === 'workbookPr') date1904 = attr(attrs, 'date1904') === '1';
      else if (path.length === 2 && path[1] === 'sheets' && name === 'sheet') {
        defs.push({ name: attr(attrs, 'name'), id: attr(attrs, 'sheetId'), state: attr(attrs, 'state'), rId: attr(attrs, 'r:id') });
      }
    });
    if (root !== 'workbook') return null;
    const rels = new Map<string, string>();
    let relsRoot = '';
    walk(partText(relsPart), (path, name, attrs) => {
      if (path.length === 0) relsRoot = name;
      else if (path.length === 1 && name === 'Relationship') {
        const id = attr(attrs, 'Id');
        const target = attr(attrs, 'Target');
        if (id !== undefined && target !== undefined) rels.set(id, target);
      }
    });
    if (relsRoot !== 'Relationships') return null;
    const sheets: LightWorkbook['sheets'] = [];
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const def of defs) {
      const target = def.rId === undefined ? undefined : rels.get(def.rId);
      if (target === undefined) return null;
      const path = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
      if (!parts.has(path) || !WORKSHEET_ENTRY.test(path)) return null; // chart sheets and the like: exceljs' own way
      if (!def.id || !/^\d+$/.test(def.id) || ids.has(String(Number(def.id)))) return null;
      ids.add(String(Number(def.id)));
      if (!plainSheetName(def.name, names)) return null;
      sheets.push({ name: def.name!, state: def.state, path });
    }
    if (!sheets.length) return null;
    const styles = readStyles(partText(stylesPart));
    const ssPart = parts.get('xl/sharedStrings.xml');
    let strings: (string | Record<string, never>)[] | null | undefined;
    return {
      sheets,
      readSheet(path) {
        try {
          if (strings === undefined) strings = ssPart ? readSharedStrings(partText(ssPart)) : null;
          return readWorksheet(partText(parts.get(path)!), strings, styles, date1904);
        } catch (e) {
          if (e instanceof Decline) return null;
          throw e;
        }
      },
    };
  } catch (e) {
    if (e instanceof Decline) return null;
    throw e;
  }
}
