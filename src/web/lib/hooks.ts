// Data hooks: a one-shot loader, a server-paginated table, the directory vocabulary, debouncing,
// the submit of a form, and the window's width.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormInstance, TablePaginationConfig, TableProps } from 'antd';
import { api, ApiError, type Page } from './api.ts';
import { message, showError, showFormError } from './feedback.tsx';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/** GETs a path (re-fetching when it changes); a null path loads nothing. */
export function useApi<T>(path: string | null, query?: Record<string, string | number | boolean | null | undefined>): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error: ApiError | null; loading: boolean }>({ error: null, loading: !!path });
  const [tick, setTick] = useState(0);
  const key = path ? `${path}?${JSON.stringify(query ?? {})}` : null;
  useEffect(() => {
    if (!path) {
      setState({ error: null, loading: false });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api
      .get<T>(path, query, ctl.signal)
      .then((data) => setState({ data, error: null, loading: false }))
      .catch((err) => {
        if ((err as Error).name === 'AbortError') return;
        setState({ error: err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)), loading: false });
      });
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export interface PagedTable<T> {
  tableProps: Pick<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'onChange'>;
  total: number;
  /** Misspelled word → the spellings searched instead, when nothing matched as typed. */
  corrected: Record<string, string[]> | null;
  error: ApiError | null;
  /** The last answer as it came (for extra fields beside `items`, e.g. the audit log's `names`). */
  data: Page<T> | null;
  reload(): void;
  /** Back to page 1 (call when filters change: it happens by itself when `filters` changes). */
  resetPage(): void;
}

/**
 * A table whose pages come from the server: `{items,total,page,pageSize}` answers of `path` with
 * the given filters. Changing a filter goes back to page 1.
 */
export function usePagedTable<T>(
  path: string | null,
  filters: Record<string, string | number | boolean | null | undefined> = {},
  opts: { pageSize?: number } = {},
): PagedTable<T> {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(opts.pageSize ?? 20);
  const [data, setData] = useState<Page<T> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const filterKey = JSON.stringify(filters);
  const lastFilterKey = useRef(filterKey);
  const effectivePage = lastFilterKey.current === filterKey ? page : 1;

  useEffect(() => {
    if (lastFilterKey.current !== filterKey) {
      lastFilterKey.current = filterKey;
      setPage(1);
    }
    if (!path) return;
    const ctl = new AbortController();
    setLoading(true);
    api
      .get<Page<T>>(path, { ...filters, page: effectivePage, pageSize }, ctl.signal)
      .then((d) => {
        setData(d);
        setError(null);
        setLoading(false);
      })
      .catch((err) => {
        if ((err as Error).name === 'AbortError') return;
        setLoading(false);
        if (err instanceof ApiError) setError(err);
        if (!(err instanceof ApiError && (err.status === 403 || err.status === 404))) showError(err);
      });
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, filterKey, effectivePage, pageSize, tick]);

  const pagination: TablePaginationConfig = {
    current: effectivePage,
    pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total, [from, to]) =>
      data?.more ? `${from}–${to} trong hơn ${total.toLocaleString('vi-VN')} kết quả` : `${from}–${to} trên tổng số ${total.toLocaleString('vi-VN')}`,
    hideOnSinglePage: false,
  };
  return {
    tableProps: {
      dataSource: data?.items ?? [],
      loading,
      pagination,
      onChange: (p) => {
        if (p.pageSize && p.pageSize !== pageSize) {
          setPageSize(p.pageSize);
          setPage(1);
        } else if (p.current) setPage(p.current);
      },
    },
    total: data?.total ?? 0,
    corrected: data?.corrected ?? null,
    error,
    data,
    reload: useCallback(() => setTick((t) => t + 1), []),
    resetPage: useCallback(() => setPage(1), []),
  };
}

export interface Vocabulary {
  unitTypes: { code: string; label: string; level: string }[];
  levels: Record<string, string>;
  bodyKinds: Record<string, string>;
  agencyKinds: Record<string, string>;
  membershipRoles: Record<string, string>;
}

let vocabCache: Promise<Vocabulary> | null = null;

/** The directory's Vietnamese labels (loaded once). */
export function useVocabulary(): (Vocabulary & { unitTypeLabels: Record<string, string> }) | null {
  const [v, setV] = useState<Vocabulary | null>(null);
  useEffect(() => {
    vocabCache ??= api.get<Vocabulary>('/directory/vocabulary');
    let live = true;
    vocabCache.then((x) => live && setV(x)).catch((err) => {
      vocabCache = null;
      showError(err);
    });
    return () => {
      live = false;
    };
  }, []);
  return useMemo(
    () => (v ? { ...v, unitTypeLabels: Object.fromEntries(v.unitTypes.map((t) => [t.code, t.label])) } : null),
    [v],
  );
}

/**
 * The submit of a form: validates it (a field with an error shows it and nothing is sent), is busy
 * while `run` sends the values, and shows a failure on the form's fields (showFormError) unless
 * `onError` says it handled it (returns true). `run` shows the success and moves on itself.
 * Returns the submit function and the busy flag (for the button's loading / confirmLoading).
 */
export function useFormSubmit<V>(
  form: FormInstance<V>,
  run: (values: V) => Promise<unknown>,
  options: { onError?: (err: unknown) => boolean } = {},
): [() => Promise<void>, boolean] {
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await run(values);
    } catch (err) {
      if (!options.onError?.(err)) showFormError(form, err);
    } finally {
      setBusy(false);
    }
  };
  return [submit, busy];
}

/** useFormSubmit for a modal's form: on success, `done` as a message, then `after` (close, reload). */
export function useModalSubmit<V>(form: FormInstance<V>, run: (values: V) => Promise<unknown>, done: string, after: () => void) {
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await run(v);
    message.success(done);
    after();
  });
  return { busy, submit };
}

export { useDebounced } from './debounce.ts';

/** The window's inner width, kept up to date as it changes (a phone turned, a window resized), so
 * that a drawer sized from it never stays wider than the screen. */
export function useViewportWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    onResize();
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}
