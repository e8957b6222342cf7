// One table for every page: an antd Table on wide screens, and under the `md` breakpoint (phones,
// < 768 px) a list of cards — one card per row, each column as "label: value", the row's actions
// (the column keyed `actions`, or the last column without a title) in the card's footer, so the
// main action stays on screen; an expandable row gets a "Xem chi tiết" toggle. A table with a
// totals row (`summary`) stays a table and scrolls inside its card. Pages swap `Table` for
// `ResponsiveTable` and keep their props.
import { useState, type ReactNode } from 'react';
import { Button, Checkbox, Empty, Grid, Pagination, Spin, Table } from 'antd';
import type { TableColumnType, TableProps } from 'antd';

type AnyColumn<T> = TableColumnType<T> & { children?: AnyColumn<T>[] };

export interface ResponsiveTableProps<T> extends TableProps<T> {
  /** The card's heading; default: the first column's content. */
  cardTitle?: (row: T, index: number) => ReactNode;
  /** Render cards below this breakpoint (default md = 768 px). */
  cardsBelow?: 'sm' | 'md' | 'lg';
}

const flatten = <T,>(cols: AnyColumn<T>[]): AnyColumn<T>[] => cols.flatMap((c) => (c.children ? flatten(c.children) : [c]));

function valueOf<T>(row: T, dataIndex: TableColumnType<T>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k as string] : undefined), row);
}

function cellOf<T>(col: AnyColumn<T>, row: T, index: number): ReactNode {
  const value = valueOf(row, col.dataIndex);
  if (col.render) {
    const r = col.render(value, row, index) as unknown;
    // A render may return cell props ({ children, props }); the card wants the content.
    if (r && typeof r === 'object' && 'children' in (r as object) && 'props' in (r as object) && !('$$typeof' in (r as object))) {
      return (r as { children: ReactNode }).children;
    }
    return r as ReactNode;
  }
  return value === null || value === undefined ? '' : (value as ReactNode);
}

const keyOf = <T,>(row: T, index: number, rowKey: TableProps<T>['rowKey']): React.Key =>
  typeof rowKey === 'function' ? rowKey(row, index) : ((row as Record<string, unknown>)[(rowKey as string) ?? 'key'] as React.Key) ?? index;

const isActions = <T,>(c: AnyColumn<T>, i: number, all: AnyColumn<T>[]) =>
  c.key === 'actions' || c.key === 'action' || (i === all.length - 1 && !c.title && !c.dataIndex);

export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const screens = Grid.useBreakpoint();
  const { cardTitle, cardsBelow = 'md', ...tableProps } = props;
  // Before the first measurement `screens` is empty: render the table (desktop first).
  const narrow = Object.keys(screens).length > 0 && !screens[cardsBelow];
  if (!narrow || tableProps.summary) return <Table<T> {...tableProps} />;

  const rows = (tableProps.dataSource ?? []) as T[];
  const all = flatten((tableProps.columns ?? []) as AnyColumn<T>[]).filter((c) => !c.hidden);
  const actions = all.filter((c, i) => isActions(c, i, all));
  const fields = all.filter((c) => !actions.includes(c));
  const [head, ...rest] = fields;
  const selection = tableProps.rowSelection;
  const selected = new Set(selection?.selectedRowKeys ?? []);
  const pagination = tableProps.pagination;
  const loading = typeof tableProps.loading === 'object' ? !!tableProps.loading.spinning : !!tableProps.loading;
  const empty = tableProps.locale?.emptyText;

  const toggle = (key: React.Key, row: T, checked: boolean) => {
    const keys = checked ? [...selected, key] : [...selected].filter((k) => k !== key);
    const chosen = rows.filter((r, i) => keys.includes(keyOf(r, i, tableProps.rowKey)));
    selection?.onChange?.(keys, chosen, { type: checked ? 'single' : 'single' } as never);
    selection?.onSelect?.(row, checked, chosen, undefined as never);
  };

  return (
    <Spin spinning={loading}>
      <div className="nt-cards" data-testid="responsive-cards">
        {rows.length === 0 && !loading && <div className="nt-cards-empty">{typeof empty === 'function' ? empty() : (empty ?? <Empty description="Không có dữ liệu" />)}</div>}
        {rows.map((row, index) => {
          const key = keyOf(row, index, tableProps.rowKey);
          const onRow = tableProps.onRow?.(row, index);
          const checkboxProps = selection?.getCheckboxProps?.(row);
          return (
            <div
              key={key}
              className={`nt-card${selected.has(key) ? ' nt-card-selected' : ''}${typeof tableProps.rowClassName === 'function' ? ` ${tableProps.rowClassName(row, index, 0)}` : ''}`}
              onClick={onRow?.onClick as never}
              style={onRow?.style}
            >
              <div className="nt-card-head">
                {selection && (
                  <Checkbox
                    checked={selected.has(key)}
                    disabled={checkboxProps?.disabled}
                    aria-label="Chọn dòng này"
                    onClick={(e) => e.stopPropagation()}
                    onChange={(e) => toggle(key, row, e.target.checked)}
                  />
                )}
                <div className="nt-card-title">{cardTitle ? cardTitle(row, index) : head ? cellOf(head, row, index) : null}</div>
              </div>
              {(cardTitle ? fields : rest).map((c, i) => {
                const cell = cellOf(c, row, index);
                if (cell === '' || cell === null || cell === undefined || cell === false) return null;
                return (
                  <div key={String(c.key ?? c.dataIndex ?? i)} className="nt-card-field">
                    {c.title ? <span className="nt-card-label">{typeof c.title === 'function' ? null : (c.title as ReactNode)}</span> : null}
                    <span className="nt-card-value">{cell}</span>
                  </div>
                );
              })}
              {actions.length > 0 && (
                <div className="nt-card-actions" onClick={(e) => e.stopPropagation()}>
                  {actions.map((c, i) => (
                    <span key={String(c.key ?? i)}>{cellOf(c, row, index)}</span>
                  ))}
                </div>
              )}
              {tableProps.expandable?.expandedRowRender && (tableProps.expandable.rowExpandable?.(row) ?? true) && (
                <Details render={() => tableProps.expandable!.expandedRowRender!(row, index, 0, true)} />
              )}
            </div>
          );
        })}
      </div>
      {pagination && (pagination.total ?? rows.length) > (pagination.pageSize ?? 10) && (
        <Pagination
          size="small"
          simple
          style={{ marginTop: 12, textAlign: 'center' }}
          current={pagination.current}
          pageSize={pagination.pageSize}
          total={pagination.total}
          onChange={(page, pageSize) => {
            pagination.onChange?.(page, pageSize);
            tableProps.onChange?.({ current: page, pageSize }, {}, [], { action: 'paginate', currentDataSource: rows });
          }}
        />
      )}
    </Spin>
  );
}

function Details({ render }: { render: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div onClick={(e) => e.stopPropagation()}>
      <Button type="link" size="small" style={{ padding: 0, marginTop: 6 }} onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? 'Ẩn chi tiết' : 'Xem chi tiết'}
      </Button>
      {open && <div className="nt-card-details">{render()}</div>}
    </div>
  );
}
