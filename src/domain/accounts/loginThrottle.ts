// Login throttling rules (pure). Failed logins are counted under three keys (IPv6 addresses by
// their /64 network), shared by every server process through the login_attempts table:
// - per client address: 30 failures within 15 minutes refuse that address (any username) until
//   the window ends; other addresses are not affected, so the server is never locked as a whole;
// - per username and address pair: 5 failures are free, then each further attempt from that
//   address waits a growing delay (1, 2, 4, 8, then at most 15 minutes); a successful login clears
//   the pair;
// - per username (all addresses): from 10 failures within 15 minutes the account is "under
//   attack" and each address gets only 1 free failure before its delay starts.
// No rule ever refuses an address that has not failed for this username and is under its address
// limit: the owner can always sign in from a fresh address, however many failures an attacker
// made elsewhere. Unknown and known usernames are counted alike.

export const LOGIN_RULES = {
  addressMax: 30,
  addressWindowMs: 15 * 60_000,
  accountAlarm: 10,
  accountWindowMs: 15 * 60_000,
  pairFree: 5,
  pairFreeUnderAttack: 1,
  pairWindowMs: 24 * 3600_000,
  firstDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
} as const;

export interface Counter {
  failures: number;
  lastFailureAt: Date;
  windowEndsAt: Date;
}

export type CounterKind = 'address' | 'account' | 'pair';

/**
 * The address an attempt is counted under: an IPv4 address as it is, an IPv6 address by its /64
 * network (one subscriber usually holds a whole /64 and could rotate through it).
 */
export function addressBucket(address: string): string {
  if (!address.includes(':')) return address;
  const [head, tail] = address.toLowerCase().split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return address;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The counter keys of one attempt (username already trimmed and lower-cased). */
export function throttleKeys(username: string, address: string): Record<CounterKind, string> {
  const a = addressBucket(address);
  return { address: `a:${a}`, account: `u:${username}`, pair: `p:${username} ${a}` };
}

export function windowMs(kind: CounterKind): number {
  return kind === 'address' ? LOGIN_RULES.addressWindowMs : kind === 'account' ? LOGIN_RULES.accountWindowMs : LOGIN_RULES.pairWindowMs;
}

const live = (c: Counter | undefined, now: Date) => (c && c.windowEndsAt.getTime() > now.getTime() ? c : undefined);

/** Milliseconds the attempt must wait (0: it may be evaluated now). */
export function loginWait(counters: Partial<Record<CounterKind, Counter>>, now: Date): number {
  const t = now.getTime();
  let wait = 0;
  const address = live(counters.address, now);
  if (address && address.failures >= LOGIN_RULES.addressMax) wait = address.windowEndsAt.getTime() - t;
  const account = live(counters.account, now);
  const pair = live(counters.pair, now);
  const free = account && account.failures >= LOGIN_RULES.accountAlarm ? LOGIN_RULES.pairFreeUnderAttack : LOGIN_RULES.pairFree;
  if (pair && pair.failures >= free) {
    const delay = Math.min(LOGIN_RULES.firstDelayMs * 2 ** (pair.failures - free), LOGIN_RULES.maxDelayMs);
    wait = Math.max(wait, pair.lastFailureAt.getTime() + delay - t);
  }
  return Math.max(0, wait);
}
