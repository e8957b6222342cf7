// The light .xlsx reader (xlsxLight.ts) must give exactly what exceljs gives — headers, cells,
// row numbers, sheet names, errors — on every sheet it accepts, and leave the others to exceljs.
// Each case is read three ways: 'exceljs' (the reference), 'light' (fails if the light reader
// declines: proves it really read the file) and 'auto' (what imports use).
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { convertLegacy, toTcvn3 } from '../../../domain/text/legacy.ts';
import { readTable, writeXlsx, type ReadOptions } from '../index.ts';
import { ALL_DIACRITICS, communeReport, makeOpinions, toBytes, VOTER_HEADERS } from './fixtures.ts';

const outcome = (p: Promise<unknown>) =>
  p.then(
    (table) => ({ table }),
    (e: unknown) => ({ error: { name: (e as Error).name, code: (e as { code?: string }).code, message: (e as Error).message } }),
  );

/** Both readers agree; `light`: whether the light reader must accept the file (else it must decline). */
async function same(data: Uint8Array, opts: ReadOptions = {}, light = true) {
  const reference = await outcome(readTable(data, 'y-kien.xlsx', { ...opts, xlsxReader: 'exceljs' }));
  expect(await outcome(readTable(data, 'y-kien.xlsx', opts))).toEqual(reference);
  const strict = await outcome(readTable(data, 'y-kien.xlsx', { ...opts, xlsxReader: 'light' }));
  if (light) expect(strict).toEqual(reference);
  else expect(strict).toMatchObject({ error: { code: 'READ_FAILED' } });
  return reference as { table?: Awaited<ReturnType<typeof readTable>> };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0&quot; đ&quot;"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="3"/></cellXfs></styleSheet>`;

/** A workbook written by hand: sheets' XML (sheetData and after), shared strings, workbook properties. */
function handMade(sheets: { name: string; xml: string; state?: string }[], opts: { sst?: string[]; rawSst?: string; date1904?: boolean } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>\r\n<workbook ${NS}>${opts.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${s.xml}</worksheet>`)));
  if (opts.rawSst !== undefined || opts.sst) {
    files['xl/sharedStrings.xml'] = strToU8(
      opts.rawSst ?? `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${opts.sst!.length}">${opts.sst!.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join('')}</sst>`,
    );
  }
  return zipSync(files);
}

describe('light xlsx reader', () => {
  it('reads what exceljs reads: a commune report (header on rows 6-7, merges, rich text, formulas, hyperlinks, dates, two sheets)', async () => {
    const data = await communeReport();
    const r = await same(data, { sheetName: 'Tổng hợp ý kiến' });
    expect(r.table!.headers).toEqual([...VOTER_HEADERS]);
    await same(data); // the first visible sheet
    await same(data, { sheetName: 'tong hop y kien' });
  });

  it('reads what exceljs reads: the writer’s own sheets, with Vietnamese text NFC and NFD, line breaks, emoji, numbers and dates', async () => {
    const rows = makeOpinions(400);
    const columns = [
      { header: 'STT', key: 'stt' },
      { header: 'Họ và tên', key: 'name' },
      { header: 'Thôn', key: 'hamlet' },
      { header: 'Nội dung', key: 'content', type: 'text' as const },
      { header: 'Ngày', key: 'date', type: 'date' as const },
    ];
    const r = await same(await writeXlsx({ sheetName: 'Ý kiến', columns, rows }));
    expect(r.table!.rows).toHaveLength(400);
    expect(r.table!.rows.some((row) => typeof row[3] === 'string' && row[3].includes(ALL_DIACRITICS.normalize('NFD')))).toBe(true);
  });

  it('reads what exceljs reads: sheets built with exceljs — empty cells, a header on row 3, merged data cells, a hidden first sheet, booleans, errors, formulas, number formats', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ẩn', { state: 'hidden' }).addRow(['x', 'y']);
    const ws = wb.addWorksheet('Dữ liệu');
    ws.getCell('B1').value = 'DANH SÁCH Ý KIẾN';
    ws.getRow(3).values = [undefined, 'STT', 'Họ và tên', 'Nội dung', 'Có mặt', 'Số tiền', 'Ngày'] as ExcelJS.CellValue[];
    for (let i = 0; i < 30; i++) {
      const r = ws.getRow(4 + i);
      r.getCell(2).value = i % 7 === 0 ? { formula: 'ROW()-3', result: i + 1 } : i + 1;
      if (i % 5 !== 0) r.getCell(3).value = i % 2 ? 'Nguyễn Thị Ánh' : 'Nguye\u0302\u0303n Va\u0306n Đu\u031b\u0301c';
      r.getCell(4).value = i % 3 === 0 ? { richText: [{ text: 'Đề nghị ' }, { font: { bold: true }, text: 'sửa đường' }] } : `Ý kiến số ${i}\nDòng hai & <ba> "bốn"`;
      r.getCell(5).value = i % 2 === 0;
      r.getCell(6).value = i % 11 === 0 ? { error: '#N/A' } : 1234567.5 + i;
      r.getCell(6).numFmt = '#,##0.00';
      r.getCell(7).value = new Date(Date.UTC(2025, i % 12, 1 + i));
      r.getCell(7).numFmt = i % 2 ? 'dd/mm/yyyy' : 'd-mmm-yy';
      if (i === 12) r.getCell(8).value = { formula: 'TODAY()', result: new Date(Date.UTC(2025, 5, 1)) };
    }
    ws.mergeCells('C10:C12');
    ws.mergeCells('D20:E21');
    ws.getCell('B40').border = { bottom: { style: 'thin' } };
    const data = await toBytes(wb);
    const r = await same(data);
    expect(r.table!.headerRowNumber).toBe(3);
    await same(data, { sheetName: 'Ẩn' });
    await same(data, { headerRow: 4 });
    await same(data, { sheetName: 'Không có' }, false); // the error message comes from exceljs' path
  });

  it('reads what exceljs reads: TCVN3 legacy text, converted while reading', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['STT', toTcvn3('Họ và tên'), toTcvn3('Nội dung ý kiến')]);
    ws.addRow([1, toTcvn3('Nguyễn Văn Bảy'), toTcvn3('Đề nghị nâng cấp đường liên thôn Thạnh Đức')]);
    ws.addRow([2, toTcvn3('Trần Thị Ượng'), { richText: [{ text: toTcvn3('Cử tri ') }, { text: toTcvn3('phản ánh') }] }]);
    const transformText = (s: string) => convertLegacy(s).text;
    const r = await same(await toBytes(wb), { transformText });
    expect(r.table!.headers[1]).toBe('Họ và tên');
    expect(r.table!.rows[0]![1]).toBe('Nguyễn Văn Bảy');
  });

  it('reads what exceljs reads: hand-written XML — inline strings, t="str", booleans, errors, shared and cached formulas, escapes, date formats, 1904 dates, duplicate rows, comments', async () => {
    const sst = ['Họ và tên', 'Nội dung', 'Ngày', 'A &amp; B', 'x_x000D_y', '  khoảng trắng  ', 'Số'];
    const sheet = `<dimension ref="A1:D9"/><!-- a comment --><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>6</v></c></row>
      <row r="2"><c r="A2" t="inlineStr"><is><t>Lê Thị &#x1EA4;n &lt;1&gt;</t></is></c><c r="B2" t="str"><v>&amp;amp; đôi</v></c><c r="C2" s="1"><v>45678</v></c><c r="D2" s="4"><v>1234.5</v></c></row>
      <row r="3"><c r="A3" t="inlineStr"><is><r><rPr><b/></rPr><t>Phần </t></r><r><t>đậm_x0041_</t></r></is></c><c r="B3" t="b"><v>1</v></c><c r="C3" s="2"><f>TODAY()</f><v>45000.75</v></c><c r="D3" t="e"><v>#DIV/0!</v></c></row>
      <row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="s"><v>4</v></c><c r="C4" s="3"><v>45000</v></c><c r="D4"><f t="shared" ref="D4:D6" si="0">C4*2</f><v>90000</v></c></row>
      <row r="5"><c r="A5" t="s"><v>5</v></c><c r="B5" s="1"/><c r="C5"/><c r="D5"><f t="shared" si="0"/><v>7</v></c></row>
      <row r="6"><c r="A6" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B6" t="b"><f>TRUE()</f><v>0</v></c><c r="D6"><f t="shared" si="0"/></c><c r="E6"><f t="shared" si="7"/><v>5</v></c><c r="F6"><f>1-1</f><v>0</v></c></row>
      <row r="7"><c r="A7"><v>bỏ</v></c></row>
      <row r="7"><c r="A7"><v>3.5e2</v></c><c r="C7" s="2"><v>1</v></c></row>
      <row r="9" spans="1:4" ht="20" customHeight="1"><c r="B9" t="inlineStr"><is><t>cuối\r\ndòng</t></is></c></row>
    </sheetData><mergeCells count="1"><mergeCell ref="C8:D9"/></mergeCells><pageMargins left="0.7"/>`;
    const r = await same(handMade([{ name: 'Tờ 1', xml: sheet }], { sst }));
    expect(r.table!.rows.length).toBeGreaterThan(5);
    await same(handMade([{ name: 'Tờ 1', xml: sheet }], { sst, date1904: true }));
  });

  it('reads what exceljs reads: rich and empty shared strings, phonetic runs in shared strings, a missing shared strings part', async () => {
    const rawSst = `<sst ${NS}><si><t>Tiêu đề</t></si><si><r><t>Đề </t></r><r><rPr><i/></rPr><t xml:space="preserve">nghị</t></r></si><si/><si><t>Chữ</t><rPh sb="0" eb="1"><t>phiên âm</t></rPh><phoneticPr fontId="1"/></si></sst>`;
    const xml = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row><row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>5</v></c></row></sheetData>';
    await same(handMade([{ name: 'S', xml }], { rawSst }));
    await same(handMade([{ name: 'S', xml }])); // t="s" without a shared strings part
  });

  it('leaves the unusual to exceljs, with the same result or the same error', async () => {
    const ok = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ tên</t></is></c><c r="B1" t="inlineStr"><is><t>Xã</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>An</t></is></c><c r="B2"><v>2</v></c></row></sheetData>';
    const declined = [
      // cells without addresses, CDATA, phonetic runs in an inline string, overlapping merges, a DOCTYPE
      ok.replace('<c r="B2">', '<c>'),
      ok.replace('<t>An</t>', '<t><![CDATA[An]]></t>'),
      ok.replace('<t>An</t>', '<t>An</t><rPh><t>x</t></rPh>'),
      `${ok}<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>`,
      ok.replace('<v>2</v>', '<v>&nbsp;2</v>'),
      ok.replace('</row><row r="2">', '</row><row r="2"><x:c/>'),
    ];
    for (const xml of declined) await same(handMade([{ name: 'S', xml }]), {}, false);
    // Broken XML and a shared string index out of range: exceljs' error.
    await same(handMade([{ name: 'S', xml: ok.replace('</row><row r="2">', '<row r="2">') }]), {}, false);
    await same(handMade([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>9</v></c><c r="B1" t="s"><v>0</v></c></row></sheetData>' }], { sst: ['a'] }), {}, false);
    // Names exceljs would change or refuse, and sheet picking by state.
    await same(handMade([{ name: 'Một tên rất dài hơn ba mươi mốt ký tự', xml: ok }]), {}, false);
    await same(handMade([{ name: 'A', xml: ok, state: 'veryHidden' }, { name: 'B', xml: ok.replace('An', 'Bình') }]));
  });

  it('keeps the row limit, counting rows as exceljs does (merged rows included)', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Dòng ${i + 1}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join('');
    const data = handMade([{ name: 'S', xml: `<sheetData>${rows}</sheetData><mergeCells><mergeCell ref="C31:D33"/></mergeCells>` }]);
    await same(data, { maxRows: 33 });
    const e = await same(data, { maxRows: 32 });
    expect(e).toMatchObject({ error: { code: 'TOO_LARGE' } });
  });
});
