// Statements are rendered from their flattened pieces (src/db/flatSql.ts): the text, parameters
// and parameter typings must be exactly Drizzle's own, whatever the statement holds — nested SQL,
// columns, tables, identifiers, raw text, values with a column's encoder, arrays, placeholders,
// aliases, subqueries, query builders, inlined parameters — and the same database answers.
import { describe, expect, it } from 'vitest';
import { and, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { PgDialect, alias } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/node-postgres';
import '../../src/db/client.ts'; // installs the flattening
import { flatSql, renderUnflattened } from '../../src/db/flatSql.ts';
import * as schema from '../../src/db/schema.ts';
import { petitions } from '../../src/modules/petitions/schema.ts';
import { users } from '../../src/modules/accounts/schema.ts';
import { createTestDb, dbKinds } from '../support/db.ts';

const dialect = new PgDialect();
// A database handle that never connects: its builders render statements.
const offline = drizzle.mock({ schema });

const cases: [string, () => SQL][] = [
  ['plain text', () => sql`select 1`],
  ['one value', () => sql`select ${1}::int as n`],
  ['nested pieces with values', () => sql`select * from ${petitions} where ${and(eq(petitions.councilId, 'c1'), or(eq(petitions.status, 'answered'), isNull(petitions.agencyId)))} limit ${20} offset ${0}`],
  ['deeply nested, undefined parts', () => sql`select ${sql`${sql`${sql`a`}, ${'x'}`}`}${undefined} from t where ${and(undefined, sql`b = ${2}`, undefined)}`],
  ['identifiers and raw text', () => sql`select ${sql.identifier('a b')} from ${sql.raw('"t"')} where ${sql.identifier('c')} = ${'v'}`],
  ['a column encoder (timestamp)', () => sql`select 1 from ${petitions} where ${eq(petitions.updatedAt, new Date('2026-12-04T01:02:03Z'))}`],
  ['an array of values', () => sql`select 1 where x in ${['a', 'b', 'c']} and y = ${3}`],
  ['inArray and ilike', () => sql`select 1 from ${petitions} where ${and(inArray(petitions.status, ['answered', 'closed']), ilike(petitions.text, '%đường%'))}`],
  ['null and booleans', () => sql`select ${null}, ${true}, ${false}, ${sql`${null}`}`],
  ['a placeholder', () => sql`select 1 where a = ${sql.placeholder('p')} and b = ${sql`${4}`}`],
  ['an aliased expression', () => sql`select ${sql`count(*)`.as('n')} from t`],
  ['inlined parameters inside', () => sql`select ${sql`${'inline'}`.inlineParams()}, ${'param'}, ${sql`${5}`}`],
  ['inlined parameters outside', () => sql`select ${sql`${'a'}`}, ${'b'}`.inlineParams()],
  ['a query builder with joins, subquery and order', () => {
    const u = alias(users, 'u');
    const sub = offline.select({ id: petitions.id }).from(petitions).where(eq(petitions.status, 'answered')).as('sub');
    return offline
      .select({ id: petitions.id, n: sql<number>`(select count(*) from ${sub} where ${sub.id} = ${petitions.id})`, name: u.fullName })
      .from(petitions)
      .leftJoin(u, eq(u.id, petitions.agencyId))
      .where(and(eq(petitions.councilId, 'c2'), sql`${petitions.number} > ${10}`))
      .orderBy(desc(petitions.number))
      .limit(5)
      .offset(10)
      .getSQL();
  }],
  ['an insert builder', () => offline.insert(users).values({ username: 'a', fullName: 'Ả', passwordHash: 'x' }).getSQL()],
  ['an update builder', () => offline.update(petitions).set({ status: 'closed', updatedAt: new Date('2026-01-01T00:00:00Z') }).where(eq(petitions.id, 'p1')).getSQL()],
];

describe('flattened statements render as Drizzle renders them', () => {
  it.each(cases)('%s', (_name, make) => {
    const q = make();
    const flat = dialect.sqlToQuery(q);
    expect(flat).toEqual(renderUnflattened(dialect, q));
    expect(dialect.sqlToQuery(q, 'indexes')).toEqual(renderUnflattened(dialect, q, 'indexes'));
    expect(flat.sql.length).toBeGreaterThan(0);
  });

  it('joins the nested text into one chunk between values', () => {
    const q = sql`select ${sql`a, ${sql`b`}`} from t where x = ${1} and ${sql`y = ${2}`}`;
    const f = flatSql(q);
    expect(f).not.toBe(q);
    expect(f.queryChunks.length).toBe(4); // text, 1, text, 2 (no text after)
    expect(renderUnflattened(dialect, f)).toEqual(renderUnflattened(dialect, q));
    // Nothing nested: the statement itself.
    const simple = sql`select ${1}`;
    expect(flatSql(simple)).toBe(simple);
  });
});

describe.each(dbKinds())('flattened statements run [%s]', (kind) => {
  it('answers with the values in their places', async () => {
    const database = await createTestDb(kind);
    try {
      const { rows } = await database.db.execute(
        sql`select ${sql`${'một'}::text`} as a, ${sql`${sql`${2}::int + ${3}::int`}`} as b, ${sql`${'x'}`.inlineParams()} as c, ${'p'} in ${['p', 'q']} as d`,
      );
      expect(rows).toEqual([{ a: 'một', b: 5, c: 'x', d: true }]);
    } finally {
      await database.close();
    }
  });
});
