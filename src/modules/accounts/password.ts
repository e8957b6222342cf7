// Password hashing with scrypt (memory-hard; built into Node, no native add-on to install), at
// OWASP's recommended cost: N = 2^17, r = 8, p = 1 (128 MiB per hash). The parameters are stored
// in the hash ("scrypt$N$r$p$salt$key"), so a hash made at a lower cost still verifies and is
// rehashed at the current cost on the next successful login (needsRehash).
//
// The tests set NT_TEST_SCRYPT_LOG2N (vitest.config.ts) to hash cheaply; nothing else reads it and
// the server warns when it is set.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEYLEN = 32;

/** The cost new hashes are made at: OWASP's, unless a test asked for less. */
export function currentParams(): ScryptParams {
  const log2n = Number(process.env.NT_TEST_SCRYPT_LOG2N);
  return Number.isInteger(log2n) && log2n >= 10 && log2n < 17 ? { ...OWASP_SCRYPT, N: 2 ** log2n } : OWASP_SCRYPT;
}

// At most two hashes at a time per process: each holds 128 MiB and a libuv thread, and the thread
// pool also serves file and database I/O.
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function scrypt(password: string, salt: Buffer, keylen: number, { N, r, p }: ScryptParams): Promise<Buffer> {
  // A finishing hash hands its place to the next waiter, so `running` never exceeds the maximum.
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    // maxmem: scrypt needs 128 * N * r bytes for its table plus 128 * r * p for its blocks.
    const opts: ScryptOptions = { N, r, p, maxmem: 128 * N * r + 128 * r * p + 1024 * 1024 };
    return await new Promise((resolve, reject) =>
      scryptCb(password.normalize('NFC'), salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
    );
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export async function hashPassword(password: string, params: ScryptParams = currentParams()): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parse(stored: string): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((x) => Number.isInteger(x) && x > 0) || N > 2 ** 20) return null;
  return { N, r, p, salt: Buffer.from(parts[4]!, 'base64url'), key: Buffer.from(parts[5]!, 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h) return false;
  const key = await scrypt(password, h.salt, h.key.length, h);
  return timingSafeEqual(key, h.key);
}

/** Whether a stored hash was made at a lower cost than new hashes are. */
export function needsRehash(stored: string): boolean {
  const h = parse(stored);
  const c = currentParams();
  return !h || h.N < c.N || h.r < c.r || h.p < c.p;
}

// A hash of a random password at the current cost, verified against when the username is unknown
// (or the account is locked), so that such an answer takes as long as a wrong password does.
let dummy: { params: ScryptParams; hash: Promise<string> } | undefined;
export function dummyHash(): Promise<string> {
  const params = currentParams();
  if (!dummy || dummy.params.N !== params.N) dummy = { params, hash: hashPassword(randomBytes(16).toString('hex'), params) };
  return dummy.hash;
}

/** A rule a user is told about, in Vietnamese; returns null when the password is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'Mật khẩu phải có ít nhất 8 ký tự.';
  if (password.length > 200) return 'Mật khẩu dài quá 200 ký tự.';
  if (!/[A-Za-zÀ-ỹ]/.test(password) || !/[0-9]/.test(password)) return 'Mật khẩu phải có cả chữ và số.';
  return null;
}
