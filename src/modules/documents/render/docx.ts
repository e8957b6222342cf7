/**
 * Word (.docx) rendering of administrative documents laid out per Nghị định
 * 30/2020/NĐ-CP: A4, margins 20/20/30/15 mm, Times New Roman, the two-column
 * header (issuing body | national title), title and subject, justified body,
 * signature and recipients blocks, page numbers in the top margin from page 2.
 *
 * Output is deterministic: the same content gives byte-identical files.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { IBorderOptions, IParagraphOptions, ParagraphChild } from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zipEntries } from './zip.ts';
import type {
  Alignment,
  Appendix,
  Block,
  DocumentContent,
  HeadingBlock,
  RichText,
  TableBlock,
  TextSpan,
} from '../../../domain/documents/content.ts';
import {
  createHeadingNumberer,
  formatBasisLines,
  formatPlaceDate,
  formatRecipientLines,
  pointLabel,
} from '../../../domain/documents/format.ts';
import { textWidthTwips } from './metrics.ts';

export type {
  Alignment,
  Appendix,
  BasisBlock,
  Block,
  DocumentContent,
  DocumentHeader,
  HeadingBlock,
  ListBlock,
  ParagraphBlock,
  RichText,
  SignatureBlock,
  TableBlock,
  TableColumn,
  TextSpan,
} from '../../../domain/documents/content.ts';

// ---------------------------------------------------------------------------
// Layout constants (twips: 1/1440 inch; sizes in half-points)

const MM = 1440 / 25.4;
export const FONT = 'Times New Roman';
export const PAGE = Object.freeze({
  width: 11906, // A4 210 mm
  height: 16838, // A4 297 mm
  marginTop: Math.round(20 * MM), // 1134
  marginBottom: Math.round(20 * MM), // 1134
  marginLeft: Math.round(30 * MM), // 1701
  marginRight: Math.round(15 * MM), // 850
  header: Math.round(10 * MM), // 567: page number in the top margin
  footer: Math.round(10 * MM),
});
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight; // 9355

/** Header table: left column (issuing body) and right column (national title). */
const HEADER_COLUMNS = [3855, TEXT_WIDTH - 3855] as const;
/**
 * The text width of the document being built: TEXT_WIDTH in portrait, wider in landscape (a wide
 * list such as Mẫu 31). Set by buildDocument for the (synchronous) duration of one build.
 */
let textWidth: number = TEXT_WIDTH;
/** Landscape A4 with the same margins (ND30): the long edge across. */
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.marginLeft - PAGE.marginRight;
const headerColumns = () => [HEADER_COLUMNS[0], textWidth - HEADER_COLUMNS[0]] as const;
const closingColumns = () => [CLOSING_COLUMNS[0], textWidth - CLOSING_COLUMNS[0]] as const;
/** Closing table: recipients (left) and signature (right). */
const CLOSING_COLUMNS = [4300, TEXT_WIDTH - 4300] as const;

const SIZE = Object.freeze({
  parentBody: 13,
  issuingBody: 13,
  number: 13,
  subjectLine: 12,
  nation: 12,
  motto: 13,
  placeDate: 14,
  title: 14,
  subject: 14,
  body: 14,
  kinhGui: 14,
  signature: 14,
  recipientsLabel: 12,
  recipient: 11,
  pageNumber: 13,
  table: 13,
});

const FIRST_LINE_INDENT = 720; // 1.27 cm
const BODY_AFTER = 120; // 6 pt
const BODY_LINE = 276; // 1.15 lines
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

// ---------------------------------------------------------------------------
// Runs

interface RunStyle {
  readonly size: number; // points
  readonly bold?: boolean;
  readonly italic?: boolean;
}

// Characters XML 1.0 cannot carry (control characters other than tab and line feed).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Runs for `text`: "\n" becomes a line break and "\t" a real tab (<w:tab/>). */
function run(text: string, style: RunStyle, span?: Omit<TextSpan, 'text'>): TextRun[] {
  const parts = text.replace(/\r\n?/g, '\n').replace(INVALID_XML, '').split('\n');
  return parts.map((part, i) => {
    const children: (string | Tab)[] = [];
    part.split('\t').forEach((segment, j) => {
      if (j > 0) children.push(new Tab());
      if (segment) children.push(segment);
    });
    return new TextRun({
      children,
      break: i > 0 ? 1 : undefined,
      font: FONT,
      size: style.size * 2,
      bold: span?.bold ?? style.bold,
      italics: span?.italic ?? style.italic,
      underline: span?.underline ? {} : undefined,
    });
  });
}

function runs(text: RichText, style: RunStyle): TextRun[] {
  if (typeof text === 'string') return run(text, style);
  return text.flatMap((part) => (typeof part === 'string' ? run(part, style) : run(part.text, style, part)));
}

function plain(text: RichText): string {
  return typeof text === 'string' ? text : text.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function para(children: ParagraphChild[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ ...options, children });
}

/** A centred paragraph without spacing, as used in the header and closing tables. */
function line(text: string, style: RunStyle, extra: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return para(run(text, style), {
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    ...extra,
  });
}

/**
 * A solid horizontal rule `width` twips long, centred in `available` twips: an
 * empty 1 pt paragraph with a bottom border, shortened with indents. Renders the
 * same in Word and LibreOffice.
 */
function rule(width: number, available: number, after = 0): Paragraph {
  const w = Math.max(200, Math.min(Math.round(width), available));
  const side = Math.floor((available - w) / 2);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    // 2 pt of air so that descenders and dots below ("p", "ạ") clear the rule.
    spacing: { before: 40, after, line: 20, lineRule: LineRuleType.EXACT },
    border: { bottom: RULE },
    run: { size: 2, font: FONT },
    children: [],
  });
}

function splitLines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

function widest(lines: readonly string[], size: number, bold: boolean): number {
  return Math.max(0, ...lines.map((l) => textWidthTwips(l, size, bold ? 'bold' : 'regular')));
}

function borderlessTable(columns: readonly number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows,
  });
}

function borderlessCell(width: number, children: (Paragraph | Table)[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: NO_BORDERS,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    verticalAlign: VerticalAlignTable.TOP,
    children,
  });
}

// ---------------------------------------------------------------------------
// Header: issuing body | national title, then number | place and date

function headerTable(content: DocumentContent): Table {
  const h = content.header;
  const [leftW, rightW] = headerColumns();
  const parent = splitLines(h.parentBody);
  const issuing = splitLines(h.issuingBody);
  if (issuing.length === 0) throw new RangeError('header.issuingBody is required');

  const left: Paragraph[] = [
    ...parent.map((l) => line(l.toLocaleUpperCase('vi'), { size: SIZE.parentBody })),
    ...issuing.map((l) => line(l.toLocaleUpperCase('vi'), { size: SIZE.issuingBody, bold: true })),
    // Short rule: 40 % of the issuing body's width (ND30: 1/3 to 1/2).
    rule(Math.max(1000, widest(issuing, SIZE.issuingBody, true) * 0.4), leftW),
  ];
  const right: Paragraph[] = [
    line(NATIONAL_TITLE, { size: SIZE.nation, bold: true }),
    line(MOTTO, { size: SIZE.motto, bold: true }),
    rule(textWidthTwips(MOTTO, SIZE.motto, 'bold'), rightW),
  ];
  const numberCell: Paragraph[] = [line(h.numberLine, { size: SIZE.number }, { spacing: { before: 120, after: 0 } })];
  if (h.subjectLine) {
    numberCell.push(line(h.subjectLine, { size: SIZE.subjectLine }, { spacing: { before: 40, after: 0 } }));
  }
  const dateCell = [
    line(formatPlaceDate(h.place, h.date), { size: SIZE.placeDate, italic: true }, { spacing: { before: 120, after: 0 } }),
  ];
  return borderlessTable(headerColumns(), [
    new TableRow({ cantSplit: true, children: [borderlessCell(leftW, left), borderlessCell(rightW, right)] }),
    new TableRow({ cantSplit: true, children: [borderlessCell(leftW, numberCell), borderlessCell(rightW, dateCell)] }),
  ]);
}

function titleBlock(content: DocumentContent): Paragraph[] {
  const out: Paragraph[] = [];
  const subject = splitLines(content.subject);
  if (content.kindTitle) {
    out.push(
      para(run(content.kindTitle.toLocaleUpperCase('vi'), { size: SIZE.title, bold: true }), {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 480, after: 0 },
      }),
    );
  }
  if (subject.length > 0) {
    out.push(
      para(run(subject.join('\n'), { size: SIZE.subject, bold: true }), {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: content.kindTitle ? 0 : 360, after: 40, line: 240, lineRule: LineRuleType.AUTO },
      }),
    );
    // Short rule under the subject: a third of its (longest) line, within the text width.
    const w = Math.min(widest(subject, SIZE.subject, true), textWidth);
    out.push(rule(Math.max(1400, w / 3), textWidth));
  }
  return out;
}

function kinhGuiBlock(addressees: readonly string[]): Paragraph[] {
  const names = addressees.map((a) => a.trim().replace(/[;.,]+$/u, '')).filter((a) => a.length > 0);
  if (names.length === 0) return [];
  const style = { size: SIZE.kinhGui };
  const spacing = { before: 0, after: 0, line: BODY_LINE, lineRule: LineRuleType.AUTO };
  if (names.length === 1) {
    return [
      para(run(`Kính gửi: ${names[0]}.`, style), {
        alignment: AlignmentType.CENTER,
        spacing: { ...spacing, before: 360, after: 240 },
      }),
    ];
  }
  // "Kính gửi:" then the addressees as "- X;" lines aligned on a tab stop.
  const left = 3400;
  const label = 1500;
  return names.map((name, i) => {
    const text = `- ${name}${i === names.length - 1 ? '.' : ';'}`;
    const first = i === 0;
    return para(first ? run(`Kính gửi:\t${text}`, style) : run(text, style), {
      alignment: AlignmentType.LEFT,
      indent: first ? { left, hanging: left - label } : { left },
      tabStops: [{ type: TabStopType.LEFT, position: left }],
      spacing: { ...spacing, before: first ? 360 : 0, after: i === names.length - 1 ? 240 : 0 },
    });
  });
}

// ---------------------------------------------------------------------------
// Body blocks

function bodyParagraph(children: ParagraphChild[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return para(children, {
    widowControl: true,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: 0, after: BODY_AFTER, line: BODY_LINE, lineRule: LineRuleType.AUTO },
    ...options,
  });
}

function headingParagraph(block: HeadingBlock, label: string): Paragraph {
  const style = { size: SIZE.body, bold: true };
  const number = block.number ?? label;
  const children: TextRun[] = [...(number ? run(`${number} `, style) : []), ...runs(block.text, style)];
  if (block.runIn !== undefined) children.push(...run(' ', { size: SIZE.body }), ...runs(block.runIn, { size: SIZE.body }));
  return bodyParagraph(children, {
    keepNext: block.runIn === undefined,
    outlineLevel: block.level - 1,
  });
}

// ---------------------------------------------------------------------------
// Fast table rows. A round report lists thousands of petitions; building a docx object per row,
// cell, paragraph and run and serialising them is most of the time. Rows of plain text cells are
// therefore written as XML strings: the docx tree gets one *template* row per run of such rows,
// whose cells hold marker texts, and after packing the template is cut at the markers and repeated
// with each row's escaped text. The template is docx's own output, so every row is byte-identical
// to the one the tree would have produced (docx.test.ts compares both paths).

/** Runs of plain rows (table rows, list items) waiting to be written in place of their template. */
interface FastRows {
  runs: { tag: 'w:tr' | 'w:p'; columns: number; rows: string[][] }[];
}

const MARKER = (run: number, col: number) => `NTFASTROW${run}Q${col}QEND`;

/** Text the string path can write: not empty, no line break, tab or character XML cannot carry. */
function plainCell(cell: RichText | undefined): cell is string {
  return typeof cell === 'string' && cell.length > 0 && !/[\r\n\t]/.test(cell) && !INVALID_XML_TEST.test(cell);
}

/**
 * A list item as its shape (the style of each span) and its texts, when every text is plain;
 * items of one shape share a template paragraph.
 */
function itemShape(item: RichText): { shape: string; texts: string[]; spans: TextSpan[] } | null {
  const parts = typeof item === 'string' ? [item] : item;
  const texts: string[] = [];
  const spans: TextSpan[] = [];
  let shape = '';
  for (const part of parts) {
    const span: TextSpan = typeof part === 'string' ? { text: part } : part;
    if (!plainCell(span.text)) return null;
    texts.push(span.text);
    spans.push(span);
    shape += `${span.bold ? 'b' : '-'}${span.italic ? 'i' : '-'}${span.underline ? 'u' : '-'}|`;
  }
  return { shape, texts, spans };
}
const INVALID_XML_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Escaping as docx writes text nodes. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

/** document.xml with every template row replaced by its rows; null when a template is missing. */
function expandFastRows(xml: string, fast: FastRows): string | null {
  let out = xml;
  for (const [i, r] of fast.runs.entries()) {
    const first = out.indexOf(MARKER(i, 0));
    if (first < 0) return null;
    const start = Math.max(out.lastIndexOf(`<${r.tag}>`, first), out.lastIndexOf(`<${r.tag} `, first));
    const close = out.indexOf(`</${r.tag}>`, first);
    if (start < 0 || close < 0) return null;
    const end = close + r.tag.length + 3;
    const template = out.slice(start, end);
    const pieces: string[] = [];
    let rest = template;
    for (let c = 0; c < r.columns; c++) {
      const at = rest.indexOf(MARKER(i, c));
      if (at < 0 || rest.indexOf(MARKER(i, c), at + 1) >= 0) return null;
      pieces.push(rest.slice(0, at));
      rest = rest.slice(at + MARKER(i, c).length);
    }
    pieces.push(rest);
    const rows: string[] = [];
    for (const row of r.rows) {
      let x = pieces[0]!;
      for (let c = 0; c < r.columns; c++) x += escapeXml(row[c]!) + pieces[c + 1]!;
      rows.push(x);
    }
    out = out.slice(0, start) + rows.join('') + out.slice(end);
  }
  return out;
}

function tableBlock(block: TableBlock, fast: FastRows | null = null): Table {
  const total = block.columns.reduce((s, c) => s + Math.max(0, c.width), 0);
  if (block.columns.length === 0 || total <= 0) throw new RangeError('A table needs columns with positive widths');
  const widths = block.columns.map((c) => Math.floor((textWidth * Math.max(0, c.width)) / total));
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + textWidth - widths.reduce((s, w) => s + w, 0);
  const size = block.fontSize ?? SIZE.table;
  const cellSpacing = { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO };
  const cell = (width: number, children: Paragraph[]): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: { top: THIN, bottom: THIN, left: THIN, right: THIN },
      verticalAlign: VerticalAlignTable.CENTER,
      children,
    });
  const header = new TableRow({
    tableHeader: block.repeatHeader ?? true,
    cantSplit: true,
    children: block.columns.map((c, i) =>
      cell(widths[i] ?? 0, [para(run(c.title, { size, bold: true }), { alignment: AlignmentType.CENTER, spacing: cellSpacing })]),
    ),
  });
  const row = (r: readonly RichText[]) =>
    new TableRow({
      cantSplit: true,
      children: block.columns.map((c, i) =>
        cell(widths[i] ?? 0, [
          para(runs(r[i] ?? '', { size }), { alignment: ALIGN[c.align ?? 'left'], spacing: cellSpacing }),
        ]),
      ),
    });
  const rows: TableRow[] = [];
  let pending: string[][] = [];
  const flush = () => {
    if (!pending.length || !fast) return;
    const n = fast.runs.length;
    fast.runs.push({ tag: 'w:tr', columns: block.columns.length, rows: pending });
    rows.push(row(block.columns.map((_, c) => MARKER(n, c))));
    pending = [];
  };
  for (const r of block.rows) {
    const cells = block.columns.map((_, i) => r[i]);
    if (fast && cells.every(plainCell)) pending.push(cells as string[]);
    else {
      flush();
      rows.push(row(r));
    }
  }
  flush();
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: THIN,
      bottom: THIN,
      left: THIN,
      right: THIN,
      insideHorizontal: THIN,
      insideVertical: THIN,
    },
    margins: { left: 80, right: 80, top: 0, bottom: 0 },
    rows: block.showHeader === false ? rows : [header, ...rows],
  });
}

/**
 * Renders body blocks. With `keepLastWithNext`, the last paragraph is kept on the
 * page of what follows, so that the signature never stands alone on a page.
 */
function renderBlocks(blocks: readonly Block[], keepLastWithNext = false, fast: FastRows | null = null): (Paragraph | Table)[] {
  const nextHeading = createHeadingNumberer();
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((block, index) => {
    const keepNext = keepLastWithNext && index === blocks.length - 1 ? { keepNext: true } : {};
    switch (block.type) {
      case 'paragraph': {
        const align: Alignment = block.align ?? 'justify';
        out.push(
          bodyParagraph(runs(block.text, { size: SIZE.body }), {
            alignment: ALIGN[align],
            indent: block.indent === false ? undefined : { firstLine: FIRST_LINE_INDENT },
            ...keepNext,
          }),
        );
        break;
      }
      case 'heading':
        out.push(headingParagraph(block, nextHeading(block.level)));
        break;
      case 'basis': {
        const lines = formatBasisLines(block.lines);
        for (const [i, l] of lines.entries()) {
          const last = i === lines.length - 1 ? keepNext : {};
          out.push(bodyParagraph(run(l, { size: SIZE.body, italic: true }), last));
        }
        break;
      }
      case 'list': {
        const style = { size: SIZE.body };
        const item = (marker: string, text: RichText, last: object) => bodyParagraph([...run(marker, style), ...runs(text, style)], last);
        let pending: { shape: string; spans: TextSpan[]; rows: string[][] } | null = null;
        const flush = () => {
          if (!pending || !fast) return;
          const n = fast.runs.length;
          fast.runs.push({ tag: 'w:p', columns: pending.spans.length + 1, rows: pending.rows });
          out.push(item(MARKER(n, 0), pending.spans.map((sp, c) => ({ ...sp, text: MARKER(n, c + 1) })), {}));
          pending = null;
        };
        block.items.forEach((text, i) => {
          const marker = block.style === 'points' ? `${pointLabel(i)} ` : block.style === 'plus' ? '+ ' : '- ';
          const isLast = i === block.items.length - 1;
          const shaped = fast && !isLast ? itemShape(text) : null;
          if (shaped) {
            if (pending && pending.shape !== shaped.shape) flush();
            pending ??= { shape: shaped.shape, spans: shaped.spans, rows: [] };
            pending.rows.push([marker, ...shaped.texts]);
            return;
          }
          flush();
          out.push(item(marker, text, isLast ? keepNext : {}));
        });
        flush();
        break;
      }
      case 'table':
        out.push(tableBlock(block, fast));
        // A 6 pt spacer: separates the table from what follows (Word also needs a paragraph there).
        out.push(para([], { spacing: { before: 0, after: 0, line: 240 }, run: { size: 12, font: FONT } }));
        break;
      default: {
        const unknown: never = block;
        throw new RangeError(`Unknown block type: ${JSON.stringify(unknown)}`);
      }
    }
  });
  return out;
}

// ---------------------------------------------------------------------------
// Closing: recipients | signature

function closingTable(content: DocumentContent): Table {
  const [leftW, rightW] = closingColumns();
  const recipients = formatRecipientLines(content.recipients, { nhuTren: (content.kinhGui?.length ?? 0) > 0 });
  const left: Paragraph[] = [
    para(run('Nơi nhận:', { size: SIZE.recipientsLabel, bold: true, italic: true }), {
      alignment: AlignmentType.LEFT,
      spacing: { before: 0, after: 0, line: 240 },
    }),
    ...recipients.map((r) =>
      para(run(r, { size: SIZE.recipient }), {
        alignment: AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line: 240 },
        indent: { left: 0, hanging: 0 },
      }),
    ),
  ];
  const sigLines = content.signature.lines.map((l) => l.trim()).filter((l) => l.length > 0);
  const name = content.signature.signerName.trim();
  if (!name) throw new RangeError('signature.signerName is required');
  const right: Paragraph[] = [
    ...sigLines.map((l) => line(l.toLocaleUpperCase('vi'), { size: SIZE.signature, bold: true })),
    // Room for the signature and the seal.
    line(name, { size: SIZE.signature, bold: true }, { spacing: { before: 1700, after: 0 } }),
  ];
  return borderlessTable(closingColumns(), [
    new TableRow({ cantSplit: true, children: [borderlessCell(leftW, left), borderlessCell(rightW, right)] }),
  ]);
}

function appendixBlocks(appendix: Appendix, fast: FastRows | null): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    para(run(appendix.title.toLocaleUpperCase('vi'), { size: SIZE.title, bold: true }), {
      alignment: AlignmentType.CENTER,
      pageBreakBefore: true,
      keepNext: true,
      spacing: { before: 0, after: 0 },
    }),
  ];
  if (appendix.subtitle) {
    out.push(
      para(run(appendix.subtitle, { size: SIZE.body, italic: true }), {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 0, after: 0 },
      }),
    );
  }
  out.push(rule(1400, textWidth, 240));
  out.push(...renderBlocks(appendix.body, false, fast));
  return out;
}

// ---------------------------------------------------------------------------
// Document

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 0 },
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.pageNumber * 2 })],
      }),
    ],
  });
}

export function buildDocument(content: DocumentContent, fast: FastRows | null = null): Document {
  const landscape = content.orientation === 'landscape';
  textWidth = landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  try {
    return buildDocumentIn(content, fast, landscape);
  } finally {
    textWidth = TEXT_WIDTH;
  }
}

function buildDocumentIn(content: DocumentContent, fast: FastRows | null, landscape: boolean): Document {
  const children: (Paragraph | Table)[] = [
    headerTable(content),
    ...titleBlock(content),
    ...kinhGuiBlock(content.kinhGui ?? []),
  ];
  if (!content.kindTitle && !content.subject && !(content.kinhGui?.length ?? 0)) {
    children.push(para([], { spacing: { before: 0, after: 240 } }));
  }
  if (content.kindTitle || content.subject) {
    // Space between the subject rule and the first paragraph.
    children.push(para([], { spacing: { before: 0, after: 0, line: 240 }, run: { size: 16, font: FONT } }));
  }
  children.push(...renderBlocks(content.body, true, fast));
  children.push(para([], { keepNext: true, spacing: { before: 0, after: 0, line: 240 }, run: { size: 12, font: FONT } }));
  children.push(closingTable(content));
  for (const appendix of content.appendices ?? []) children.push(...appendixBlocks(appendix, fast));

  const title = [content.kindTitle, plain(content.subject ?? '')].filter(Boolean).join(' ').trim();
  return new Document({
    title: title || content.header.subjectLine || content.header.numberLine,
    creator: 'Nghị Trường',
    lastModifiedBy: 'Nghị Trường',
    description: content.header.numberLine,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body * 2, color: '000000', language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    theme: { fonts: { headings: FONT, body: FONT } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: landscape ? { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE } : { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: PAGE.header,
              footer: PAGE.footer,
              gutter: 0,
            },
          },
        },
        headers: {
          default: pageNumberHeader(),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
}

// ---------------------------------------------------------------------------
// Deterministic packaging

/**
 * Makes the package reproducible: core properties take the document's date,
 * random relationship ids become sequential, zip entries get a fixed mtime.
 */
function normalizePackage(bytes: Uint8Array, isoDate: string, fast: FastRows | null): Uint8Array | null {
  const files = unzipSync(bytes);
  const stamp = `${isoDate}T00:00:00Z`;
  const texts = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    if (/\.(xml|rels)$/.test(name)) texts.set(name, strFromU8(data));
  }
  // Relationship ids generated at random (lowercase nanoid) → "rIdN", stable by order of appearance.
  const idMap = new Map<string, string>();
  let counter = 1000;
  for (const [name, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!name.endsWith('.rels')) continue;
    for (const m of text.matchAll(/Id="([^"]+)"/g)) {
      const id = m[1] ?? '';
      if (!/^rId\d+$/.test(id) && !idMap.has(id)) idMap.set(id, `rId${++counter}`);
    }
  }
  const out: [string, Uint8Array][] = [];
  // "[Content_Types].xml" then the package relationships first, as Office writes them.
  const rank = (name: string): number => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);
  const ordered = Object.entries(files).sort(([a], [b]) => rank(a) - rank(b));
  for (const [name, data] of ordered) {
    let text = texts.get(name);
    let payload = data;
    if (text !== undefined) {
      if (name === 'docProps/core.xml') {
        text = text.replace(
          /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
          `$1${stamp}$2`,
        );
      }
      for (const [from, to] of idMap) text = text.split(`"${from}"`).join(`"${to}"`);
      if (name === 'word/document.xml' && fast?.runs.length) {
        const expanded = expandFastRows(text, fast);
        if (expanded === null) return null;
        text = expanded;
      }
      payload = strToU8(text);
    }
    out.push([name, payload]);
  }
  return zipEntries(out);
}

export interface RenderOptions {
  /**
   * Plain table rows written as XML strings from a template row (default true). False builds
   * every row in the docx tree: the old path, kept as the benchmark's baseline and the tests'
   * reference (both give the same bytes).
   */
  fastTables?: boolean;
}

/** Renders structured content to a .docx file (bytes). */
export async function renderDocx(content: DocumentContent, options: RenderOptions = {}): Promise<Uint8Array> {
  if (options.fastTables !== false) {
    const fast: FastRows = { runs: [] };
    const buffer = await Packer.toBuffer(buildDocument(content, fast));
    const out = normalizePackage(new Uint8Array(buffer), content.header.date, fast);
    // a template the serialiser wrote differently than expected: fall back to the full tree
    if (out) return out;
  }
  const buffer = await Packer.toBuffer(buildDocument(content));
  return normalizePackage(new Uint8Array(buffer), content.header.date, null)!;
}
