// The dictionary in force: the shipped defaults merged with the administrator's entries, cached in
// process (src/db/cache.ts: dropped in every process when an administrator changes an entry).
// Requests run inside `withAbbreviations` (this module's request middleware), so code that builds
// or parses search keys synchronously (searchColumnsOf, searchOn) reads `currentAbbreviations()`
// without a database handle. The pure text functions keep taking the dictionary as a parameter.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DEFAULT_ABBREVIATIONS, mergeAbbreviations, type AbbreviationDictionary, type AbbreviationEntry,
} from '../../domain/text/abbreviations.ts';
import type { Db, Tx } from '../../db/client.ts';
import { processCache } from '../../db/cache.ts';
import { textAbbreviations } from './schema.ts';

type Row = typeof textAbbreviations.$inferSelect;

export function entryOf(r: Pick<Row, 'abbreviation' | 'expansion' | 'numbered' | 'caseSensitive'>): AbbreviationEntry {
  return {
    abbr: r.abbreviation,
    expansion: r.expansion,
    ...(r.numbered ? { numbered: true } : {}),
    ...(r.caseSensitive !== null ? { caseSensitive: r.caseSensitive } : {}),
  };
}

/** Defaults + the administrator's rows (a row replaces a default with the same abbreviation). */
export function mergedDictionary(rows: readonly Row[]): AbbreviationDictionary {
  return rows.length ? mergeAbbreviations(DEFAULT_ABBREVIATIONS, rows.map(entryOf)) : DEFAULT_ABBREVIATIONS;
}

/** The dictionary last loaded (for work outside a request: jobs, CLI). */
let lastLoaded: AbbreviationDictionary = DEFAULT_ABBREVIATIONS;
const scope = new AsyncLocalStorage<AbbreviationDictionary>();

/** The merged dictionary of `db`, read from the database. */
export async function readAbbreviations(db: Db | Tx): Promise<AbbreviationDictionary> {
  const d = mergedDictionary(await db.select().from(textAbbreviations));
  lastLoaded = d;
  return d;
}

/** The merged dictionary of `db` (cached per process until an administrator changes an entry). */
export const loadAbbreviations: (db: Db | Tx) => Promise<AbbreviationDictionary> = processCache('abbreviations', readAbbreviations);

/** Runs `fn` with the dictionary of `db` as the current one. */
export async function withAbbreviations<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  let dict: AbbreviationDictionary;
  try {
    dict = await loadAbbreviations(db);
  } catch {
    dict = lastLoaded;
  }
  return scope.run(dict, fn);
}

/** The dictionary in force for the current request (defaults outside any request before a load). */
export function currentAbbreviations(): AbbreviationDictionary {
  return scope.getStore() ?? lastLoaded;
}
