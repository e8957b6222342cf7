/**
 * Advance widths of Times New Roman (identical metrics in Liberation Serif), in
 * 1/1000 em, used to size the horizontal rules under header lines so that, for
 * instance, the rule under "Độc lập - Tự do - Hạnh phúc" is as long as the text.
 *
 * Each table covers U+0020..U+007E, then Đ đ Ơ ơ Ư ư. Other Vietnamese letters
 * are measured by their base letter (diacritics do not change the advance).
 */
const EXTRA = 'ĐđƠơƯư';

const WIDTHS = {
  regular: [250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, 722, 500, 722, 529, 776, 542],
  bold: [250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520, 722, 556, 778, 554, 796, 600],
  italic: [250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 675, 675, 675, 500, 920, 611, 611, 667, 722, 611, 611, 722, 722, 333, 444, 667, 556, 833, 667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556, 389, 278, 389, 422, 500, 333, 500, 500, 444, 500, 444, 278, 500, 500, 278, 278, 444, 278, 722, 500, 500, 500, 500, 389, 389, 278, 500, 444, 667, 444, 444, 389, 400, 275, 400, 541, 722, 500, 722, 534, 754, 545],
  bolditalic: [250, 389, 555, 500, 500, 833, 778, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 832, 667, 667, 667, 722, 667, 667, 722, 778, 389, 500, 667, 611, 889, 722, 722, 611, 722, 667, 556, 611, 722, 667, 889, 667, 611, 611, 333, 278, 333, 570, 500, 333, 500, 500, 444, 500, 444, 333, 500, 556, 278, 278, 500, 278, 778, 556, 500, 500, 500, 389, 389, 278, 556, 444, 667, 500, 444, 389, 348, 220, 348, 570, 722, 500, 722, 537, 775, 599],
} as const;

export type FontStyle = keyof typeof WIDTHS;

function charWidth(table: readonly number[], ch: string): number {
  const code = ch.codePointAt(0) ?? 0x20;
  if (code >= 0x20 && code <= 0x7e) return table[code - 0x20] ?? 500;
  const extra = EXTRA.indexOf(ch);
  if (extra >= 0) return table[95 + extra] ?? 500;
  return 500;
}

/** Width of a single line of text in points. */
export function textWidthPt(text: string, sizePt: number, style: FontStyle = 'regular'): number {
  const table = WIDTHS[style];
  let total = 0;
  let previous = '';
  for (const ch of text.normalize('NFD')) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0x031b) {
      // Horn: "ơ"/"ư" are a little wider than "o"/"u".
      const horned = previous === 'o' ? 'ơ' : previous === 'u' ? 'ư' : previous === 'O' ? 'Ơ' : previous === 'U' ? 'Ư' : '';
      if (horned) total += charWidth(table, horned) - charWidth(table, previous);
      continue;
    }
    if (code >= 0x0300 && code <= 0x036f) continue;
    total += charWidth(table, ch);
    previous = ch;
  }
  return (total * sizePt) / 1000;
}

/** Width of a single line of text in twips (1/20 pt). */
export function textWidthTwips(text: string, sizePt: number, style: FontStyle = 'regular'): number {
  return Math.round(textWidthPt(text, sizePt, style) * 20);
}
