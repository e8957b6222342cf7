import { describe, expect, it } from 'vitest';
import { ElectionRuleError } from './errors.ts';
import { recordTurnout, rollUpTurnout } from './turnout.ts';
import type { TurnoutSnapshot } from './turnout.ts';

const snap = (at: string, voted: number, area = 'KV1', kind: 'estimated' | 'final' = 'estimated'): TurnoutSnapshot => ({ pollingAreaId: area, at, voted, kind });

describe('turnout through the day: cumulative, never decreasing', () => {
  it('accepts increasing counts and keeps them in time order', () => {
    let s = recordTurnout([], snap('09:00', 300), 1000);
    s = recordTurnout(s, snap('14:00', 800), 1000);
    s = recordTurnout(s, snap('11:00', 500), 1000);
    expect(s.map((x) => x.at)).toEqual(['09:00', '11:00', '14:00']);
    expect(recordTurnout(s, snap('16:00', 800), 1000)).toHaveLength(4);
  });
  it('refuses a decrease against an earlier hour, naming both', () => {
    const s = recordTurnout([], snap('09:00', 300), 1000);
    expect(() => recordTurnout(s, snap('11:00', 299), 1000)).toThrow(/lúc 11:00 \(299\) ít hơn lúc 09:00 \(300\)/);
  });
  it('refuses a count above a later one entered before, and a correction downward at the same hour', () => {
    const s = recordTurnout(recordTurnout([], snap('09:00', 300), 1000), snap('14:00', 800), 1000);
    expect(() => recordTurnout(s, snap('11:00', 801), 1000)).toThrow(ElectionRuleError);
    expect(() => recordTurnout(s, snap('09:00', 250), 1000)).toThrow(/không thể giảm từ 300 xuống 250/);
    expect(recordTurnout(s, snap('09:00', 320), 1000).find((x) => x.at === '09:00')!.voted).toBe(320);
  });
  it('refuses more than the listed voters, a bad time and a count after the final one', () => {
    expect(() => recordTurnout([], snap('09:00', 1001), 1000)).toThrow(/lớn hơn tổng số cử tri/);
    expect(() => recordTurnout([], snap('9h', 1), 1000)).toThrow(/HH:MM/);
    expect(() => recordTurnout([snap('19:00', 990, 'KV1', 'final')], snap('20:00', 990), 1000)).toThrow(/chính thức/);
  });
  it('other areas do not constrain this one', () => {
    expect(recordTurnout([snap('09:00', 900, 'KV2')], snap('11:00', 10), 1000)).toEqual([snap('11:00', 10)]);
  });
});

describe('roll-up per unit, commune, province', () => {
  const areas = [
    { pollingAreaId: 'KV1', votersOnList: 1000, snapshots: [snap('09:00', 300), snap('14:00', 800), snap('19:00', 990, 'KV1', 'final')] },
    { pollingAreaId: 'KV2', votersOnList: 500, snapshots: [snap('14:00', 400, 'KV2'), snap('19:00', 500, 'KV2', 'final')] },
    { pollingAreaId: 'KV3', votersOnList: 500, snapshots: [] },
  ];
  it('sums the latest count of each area at the hour and lists the areas not reported', () => {
    const r = rollUpTurnout(areas, '11:00');
    expect(r).toMatchObject({ voted: 300, votersOnList: 2000, reportedAreas: 1, notReported: ['KV2', 'KV3'], kind: 'estimated' });
    expect(r.percent).toBe(15);
  });
  it('final only when every area is final', () => {
    expect(rollUpTurnout(areas, '20:00').kind).toBe('estimated');
    expect(rollUpTurnout(areas.slice(0, 2), '20:00')).toMatchObject({ voted: 1490, kind: 'final', notReported: [] });
    expect(rollUpTurnout(areas.slice(0, 2), '15:00')).toMatchObject({ voted: 1200, kind: 'estimated', notReported: [] });
  });
  it('property: a roll-up never decreases through the day when every area is cumulative', () => {
    const hours = ['07:00', '09:00', '11:00', '13:00', '15:00', '17:00', '19:00'];
    let prev = -1;
    for (const h of hours) {
      const v = rollUpTurnout(areas, h).voted;
      expect(v).toBeGreaterThanOrEqual(prev);
      prev = v;
    }
  });
});
