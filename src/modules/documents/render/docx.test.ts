import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentContent, RichText } from '../../../domain/documents/content.ts';
import { formatDocumentNumber } from '../../../domain/documents/format.ts';
import { MOTTO, PAGE, TEXT_WIDTH, renderDocx } from './docx.ts';
import { textWidthTwips } from './metrics.ts';
import { sampleLetter, sampleNotice } from './samples.ts';

// ---------------------------------------------------------------------------
// A small OOXML reader: enough structure to assert the ND30 layout.

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  size: number | null; // half-points
  font: string | null;
}

interface Para {
  xml: string;
  text: string;
  runs: Run[];
  align: string | null;
  props: string;
}

const decode = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const on = (xml: string, tag: string): boolean =>
  new RegExp(`<w:${tag}(?: w:val="(?:true|1|on)")?\\s*/>`).test(xml);

function attr(xml: string, tag: string, name: string): string | null {
  const m = new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml);
  return m ? (m[1] ?? null) : null;
}

function parseRun(xml: string): Run {
  const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(xml)?.[1] ?? '';
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
    .map((m) => (m[0] === '<w:br/>' ? '\n' : m[0] === '<w:tab/>' ? '\t' : decode(m[1] ?? '')))
    .join('');
  const size = attr(rPr, 'sz', 'val');
  return { text, bold: on(rPr, 'b'), italic: on(rPr, 'i'), size: size ? Number(size) : null, font: attr(rPr, 'rFonts', 'ascii') };
}

function parseParagraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p\/>/g)].map((m) => {
    const inner = m[1] ?? '';
    const props = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const runs = [...inner.matchAll(/<w:r(?:\s[^>]*)?>([\s\S]*?)<\/w:r>/g)].map((r) => parseRun(r[0]));
    return { xml: m[0], text: runs.map((r) => r.text).join(''), runs, align: attr(props, 'jc', 'val'), props };
  });
}

const tables = (xml: string): string[] => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
const rows = (tbl: string): string[] => [...tbl.matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
const cells = (tr: string): string[] => [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);

interface Docx {
  files: Record<string, Uint8Array>;
  document: string;
  styles: string;
  settings: string;
  paragraphs: Para[];
  /** Paragraphs outside tables. */
  body: Para[];
  xml(name: string): string;
}

async function open(content: DocumentContent): Promise<Docx> {
  const files = unzipSync(await renderDocx(content));
  const xml = (name: string): string => {
    const f = files[name];
    if (!f) throw new Error(`missing part ${name}`);
    return strFromU8(f);
  };
  const document = xml('word/document.xml');
  return {
    files,
    document,
    styles: xml('word/styles.xml'),
    settings: xml('word/settings.xml'),
    paragraphs: parseParagraphs(document),
    body: parseParagraphs(document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')),
    xml,
  };
}

function find(paragraphs: Para[], text: string | RegExp): Para {
  const p = paragraphs.find((x) => (typeof text === 'string' ? x.text === text : text.test(x.text)));
  if (!p) throw new Error(`no paragraph ${String(text)} in:\n${paragraphs.map((x) => x.text).join('\n')}`);
  return p;
}

function expectRuns(p: Para, expected: Partial<Run>): void {
  const visible = p.runs.filter((r) => r.text.trim().length > 0);
  expect(visible.length).toBeGreaterThan(0);
  for (const r of visible) expect(r).toMatchObject(expected);
}

/** Values of the table and cell borders (not paragraph borders) of a table. */
const borderValues = (tbl: string): string[] =>
  [...tbl.matchAll(/<w:(?:tblBorders|tcBorders)>([\s\S]*?)<\/w:(?:tblBorders|tcBorders)>/g)].flatMap((m) =>
    [...(m[1] ?? '').matchAll(/w:val="([^"]+)"/g)].map((v) => v[1] ?? ''),
  );

/** Width in twips of a rule paragraph (a bottom border shortened by symmetric indents) inside `available`. */
function ruleWidth(p: Para, available: number): number {
  expect(p.props).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  expect(p.text).toBe('');
  const left = Number(attr(p.props, 'ind', 'left'));
  const right = Number(attr(p.props, 'ind', 'right'));
  expect(left).toBe(right);
  return available - left - right;
}

// ---------------------------------------------------------------------------
// Fixture

const notice: DocumentContent = {
  header: {
    parentBody: 'HĐND TỈNH QUẢNG NGÃI',
    issuingBody: 'THƯỜNG TRỰC HĐND THỊ XÃ',
    numberLine: formatDocumentNumber({ number: 12, typeCode: 'TB', bodyCode: 'HĐND' }),
    place: 'Đức Phổ',
    date: '2026-01-05',
  },
  kindTitle: 'THÔNG BÁO',
  subject: 'Kết luận của Thường trực HĐND thị xã tại Hội nghị trực báo',
  body: [
    { type: 'basis', lines: ['Căn cứ Luật Tổ chức chính quyền địa phương', 'Căn cứ Quy chế làm việc;'] },
    { type: 'paragraph', text: ['Ngày 05/01/2026, Thường trực HĐND thị xã ', { text: 'chủ trì', bold: true }, ' hội nghị.'] },
    { type: 'heading', level: 1, text: 'KẾT QUẢ ĐẠT ĐƯỢC' },
    { type: 'heading', level: 2, text: 'Công tác bầu cử' },
    { type: 'heading', level: 3, text: 'Tỷ lệ cử tri:', runIn: 'đạt 99,38%.' },
    { type: 'heading', level: 3, text: 'Tổ chức kỳ họp' },
    { type: 'heading', level: 2, text: 'Giám sát' },
    { type: 'heading', level: 1, text: 'NHIỆM VỤ' },
    { type: 'heading', level: 2, text: 'Tiếp xúc cử tri' },
    { type: 'heading', level: 2, number: '5.', text: 'Số cho trước' },
    { type: 'list', style: 'points', items: ['Điểm một;', 'Điểm hai;', 'Điểm ba.'] },
    { type: 'list', style: 'bullets', items: ['Gạch đầu dòng.'] },
    { type: 'list', style: 'plus', items: ['Dấu cộng.'] },
    {
      type: 'table',
      columns: [
        { title: 'TT', width: 10, align: 'center' },
        { title: 'Nội dung kiến nghị', width: 60 },
        { title: 'Địa phương', width: 30 },
      ],
      rows: [
        ['1', 'Sửa chữa đường liên xã', 'Phổ Thạnh'],
        ['2', 'Nạo vét kênh mương', 'Phổ Châu'],
      ],
    },
    { type: 'paragraph', text: 'Đề nghị các cơ quan thực hiện./.' },
  ],
  signature: { lines: ['TL. THƯỜNG TRỰC HĐND', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'], signerName: 'Trần Duy Khánh' },
  recipients: ['TT Thị ủy', 'Các Ban HĐND thị xã'],
  appendices: [{ title: 'Phụ lục', subtitle: '(Kèm theo Thông báo số 12/TB-HĐND)', body: [{ type: 'paragraph', text: 'Nội dung phụ lục.' }] }],
};

let doc: Docx;
beforeAll(async () => {
  doc = await open(notice);
});

// ---------------------------------------------------------------------------

describe('page setup', () => {
  it('A4 portrait with ND30 margins (20/20/30/15 mm)', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(doc.document)?.[0] ?? '';
    expect(attr(sect, 'pgSz', 'w')).toBe('11906');
    expect(attr(sect, 'pgSz', 'h')).toBe('16838');
    expect(attr(sect, 'pgSz', 'orient')).toBe('portrait');
    expect(attr(sect, 'pgMar', 'top')).toBe('1134');
    expect(attr(sect, 'pgMar', 'bottom')).toBe('1134');
    expect(attr(sect, 'pgMar', 'left')).toBe('1701');
    expect(attr(sect, 'pgMar', 'right')).toBe('850');
    expect(PAGE.width - PAGE.marginLeft - PAGE.marginRight).toBe(TEXT_WIDTH);
  });

  it('page numbers centred in the header, 13 pt, none on the first page', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(doc.document)?.[0] ?? '';
    expect(sect).toContain('<w:titlePg/>');
    const rels = doc.xml('word/_rels/document.xml.rels');
    const target = (type: string): string => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(sect)?.[1];
      const t = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      if (!t) throw new Error(`no ${type} header`);
      return doc.xml(`word/${t}`);
    };
    const main = target('default');
    expect(main).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    const [p] = parseParagraphs(main);
    expect(p?.align).toBe('center');
    expect(p?.xml).toContain('<w:sz w:val="26"/>');
    expect(p?.xml).toContain('w:ascii="Times New Roman"');
    const first = target('first');
    expect(first).not.toContain('PAGE');
    expect(parseParagraphs(first).every((x) => x.text === '')).toBe(true);
  });

  it('Times New Roman everywhere, black, Vietnamese', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(doc.styles)?.[0] ?? '';
    expect(defaults).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    expect(defaults).toContain('<w:color w:val="000000"/>');
    expect(defaults).toContain('<w:lang w:val="vi-VN"/>');
    const fonts = new Set([...doc.document.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    expect(doc.document).not.toMatch(/<w:color w:val="(?!000000)/);
    expect(doc.document).not.toMatch(/asciiTheme|hAnsiTheme/);
    const theme = doc.xml('word/theme/theme1.xml');
    expect([...theme.matchAll(/<a:latin typeface="([^"]*)"/g)].map((m) => m[1])).toEqual(['Times New Roman', 'Times New Roman']);
  });
});

describe('header', () => {
  const headerTable = (): string[][] => rows(tables(doc.document)[0] ?? '').map(cells);

  it('is a borderless two-column table', () => {
    const tbl = tables(doc.document)[0] ?? '';
    expect([...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])).reduce((a, b) => a + b)).toBe(TEXT_WIDTH);
    expect(borderValues(tbl).length).toBeGreaterThan(0);
    expect(borderValues(tbl).every((v) => v === 'none')).toBe(true);
    expect(headerTable().map((r) => r.length)).toEqual([2, 2]);
  });

  it('left: parent body 13 pt regular, issuing body 13 pt bold, a short rule, the number 13 pt', () => {
    const [[left = '', right = ''] = [], [numberCell = '', dateCell = ''] = []] = headerTable();
    const [parent, issuing, ruleP] = parseParagraphs(left);
    expect(parent?.text).toBe('HĐND TỈNH QUẢNG NGÃI');
    expectRuns(parent!, { size: 26, bold: false, italic: false, font: 'Times New Roman' });
    expect(parent?.align).toBe('center');
    expect(issuing?.text).toBe('THƯỜNG TRỰC HĐND THỊ XÃ');
    expectRuns(issuing!, { size: 26, bold: true });
    const issuingWidth = textWidthTwips('THƯỜNG TRỰC HĐND THỊ XÃ', 13, 'bold');
    const w = ruleWidth(ruleP!, 3855);
    expect(w).toBeGreaterThanOrEqual(issuingWidth / 3 - 20);
    expect(w).toBeLessThanOrEqual(issuingWidth / 2 + 20);

    const [nation, motto, mottoRule] = parseParagraphs(right);
    expect(nation?.text).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expectRuns(nation!, { size: 24, bold: true });
    expect(motto?.text).toBe('Độc lập - Tự do - Hạnh phúc');
    expectRuns(motto!, { size: 26, bold: true, italic: false });
    expect(ruleWidth(mottoRule!, TEXT_WIDTH - 3855)).toBeCloseTo(textWidthTwips(MOTTO, 13, 'bold'), -1);

    // Number and place-date share the second row.
    const [numberP] = parseParagraphs(numberCell);
    expect(numberP?.text).toBe('Số: 12/TB-HĐND');
    expectRuns(numberP!, { size: 26, bold: false });
    const [dateP] = parseParagraphs(dateCell);
    expect(dateP?.text).toBe('Đức Phổ, ngày 05 tháng 01 năm 2026');
    expectRuns(dateP!, { italic: true, bold: false, size: 28 });
    expect(dateP?.align).toBe('center');
  });

  it('a công văn has the "V/v" line 12 pt under the number and no title', async () => {
    const letter = await open(sampleLetter);
    const [, [numberCell = ''] = []] = rows(tables(letter.document)[0] ?? '').map(cells);
    const [numberP, vv] = parseParagraphs(numberCell);
    expect(numberP?.text).toBe('Số: 123/HĐND-VP');
    expect(vv?.text).toBe('V/v chuyển kiến nghị cử tri sau kỳ họp thứ 3');
    expectRuns(vv!, { size: 24, bold: false, italic: false });
    const [, issuing2] = parseParagraphs(cells(rows(tables(letter.document)[0] ?? '')[0] ?? '')[0] ?? '').slice(1);
    expect(issuing2?.text).toBe('ĐỨC PHỔ');
    expect(letter.body.some((p) => /^(THÔNG BÁO|CÔNG VĂN)$/.test(p.text))).toBe(false);
  });
});

describe('title and body', () => {
  it('title 14 pt bold centred, subject 14 pt bold centred with a short rule', () => {
    const title = find(doc.body, 'THÔNG BÁO');
    expectRuns(title, { size: 28, bold: true });
    expect(title.align).toBe('center');
    const i = doc.body.indexOf(title);
    const subject = doc.body[i + 1]!;
    expect(subject.text).toBe('Kết luận của Thường trực HĐND thị xã tại Hội nghị trực báo');
    expectRuns(subject, { size: 28, bold: true });
    expect(subject.align).toBe('center');
    const w = ruleWidth(doc.body[i + 2]!, TEXT_WIDTH);
    expect(w).toBeGreaterThan(1000);
    expect(w).toBeLessThan(TEXT_WIDTH / 2);
  });

  it('paragraphs: 14 pt, justified, 1.27 cm first line, 6 pt after, 1.15 lines', () => {
    const p = find(doc.body, 'Ngày 05/01/2026, Thường trực HĐND thị xã chủ trì hội nghị.');
    expect(p.align).toBe('both');
    expect(attr(p.props, 'ind', 'firstLine')).toBe('720');
    expect(attr(p.props, 'spacing', 'after')).toBe('120');
    expect(attr(p.props, 'spacing', 'line')).toBe('276');
    expect(p.runs.map((r) => [r.text, r.bold, r.size])).toEqual([
      ['Ngày 05/01/2026, Thường trực HĐND thị xã ', false, 28],
      ['chủ trì', true, 28],
      [' hội nghị.', false, 28],
    ]);
  });

  it('"Căn cứ" lines in italics ending ";" then "."', () => {
    const a = find(doc.body, 'Căn cứ Luật Tổ chức chính quyền địa phương;');
    const b = find(doc.body, 'Căn cứ Quy chế làm việc.');
    for (const p of [a, b]) expectRuns(p, { italic: true, size: 28 });
  });

  it('headings numbered I., 1., 1.1. in bold; run-in text regular', () => {
    const headings = doc.body.filter((p) => /<w:outlineLvl/.test(p.props)).map((p) => p.text);
    expect(headings).toEqual([
      'I. KẾT QUẢ ĐẠT ĐƯỢC',
      '1. Công tác bầu cử',
      '1.1. Tỷ lệ cử tri: đạt 99,38%.',
      '1.2. Tổ chức kỳ họp',
      '2. Giám sát',
      'II. NHIỆM VỤ',
      '1. Tiếp xúc cử tri',
      '5. Số cho trước',
    ]);
    const runIn = find(doc.body, '1.1. Tỷ lệ cử tri: đạt 99,38%.');
    expect(runIn.runs.filter((r) => r.bold).map((r) => r.text).join('')).toBe('1.1. Tỷ lệ cử tri:');
    expect(runIn.runs.filter((r) => !r.bold).map((r) => r.text).join('')).toBe(' đạt 99,38%.');
    expect(find(doc.body, 'I. KẾT QUẢ ĐẠT ĐƯỢC').props).toContain('<w:keepNext/>');
  });

  it('lists: points a) b) c), "- " and "+ "', () => {
    expect(find(doc.body, 'a) Điểm một;')).toBeTruthy();
    expect(find(doc.body, 'b) Điểm hai;')).toBeTruthy();
    expect(find(doc.body, 'c) Điểm ba.')).toBeTruthy();
    expect(find(doc.body, '- Gạch đầu dòng.')).toBeTruthy();
    expect(find(doc.body, '+ Dấu cộng.')).toBeTruthy();
  });

  it('tables: bordered, widths from percentages, bold repeated header row', () => {
    const tbl = tables(doc.document).find((t) => t.includes('Nội dung kiến nghị')) ?? '';
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b)).toBe(TEXT_WIDTH);
    expect(grid[0]).toBeCloseTo(TEXT_WIDTH * 0.1, -1);
    expect(grid[1]).toBeCloseTo(TEXT_WIDTH * 0.6, -1);
    expect(tbl).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect(tbl).toMatch(/<w:insideV w:val="single"/);
    const [header = '', first = ''] = rows(tbl);
    expect(header).toContain('<w:tblHeader/>');
    const headerParas = cells(header).flatMap((c) => parseParagraphs(c));
    expect(headerParas.map((p) => p.text)).toEqual(['TT', 'Nội dung kiến nghị', 'Địa phương']);
    for (const p of headerParas) expectRuns(p, { bold: true, size: 26 });
    expect(cells(first).flatMap((c) => parseParagraphs(c)).map((p) => p.text)).toEqual(['1', 'Sửa chữa đường liên xã', 'Phổ Thạnh']);
  });
});

describe('closing', () => {
  const closing = (d: Docx): [Para[], Para[]] => {
    const tbl = tables(d.document).find((t) => t.includes('Nơi nhận:')) ?? '';
    const [left = '', right = ''] = cells(rows(tbl)[0] ?? '');
    expect(borderValues(tbl).every((v) => v === 'none')).toBe(true);
    return [parseParagraphs(left), parseParagraphs(right)];
  };

  it('signature lines in bold capitals 14 pt, then the signer in bold', () => {
    const [, right] = closing(doc);
    expect(right.map((p) => p.text)).toEqual([
      'TL. THƯỜNG TRỰC HĐND',
      'KT. CHÁNH VĂN PHÒNG',
      'PHÓ CHÁNH VĂN PHÒNG',
      'Trần Duy Khánh',
    ]);
    for (const p of right) {
      expectRuns(p, { bold: true, size: 28 });
      expect(p.align).toBe('center');
    }
    expect(Number(attr(right[3]!.props, 'spacing', 'before'))).toBeGreaterThanOrEqual(1200);
  });

  it('the signature never stands alone: the last paragraph keeps with it; widow control on', () => {
    expect(find(doc.body, 'Đề nghị các cơ quan thực hiện./.').props).toContain('<w:keepNext/>');
    expect(find(doc.body, 'Ngày 05/01/2026, Thường trực HĐND thị xã chủ trì hội nghị.').props).not.toContain('<w:keepNext/>');
    const closingRow = rows(tables(doc.document).find((t) => t.includes('Nơi nhận:')) ?? '')[0] ?? '';
    expect(closingRow).toContain('<w:cantSplit/>');
    expect(find(doc.body, 'Ngày 05/01/2026, Thường trực HĐND thị xã chủ trì hội nghị.').props).toContain('<w:widowControl/>');
  });

  it('"Nơi nhận:" 12 pt bold italic, recipients 11 pt, "- X;" lines, last "- Lưu: VT, …."', async () => {
    const [left] = closing(doc);
    expect(left[0]?.text).toBe('Nơi nhận:');
    expectRuns(left[0]!, { size: 24, bold: true, italic: true });
    expect(left.slice(1).map((p) => p.text)).toEqual(['- TT Thị ủy;', '- Các Ban HĐND thị xã;', '- Lưu: VT.']);
    for (const p of left.slice(1)) expectRuns(p, { size: 22, bold: false, italic: false });

    const letter = await open(sampleLetter);
    const [letterLeft] = closing(letter);
    expect(letterLeft.slice(1).map((p) => p.text)).toEqual([
      '- Như trên;',
      '- TT Thị ủy (b/c);',
      '- TT HĐND thị xã;',
      '- Lưu: VT, VP.',
    ]);
    const notice2 = await open(sampleNotice);
    const [noticeLeft] = closing(notice2);
    expect(noticeLeft.at(-1)?.text).toBe('- Lưu: VT.');
    expect(noticeLeft).toHaveLength(11);
  });

  it('"Kính gửi:" block for a công văn', async () => {
    const letter = await open(sampleLetter);
    const first = find(letter.body, 'Kính gửi:\t- Ủy ban nhân dân thị xã;');
    expect(first.xml).toContain('<w:tab/>');
    expect(first.xml).not.toMatch(/<w:t[^>]*>[^<]*\t/);
    const last = find(letter.body, '- Ban Thường trực Ủy ban MTTQ Việt Nam thị xã.');
    expectRuns(last, { size: 28 });
    const single = await open({ ...sampleLetter, kinhGui: ['Ủy ban nhân dân thị xã'] });
    const p = find(single.body, 'Kính gửi: Ủy ban nhân dân thị xã.');
    expect(p.align).toBe('center');
  });

  it('appendices start on a new page', () => {
    const title = find(doc.body, 'PHỤ LỤC');
    expect(title.props).toContain('<w:pageBreakBefore/>');
    expectRuns(title, { bold: true, size: 28 });
    expectRuns(find(doc.body, '(Kèm theo Thông báo số 12/TB-HĐND)'), { italic: true });
    const order = doc.document.indexOf('Nơi nhận:') < doc.document.indexOf('PHỤ LỤC');
    expect(order).toBe(true);
  });
});

describe('determinism and validation', () => {
  it('renders byte-identical files', async () => {
    const a = await renderDocx(notice);
    await new Promise((r) => setTimeout(r, 1100)); // a clock tick in zip/DOS time (2 s) or core properties (1 s)
    const b = await renderDocx(notice);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await renderDocx(sampleLetter);
    const d = await renderDocx(sampleLetter);
    expect(Buffer.from(c).equals(Buffer.from(d))).toBe(true);
  });

  it('core properties carry the document date; zip entries a fixed time', async () => {
    const core = doc.xml('docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-05T00:00:00Z</dcterms:modified>');
    expect(core).toContain('<dc:title>THÔNG BÁO Kết luận của Thường trực HĐND thị xã tại Hội nghị trực báo</dc:title>');
    const bytes = await renderDocx(notice);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let offset = 0;
    let entries = 0;
    while (view.getUint32(offset, true) === 0x04034b50) {
      expect(view.getUint16(offset + 10, true)).toBe(0); // DOS time 00:00:00
      expect(view.getUint16(offset + 12, true)).toBe(0x21); // DOS date 1980-01-01
      const compressed = view.getUint32(offset + 18, true);
      offset += 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true) + compressed;
      entries++;
    }
    expect(entries).toBe(Object.keys(doc.files).length);
    expect(Object.keys(doc.files)[0]).toBe('[Content_Types].xml');
  });

  it('escapes markup and drops characters XML cannot carry', async () => {
    const d = await open({ ...notice, body: [{ type: 'paragraph', text: 'A < B & "C" \u0001 > D' }] });
    expect(find(d.body, 'A < B & "C"  > D')).toBeTruthy();
    expect(d.document).toContain('A &lt; B &amp;');
  });

  it('rejects incomplete content', async () => {
    await expect(renderDocx({ ...notice, signature: { lines: ['TM. THƯỜNG TRỰC HĐND'], signerName: ' ' } })).rejects.toThrow();
    await expect(renderDocx({ ...notice, header: { ...notice.header, date: '2026-13-01' } })).rejects.toThrow();
    await expect(renderDocx({ ...notice, header: { ...notice.header, issuingBody: '' } })).rejects.toThrow();
  });
});

describe('long lists and tables written from a template row', () => {
  const many: DocumentContent = {
    ...notice,
    body: [
      {
        type: 'list',
        style: 'bullets',
        items: [
          ...Array.from({ length: 40 }, (_, i) => [`Kiến nghị số ${i} về đường & cầu <"A">`, { text: ` (Cử tri phường ${i}).`, italic: true }] as RichText),
          'Một dòng trơn',
          ['Có ', { text: 'đậm', bold: true }, ' và gạch chân', { text: '!', underline: true }],
          'Hai dòng\nngắt dòng',
          ...Array.from({ length: 5 }, (_, i) => `Ý kiến ${i}'s`),
        ],
      },
      { type: 'list', style: 'points', items: ['Thứ nhất', 'Thứ hai', 'Thứ ba'] },
    ],
    appendices: [
      {
        title: 'PHỤ LỤC',
        body: [
          {
            type: 'table',
            columns: [{ title: 'TT', width: 6, align: 'center' }, { title: 'Nội dung', width: 60 }, { title: 'Nơi', width: 34, align: 'right' }],
            rows: [
              ...Array.from({ length: 60 }, (_, i) => [String(i + 1), `Nội dung ${i} & <b>`, `Phường ${i}`]),
              ['61', '', 'trống'],
              ['62', 'Hai dòng\ntrong ô', ['X', { text: 'Y', bold: true }]],
              ['63', 'tab\there', 'ký tự \u0001 lạ'],
              ...Array.from({ length: 3 }, (_, i) => [String(64 + i), `Cuối ${i}`, `"${i}"`]),
            ],
          },
        ],
      },
    ],
  };

  it('gives the same bytes as building every row in the docx tree', async () => {
    const fast = await renderDocx(many);
    const tree = await renderDocx(many, { fastTables: false });
    expect(Buffer.from(fast).equals(Buffer.from(tree))).toBe(true);
    const d = await open(many);
    expect(d.document).not.toContain('NTFASTROW');
    const tbl = tables(d.document).find((t) => t.includes('Nội dung 0')) ?? '';
    expect(rows(tbl)).toHaveLength(1 + 66);
    expect(cells(rows(tbl)[1]!).flatMap((c) => parseParagraphs(c)).map((p) => p.text)).toEqual(['1', 'Nội dung 0 & <b>', 'Phường 0']);
    const item = find(d.body, '- Kiến nghị số 3 về đường & cầu <"A"> (Cử tri phường 3).');
    expect(item.runs.map((r) => r.italic)).toEqual([false, false, true]);
    expect(find(d.body, 'c) Thứ ba')).toBeTruthy();
  });
});
