// The yearly holiday override table (swap days, Tết dates, the Prime Minister's decisions), edited
// by an administrator; every deadline computation reads it (src/domain/calendar/holidays.ts).
import { eq } from 'drizzle-orm';
import { invalid } from '../../../server/errors.ts';
import { recordEvent, type Actor } from '../../audit/service.ts';
import { invalidate } from '../../../db/cache.ts';
import { KNOWN_OVERRIDES, validateOverrides, type YearOverrides } from '../../../domain/calendar/index.ts';
import type { ActionCtx, DbOrTx } from '../common.ts';
import { holidayOverrides } from '../schema.ts';
import { openSessionIds, recomputeDueDates } from '../../sessions/common.ts';

export async function putYearOverrides(ctx: ActionCtx, year: number, input: Omit<YearOverrides, 'year'>) {
  const data: YearOverrides = { year, ...input };
  const problems = validateOverrides([data]);
  if (problems.length) throw invalid(`Bảng ngày nghỉ năm ${year} không hợp lệ: ${problems.join('; ')}`, problems);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(holidayOverrides).where(eq(holidayOverrides.year, year)).for('update');
    if (before) await tx.update(holidayOverrides).set({ data, updatedAt: new Date() }).where(eq(holidayOverrides.year, year));
    else await tx.insert(holidayOverrides).values({ year, data });
    await invalidate(tx, 'calendar');
    // Due dates of sessions being prepared are counted on this table: they follow it.
    await recomputeDueDates(tx, await openSessionIds(tx));
    await recordEvent(tx, ctx.actor, { action: 'holiday_overrides.put', entityType: 'holiday_overrides', entityId: String(year), before: before?.data, after: data });
    return data;
  });
}

/** Seeds the verified official decisions (KNOWN_OVERRIDES) where a year has no row yet. */
export async function seedKnownOverrides(tx: DbOrTx, actor: Actor) {
  for (const o of KNOWN_OVERRIDES) {
    const [row] = await tx.insert(holidayOverrides).values({ year: o.year, data: o }).onConflictDoNothing().returning();
    if (row) await recordEvent(tx, actor, { action: 'holiday_overrides.put', entityType: 'holiday_overrides', entityId: String(o.year), after: o });
  }
  await invalidate(tx, 'calendar');
}
