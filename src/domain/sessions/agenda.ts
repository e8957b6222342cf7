/** Agenda versions: what changed between two versions, as data and as Vietnamese lines. */
import { SessionRuleError } from './errors.ts';

export type AgendaEntry = { key: string; title: string; presenter: string | null; order: number };

export type AgendaDiff = {
  added: AgendaEntry[];
  removed: AgendaEntry[];
  renamed: { key: string; before: string; after: string }[];
  /** Entries whose place changed relative to the others; from/to are 1-based positions in each version. */
  moved: { key: string; title: string; from: number; to: number }[];
  presenterChanged: { key: string; title: string; before: string | null; after: string | null }[];
};

function sorted(entries: AgendaEntry[], which: string): AgendaEntry[] {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.key)) throw new SessionRuleError('duplicateAgendaKey', `Chương trình ${which} có hai mục trùng mã "${e.key}".`);
    seen.add(e.key);
  }
  return [...entries].sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Equal up to Unicode normalization and surrounding or repeated spaces (what a reader cannot see). */
function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ');
  return norm(a) === norm(b);
}

/** Indices (into `xs`) of one longest strictly increasing subsequence. */
function longestIncreasing(xs: number[]): Set<number> {
  const tails: number[] = []; // index into xs of the smallest tail of each length
  const prev: number[] = new Array<number>(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]!]! < xs[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

/**
 * The difference between two agenda versions, matching entries by their stable key. An entry
 * counts as moved only when its place among the entries of both versions changed: adding an
 * item at the top shifts every position but moves nothing. The fewest entries are reported as
 * moved (the rest keep their relative order: a longest increasing subsequence).
 */
export function agendaDiff(before: AgendaEntry[], after: AgendaEntry[]): AgendaDiff {
  const b = sorted(before, 'trước');
  const a = sorted(after, 'sau');
  const bPos = new Map(b.map((e, i) => [e.key, i]));
  const aPos = new Map(a.map((e, i) => [e.key, i]));
  const added = a.filter((e) => !bPos.has(e.key));
  const removed = b.filter((e) => !aPos.has(e.key));
  const renamed: AgendaDiff['renamed'] = [];
  const presenterChanged: AgendaDiff['presenterChanged'] = [];
  const common = a.filter((e) => bPos.has(e.key));
  for (const e of common) {
    const old = b[bPos.get(e.key)!]!;
    if (sameText(old.title, e.title) === false) renamed.push({ key: e.key, before: old.title, after: e.title });
    if (!sameText(old.presenter ?? '', e.presenter ?? '')) presenterChanged.push({ key: e.key, title: e.title, before: old.presenter ?? null, after: e.presenter ?? null });
  }
  const keep = longestIncreasing(common.map((e) => bPos.get(e.key)!));
  const moved = common
    .filter((_, i) => !keep.has(i))
    .map((e) => ({ key: e.key, title: e.title, from: bPos.get(e.key)! + 1, to: aPos.get(e.key)! + 1 }));
  return { added, removed, renamed, moved, presenterChanged };
}

/** Vietnamese lines describing a diff, in the order: added, removed, renamed, moved, presenter; [] when nothing changed. */
export function describeAgendaDiff(d: AgendaDiff): string[] {
  const lines: string[] = [];
  for (const e of d.added) lines.push(`Bổ sung nội dung “${e.title}”${e.presenter ? ` (cơ quan trình: ${e.presenter})` : ''}.`);
  for (const e of d.removed) lines.push(`Rút nội dung “${e.title}” khỏi chương trình.`);
  for (const r of d.renamed) lines.push(`Đổi tên nội dung “${r.before}” thành “${r.after}”.`);
  for (const m of d.moved) lines.push(`Chuyển nội dung “${m.title}” từ thứ tự ${m.from} sang thứ tự ${m.to}.`);
  for (const p of d.presenterChanged) {
    lines.push(`Đổi cơ quan trình nội dung “${p.title}”: ${p.before ?? '(chưa có)'} → ${p.after ?? '(chưa có)'}.`);
  }
  return lines;
}
