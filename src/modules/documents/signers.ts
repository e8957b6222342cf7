// Who may sign for an issuer, from the directory: the members of the issuer's body (the standing
// committee, a committee) holding a signing role, with the capacity ND30 gives each
// (domain/documents/signature.ts). The issue form offers them, the chair first; a document issued
// with `signerId` takes that delegate's name and capacity (and never a name typed for someone else).
import { and, eq } from 'drizzle-orm';
import type { Tx, Db } from '../../db/client.ts';
import { bySigningOrder, signerCapacity, type IssuerKind } from '../../domain/documents/signature.ts';
import { invalid, notFound } from '../../server/errors.ts';
import { bodies, delegates, memberships } from '../directory/schema.ts';
import { documentIssuers } from './schema.ts';
import { issuersForRead } from './service.ts';

type Issuer = typeof documentIssuers.$inferSelect;

export interface Signer {
  delegateId: string;
  name: string;
  role: string;
  title: string;
  lines: string[];
}

export async function signersOf(db: Db | Tx, issuer: Issuer): Promise<Signer[]> {
  if (!issuer.bodyId) return [];
  const rows = await db
    .select({ delegateId: delegates.id, name: delegates.fullName, role: memberships.role, bodyName: bodies.name })
    .from(memberships)
    .innerJoin(delegates, eq(delegates.id, memberships.delegateId))
    .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
    .where(and(eq(memberships.bodyId, issuer.bodyId), eq(delegates.status, 'active')));
  const out: Signer[] = [];
  for (const r of bySigningOrder(rows)) {
    const cap = signerCapacity(issuer.kind as IssuerKind, r.role, r.bodyName);
    if (cap) out.push({ delegateId: r.delegateId, name: r.name, role: r.role, title: cap.title, lines: cap.lines });
  }
  return out;
}

/** The signer chosen at issue: must be one the issuer's body offers. */
export async function chosenSigner(tx: Tx, issuer: Issuer, delegateId: string): Promise<Signer> {
  const s = (await signersOf(tx, issuer)).find((x) => x.delegateId === delegateId);
  if (!s) throw invalid(`Người ký đã chọn không phải lãnh đạo của ${issuer.name} có thẩm quyền ký văn bản này.`);
  return s;
}

/** The signers an issuer of the council offers (404 for another council's issuer). */
export async function issuerSigners(db: Db, councilId: string, issuerId: string): Promise<Signer[]> {
  // The defaults too: a council that has issued nothing yet has them only as computed rows.
  const issuer = (await issuersForRead(db, councilId)).find((i) => i.id === issuerId);
  if (!issuer) throw notFound('cơ quan ban hành của HĐND này');
  return signersOf(db, issuer);
}
