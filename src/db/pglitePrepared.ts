// Named prepared statements on PGlite. PGlite's own `query` sends every statement unnamed
// (Parse, Describe, Bind, Describe, Execute, Sync: six calls into the WebAssembly PostgreSQL), so
// PostgreSQL parses, analyses and plans it afresh at every request: for the petitions list that
// is three quarters of the statement's cost. Here a statement is parsed once under a name (kept
// per statement text, as the PostgreSQL path's PreparingClient in client.ts does), and each run is
// one message: Bind, Describe, Execute, Sync. PostgreSQL's plan cache then keeps the plan (a
// generic one once it is as good as the custom ones; text search forces custom plans for its own
// statements, see usePlan in textSearch.ts) and re-plans by itself when a table it reads changes.
//
// What a plan cache cannot absorb is a statement whose result or parameter types change (an
// ALTER TABLE … TYPE, a migration: PostgreSQL refuses with "cached plan must not change result
// type"): so a statement that may change a table's shape (statementKind 'schema': ALTER, DROP,
// CREATE OR REPLACE, DO, DEALLOCATE, DISCARD, anything unknown) forgets all names, before it runs
// and after, and they are parsed again on next use; the forgotten ones are closed later, outside
// any transaction. A change hidden from this file (DDL inside a function) makes the next run of a
// statement fail with that refusal: outside a transaction it is parsed again and run once more.
//
// `preparing(pg)` swaps the instance's `query`, `exec` and `transaction` (its transactions'
// `query` and `exec`) for these; results, errors, locking (PGlite's transaction and query
// mutexes) and the file-system sync after a statement outside a transaction are PGlite's own.
import { PGlite, parse, protocol, types as pgliteTypes, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';

const serialize = protocol.serialize;

/** Statements kept prepared at once; beyond, the least recently used is closed (outside a transaction). */
export const PREPARED_MAX = 200;

/** A plain read or write: prepared. */
const PLAIN = /^\s*(\(\s*)*(select|insert|update|delete|with|values|table|merge)\b/i;
/**
 * Statements after which no prepared statement can have a new result or parameter type: neither
 * prepared nor forgetting (a new table, index or partition is one no statement read before).
 */
const HARMLESS = /^\s*(begin|start|commit|end|rollback|savepoint|release|set|reset|show|checkpoint|lock|listen|unlisten|notify|explain|analyze|vacuum|truncate|copy|prepare|execute|fetch|move|close|declare|grant|revoke|create\s+(?!or\s+replace\b)(unique\s+)?(table|index|sequence|schema|extension)\b)/i;

/**
 * What a statement is to a statement cache: a plain read or write (`plain`, worth preparing),
 * one that changes nothing prepared statements depend on (`harmless`), or one that may change a
 * table's or a view's shape (`schema`: ALTER, DROP, CREATE OR REPLACE, DO, DISCARD, DEALLOCATE,
 * anything unknown) — after which statements prepared before must be parsed again. Shared with
 * the PostgreSQL path (PreparingClient in client.ts).
 */
export function statementKind(text: string): 'plain' | 'harmless' | 'schema' {
  if (PLAIN.test(text)) return 'plain';
  if (HARMLESS.test(text) && !text.includes(';')) return 'harmless';
  return 'schema';
}

/** PostgreSQL's refusal to run a prepared statement whose result type changed (0A000, plancache.c). */
export function resultTypeChanged(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === '0A000' && /cached plan must not change result type/.test(String(e.message));
}

interface Prepared {
  name: string;
  /** Parameter types as PostgreSQL inferred them at Parse (for PGlite's serializers). */
  types: number[];
}

/** What `preparing` keeps for one PGlite instance; exported for tests. */
export interface PreparedState {
  /** Statement text → its name, least recently used first. */
  readonly statements: Map<string, Prepared>;
  /** Names no longer used, to be closed at the next statement outside a transaction. */
  readonly orphans: string[];
  /** Runs that reused a prepared statement / parsed one (tests, bench). */
  readonly counts: { reused: number; parsed: number; unnamed: number };
}

const states = new WeakMap<PGlite, PreparedState>();
export function preparedState(pg: PGlite): PreparedState | undefined {
  return states.get(pg);
}

/** The fields PGlite adds to a database error of `query` (see its makePGliteError). */
function withQuery(err: unknown, query: string, params: unknown[], options: QueryOptions | undefined): unknown {
  if (err && typeof err === 'object' && 'severity' in err) Object.assign(err, { query, params, queryOptions: options });
  return err;
}

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];
type Parser = (value: string, typeId: number) => unknown;

/**
 * One statement's result from its messages, as PGlite's parseResults builds it (the same rows,
 * fields, command, affectedRows and rowCount), with each column's parser looked up once: PGlite
 * merges its ~300 parsers with the caller's into a new object at every statement (0.1 ms).
 */
function resultOf<T>(messages: BackendMessage[], defaults: Record<number | string, Parser>, options: QueryOptions | undefined): Results<T> {
  const own = options?.parsers as Record<number | string, Parser> | undefined;
  let fields: { name: string; dataTypeID: number }[] = [];
  let parsers: (Parser | undefined)[] = [];
  const rows: unknown[] = [];
  const array = options?.rowMode === 'array';
  let affectedRows = 0;
  let result: Results<T> | undefined;
  for (const m of messages) {
    if (m.name === 'rowDescription') {
      fields = (m as unknown as { fields: { name: string; dataTypeID: number }[] }).fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }));
      parsers = fields.map((f) => own?.[f.dataTypeID] ?? defaults[f.dataTypeID] ?? (pgliteTypes.parsers as Record<number, Parser>)[f.dataTypeID]);
    } else if (m.name === 'dataRow') {
      const values = (m as unknown as { fields: (string | null)[] }).fields.map((v, i) => (v === null ? null : parsers[i] ? parsers[i]!(v, fields[i]!.dataTypeID) : v));
      rows.push(array ? values : Object.fromEntries(values.map((v, i) => [fields[i]!.name, v])));
    } else if (m.name === 'commandComplete') {
      const parts = (m as unknown as { text: string }).text.split(' ');
      const command = parts[0]!;
      const rowCount = parseInt(parts[parts.length - 1]!, 10);
      if (['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(command)) affectedRows += rowCount;
      result = { rows: rows as T[], fields, command, affectedRows } as Results<T>;
      if (!Number.isNaN(rowCount)) (result as { rowCount?: number }).rowCount = rowCount;
      break;
    }
  }
  return result ?? ({ affectedRows: 0, rows: [], fields: [] } as Results<T>);
}

/**
 * Makes `pg` run single reads and writes as named prepared statements (see the header). Returns
 * its state. Calling it twice on one instance does nothing more.
 */
export function preparing(pg: PGlite): PreparedState {
  const existing = states.get(pg);
  if (existing) return existing;
  const state: PreparedState = { statements: new Map(), orphans: [], counts: { reused: 0, parsed: 0, unnamed: 0 } };
  states.set(pg, state);
  let next = 0;
  const originalQuery = pg.query.bind(pg);
  const originalExec = pg.exec.bind(pg);
  const originalTransaction = pg.transaction.bind(pg);

  const forgetAll = () => {
    for (const p of state.statements.values()) state.orphans.push(p.name);
    state.statements.clear();
  };

  /** Runs one prepared statement; called holding PGlite's query mutex. */
  const run = async <T>(query: string, params: unknown[], options: QueryOptions | undefined, inTx: boolean): Promise<Results<T>> => {
    let st = state.statements.get(query);
    const parts: Uint8Array[] = [];
    if (!inTx) {
      // Outside a transaction nothing can be aborted: close what was forgotten, and make room.
      while (!st && state.statements.size >= PREPARED_MAX) {
        const [oldest, p] = state.statements.entries().next().value!;
        state.statements.delete(oldest);
        state.orphans.push(p.name);
      }
      for (const name of state.orphans.splice(0)) parts.push(serialize.close({ type: 'S', name }));
    }
    if (!st) {
      const name = `nt_p${++next}`;
      parts.push(serialize.parse({ name, text: query }), serialize.describe({ type: 'S', name }), serialize.sync());
      // An error (the statement's own, as the unnamed path would give) is thrown after the Sync.
      const described = await pg.execProtocolStream(Buffer.concat(parts), { syncToFs: false });
      parts.length = 0;
      st = { name, types: parse.parseDescribeStatementResults(described) };
      state.statements.set(query, st);
      state.counts.parsed++;
    } else {
      // Most recently used last.
      state.statements.delete(query);
      state.statements.set(query, st);
      state.counts.reused++;
    }
    const types = st.types;
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const oid = types[i]!;
      const serializer = options?.serializers?.[oid] ?? pg.serializers[oid];
      return serializer ? serializer(param) : String(param);
    });
    parts.push(serialize.bind({ statement: st.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync());
    const messages = await pg.execProtocolStream(Buffer.concat(parts), { syncToFs: false });
    if (!inTx) await pg.syncToFs();
    return resultOf<T>(messages, pg.parsers, options);
  };

  /** `query` on the database (inTx false) or in an open transaction (`unnamed` is that one's own query). */
  const query = async <T>(
    inTx: boolean,
    unnamed: <U>(q: string, p?: unknown[], o?: QueryOptions) => Promise<Results<U>>,
    text: string,
    params: unknown[] = [],
    options?: QueryOptions,
  ): Promise<Results<T>> => {
    const kind = statementKind(text);
    if (kind !== 'plain' || options?.blob || options?.paramTypes || (inTx && !state.statements.has(text) && state.statements.size >= PREPARED_MAX)) {
      if (kind !== 'schema') {
        state.counts.unnamed++;
        return unnamed<T>(text, params, options);
      }
      // DDL (or unknown): no prepared statement survives it.
      forgetAll();
      try {
        return await unnamed<T>(text, params, options);
      } finally {
        forgetAll();
      }
    }
    await pg._checkReady();
    const once = () => pg._runExclusiveQuery(() => run<T>(text, params, options, inTx));
    const exclusive = () => (inTx ? once() : pg._runExclusiveTransaction(once));
    try {
      return await exclusive();
    } catch (err) {
      // A statement whose result changed under it (DDL not seen here): parsed again, once, where
      // a retry is possible (outside a transaction; inside, the error ended the transaction).
      if (!inTx && resultTypeChanged(err) && state.statements.has(text)) {
        state.orphans.push(state.statements.get(text)!.name);
        state.statements.delete(text);
        try {
          return await exclusive();
        } catch (again) {
          throw withQuery(again, text, params, options);
        }
      }
      throw withQuery(err, text, params, options);
    }
  };

  /** `exec` (simple protocol, maybe several statements): anything not `harmless` forgets all names. */
  const exec = async (original: (q: string, o?: QueryOptions) => Promise<Results[]>, text: string, options?: QueryOptions) => {
    if (statementKind(text) === 'harmless') return original(text, options);
    forgetAll();
    try {
      return await original(text, options);
    } finally {
      forgetAll();
    }
  };

  pg.query = ((text: string, params?: unknown[], options?: QueryOptions) => query(false, originalQuery, text, params, options)) as PGlite['query'];
  pg.exec = ((text: string, options?: QueryOptions) => exec(originalExec, text, options)) as PGlite['exec'];
  pg.transaction = (<T>(fn: (tx: Transaction) => Promise<T>) =>
    originalTransaction((tx) => {
      const txQuery = tx.query.bind(tx);
      const txExec = tx.exec.bind(tx);
      tx.query = (async <T>(text: string, params?: unknown[], options?: QueryOptions) => {
        if (tx.closed) throw new Error('Transaction is closed');
        return query<T>(true, txQuery, text, params, options);
      }) as Transaction['query'];
      tx.exec = ((text: string, options?: QueryOptions) => exec(txExec, text, options)) as Transaction['exec'];
      return fn(tx);
    })) as PGlite['transaction'];
  return state;
}
