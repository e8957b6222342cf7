/** Derived columns that only serve ordering and search: never part of a row as JSON. */
type InternalKey = 'sortKey' | 'searchKey';

// A database row as JSON: timestamps become ISO strings, internal sort/search keys are left out,
// everything else stays as it is.
export function out<T extends Record<string, unknown>>(
  row: T,
): { [K in Exclude<keyof T, InternalKey>]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] } {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'sortKey' || k === 'searchKey') continue;
    o[k] = v instanceof Date ? v.toISOString() : v;
  }
  return o as never;
}

/** A row without its search keys (derived, internal): never in an API response or an audit snapshot. */
export function withoutSearchKeys<T extends Record<string, unknown>>(row: T): Omit<T, 'searchText' | 'exactText' | 'searchVector'> {
  const { searchText: _text, exactText: _exact, searchVector: _vector, ...rest } = row;
  return rest;
}
