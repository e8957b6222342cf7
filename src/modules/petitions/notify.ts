// In-app notifications to the people who must act: a council's secretariat, an agency's responders.
import { and, eq, inArray } from 'drizzle-orm';
import { roleGrants, users } from '../accounts/schema.ts';
import type { DbOrTx } from './common.ts';
import { notifications } from './schema.ts';

export interface Note {
  kind: string;
  title: string;
  body?: string;
  link?: string;
}

async function insertFor(tx: DbOrTx, userIds: string[], note: Note, scope: { councilId?: string; agencyId?: string }) {
  const ids = [...new Set(userIds)];
  if (!ids.length) return 0;
  await tx.insert(notifications).values(
    ids.map((userId) => ({
      userId,
      kind: note.kind,
      title: note.title,
      body: note.body ?? '',
      link: note.link ?? '',
      councilId: scope.councilId ?? null,
      agencyId: scope.agencyId ?? null,
    })),
  );
  return ids.length;
}

/** Active users holding `roles` in a council. */
export async function councilUsers(tx: DbOrTx, councilId: string, roles: string[] = ['secretariat']) {
  return tx
    .select({ id: users.id, email: users.email, fullName: users.fullName })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.councilId, councilId), inArray(roleGrants.role, roles), eq(users.active, true)));
}

/** Active responders of an agency. */
export async function agencyUsers(tx: DbOrTx, agencyId: string) {
  return tx
    .select({ id: users.id, email: users.email, fullName: users.fullName })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.agencyId, agencyId), eq(roleGrants.role, 'agency_responder'), eq(users.active, true)));
}

export async function notifyCouncil(tx: DbOrTx, councilId: string, note: Note) {
  return insertFor(tx, (await councilUsers(tx, councilId)).map((u) => u.id), note, { councilId });
}

export async function notifyAgency(tx: DbOrTx, agencyId: string, note: Note) {
  return insertFor(tx, (await agencyUsers(tx, agencyId)).map((u) => u.id), note, { agencyId });
}
