// Drizzle renders a statement by walking its SQL pieces recursively: at every nested piece it
// tries several entity classes (`is`, which walks the prototype chain when the check fails) and
// merges the piece's text and parameters into its parent's. The petitions list's statement is a few
// dozen nested pieces (fixed column text, filters, page, total): rendering it cost about 20 µs per
// request, as much as the rest of the app's own code on that request. `flatSql` first joins the
// text of nested pieces into one chunk between two values, with plain prototype checks, and leaves
// every other chunk (parameters, columns, tables, identifiers, arrays, aliases, subqueries) to
// Drizzle as it is, in the same order: the rendering gives the same text and parameters
// (tests/foundation/flatSql.test.ts). A piece whose parameters are inlined is left whole to Drizzle.
import { SQL, StringChunk } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

/** Drizzle keeps this flag private; rendering reads it. */
const inlines = (s: SQL) => (s as unknown as { shouldInlineParams: boolean }).shouldInlineParams;

/** `q` with its nested SQL pieces' text joined (or `q` itself when there is nothing to join). */
export function flatSql(q: SQL): SQL {
  if (inlines(q)) return q;
  const out: unknown[] = [];
  let text = '';
  let nested = false;
  const walk = (s: SQL): boolean => {
    for (const c of s.queryChunks as unknown[]) {
      if (c === undefined) continue; // Drizzle renders it as nothing
      const proto = c !== null && typeof c === 'object' ? Object.getPrototypeOf(c) : null;
      if (proto === StringChunk.prototype) text += (c as StringChunk).value.join('');
      else if (proto === SQL.prototype) {
        if (inlines(c as SQL)) return false;
        nested = true;
        if (!walk(c as SQL)) return false;
      } else {
        if (text) out.push(new StringChunk(text));
        text = '';
        out.push(c);
      }
    }
    return true;
  };
  if (!walk(q) || !nested) return q;
  if (text) out.push(new StringChunk(text));
  // Built empty, then given its chunks: the constructor would test each chunk for a table (the
  // list of tables a statement uses, which rendering does not read).
  const flat = new SQL([]);
  (flat as { queryChunks: unknown[] }).queryChunks = out;
  return flat;
}

const render = PgDialect.prototype.sqlToQuery;

const dialect = new PgDialect();
/**
 * SQL without parameters, rendered to text once (a list's column expressions, the same for every
 * request): building them into a statement each time cost the server more CPU than the database
 * spends running it.
 */
export function fixedSql<T>(q: SQL<T>): SQL<T> {
  const { sql: text, params } = render.call(dialect, q);
  if (params.length) throw new Error('fixedSql(): SQL with parameters');
  return new SQL([new StringChunk(text)]) as SQL<T>;
}

/** Drizzle's own rendering, without flattening (tests compare the two). */
export function renderUnflattened(dialect: PgDialect, q: SQL, invokeSource?: 'indexes'): ReturnType<PgDialect['sqlToQuery']> {
  return render.call(dialect, q, invokeSource);
}

let installed = false;

/** Every PostgreSQL statement Drizzle renders in this process is flattened first (client.ts). */
export function installFlatSql(): void {
  if (installed) return;
  installed = true;
  PgDialect.prototype.sqlToQuery = function (this: PgDialect, q: SQL, invokeSource?: 'indexes') {
    return render.call(this, flatSql(q), invokeSource);
  };
}
