// Tells the chamber's screens that the floor of a session changed (attendance, the speakers'
// list). Called inside the action's transaction, after its audit event. Until the one live
// mechanism (src/server/live.ts, SSE + LISTEN/NOTIFY, helper chamber-votes) is merged, screens
// refetch on their own and this does nothing.
import type { DbOrTx } from '../common.ts';

export type FloorChange = { councilId: string; sessionId: string; what: 'attendance' | 'speakers'; itemId?: string };

/** The live topic of a session's floor (one per session: the chair's screen, the projector, phones). */
export const floorTopic = (sessionId: string) => `floor:${sessionId}`;

export async function floorChanged(_tx: DbOrTx, _change: FloorChange): Promise<void> {}
