// Nhật ký: the audit log, for the whole system (/audit, administrators) or one council
// (/councils/:councilId/audit). Each row expands into a before → after view of the changed fields.
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Card, DatePicker, Input, Select, Tag, Tooltip, Typography } from 'antd';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import type { Dayjs } from 'dayjs';
import { useAuth } from '../lib/auth.tsx';
import { useApi, usePagedTable, type Loaded } from '../lib/hooks.ts';
import type { Page as ApiPage } from '../lib/api.ts';
import {
  ACTION_LABELS, DATE_FORMAT, DELEGATE_STATUS, ENTITY_LABELS, FIELD_LABELS, GENDER_LABELS, HIDDEN_FIELDS, actionLabel,
  clip, entityLabel, fmtDate, fmtDateTime, isoDay,
} from '../lib/format.ts';
import { ErrorView, Page } from '../components/common.tsx';
import { AGENCY_KINDS, BODY_KINDS, LEVELS } from '../../domain/directory/labels.ts';
import { DOCUMENT_KINDS, DOCUMENT_STATUS_LABELS } from '../../domain/documents/format.ts';
import {
  DISPATCH_ITEM_STATE_LABELS, OPINION_CHANNEL_LABELS, PETITION_STATUS_LABELS, RESPONSE_RESULT_LABELS, ROUND_KIND_LABELS,
} from '../../domain/petitions/status.ts';
import { ExportButton } from './documents/shared.tsx';

export interface AuditEvent {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  councilId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const ROLE_LABELS: Record<string, string> = {
  admin: 'Quản trị hệ thống',
  secretariat: 'Chuyên viên Văn phòng',
  standing_member: 'Thành viên Thường trực HĐND',
  committee_member: 'Thành viên Ban HĐND',
  delegate: 'Đại biểu HĐND',
  front_staff: 'Cán bộ Ủy ban MTTQ Việt Nam',
  agency_responder: 'Cán bộ cơ quan trả lời kiến nghị',
};
const MEMBERSHIP_ROLES: Record<string, string> = { chair: 'Trưởng', vice_chair: 'Phó', member: 'Thành viên' };
const DOCUMENT_KIND_NAMES = Object.fromEntries(Object.values(DOCUMENT_KINDS).map((k) => [k.kind, k.name]));
const VALUE_LABELS: Record<string, Record<string, string>> = {
  gender: GENDER_LABELS,
  status: { ...PETITION_STATUS_LABELS, ...DOCUMENT_STATUS_LABELS, ...DELEGATE_STATUS },
  role: { ...ROLE_LABELS, ...MEMBERSHIP_ROLES },
  level: LEVELS,
  competentLevel: LEVELS,
  kind: { ...BODY_KINDS, ...AGENCY_KINDS, ...ROUND_KIND_LABELS, ...DOCUMENT_KIND_NAMES },
  result: RESPONSE_RESULT_LABELS,
  channel: OPINION_CHANNEL_LABELS,
  state: DISPATCH_ITEM_STATE_LABELS,
};

/** id → display name of what the page's snapshots reference (the list answer's `names`). */
export type Names = Record<string, string>;

/** A referenced record's name, with its id in a tooltip. */
const named = (id: string, name: string) => (
  <Tooltip title={`Mã: ${id}`}>
    <span data-testid="audit-ref-name">{name}</span>
  </Tooltip>
);

const nameOf = (names: Names, v: unknown): string | undefined =>
  typeof v === 'string' && Object.hasOwn(names, v) ? names[v] : undefined;

function showValue(key: string, v: unknown, names: Names = {}): React.ReactNode {
  if (v === null || v === undefined || v === '') return <Typography.Text type="secondary">(trống)</Typography.Text>;
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'string') {
    const name = nameOf(names, v);
    if (name) return named(v, name);
    if (VALUE_LABELS[key]?.[v]) return VALUE_LABELS[key]![v];
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return fmtDate(v);
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return fmtDateTime(v);
    return v;
  }
  if (Array.isArray(v)) {
    if (!v.length) return '(trống)';
    if (v.some((x) => nameOf(names, x))) {
      return v.map((x, i) => {
        const name = nameOf(names, x);
        return (
          <span key={i}>
            {i > 0 && ', '}
            {name ? named(String(x), name) : typeof x === 'object' ? JSON.stringify(x) : String(x)}
          </span>
        );
      });
    }
    return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  }
  if (typeof v === 'object') return <span className="nt-mono">{JSON.stringify(v)}</span>;
  return String(v);
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields that differ between two snapshots (all fields of a creation or deletion). */
export function diffRows(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !HIDDEN_FIELDS.has(k));
  return keys
    .filter((k) => !(before && after) || !same(before[k], after[k]))
    .filter((k) => k !== 'id')
    // A creation or deletion: leave out the fields that were empty anyway.
    .filter((k) => (before && after) || !isEmpty((after ?? before)?.[k]))
    .map((k) => ({ key: k, label: FIELD_LABELS[k] ?? k, before: before?.[k], after: after?.[k] }));
}

function EventDiff({ e, names }: { e: AuditEvent; names: Names }) {
  const rows = diffRows(e.before, e.after);
  if (!rows.length) return <Typography.Text type="secondary">Không có trường nào thay đổi.</Typography.Text>;
  return (
    <ResponsiveTable
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      style={{ maxWidth: 900 }}
      columns={[
        { title: 'Trường', dataIndex: 'label', width: 200, render: (l: string, r) => <Tooltip title={r.key}>{l}</Tooltip> },
        { title: 'Trước', dataIndex: 'before', render: (v, r) => (e.before ? <span className="nt-diff-old">{showValue(r.key, v, names)}</span> : '—') },
        { title: 'Sau', dataIndex: 'after', render: (v, r) => (e.after ? <span className="nt-diff-new">{showValue(r.key, v, names)}</span> : '—') },
      ]}
    />
  );
}

const entityName = (e: AuditEvent, names: Names) => {
  const s = (e.after ?? e.before ?? {}) as Record<string, unknown>;
  const n = s.fullName ?? s.name ?? s.username ?? s.fileName ?? nameOf(names, e.entityId);
  return typeof n === 'string' ? n : null;
};

export function AuditPage() {
  const { councilId } = useParams();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const [action, setAction] = useState<string | undefined>(params.get('action') ?? undefined);
  const [entityType, setEntityType] = useState<string | undefined>(params.get('entityType') ?? undefined);
  const [entityId, setEntityId] = useState(params.get('entityId') ?? '');
  const [actorId, setActorId] = useState<string>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [filterCouncil, setFilterCouncil] = useState<string>();
  const isAdmin = !!me?.isAdmin;
  const users: Loaded<ApiPage<{ id: string; fullName: string; username: string }>> = useApi(isAdmin ? '/users' : null, { pageSize: 200 });

  const path = councilId ? `/councils/${councilId}/audit` : '/audit';
  const filters = {
    action,
    entityType,
    entityId: entityId.trim(),
    actorId,
    from: isoDay(range?.[0]),
    to: isoDay(range?.[1]),
    councilId: councilId ? undefined : filterCouncil,
  };
  const table = usePagedTable<AuditEvent>(path, filters);
  const names = (table.data as (ApiPage<AuditEvent> & { names?: Names }) | null)?.names ?? {};
  const councilName = me?.councils.find((c) => c.id === councilId)?.name;

  const actionOptions = useMemo(
    () => Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label })),
    [],
  );
  if (table.error && (table.error.status === 403 || table.error.status === 404)) return <ErrorView error={table.error} />;

  return (
    <Page
      title={councilId ? 'Nhật ký thao tác' : 'Nhật ký hệ thống'}
      subtitle={councilId ? councilName : 'Mọi thao tác ghi dữ liệu trên toàn hệ thống'}
      crumbs={councilId ? [{ title: 'Hệ thống' }, { title: councilName ?? 'HĐND' }, { title: 'Nhật ký thao tác' }] : [{ title: 'Hệ thống' }, { title: 'Nhật ký hệ thống' }]}
      extra={<ExportButton path={`${path}/export.xlsx`} query={filters} />}
    >
      <Card>
        <div className="nt-toolbar">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="Thao tác"
            value={action}
            onChange={setAction}
            options={actionOptions}
            style={{ width: 260 }}
            popupMatchSelectWidth={false}
            aria-label="Lọc theo thao tác"
          />
          <Select
            allowClear
            placeholder="Loại đối tượng"
            value={entityType}
            onChange={setEntityType}
            options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
          />
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            value={range}
            onChange={(v) => setRange(v)}
            allowEmpty={[true, true]}
            style={{ width: 260 }}
          />
          {isAdmin && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="Người thực hiện"
              value={actorId}
              onChange={setActorId}
              options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }))}
              style={{ width: 220 }}
              popupMatchSelectWidth={false}
            />
          )}
          {!councilId && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="Hội đồng nhân dân"
              value={filterCouncil}
              onChange={setFilterCouncil}
              options={(me?.councils ?? []).map((c) => ({ value: c.id, label: c.name }))}
              style={{ width: 240 }}
              popupMatchSelectWidth={false}
            />
          )}
          <Input
            allowClear
            placeholder="Mã đối tượng"
            value={entityId}
            onChange={(e) => {
              setEntityId(e.target.value);
              if (params.get('entityId')) {
                params.delete('entityId');
                setParams(params, { replace: true });
              }
            }}
            style={{ width: 220 }}
          />
        </div>
        <ResponsiveTable<AuditEvent>
          rowKey="id"
          size="middle"
          scroll={{ x: 640 }}
          {...table.tableProps}
          locale={{ emptyText: 'Không có thao tác nào khớp với điều kiện lọc.' }}
          expandable={{ expandedRowRender: (e) => <EventDiff e={e} names={names} />, expandRowByClick: false }}
          columns={[
            {
              title: 'Thời điểm, người thực hiện',
              dataIndex: 'at',
              width: 190,
              render: (v: string, e) => (
                <div>
                  <div>{fmtDateTime(v)}</div>
                  <div style={{ color: '#4b5563' }}>{e.actorName}</div>
                </div>
              ),
            },
            {
              title: 'Thao tác',
              dataIndex: 'action',
              width: 210,
              render: (a: string) => (
                <Tooltip title={`Mã thao tác: ${a}`}>
                  <span>{actionLabel(a)}</span>
                </Tooltip>
              ),
            },
            {
              title: 'Đối tượng',
              key: 'entity',
              render: (_: unknown, e) => (
                <div>
                  <Tag>{entityLabel(e.entityType)}</Tag>
                  {entityName(e, names) && <div>{entityName(e, names)}</div>}
                  <Tooltip title={`Mã đối tượng: ${e.entityId}`}>
                    <div className="nt-mono" style={{ color: '#8a94a3' }}>{e.entityId.length > 13 ? clip(e.entityId, 9) : e.entityId}</div>
                  </Tooltip>
                </div>
              ),
            },
          ]}
        />
      </Card>
    </Page>
  );
}
