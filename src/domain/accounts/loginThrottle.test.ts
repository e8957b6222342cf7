import { describe, expect, it } from 'vitest';
import { LOGIN_RULES, addressBucket, loginWait, throttleKeys, type Counter } from './loginThrottle.ts';

const now = new Date('2026-11-26T02:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);
const counter = (failures: number, lastAgoMs = 0, windowLeftMs = 10 * 60_000): Counter => ({
  failures,
  lastFailureAt: at(-lastAgoMs),
  windowEndsAt: at(windowLeftMs),
});

describe('login throttle rules', () => {
  it('lets a fresh address try, whatever the account and other addresses went through', () => {
    expect(loginWait({}, now)).toBe(0);
    expect(loginWait({ account: counter(500) }, now)).toBe(0);
  });

  it('refuses an address after 30 failures until its window ends', () => {
    expect(loginWait({ address: counter(LOGIN_RULES.addressMax - 1) }, now)).toBe(0);
    expect(loginWait({ address: counter(LOGIN_RULES.addressMax, 0, 7 * 60_000) }, now)).toBe(7 * 60_000);
    // A window that has ended counts nothing.
    expect(loginWait({ address: counter(100, 0, -1) }, now)).toBe(0);
  });

  it('gives a username and address pair 5 free failures, then a doubling delay up to 15 minutes', () => {
    expect(loginWait({ pair: counter(4) }, now)).toBe(0);
    expect(loginWait({ pair: counter(5) }, now)).toBe(60_000);
    expect(loginWait({ pair: counter(6) }, now)).toBe(120_000);
    expect(loginWait({ pair: counter(7, 30_000) }, now)).toBe(240_000 - 30_000);
    expect(loginWait({ pair: counter(20) }, now)).toBe(LOGIN_RULES.maxDelayMs);
    expect(loginWait({ pair: counter(20, LOGIN_RULES.maxDelayMs) }, now)).toBe(0);
  });

  it('under attack (10 failures on the account), an address that failed once waits', () => {
    expect(loginWait({ account: counter(9), pair: counter(1) }, now)).toBe(0);
    expect(loginWait({ account: counter(10), pair: counter(1) }, now)).toBe(60_000);
    expect(loginWait({ account: counter(10) }, now)).toBe(0);
  });
});

describe('address buckets', () => {
  it('counts an IPv6 client by its /64 network and an IPv4 client by its address', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('unknown')).toBe('unknown');
    expect(throttleKeys('vp.tinh', '2001:db8:1:2::9')).toEqual({
      address: 'a:2001:db8:1:2::/64',
      account: 'u:vp.tinh',
      pair: 'p:vp.tinh 2001:db8:1:2::/64',
    });
  });
});
