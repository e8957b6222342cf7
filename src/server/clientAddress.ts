// The client's address, for the login limiter, sessions and the audit log. X-Forwarded-For is
// believed only when the connection comes from a proxy listed in TRUST_PROXY; then the address is
// the right-most one in the header that is not itself a trusted proxy. Any other peer is the client
// itself, whatever headers it sends.
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';

/** Parses TRUST_PROXY ("127.0.0.1, 10.0.0.0/8, ::1"); throws a Vietnamese message on a bad entry. */
export function parseTrustProxy(value: string | undefined): string[] {
  const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
  for (const e of entries) {
    const [addr, prefix, extra] = e.split('/');
    const family = isIP(addr ?? '');
    const bits = family === 6 ? 128 : 32;
    const okPrefix = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (!family || !okPrefix || extra !== undefined) {
      throw new Error(`TRUST_PROXY không hợp lệ: "${e}" (cần địa chỉ IP hoặc dải CIDR, ví dụ 127.0.0.1 hoặc 10.0.0.0/8).`);
    }
  }
  return entries;
}

const lists = new WeakMap<string[], BlockList>();

function blockList(entries: string[]): BlockList {
  let list = lists.get(entries);
  if (!list) {
    list = new BlockList();
    for (const e of entries) {
      const [addr, prefix] = e.split('/') as [string, string | undefined];
      const type = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) list.addAddress(addr, type);
      else list.addSubnet(addr, Number(prefix), type);
    }
    lists.set(entries, list);
  }
  return list;
}

/** "::ffff:1.2.3.4" → "1.2.3.4"; anything that is not an IP address → "". */
function normalize(a: string): string {
  const s = a.trim().replace(/^\[(.*)\]$/, '$1');
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  const out = v4 ? v4[1]! : s;
  return isIP(out) ? out.toLowerCase() : '';
}

function trusted(list: BlockList, a: string): boolean {
  return list.check(a, isIP(a) === 6 ? 'ipv6' : 'ipv4');
}

/** The address of the client of this request ("unknown" when the transport gives none). */
export function clientAddress(c: Context<AppEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = normalize(env?.incoming?.socket?.remoteAddress ?? '');
  const entries = c.var.deps.config.trustProxy ?? [];
  if (!peer) return 'unknown';
  if (!entries.length) return peer;
  const list = blockList(entries);
  if (!trusted(list, peer)) return peer;
  const chain = (c.req.header('x-forwarded-for') ?? '').split(',');
  for (let i = chain.length - 1; i >= 0; i--) {
    const a = normalize(chain[i]!);
    if (!a) break; // a malformed hop: trust nothing left of it
    if (!trusted(list, a)) return a;
  }
  return peer;
}
