// Two-factor sign-in with time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s), computed
// by the otpauth library. A code is accepted one step early or late (clock drift), and never twice:
// the last accepted step is kept per user and only a later one is accepted.
import { Secret, TOTP } from 'otpauth';

export const TOTP_ISSUER = 'Nghị Trường';
const PERIOD = 30;
const WINDOW = 1;

function totp(secret: string, username: string): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** A new 160-bit secret in base32 (what authenticator apps take). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** Whether a secret handed back by the client at enrollment is one newTotpSecret could have made. */
export function isTotpSecret(secret: string): boolean {
  return /^[A-Z2-7]{32}$/.test(secret);
}

/** The otpauth:// URI an authenticator app reads (as a QR code or typed). */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** The time step the code belongs to, or null when it matches no step within the window. */
export function totpStep(secret: string, username: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret, username).validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}
