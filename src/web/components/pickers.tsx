// Remote-search pickers for units, councils and agencies (used by forms and filters).
import { useEffect, useState } from 'react';
import { Select, type SelectProps } from 'antd';
import { api, type Page } from '../lib/api.ts';
import { useDebounced, useVocabulary } from '../lib/hooks.ts';
import { fmtDate, unitTitle } from '../lib/format.ts';

export interface Unit {
  id: string;
  code: string;
  name: string;
  type: string;
  level: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  childCount?: number;
}

type Opt = { value: string; label: string };

export function useRemoteOptions<T>(
  path: string | null,
  search: string,
  toOption: (x: T) => Opt,
  extra: Record<string, string | undefined> = {},
) {
  const [options, setOptions] = useState<Opt[]>([]);
  const [loading, setLoading] = useState(false);
  const q = useDebounced(search, 250);
  const extraKey = JSON.stringify(extra);
  useEffect(() => {
    if (!path) return;
    const ctl = new AbortController();
    setLoading(true);
    api
      .get<Page<T>>(path, { q: q || undefined, pageSize: 30, ...extra }, ctl.signal)
      .then((p) => setOptions(p.items.map(toOption)))
      .catch(() => {})
      .finally(() => setLoading(false));
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, q, extraKey]);
  return { options, loading };
}

type PickerProps = Omit<SelectProps<string>, 'options' | 'showSearch' | 'onSearch' | 'filterOption'> & {
  /** Label of the current value when it is not among the loaded options. */
  initialLabel?: string;
};

function withInitial(options: Opt[], value: unknown, initialLabel?: string): Opt[] {
  if (typeof value === 'string' && initialLabel && !options.some((o) => o.value === value)) {
    return [{ value, label: initialLabel }, ...options];
  }
  return options;
}

export function UnitSelect({ initialLabel, at, ...props }: PickerProps & { at?: string }) {
  const vocab = useVocabulary();
  const [search, setSearch] = useState('');
  const { options, loading } = useRemoteOptions<Unit>(
    '/units',
    search,
    (u) => ({
      value: u.id,
      label: `${unitTitle(u, vocab?.unitTypeLabels ?? {})} — mã ${u.code}${u.validTo ? ` (đến ${fmtDate(u.validTo)})` : ''}`,
    }),
    { at },
  );
  return (
    <Select
      allowClear
      placeholder="Gõ tên hoặc mã đơn vị để tìm"
      notFoundContent={loading ? 'Đang tìm…' : 'Không tìm thấy đơn vị nào'}
      {...props}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={loading}
      options={withInitial(options, props.value, initialLabel)}
    />
  );
}

export function CouncilSelect({ initialLabel, ...props }: PickerProps) {
  const [search, setSearch] = useState('');
  const { options, loading } = useRemoteOptions<{ id: string; name: string }>('/councils', search, (c) => ({ value: c.id, label: c.name }), {
    all: 'true',
  });
  return (
    <Select
      allowClear
      placeholder="Gõ tên HĐND để tìm"
      notFoundContent={loading ? 'Đang tìm…' : 'Không tìm thấy HĐND nào'}
      {...props}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={loading}
      options={withInitial(options, props.value, initialLabel)}
    />
  );
}

export function AgencySelect({ initialLabel, ...props }: PickerProps) {
  const [search, setSearch] = useState('');
  const { options, loading } = useRemoteOptions<{ id: string; name: string }>('/agencies', search, (a) => ({ value: a.id, label: a.name }));
  return (
    <Select
      allowClear
      placeholder="Gõ tên cơ quan để tìm"
      notFoundContent={loading ? 'Đang tìm…' : 'Không tìm thấy cơ quan nào'}
      {...props}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={loading}
      options={withInitial(options, props.value, initialLabel)}
    />
  );
}
