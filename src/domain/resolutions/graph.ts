/**
 * Resolutions as a graph of typed links (sessions.md "Links with dates"): a later resolution
 * amends (sửa đổi, bổ sung), replaces (thay thế) or repeals (bãi bỏ, wholly or in part) an earlier
 * one. A link takes effect when the linking resolution enters into force, unless it names its own
 * date. The status of any resolution on any date is computed from the links, never stored.
 * Worth learning from: Indigo's Work/Amendment/Commencement; SAPL NormaRelacionada.
 */
import { ResolutionRuleError } from './errors.ts';

export type LinkType = 'amends' | 'replaces' | 'repeals';

export const LINK_TYPE_LABELS: Readonly<Record<LinkType, string>> = {
  amends: 'Sửa đổi, bổ sung',
  replaces: 'Thay thế',
  repeals: 'Bãi bỏ',
};

/** The same link read from the target's side. */
export const LINK_TYPE_PASSIVE_LABELS: Readonly<Record<LinkType, string>> = {
  amends: 'Được sửa đổi, bổ sung bởi',
  replaces: 'Được thay thế bởi',
  repeals: 'Bị bãi bỏ bởi',
};

export interface ResolutionNode {
  id: string;
  /** Number and symbol, or the title while unnumbered: used in messages. */
  label: string;
  passedOn: string;
  /** Null until the date is set (not yet certified). */
  inForceFrom: string | null;
}

export interface ResolutionLink {
  fromId: string;
  toId: string;
  type: LinkType;
  /** Repeals only: some provisions (bãi bỏ một phần); an amendment is partial by nature; a replacement never is. */
  partial: boolean;
  /** The provisions concerned, as cited ("khoản 2 Điều 3"); empty for the whole resolution. */
  provisions: string;
  /** When the link takes effect if not the day the linking resolution enters into force. */
  effectiveFrom: string | null;
}

export type ResolutionStatus = 'notYetInForce' | 'inForce' | 'amended' | 'partlyRepealed' | 'replaced' | 'repealed';

export const RESOLUTION_STATUS_LABELS: Readonly<Record<ResolutionStatus, string>> = {
  notYetInForce: 'Chưa có hiệu lực',
  inForce: 'Đang có hiệu lực',
  amended: 'Có hiệu lực, đã được sửa đổi, bổ sung',
  partlyRepealed: 'Có hiệu lực, bị bãi bỏ một phần',
  replaced: 'Hết hiệu lực (bị thay thế)',
  repealed: 'Hết hiệu lực (bị bãi bỏ)',
};

/** Statuses in which the resolution is (at least partly) in force. */
export const IN_FORCE_STATUSES: readonly ResolutionStatus[] = ['inForce', 'amended', 'partlyRepealed'];

export interface AppliedLink {
  type: LinkType;
  byId: string;
  byLabel: string;
  partial: boolean;
  provisions: string;
  effectiveFrom: string;
}

export interface StatusOnDate {
  status: ResolutionStatus;
  label: string;
  /** The day the current status began (null: not yet in force and no date). */
  since: string | null;
  /** Links in effect on the date, earliest first. */
  applied: AppliedLink[];
  /** Links recorded but not yet in effect on the date. */
  pending: AppliedLink[];
}

/** Is the link fully ending the target (replacement, or a repeal of the whole)? */
export const endsTarget = (l: Pick<ResolutionLink, 'type' | 'partial'>) => l.type === 'replaces' || (l.type === 'repeals' && !l.partial);

/** The day a link takes effect: its own date, else the day the linking resolution enters into force (null: unknown yet). */
export function linkEffectiveFrom(l: ResolutionLink, byId: ReadonlyMap<string, ResolutionNode>): string | null {
  return l.effectiveFrom ?? byId.get(l.fromId)?.inForceFrom ?? null;
}

function indexNodes(nodes: readonly ResolutionNode[]) {
  return new Map(nodes.map((n) => [n.id, n]));
}

/** The status of resolution `id` on `date` (ISO), from every node and link known. */
export function statusOn(id: string, date: string, nodes: readonly ResolutionNode[], links: readonly ResolutionLink[]): StatusOnDate {
  const byId = indexNodes(nodes);
  const node = byId.get(id);
  if (!node) throw new ResolutionRuleError('unknownResolution', 'Không tìm thấy nghị quyết.');
  const applied: AppliedLink[] = [];
  const pending: AppliedLink[] = [];
  for (const l of links) {
    if (l.toId !== id) continue;
    const eff = linkEffectiveFrom(l, byId);
    const a: AppliedLink = {
      type: l.type, byId: l.fromId, byLabel: byId.get(l.fromId)?.label ?? '', partial: l.type === 'amends' ? true : l.type === 'replaces' ? false : l.partial, provisions: l.provisions, effectiveFrom: eff ?? '',
    };
    if (eff !== null && eff <= date) applied.push(a);
    else pending.push(a);
  }
  const order = (a: AppliedLink, b: AppliedLink) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.byLabel.localeCompare(b.byLabel);
  applied.sort(order);
  pending.sort(order);
  const ending = applied.find((a) => endsTarget(a));
  const make = (status: ResolutionStatus, since: string | null): StatusOnDate => ({ status, label: RESOLUTION_STATUS_LABELS[status], since, applied, pending });
  if (ending) return make(ending.type === 'replaces' ? 'replaced' : 'repealed', ending.effectiveFrom);
  if (!node.inForceFrom || date < node.inForceFrom) return make('notYetInForce', null);
  const lastAmendment = [...applied].reverse().find((a) => a.type === 'amends');
  if (lastAmendment) return make('amended', lastAmendment.effectiveFrom);
  const lastPartial = [...applied].reverse().find((a) => a.type === 'repeals');
  if (lastPartial) return make('partlyRepealed', lastPartial.effectiveFrom);
  return make('inForce', node.inForceFrom);
}

/** What replaced a resolution, then what replaced that, … as at `date` (the text in force now). */
export function replacementChain(id: string, date: string, nodes: readonly ResolutionNode[], links: readonly ResolutionLink[]): ResolutionNode[] {
  const byId = indexNodes(nodes);
  const chain: ResolutionNode[] = [];
  const seen = new Set([id]);
  let current = id;
  for (;;) {
    const next = links
      .filter((l) => l.toId === current && l.type === 'replaces')
      .map((l) => ({ l, eff: linkEffectiveFrom(l, byId) }))
      .filter((x) => x.eff !== null && x.eff <= date)
      .sort((a, b) => a.eff!.localeCompare(b.eff!))[0];
    if (!next || seen.has(next.l.fromId)) return chain;
    seen.add(next.l.fromId);
    const n = byId.get(next.l.fromId);
    if (!n) return chain;
    chain.push(n);
    current = n.id;
  }
}

export interface TimelineEvent {
  date: string;
  kind: 'passed' | 'inForce' | LinkType;
  label: string;
  byId?: string;
}

/** The dated history of one resolution: passed, in force, each link from others once it takes effect. */
export function timelineOf(id: string, nodes: readonly ResolutionNode[], links: readonly ResolutionLink[]): TimelineEvent[] {
  const byId = indexNodes(nodes);
  const node = byId.get(id);
  if (!node) return [];
  const events: TimelineEvent[] = [{ date: node.passedOn, kind: 'passed', label: 'Thông qua' }];
  if (node.inForceFrom) events.push({ date: node.inForceFrom, kind: 'inForce', label: 'Có hiệu lực' });
  for (const l of links.filter((x) => x.toId === id)) {
    const eff = linkEffectiveFrom(l, byId);
    if (!eff) continue;
    const by = byId.get(l.fromId)?.label ?? '';
    const what = l.type === 'repeals' && l.partial ? 'Bãi bỏ một phần' : LINK_TYPE_LABELS[l.type];
    events.push({ date: eff, kind: l.type, label: `${what}${l.provisions ? ` (${l.provisions})` : ''} theo ${by}`, byId: l.fromId });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

const vi = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Checks a new link against the graph: both resolutions known and distinct, the linking one not
 * passed before the one it affects, no second identical link, no full ending of a resolution
 * already ended before the link takes effect, no amendment of a repealed text, and no cycle (a
 * resolution cannot, through a chain of links, amend or repeal itself). Throws a Vietnamese
 * ResolutionRuleError.
 */
export function validateLink(link: ResolutionLink, nodes: readonly ResolutionNode[], links: readonly ResolutionLink[]): void {
  const byId = indexNodes(nodes);
  const from = byId.get(link.fromId);
  const to = byId.get(link.toId);
  if (!from || !to) throw new ResolutionRuleError('unknownResolution', 'Không tìm thấy nghị quyết được liên kết trong HĐND này.');
  if (from.id === to.id) throw new ResolutionRuleError('selfLink', 'Một nghị quyết không thể sửa đổi, thay thế hoặc bãi bỏ chính nó.');
  if (link.type === 'replaces' && link.partial) throw new ResolutionRuleError('partialReplace', 'Thay thế là thay toàn bộ văn bản; thay một phần là sửa đổi, bổ sung.');
  if (to.passedOn > from.passedOn) {
    throw new ResolutionRuleError('laterTarget', `${to.label} được thông qua ngày ${vi(to.passedOn)}, sau ${from.label} (${vi(from.passedOn)}): chỉ văn bản ban hành sau mới sửa đổi, thay thế hoặc bãi bỏ được văn bản trước.`);
  }
  if (links.some((l) => l.fromId === link.fromId && l.toId === link.toId && l.type === link.type && l.provisions.trim() === link.provisions.trim())) {
    throw new ResolutionRuleError('duplicateLink', `Liên kết "${LINK_TYPE_LABELS[link.type]}" từ ${from.label} đến ${to.label} đã được ghi.`);
  }
  const cycle = pathBetween(link.toId, link.fromId, links);
  if (cycle) {
    const names = [from.id, ...cycle].map((x) => byId.get(x)?.label ?? x).join(' → ');
    throw new ResolutionRuleError('cycle', `Liên kết tạo thành vòng tròn (${names}): một nghị quyết không thể qua các văn bản khác tác động lại chính nó.`);
  }
  const eff = link.effectiveFrom ?? from.inForceFrom;
  const ended = links
    .filter((l) => l.toId === link.toId && endsTarget(l))
    .map((l) => ({ l, eff: linkEffectiveFrom(l, byId) }))
    .filter((x) => x.eff !== null && (eff === null || x.eff <= eff))[0];
  if (ended) {
    const by = byId.get(ended.l.fromId)?.label ?? '';
    const how = ended.l.type === 'replaces' ? 'bị thay thế' : 'bị bãi bỏ';
    throw new ResolutionRuleError('targetEnded', `${to.label} đã ${how} bởi ${by} từ ngày ${vi(ended.eff!)}; không thể ${LINK_TYPE_LABELS[link.type].toLowerCase()} văn bản đã hết hiệu lực.`);
  }
}

/** A path of links from `start` to `goal` following from → to edges (the ids after `start`), or null. */
function pathBetween(start: string, goal: string, links: readonly ResolutionLink[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const l of links) next.set(l.fromId, [...(next.get(l.fromId) ?? []), l.toId]);
  const prev = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length) {
    const cur = queue.shift()!;
    if (cur === goal) {
      const path = [cur];
      let p = cur;
      while (prev.has(p)) {
        p = prev.get(p)!;
        path.unshift(p);
      }
      return path;
    }
    for (const n of next.get(cur) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      prev.set(n, cur);
      queue.push(n);
    }
  }
  return null;
}
