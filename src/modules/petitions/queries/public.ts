// The public page (no login): councils with published rounds, their rounds, the communes their
// public petitions come from, and the petitions with their answers, each a server page
// ({items, total, page, pageSize}). Built from an explicit list of safe columns — never voter
// names, hamlets, user names or internal review comments; a petition is public only while the
// privacy guard's cleared text equals its text (privacy.ts).
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { LEVEL_LABELS } from '../../../domain/petitions/counting.ts';
import { PETITION_STATUS_LABELS, RESPONSE_RESULT_LABELS, ROUND_KIND_LABELS, type PetitionStatus, type ResponseResult, type RoundKind } from '../../../domain/petitions/status.ts';
import { adminUnits, councils } from '../../directory/schema.ts';
import { notFound } from '../../../server/errors.ts';
import { predecessorUnits, searchRequest, totalOf } from '../common.ts';
import { countWhere, pageWithTotal } from '../../../db/paging.ts';
import { searchPage } from '../../../db/textSearch.ts';
import { fixedSql } from '../../../db/flatSql.ts';
import { col, listColumns, petitionsTable } from './listPetitions.ts';
import { opinions, petitionRounds, petitions } from '../schema.ts';

interface Page {
  page: number;
  pageSize: number;
}
/** `latest`: the newest published round (the first of publicRounds), so a page needs not wait for the rounds. */
export type PublicRoundChoice = string | 'latest' | undefined;

const hasPublishedRound = sql`exists (select 1 from petition_rounds r where r.council_id = "councils"."id" and r.published)`;
const NO_ROUND = 'đợt tiếp xúc cử tri đã công bố của HĐND này';

export async function publicCouncils(db: Db, q: Page) {
  return pageWithTotal(
    q,
    (total) =>
      db
        .select({ id: councils.id, name: councils.name, validTo: councils.validTo, total })
        .from(councils)
        .where(hasPublishedRound)
        .orderBy(councils.sortKey, councils.name),
    () => countWhere(db, councils, hasPublishedRound),
  );
}

/** One council's public heading; 404 while it has published nothing. */
export async function publicCouncil(db: Db, councilId: string) {
  const [row] = await db
    .select({ id: councils.id, name: councils.name, validTo: councils.validTo })
    .from(councils)
    .where(and(eq(councils.id, councilId), hasPublishedRound));
  if (!row) throw notFound(NO_ROUND);
  return row;
}

export async function publicRounds(db: Db, councilId: string, q: Page) {
  const where = and(eq(petitionRounds.councilId, councilId), eq(petitionRounds.published, true));
  const page = await pageWithTotal(
    q,
    (total) =>
      db
        .select({ id: petitionRounds.id, name: petitionRounds.name, kind: petitionRounds.kind, sessionName: petitionRounds.sessionName, startDate: petitionRounds.startDate, endDate: petitionRounds.endDate, status: petitionRounds.status, total })
        .from(petitionRounds)
        .where(where)
        .orderBy(desc(petitionRounds.sequence)),
    () => countWhere(db, petitionRounds, where),
    (r) => ({ ...r, kindLabel: ROUND_KIND_LABELS[r.kind as RoundKind] }),
  );
  if (!page.total) throw notFound(NO_ROUND);
  return page;
}

/**
 * The conditions every public petition meets: the council's, in a published round (the chosen one,
 * or the newest with `latest`), and cleared by the privacy guard as it reads now. The rounds are
 * a subquery of the same statement (no round trip of their own): a council with no such round has
 * no public petition.
 */
function publicPetitionConds(councilId: string, roundId: PublicRoundChoice): SQL {
  const published = sql`select r.id from petition_rounds r where r.council_id = ${councilId} and r.published`;
  const rounds =
    roundId === 'latest'
      ? sql`= (${published} order by r.sequence desc limit 1)`
      : sql`in (${published}${roundId ? sql` and r.id = ${roundId}` : sql``})`;
  return and(
    eq(petitions.councilId, councilId),
    // Only what the privacy guard or the clerk cleared, as it was cleared (privacy.ts).
    eq(petitions.privacyClearedText, petitions.text),
    sql`exists (select 1 from petition_round_entries e where e.petition_id = "petitions"."id" and e.round_id ${rounds})`,
  )!;
}

/** The communes (admin units) the public petitions of a round were raised in, in Vietnamese order: the commune filter's choices. */
export async function publicCommunes(db: Db, councilId: string, q: Page & { roundId?: PublicRoundChoice }) {
  const conds = publicPetitionConds(councilId, q.roundId);
  const units = db
    .selectDistinct({ id: adminUnits.id, name: adminUnits.name, sortKey: adminUnits.sortKey })
    .from(petitions)
    .innerJoin(opinions, eq(opinions.petitionId, petitions.id))
    .innerJoin(adminUnits, eq(adminUnits.id, opinions.unitId))
    .where(conds)
    .as('units');
  const rows = await db
    .select({ id: units.id, name: units.name, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(units)
    .orderBy(asc(units.sortKey), asc(units.name))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const total = rows[0]?.total ?? (q.page > 1 ? await totalOf(db.select({ total: sql<number>`count(*)::int` }).from(units)) : 0);
  return { items: rows.map(({ total: _t, ...r }) => r), total, page: q.page, pageSize: q.pageSize };
}

interface PublicAnswer {
  result: string;
  text: string;
  letterNumber: string;
  letterDate: string | null;
  roadmap: string;
  committedDate: string | null;
  respondedOn: string;
  agencyName: string | null;
}

/** A petition's answers as the public page shows them, oldest first (a JSON array column). */
const publicAnswers = sql<PublicAnswer[] | null>`(select json_agg(json_build_object(
    'result', r.result, 'text', r.text, 'letterNumber', r.letter_number, 'letterDate', r.letter_date,
    'roadmap', r.roadmap, 'committedDate', r.committed_date, 'respondedOn', r.responded_on, 'agencyName', a.name)
    order by r.created_at)
  from petition_responses r left join agencies a on a.id = r.agency_id where r.petition_id = "petitions"."id")`;

/** A public petition as the page's statement reads it (its columns below). */
interface PublicRow {
  id: string;
  number: number;
  text: string;
  status: string;
  competentLevel: string | null;
  fieldName: string | null;
  agencyName: string | null;
  communes: string[] | null;
  voterCount: number;
  rounds: string[] | null;
  answers: PublicAnswer[] | null;
}

/**
 * The public page's columns as fixed text (fixedSql: rendered once, not at every request): the
 * petition's own, the list's computed ones (no personal data among them), its rounds, and its
 * answers in the same statement (oldest first), with the names the page shows.
 */
const publicColumns = fixedSql(sql.join(
  Object.entries({
    id: sql`${petitions.id}`,
    number: sql`${petitions.number}`,
    text: sql`${petitions.text}`,
    status: sql`${petitions.status}`,
    competentLevel: sql`${petitions.competentLevel}`,
    fieldName: listColumns.fieldName,
    agencyName: listColumns.agencyName,
    communes: listColumns.communes,
    voterCount: listColumns.voterCount,
    rounds: sql`(select array_agg(r.name order by r.start_date) from petition_round_entries e join petition_rounds r on r.id = e.round_id where e.petition_id = "petitions"."id")`,
    answers: publicAnswers,
  } satisfies Record<keyof PublicRow, SQL>).map(([k, v]) => sql`${v} as ${sql.identifier(k)}`),
  sql`, `,
));

/**
 * The page's OFFSET: none on the first page. With `offset $n` PostgreSQL cannot know the offset
 * when it weighs a generic plan, keeps planning this statement at every execution and spends
 * ~4× the CPU (600 against 160 µs on the demo data); the first page, by far the most asked for,
 * is planned once. (Drizzle's select leaves out `offset 0` the same way.)
 */
const pageOffset = (offset: number) => (offset ? sql` offset ${offset}` : sql``);

export async function publicPetitions(
  db: Db,
  councilId: string,
  q: { roundId?: PublicRoundChoice; unitId?: string; q?: string; page: number; pageSize: number },
) {
  const conds = publicPetitionConds(councilId, q.roundId);
  // A commune's petitions include those raised in the units it was formed from (Phổ Thạnh → Sa Huỳnh).
  const units = q.unitId ? await predecessorUnits(db, q.unitId) : null;
  const filters = and(
    conds,
    units ? sql`exists (select 1 from petition_opinions o where o.petition_id = "petitions"."id" and o.unit_id in ${units})` : undefined,
  );
  const { rows, total, more } = await searchPage(
    db,
    {
      rows: async (tx, where, offset, limit, extra, first) =>
        (await tx.execute(sql`select ${extra ? sql`${extra.total} as "total", ` : sql``}${publicColumns} from ${petitionsTable}
          where ${where ?? sql`true`} order by ${first ? sql`${first} desc, ` : sql``}${col.number} limit ${limit}${pageOffset(offset)}`)).rows as unknown as PublicRow[],
      from: petitionsTable,
    },
    searchRequest(petitions.searchVector, q.q, filters, q),
  );
  // How many of the list have an answer (the page's summary line); not counted for a text search.
  const answered = q.q?.trim()
    ? null
    : total === 0
      ? 0
    : await totalOf(
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(petitions)
          .where(and(filters, sql`exists (select 1 from petition_responses r where r.petition_id = "petitions"."id")`)),
      );
  return {
    items: rows.map((r) => ({
      ...r,
      communes: r.communes ?? [],
      rounds: r.rounds ?? [],
      statusLabel: PETITION_STATUS_LABELS[r.status as PetitionStatus],
      levelLabel: r.competentLevel ? (LEVEL_LABELS[r.competentLevel] ?? r.competentLevel) : null,
      answers: (r.answers ?? []).map((a) => ({ ...a, resultLabel: RESPONSE_RESULT_LABELS[a.result as ResponseResult] })),
    })),
    total,
    more,
    answered,
    page: q.page,
    pageSize: q.pageSize,
  };
}
