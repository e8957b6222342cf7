// Header matching key: the text engine's accent- and case-insensitive fold, with punctuation read
// as spaces ("Thôn/Tổ dân phố" matches "thon to dan pho").
import { fold as foldText } from '../../domain/text/normalize.ts';

export function fold(s: string): string {
  return foldText(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
