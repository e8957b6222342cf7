// Tells the chamber's screens that the floor of a session changed (attendance, the speakers'
// list), through the one live mechanism (src/server/live.ts: LISTEN/NOTIFY on PostgreSQL, in
// process on PGlite). Called after the action's transaction commits; the payload says only what
// changed (screens then reload what they show), never who or why.
import type { Db } from '../../../db/client.ts';
import { publish } from '../../../server/live.ts';

export type FloorChange = { councilId: string; sessionId: string; what: 'attendance' | 'speakers'; itemId?: string };

/** The live channel of a session's floor (the chair's screen, the check-in desk, the full-screen view). */
export const floorChannel = (sessionId: string) => `session:${sessionId}:floor`;

export async function floorChanged(db: Db, change: FloorChange): Promise<void> {
  await publish(db, floorChannel(change.sessionId), { type: 'floor', what: change.what, itemId: change.itemId ?? null });
}
