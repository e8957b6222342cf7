// Personal data of voters (name, hamlet): returned only to the secretariat, never in public routes,
// never to agency responders, and not copied into the audit log (which standing members read).
import { withoutSearchKeys } from '../../db/rows.ts';

export const PERSONAL_FIELDS = ['voterName', 'voterHamlet'] as const;

const MASK = '(dữ liệu cá nhân)';

/** An opinion without personal data (for non-secretariat readers). */
export function withoutPersonal<T extends Record<string, unknown>>(o: T): Omit<T, 'voterName' | 'voterHamlet'> {
  const { voterName: _n, voterHamlet: _h, ...rest } = o;
  return rest;
}

/** For audit events: personal fields replaced by a marker when set. */
export function auditSafe<T extends Record<string, unknown> | undefined | null>(o: T): T {
  if (!o) return o;
  const c: Record<string, unknown> = withoutSearchKeys(o);
  for (const k of PERSONAL_FIELDS) if (k in c) c[k] = c[k] ? MASK : '';
  return c as T;
}
