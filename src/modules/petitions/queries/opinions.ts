// The round's raw opinions (intake list) with filters and accent-insensitive search; voter name
// and hamlet only for the secretariat.
import { and, eq, isNull, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { OPINION_CHANNEL_LABELS, type OpinionChannel } from '../../../domain/petitions/status.ts';
import { adminUnits } from '../../directory/schema.ts';
import { out, searchRequest } from '../common.ts';
import { orderFirst, searchPage } from '../../../db/textSearch.ts';
import { withoutPersonal } from '../personal.ts';
import { opinions } from '../schema.ts';
import { withoutSearchKeys } from '../../../db/rows.ts';

export interface OpinionFilter {
  page: number;
  pageSize: number;
  q?: string;
  roundId?: string;
  meetingId?: string;
  unitId?: string;
  merged?: 'true' | 'false';
  classified?: 'true' | 'false';
  kind?: 'petition' | 'complaint';
  petitionId?: string;
}

/** Scope and filters of an opinion list (the to-do count uses the same). */
export function opinionConds(councilId: string, f: Omit<OpinionFilter, 'page' | 'pageSize' | 'q'>) {
  return and(
    eq(opinions.councilId, councilId),
    f.roundId ? eq(opinions.roundId, f.roundId) : undefined,
    f.meetingId ? eq(opinions.meetingId, f.meetingId) : undefined,
    f.unitId ? eq(opinions.unitId, f.unitId) : undefined,
    f.petitionId ? eq(opinions.petitionId, f.petitionId) : undefined,
    f.merged === 'true' ? isNotNull(opinions.petitionId) : f.merged === 'false' ? isNull(opinions.petitionId) : undefined,
    f.classified === 'true' ? isNotNull(opinions.classifiedAt) : f.classified === 'false' ? isNull(opinions.classifiedAt) : undefined,
    f.kind ? eq(opinions.kind, f.kind) : undefined,
  );
}

export async function listOpinions(db: Db, councilId: string, f: OpinionFilter, canSeeVoters: boolean) {
  const filters = opinionConds(councilId, f);
  const { rows, total, more, corrected } = await searchPage(
    db,
    {
      rows: (tx, where, offset, limit, extra, first) =>
        tx
          .select({ o: opinions, unitName: adminUnits.name, ...extra })
          .from(opinions)
          .leftJoin(adminUnits, eq(adminUnits.id, opinions.unitId))
          .where(where)
          .orderBy(...orderFirst(first), opinions.createdAt, opinions.id)
          .limit(limit)
          .offset(offset),
      from: sql`${opinions}`,
    },
    searchRequest(opinions.searchVector, f.q, filters, f),
  );
  return {
    items: rows.map(({ o, unitName }) => {
      const plain = withoutSearchKeys(out(o));
      return {
        ...(canSeeVoters ? plain : withoutPersonal(plain)),
        unitName,
        channelLabel: OPINION_CHANNEL_LABELS[o.channel as OpinionChannel] ?? o.channel,
      };
    }),
    total,
    more,
    corrected,
    page: f.page,
    pageSize: f.pageSize,
  };
}
