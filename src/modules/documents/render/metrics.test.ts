import { describe, expect, it } from 'vitest';
import { textWidthPt, textWidthTwips } from './metrics.ts';

describe('Times New Roman metrics', () => {
  it('measures ASCII with the standard Times widths', () => {
    expect(textWidthPt('H', 10)).toBeCloseTo(7.22, 2);
    expect(textWidthPt('Hi', 10, 'bold')).toBeCloseTo(7.78 + 2.78, 2);
    expect(textWidthTwips('  ', 12)).toBe(Math.round(2 * 0.25 * 12 * 20));
  });
  it('measures Vietnamese letters by their base letter, with the horn and đ', () => {
    expect(textWidthPt('ệ', 13)).toBe(textWidthPt('e', 13));
    expect(textWidthPt('Ộ', 13, 'bold')).toBe(textWidthPt('O', 13, 'bold'));
    expect(textWidthPt('ư', 13)).toBeGreaterThan(textWidthPt('u', 13));
    expect(textWidthPt('ừ', 13)).toBe(textWidthPt('ư', 13));
    expect(textWidthPt('Đ', 13, 'bold')).toBe(textWidthPt('D', 13, 'bold'));
    // NFC and NFD input measure the same.
    expect(textWidthPt('Hạnh phúc'.normalize('NFD'), 13)).toBe(textWidthPt('Hạnh phúc', 13));
  });
  it('the motto at 13 pt bold is about 6 cm wide', () => {
    const cm = (textWidthTwips('Độc lập - Tự do - Hạnh phúc', 13, 'bold') / 1440) * 2.54;
    expect(cm).toBeGreaterThan(5.5);
    expect(cm).toBeLessThan(6.5);
  });
});
