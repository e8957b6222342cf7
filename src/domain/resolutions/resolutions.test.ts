import { describe, expect, it } from 'vitest';
import {
  RESOLUTION_RULE_SETS, ResolutionRuleError, addMonths, checkInForceDate, checkTaskDates, earliestInForce, gazetteDue,
  parseResolutionSymbol, replacementChain, resolutionRulesOn, resolutionSymbol, statusOn, taskTransition, taskView, timelineOf, validateLink,
  type ResolutionLink, type ResolutionNode,
} from './index.ts';

const rules = resolutionRulesOn('2026-06-01');
const node = (id: string, passedOn: string, inForceFrom: string | null): ResolutionNode => ({ id, label: `NQ ${id}`, passedOn, inForceFrom });
const link = (fromId: string, toId: string, type: ResolutionLink['type'], extra: Partial<ResolutionLink> = {}): ResolutionLink => ({
  fromId, toId, type, partial: false, provisions: '', effectiveFrom: null, ...extra,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ResolutionRuleError);
    return (err as ResolutionRuleError).code;
  }
  return null;
};

describe('in-force rule (Luật 64/2025 Điều 53 k1) as data', () => {
  it('has a source, a validity window and marks what is unverified', () => {
    expect(rules.normativeMinDaysAfterPassing).toBe(10);
    expect(rules.normativeMinDaysSource).toMatch(/Điều 53/);
    expect(rules.seriesVerified).toBe(false);
    expect(RESOLUTION_RULE_SETS.every((s) => s.validFrom && s.key)).toBe(true);
    expect(code(() => resolutionRulesOn('2020-01-01'))).toBe('noRuleSet');
  });
  it('normative: not before 10 days after passing; individual and shortened procedure: on passage', () => {
    expect(earliestInForce({ passedOn: '2026-12-16', normative: true }, rules)).toBe('2026-12-26');
    expect(earliestInForce({ passedOn: '2026-12-16', normative: false }, rules)).toBe('2026-12-16');
    expect(earliestInForce({ passedOn: '2026-12-16', normative: true, shortenedProcedure: true }, rules)).toBe('2026-12-16');
    expect(code(() => checkInForceDate({ passedOn: '2026-12-16', inForceFrom: '2026-12-26', normative: true }, rules))).toBeNull();
    expect(code(() => checkInForceDate({ passedOn: '2026-12-16', inForceFrom: '2026-12-25', normative: true }, rules))).toBe('inForceTooEarly');
    expect(code(() => checkInForceDate({ passedOn: '2026-12-16', inForceFrom: '2026-12-15', normative: false }, rules))).toBe('inForceBeforePassing');
    expect(code(() => checkInForceDate({ passedOn: '2026-12-16', inForceFrom: '2026-12-16', normative: false }, rules))).toBeNull();
  });
  it('the message says the rule and the earliest day in Vietnamese', () => {
    expect(() => checkInForceDate({ passedOn: '2026-12-16', inForceFrom: '2026-12-20', normative: true }, rules)).toThrow(/không sớm hơn 10 ngày.*26\/12\/2026/);
  });
  it('gazette: within 3 days of certification', () => {
    expect(gazetteDue('2026-12-17', rules)).toBe('2026-12-20');
  });
});

describe('numbering', () => {
  it('normative carries the year, individual does not', () => {
    expect(resolutionSymbol({ number: 12, year: 2026, normative: true })).toBe('12/2026/NQ-HĐND');
    expect(resolutionSymbol({ number: 5, year: 2026, normative: false })).toBe('05/NQ-HĐND');
  });
  it('reads typed numbers and refuses the wrong shape', () => {
    expect(parseResolutionSymbol('05/2026/NQ-HĐND', { normative: true, passedOn: '2026-04-20' })).toEqual({ number: 5, year: 2026 });
    expect(parseResolutionSymbol('15/NQ-HĐND', { normative: false, passedOn: '2026-04-20' })).toEqual({ number: 15, year: 2026 });
    expect(code(() => parseResolutionSymbol('15/NQ-HĐND', { normative: true, passedOn: '2026-04-20' }))).toBe('normativeNeedsYear');
    expect(code(() => parseResolutionSymbol('15/2026/NQ-HĐND', { normative: false, passedOn: '2026-04-20' }))).toBe('individualNoYear');
    expect(code(() => parseResolutionSymbol('15/2025/NQ-HĐND', { normative: true, passedOn: '2026-04-20' }))).toBe('yearMismatch');
    expect(code(() => parseResolutionSymbol('15/TB-HĐND', { normative: false, passedOn: '2026-04-20' }))).toBe('badSymbol');
  });
});

describe('status on any date from the links', () => {
  const a = node('A', '2026-04-20', '2026-05-01');
  const b = node('B', '2026-07-15', '2026-07-26');
  const c = node('C', '2026-12-08', '2026-12-20');
  it('before entry into force, in force, amended, then repealed', () => {
    const nodes = [a, b, c];
    const links = [link('B', 'A', 'amends', { provisions: 'khoản 2 Điều 3' }), link('C', 'A', 'repeals')];
    expect(statusOn('A', '2026-04-25', nodes, links).status).toBe('notYetInForce');
    expect(statusOn('A', '2026-05-01', nodes, links).status).toBe('inForce');
    expect(statusOn('A', '2026-07-25', nodes, links).status).toBe('inForce');
    const amended = statusOn('A', '2026-07-26', nodes, links);
    expect(amended.status).toBe('amended');
    expect(amended.since).toBe('2026-07-26');
    expect(amended.applied).toMatchObject([{ type: 'amends', byId: 'B', provisions: 'khoản 2 Điều 3', partial: true }]);
    expect(amended.pending).toMatchObject([{ type: 'repeals', byId: 'C' }]);
    const repealed = statusOn('A', '2026-12-20', nodes, links);
    expect(repealed).toMatchObject({ status: 'repealed', since: '2026-12-20', label: 'Hết hiệu lực (bị bãi bỏ)' });
    // The amending resolution keeps its own status.
    expect(statusOn('B', '2026-12-21', nodes, links).status).toBe('inForce');
  });
  it('partial repeal keeps it in force; a link with its own date takes effect then', () => {
    const links = [link('B', 'A', 'repeals', { partial: true, provisions: 'Điều 5', effectiveFrom: '2026-09-01' })];
    expect(statusOn('A', '2026-08-31', [a, b], links).status).toBe('inForce');
    expect(statusOn('A', '2026-09-01', [a, b], links)).toMatchObject({ status: 'partlyRepealed', since: '2026-09-01' });
  });
  it('replacement: ends it, and the chain leads to the text in force', () => {
    const links = [link('B', 'A', 'replaces'), link('C', 'B', 'replaces')];
    expect(statusOn('A', '2026-07-26', [a, b, c], links).status).toBe('replaced');
    expect(replacementChain('A', '2026-08-01', [a, b, c], links).map((n) => n.id)).toEqual(['B']);
    expect(replacementChain('A', '2026-12-20', [a, b, c], links).map((n) => n.id)).toEqual(['B', 'C']);
    expect(statusOn('B', '2026-12-20', [a, b, c], links).status).toBe('replaced');
  });
  it('a link from a resolution without an in-force date has no effect yet', () => {
    const d = node('D', '2026-12-08', null);
    const s = statusOn('A', '2027-01-01', [a, d], [link('D', 'A', 'repeals')]);
    expect(s.status).toBe('inForce');
    expect(s.pending).toHaveLength(1);
  });
  it('timeline lists passage, entry into force and each link', () => {
    const t = timelineOf('A', [a, b, c], [link('B', 'A', 'amends', { provisions: 'Điều 2' }), link('C', 'A', 'repeals')]);
    expect(t.map((e) => e.kind)).toEqual(['passed', 'inForce', 'amends', 'repeals']);
    expect(t[2]!.label).toBe('Sửa đổi, bổ sung (Điều 2) theo NQ B');
  });
});

describe('links are checked against the graph', () => {
  const a = node('A', '2026-04-20', '2026-05-01');
  const b = node('B', '2026-07-15', '2026-07-26');
  const c = node('C', '2026-12-08', '2026-12-20');
  it('refuses self links, later targets, partial replacement, duplicates', () => {
    expect(code(() => validateLink(link('A', 'A', 'amends'), [a], []))).toBe('selfLink');
    expect(code(() => validateLink(link('A', 'B', 'amends'), [a, b], []))).toBe('laterTarget');
    expect(code(() => validateLink(link('B', 'A', 'replaces', { partial: true }), [a, b], []))).toBe('partialReplace');
    expect(code(() => validateLink(link('B', 'A', 'amends'), [a, b], [link('B', 'A', 'amends')]))).toBe('duplicateLink');
    expect(code(() => validateLink(link('X', 'A', 'amends'), [a], []))).toBe('unknownResolution');
  });
  it('refuses amending a text repealed before the amendment takes effect', () => {
    expect(code(() => validateLink(link('C', 'A', 'amends'), [a, b, c], [link('B', 'A', 'repeals')]))).toBe('targetEnded');
    // Repealed only later than the amendment: allowed.
    expect(code(() => validateLink(link('B', 'A', 'amends'), [a, b, c], [link('C', 'A', 'repeals')]))).toBeNull();
  });
  it('refuses cycles, naming the path', () => {
    const x = node('X', '2026-12-08', '2026-12-20');
    const y = node('Y', '2026-12-08', '2026-12-20');
    const z = node('Z', '2026-12-08', '2026-12-20');
    const links = [link('X', 'Y', 'amends'), link('Y', 'Z', 'amends')];
    expect(code(() => validateLink(link('Z', 'X', 'amends'), [x, y, z], links))).toBe('cycle');
    expect(() => validateLink(link('Z', 'X', 'amends'), [x, y, z], links)).toThrow('NQ Z → NQ X → NQ Y → NQ Z');
  });
});

describe('implementation tasks', () => {
  it('months clamp to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
  it('overdue and the next periodic report', () => {
    const t = { assignedOn: '2026-05-01', due: '2026-12-31', reportEveryMonths: 3, state: 'open' as const, reports: [] };
    expect(taskView(t, '2026-07-01')).toMatchObject({ overdue: false, nextReportDue: '2026-08-01', reportOverdue: false });
    expect(taskView(t, '2026-08-02')).toMatchObject({ nextReportDue: '2026-08-01', reportOverdue: true });
    expect(taskView({ ...t, reports: [{ on: '2026-08-05', kind: 'progress' }] }, '2026-08-06')).toMatchObject({ nextReportDue: '2026-11-01', reportOverdue: false, lastReportOn: '2026-08-05' });
    // Late for 01/08: that report answers the first step; the second is still owed.
    expect(taskView({ ...t, reports: [{ on: '2026-11-02', kind: 'progress' }] }, '2026-11-03')).toMatchObject({ nextReportDue: '2026-11-01', reportOverdue: true });
    // Two reports in one period answer one step.
    expect(taskView({ ...t, reports: [{ on: '2026-06-01', kind: 'progress' }, { on: '2026-07-01', kind: 'progress' }] }, '2026-07-02').nextReportDue).toBe('2026-11-01');
    expect(taskView({ ...t, reports: [{ on: '2026-07-01', kind: 'progress' }, { on: '2026-09-01', kind: 'progress' }, { on: '2026-12-01', kind: 'progress' }] }, '2026-12-02').nextReportDue).toBe('2026-12-31');
    expect(taskView(t, '2027-01-10')).toMatchObject({ overdue: true, daysOverdue: 10 });
    expect(taskView({ ...t, state: 'reported' }, '2027-01-10')).toMatchObject({ overdue: false, nextReportDue: null });
  });
  it('dates and transitions', () => {
    expect(code(() => checkTaskDates({ assignedOn: '2026-05-01', due: '2026-04-01', passedOn: '2026-04-20' }))).toBe('dueBeforeAssigned');
    expect(code(() => checkTaskDates({ assignedOn: '2026-04-01', due: '2026-05-01', passedOn: '2026-04-20' }))).toBe('assignedBeforePassing');
    expect(taskTransition('open', 'completedReport')).toBe('reported');
    expect(taskTransition('reported', 'confirm')).toBe('done');
    expect(taskTransition('reported', 'reopen')).toBe('open');
    expect(code(() => taskTransition('done', 'report'))).toBe('taskTransition');
  });
});
