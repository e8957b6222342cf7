// The pager of a server-paged list shown as something other than a table (cards, a timeline, a
// side list): the same pages as usePagedTable's table, hidden while one page holds the whole list.
import { Pagination } from 'antd';
import type { PagedTable } from '../lib/hooks.ts';

export function ListPager<T>({ list }: { list: PagedTable<T> }) {
  const p = list.tableProps.pagination || {};
  if (list.total <= (p.pageSize ?? 20)) return null;
  return (
    <Pagination
      size="small"
      style={{ marginTop: 12, textAlign: 'center' }}
      current={p.current}
      pageSize={p.pageSize}
      total={list.total}
      showSizeChanger={false}
      showTotal={p.showTotal}
      onChange={(current, pageSize) => list.tableProps.onChange?.({ current, pageSize }, {}, [], { action: 'paginate', currentDataSource: [] })}
    />
  );
}
