/**
 * End to end: the .docx opens in LibreOffice and prints the Vietnamese text.
 * Runs when LibreOffice is installed; in CI (CI=true) a missing LibreOffice is a
 * failure, not a skip.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from './docx.ts';
import { convertToPdf, findSoffice, pdfFonts, pdfToText } from './libreoffice.ts';
import { sampleLetter, sampleNotice } from './samples.ts';

const soffice = await findSoffice();
const inCi = process.env.CI === 'true';
const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe.skipIf(!soffice && !inCi)('LibreOffice conversion', () => {
  let dir = '';
  const pdfs: Record<string, string> = {};

  beforeAll(async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) is required in CI: install libreoffice-writer');
    dir = await mkdtemp(join(tmpdir(), 'nghitruong-docx-e2e-'));
    for (const [name, content] of Object.entries({ notice: sampleNotice, letter: sampleLetter })) {
      const file = join(dir, `${name}.docx`);
      await writeFile(file, await renderDocx(content));
      pdfs[name] = await convertToPdf(file, dir, soffice);
    }
  }, 180_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the notice prints its header, title, body and signature in Vietnamese', async () => {
    const text = await pdfToText(pdfs.notice ?? '');
    const all = flat(text);
    for (const expected of [
      'HĐND THỊ XÃ ĐỨC PHỔ',
      'THƯỜNG TRỰC HĐND THỊ XÃ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 45/TB-HĐND',
      'Đức Phổ, ngày 25 tháng 11 năm 2021',
      'THÔNG BÁO',
      'Kết luận của Thường trực HĐND thị xã tại Hội nghị trực báo',
      'tỷ lệ cử tri đi bầu đạt 99,38%',
      'tổ chức 05 đợt giám sát và 01 đợt khảo sát',
      '1.1. Trong công tác bầu cử đại biểu Quốc hội khoá XV',
      'TL. THƯỜNG TRỰC HĐND',
      'KT. CHÁNH VĂN PHÒNG',
      'Trần Duy Khánh',
      'Nơi nhận:',
      '- Lưu: VT.',
    ]) {
      expect(all).toContain(expected);
    }
    // Pages are separated by form feeds: no number on page 1, "2" heading page 2.
    const pages = text.split('\f').filter((p) => p.trim().length > 0);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]?.trim().startsWith('HĐND THỊ XÃ ĐỨC PHỔ')).toBe(true);
    expect(pages[1]?.trim().split('\n')[0]?.trim()).toBe('2');
  });

  it('the công văn prints the V/v line, the Kính gửi block and the petitions table', async () => {
    const all = flat(await pdfToText(pdfs.letter ?? ''));
    for (const expected of [
      'Số: 123/HĐND-VP',
      'V/v chuyển kiến nghị cử tri',
      'Đức Phổ, ngày 05 tháng 01 năm 2026',
      'Kính gửi:',
      '- Ủy ban nhân dân thị xã;',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;',
      'Nội dung kiến nghị',
      'Cử tri xã Phổ Châu',
      'Phòng Kinh tế',
      '13.124 cử tri',
      'a) Trả lời bằng văn bản',
      'TM. THƯỜNG TRỰC HĐND',
      'Nguyễn Thị Kiều',
      '- Như trên;',
      'PHỤ LỤC',
      'TỔNG HỢP KIẾN NGHỊ THEO LĨNH VỰC',
    ]) {
      expect(all).toContain(expected);
    }
  });

  it('uses Times New Roman (or its metric twin Liberation Serif) only', async () => {
    for (const pdf of Object.values(pdfs)) {
      const fonts = await pdfFonts(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font).toMatch(/TimesNewRoman|Times-|LiberationSerif/);
    }
  });
});
