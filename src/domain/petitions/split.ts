/**
 * "Paste a list": splits minutes typed or pasted from Word into one opinion per item. Items are
 * numbered ("1.", "2)", "a)", "-", "+", "•") or, without numbering, one per paragraph. A numbered
 * item may continue on the following lines; those lines are joined to it. A table pasted from Word
 * gives one row per line, cells separated by tabs (its header row is dropped). Each item's speaker
 * (name, place, group) is separated from the request (speaker.ts).
 */
import { collapseWhitespace } from '../text/normalize.ts';
import { convertLegacy } from '../text/legacy.ts';
import { fold } from '../text/normalize.ts';
import { separateSpeaker, type Speaker } from './speaker.ts';

const MARKER = /^\s*(?:(?:\d{1,3}|[a-zđ]|[ivx]{1,4})\s*[.)\/:-]|[-–—+•*▪●○]|\(\d{1,3}\))\s+/i;

export interface SplitItem {
  text: string;
  /** Legacy encoding the item was converted from, or 'unicode'. */
  encoding: string;
  /** Who spoke, when the minutes say it in front of or after the request. */
  speaker: Speaker | null;
}

/** The header row of a pasted table ("STT⇥Họ và tên⇥Thôn⇥Nội dung kiến nghị"). */
function isHeaderRow(line: string): boolean {
  if (!line.includes('\t')) return false;
  const f = fold(line);
  return /\bnoi dung\b/.test(f) && /\b(stt|ho (va )?ten|cu tri|thon|dia chi)\b/.test(f);
}

export function splitPastedList(input: string): SplitItem[] {
  const lines = input.replace(/\r\n?/g, '\n').split('\n').filter((l, i) => !(i < 3 && isHeaderRow(l)));
  const numbered = lines.filter((l) => MARKER.test(l)).length;
  const items: string[] = [];
  if (numbered >= 2) {
    let cur: string | null = null;
    for (const line of lines) {
      if (MARKER.test(line)) {
        if (cur !== null) items.push(cur);
        cur = line.replace(MARKER, '');
      } else if (line.trim() === '') {
        if (cur !== null) {
          items.push(cur);
          cur = null;
        }
      } else if (cur !== null) cur += ` ${line}`;
      else cur = line; // an unnumbered paragraph between numbered items: its own item
    }
    if (cur !== null) items.push(cur);
  } else {
    // One per paragraph (blank-line separated), or one per line when there are no blank lines.
    const hasBlank = lines.some((l) => l.trim() === '');
    if (hasBlank) {
      let cur: string[] = [];
      for (const line of lines) {
        if (line.trim() === '') {
          if (cur.length) items.push(cur.join(' '));
          cur = [];
        } else cur.push(line);
      }
      if (cur.length) items.push(cur.join(' '));
    } else items.push(...lines);
  }
  // Convert before collapsing whitespace: TCVN3 writes 'ư' as 0xAD, a soft hyphen to Unicode.
  // Speaker separation reads the tabs of a table row, so it runs before whitespace is collapsed.
  return items
    .map((t) => {
      const c = convertLegacy(t.trim());
      const s = separateSpeaker(c.text);
      return { text: collapseWhitespace(s.text), encoding: c.encoding, speaker: s.speaker };
    })
    .filter((i) => i.text.length > 0);
}
