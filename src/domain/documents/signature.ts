/**
 * Who signs and in what capacity (ND30, documents.md "Signature block"): the chair signs for the
 * collective ("TM. THƯỜNG TRỰC HĐND / CHỦ TỊCH"), a vice-chair signs for the chair
 * ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"); a committee likewise ("TM. BAN PHÁP CHẾ / TRƯỞNG BAN",
 * "KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN"). Pure: the caller reads the roles from the directory.
 */
import { upperVi } from './format.ts';

export type SignerRole = 'chair' | 'vice_chair';
export type IssuerKind = 'standing' | 'committee' | 'office';

export interface SignerCapacity {
  /** The signature block's capital lines, authority prefix first. */
  lines: string[];
  /** The title as said in a sentence ("Chủ tịch HĐND"), for the issue form. */
  title: string;
}

/** The capacity of a member of the issuing body, or null when that role does not sign for it. */
export function signerCapacity(issuerKind: IssuerKind, role: string, bodyName = ''): SignerCapacity | null {
  if (issuerKind === 'standing') {
    if (role === 'chair') return { lines: ['TM. THƯỜNG TRỰC HĐND', 'CHỦ TỊCH'], title: 'Chủ tịch HĐND' };
    if (role === 'vice_chair') return { lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], title: 'Phó Chủ tịch HĐND' };
    return null;
  }
  if (issuerKind === 'committee') {
    const ban = upperVi(bodyName.trim() || 'Ban');
    if (role === 'chair') return { lines: [`TM. ${ban}`, 'TRƯỞNG BAN'], title: `Trưởng ${bodyName.trim() || 'Ban'}` };
    if (role === 'vice_chair') return { lines: ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'], title: `Phó Trưởng ${bodyName.trim() || 'Ban'}` };
    return null;
  }
  return null;
}

const RANK: Record<string, number> = { chair: 0, vice_chair: 1 };

/** Signers in the order the form offers them: the chair first (the default), then vice-chairs. */
export function bySigningOrder<T extends { role: string; name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (RANK[a.role] ?? 9) - (RANK[b.role] ?? 9) || a.name.localeCompare(b.name, 'vi'));
}
