// The roll of a session now (issue #12): seats, the term's delegates, who serves, who is entitled
// to vote and who is present (in the room or online) at the session or at one agenda item, from
// the attendance checked in the chamber. A vote freezes `toSnapshot(await rollNow(...))` when it
// closes; the chair's screen shows the same numbers. Contract: /work/team/roll-contract.md.
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { notFound } from '../../../server/errors.ts';
import { buildRoll, type FloorRoll } from '../../../domain/sessions/floor.ts';
import { DEFAULT_TOTAL_MEANS, type TotalMeans } from '../../../domain/sessions/votes.ts';

export { toSnapshot } from '../../../domain/sessions/floor.ts';
import { constituencies, delegates, terms } from '../../directory/schema.ts';
import { councilSessions, sessionItems } from '../schema.ts';
import { ruleSetOf, type DbOrTx } from '../common.ts';
import { chamberAttendance } from './attendanceSchema.ts';

export type RollNow = FloorRoll & {
  sessionId: string;
  itemId: string | null;
  councilId: string;
  termId: string;
  /** Where `seats` comes from: the council profile, the term's constituencies, or (no data) the delegates elected. */
  seatsSource: 'profile' | 'constituencies' | 'elected';
  /** Vietnamese: the same, for the screen. */
  seatsExplanation: string;
  /** The day the term ends, for the Điều 49 k2 test: estimated as 30/06 of its last year (UNVERIFIED; the term has only years). */
  termEndsOn: string;
  totalMeans: TotalMeans;
};

/** The seats (Điều 30) of a session's term, and where the number comes from. */
async function seatsOf(tx: DbOrTx, termId: string, profileSeats: number | null, elected: number) {
  if (profileSeats !== null) {
    return { seats: profileSeats, seatsSource: 'profile' as const, seatsExplanation: `Số đại biểu theo luật định: ${profileSeats} (cài đặt của Hội đồng nhân dân).` };
  }
  const [r] = await tx.select({ n: sql<string | null>`sum(${constituencies.seats})` }).from(constituencies).where(eq(constituencies.termId, termId));
  const n = Number(r?.n ?? 0);
  if (n > 0) return { seats: n, seatsSource: 'constituencies' as const, seatsExplanation: `Số đại biểu theo luật định: ${n} (tổng số đại biểu được bầu của các đơn vị bầu cử của nhiệm kỳ).` };
  return {
    seats: Math.max(1, elected),
    seatsSource: 'elected' as const,
    seatsExplanation: `Chưa có số đại biểu theo luật định: tạm tính bằng số đại biểu đã trúng cử (${elected}); hãy nhập số đại biểu theo luật định trong quy định kỳ họp.`,
  };
}

/**
 * The roll of `sessionId` now (of agenda item `itemId` when given: its own marks override the
 * session's), inside the caller's transaction. 404 when the session or item does not exist.
 * `suspended` is always empty: no suspension (Điều 38 k1) is recorded yet; this is the one place
 * to read it when it is.
 */
export async function rollNow(tx: DbOrTx, sessionId: string, itemId?: string): Promise<RollNow> {
  const [s] = await tx.select().from(councilSessions).where(eq(councilSessions.id, sessionId));
  if (!s) throw notFound('kỳ họp');
  if (itemId !== undefined) {
    const [i] = await tx.select({ sessionId: sessionItems.sessionId }).from(sessionItems).where(eq(sessionItems.id, itemId));
    if (!i || i.sessionId !== s.id) throw notFound('nội dung kỳ họp');
  }
  const [term] = await tx.select().from(terms).where(eq(terms.id, s.termId));
  if (!term) throw notFound('nhiệm kỳ');
  const [ds, marks, set] = await Promise.all([
    tx.select({ id: delegates.id, status: delegates.status }).from(delegates)
      .where(and(eq(delegates.councilId, s.councilId), or(eq(delegates.termId, s.termId), isNull(delegates.termId)))).orderBy(asc(delegates.id)),
    tx.select({ delegateId: chamberAttendance.delegateId, itemId: chamberAttendance.itemId, status: chamberAttendance.status, reason: chamberAttendance.reason })
      .from(chamberAttendance).where(eq(chamberAttendance.sessionId, s.id)),
    ruleSetOf(tx, s.councilId, s.ruleSetKey),
  ]);
  const seats = await seatsOf(tx, s.termId, set.profile.chamber.seats, ds.length);
  const roll = buildRoll({
    seats: seats.seats,
    delegates: ds,
    marks: marks.map((m) => ({ ...m, status: m.status as 'present' | 'online' | 'absent' })),
    itemId: itemId ?? null,
  });
  return {
    ...roll,
    ...seats,
    sessionId: s.id,
    itemId: itemId ?? null,
    councilId: s.councilId,
    termId: s.termId,
    termEndsOn: `${term.endYear}-06-30`,
    totalMeans: DEFAULT_TOTAL_MEANS,
  };
}
