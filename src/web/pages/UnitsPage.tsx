// Đơn vị hành chính: the tree (children loaded on demand) as of a chosen date, a search, the unit
// drawer with its ancestors, "đã trở thành"/"được hình thành từ" links and its council; for
// administrators: add/edit, record a succession, import.
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Breadcrumb, Button, Card, Col, DatePicker, Descriptions, Drawer, Empty, Form, Input, List, Modal, Row, Select, Space, Spin, Tag, Tree, Typography } from 'antd';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import type { TreeDataNode } from 'antd';
import { BranchesOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, type Page as ApiPage } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { useApi, useDebounced, useVocabulary, usePagedTable, useFormSubmit, useViewportWidth } from '../lib/hooks.ts';
import { message, showError } from '../lib/feedback.tsx';
import { DATE_FORMAT, dayOrNull, fmtDate, isoDay, unitTitle } from '../lib/format.ts';
import { ErrorView, Loading, Page } from '../components/common.tsx';
import { UnitSelect, type Unit } from '../components/pickers.tsx';
import { ExportButton } from './documents/shared.tsx';

interface UnitLink extends Unit {
  effectiveDate: string;
  note: string;
}

interface UnitDetail extends Unit {
  ancestors: Unit[];
  became: UnitLink[];
  formedFrom: UnitLink[];
  council: { id: string; name: string; validTo: string | null } | null;
}

type Node = TreeDataNode & { unit: Unit };

/** All pages of a unit list (a province may have a few hundred communes). */
async function loadAll(query: Record<string, string | undefined>): Promise<Unit[]> {
  const out: Unit[] = [];
  for (let page = 1; page < 50; page++) {
    const p = await api.get<ApiPage<Unit>>('/units', { ...query, page, pageSize: 200 });
    out.push(...p.items);
    if (out.length >= p.total || !p.items.length) break;
  }
  return out;
}

function validityText(u: Unit): string {
  if (u.validFrom && u.validTo) return `Hiệu lực ${fmtDate(u.validFrom)} – trước ${fmtDate(u.validTo)}`;
  if (u.validFrom) return `Hiệu lực từ ${fmtDate(u.validFrom)}`;
  if (u.validTo) return `Hiệu lực đến trước ${fmtDate(u.validTo)}`;
  return 'Không giới hạn thời gian';
}

export function UnitsPage() {
  const { me } = useAuth();
  const isAdmin = !!me?.isAdmin;
  const navigate = useNavigate();
  const vocab = useVocabulary();
  const labels = vocab?.unitTypeLabels ?? {};
  const [at, setAt] = useState<Dayjs | null>(dayjs());
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim(), 300);
  const [tree, setTree] = useState<Node[] | null>(null);
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<React.Key[]>([]);
  const [treeError, setTreeError] = useState<Error | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ open: boolean; unit: Unit | null; parent?: Unit | null }>({ open: false, unit: null });
  const [tick, setTick] = useState(0);
  const atIso = isoDay(at) ?? undefined;

  const toNode = useCallback(
    (u: Unit): Node => ({
      key: u.id,
      unit: u,
      // childCount from the API is unreliable (always 0 at the time of writing), so only the
      // lowest level is taken as a leaf up front; other nodes become leaves once loaded empty.
      isLeaf: u.childCount ? false : u.level === 'commune' ? true : undefined,
      title: (
        <span className="nt-tree-title">
          <span>{unitTitle(u, labels)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>mã {u.code}</Typography.Text>
          {u.validTo && u.validTo <= (atIso ?? dayjs().format('YYYY-MM-DD')) && <Tag color="default">đã kết thúc {fmtDate(u.validTo)}</Tag>}
          {!!u.childCount && <Typography.Text type="secondary" style={{ fontSize: 12 }}>· {u.childCount} đơn vị trực thuộc</Typography.Text>}
        </span>
      ),
    }),
    [labels, atIso],
  );

  useEffect(() => {
    let live = true;
    setTree(null);
    setExpanded([]);
    setLoadedKeys([]);
    setTreeError(null);
    loadAll({ root: 'true', at: atIso })
      .then((roots) => {
        if (!live) return;
        setTree(roots.map(toNode));
      })
      .catch((err) => live && setTreeError(err));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [atIso, tick, vocab]);

  const loadChildren = async (node: Node) => {
    if (node.children) return;
    try {
      const kids = await loadAll({ parentId: String(node.key), at: atIso });
      setTree((t) => (t ? attach(t, String(node.key), kids.map(toNode)) : t));
    } catch (err) {
      showError(err);
    }
  };

  const search = usePagedTable<Unit>(debouncedQ ? '/units' : null, { q: debouncedQ, at: atIso }, { pageSize: 20 });

  return (
    <Page
      title="Đơn vị hành chính"
      subtitle="Danh mục đơn vị hành chính các cấp, theo thời gian hiệu lực"
      crumbs={[{ title: 'Danh mục' }, { title: 'Đơn vị hành chính' }]}
      extra={
        <>
          <ExportButton path="/units/export.xlsx" query={{ q: debouncedQ, at: atIso }} />
          {isAdmin && (
          <>
            <Button icon={<ImportOutlined />} onClick={() => navigate('/units/import')}>
              Nhập từ tệp
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, unit: null })}>
              Thêm đơn vị
            </Button>
          </>
          )}
        </>
      }
    >
      <Card>
        <div className="nt-toolbar">
          <Space size={6} wrap>
            <span>Hiệu lực tại ngày:</span>
            <DatePicker
              value={at}
              onChange={setAt}
              format={DATE_FORMAT}
              placeholder="Mọi thời điểm"
              aria-label="Hiệu lực tại ngày"
              data-testid="units-at"
            />
          </Space>
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Tìm theo tên hoặc mã (có dấu hoặc không dấu)"
            style={{ width: 360, maxWidth: '100%' }}
          />
        </div>
        {!at && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="Đang xem mọi đơn vị, kể cả đơn vị đã kết thúc. Chọn một ngày để xem cây đơn vị hành chính tại ngày đó."
          />
        )}
        {debouncedQ ? (
          <ResponsiveTable<Unit>
            rowKey="id"
            size="middle"
            {...search.tableProps}
            onRow={(u) => ({ onClick: () => setSelected(u.id), style: { cursor: 'pointer' } })}
            locale={{ emptyText: 'Không tìm thấy đơn vị nào.' }}
            columns={[
              { title: 'Mã', dataIndex: 'code', width: 100 },
              { title: 'Tên đơn vị', key: 'name', render: (_, u) => <a>{unitTitle(u, labels)}</a> },
              { title: 'Cấp', dataIndex: 'level', width: 120, render: (l: string) => vocab?.levels[l] ?? l },
              { title: 'Hiệu lực', key: 'valid', render: (_, u) => validityText(u) },
            ]}
          />
        ) : treeError ? (
          <Alert type="error" showIcon title={treeError.message} />
        ) : !tree ? (
          <Loading tip="Đang tải cây đơn vị…" />
        ) : tree.length === 0 ? (
          <Empty description="Không có đơn vị hành chính nào có hiệu lực tại ngày đã chọn." />
        ) : (
          <Tree<Node>
            showLine
            blockNode
            treeData={tree}
            loadData={loadChildren}
            expandedKeys={expanded}
            onExpand={setExpanded}
            loadedKeys={loadedKeys}
            onLoad={setLoadedKeys}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => keys[0] && setSelected(String(keys[0]))}
            data-testid="unit-tree"
          />
        )}
      </Card>
      <UnitDrawer
        id={selected}
        onClose={() => setSelected(null)}
        onOpen={setSelected}
        isAdmin={isAdmin}
        onEdit={(u) => setEditing({ open: true, unit: u })}
        onAddChild={(u) => setEditing({ open: true, unit: null, parent: u })}
        refreshKey={tick}
        onChanged={() => setTick((t) => t + 1)}
      />
      <UnitFormModal
        state={editing}
        onClose={() => setEditing({ open: false, unit: null })}
        onSaved={(u) => {
          setEditing({ open: false, unit: null });
          setTick((t) => t + 1);
          setSelected(u.id);
        }}
      />
    </Page>
  );
}

function attach(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) =>
    n.key === key ? { ...n, children, isLeaf: children.length === 0 } : n.children ? { ...n, children: attach(n.children as Node[], key, children) } : n,
  );
}

function UnitDrawer(props: {
  id: string | null;
  onClose(): void;
  onOpen(id: string): void;
  isAdmin: boolean;
  onEdit(u: Unit): void;
  onAddChild(u: Unit): void;
  refreshKey: number;
  onChanged(): void;
}) {
  const vw = useViewportWidth();
  const vocab = useVocabulary();
  const labels = vocab?.unitTypeLabels ?? {};
  const { worksWith } = useAuth();
  const d = useApi<UnitDetail>(props.id ? `/units/${props.id}` : null, { r: props.refreshKey });
  const [succession, setSuccession] = useState(false);
  const u = d.data;
  const linkList = (list: UnitLink[], empty: string) =>
    list.length ? (
      <List
        size="small"
        dataSource={list}
        renderItem={(x) => (
          <List.Item>
            <div>
              <a onClick={() => props.onOpen(x.id)}>{unitTitle(x, labels)}</a>{' '}
              <Typography.Text type="secondary">(mã {x.code}) — từ {fmtDate(x.effectiveDate)}</Typography.Text>
              {x.note && <div style={{ color: '#5b6573', fontSize: 13 }}>{x.note}</div>}
            </div>
          </List.Item>
        )}
      />
    ) : (
      <Typography.Text type="secondary">{empty}</Typography.Text>
    );

  return (
    <Drawer
      open={!!props.id}
      onClose={props.onClose}
      size={Math.min(560, vw)}
      title={u ? unitTitle(u, labels) : 'Đơn vị hành chính'}
      extra={
        props.isAdmin &&
        u && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => props.onEdit(u)}>Sửa</Button>
            <Button icon={<PlusOutlined />} onClick={() => props.onAddChild(u)}>Thêm đơn vị trực thuộc</Button>
          </Space>
        )
      }
    >
      {d.error ? (
        <ErrorView error={d.error} />
      ) : !u || d.loading ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size={18} style={{ width: '100%' }}>
          {u.ancestors.length > 0 && (
            <Breadcrumb
              items={[
                ...u.ancestors.map((a) => ({ title: <a onClick={() => props.onOpen(a.id)}>{unitTitle(a, labels)}</a> })),
                { title: unitTitle(u, labels) },
              ]}
            />
          )}
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="Mã">{u.code}</Descriptions.Item>
            <Descriptions.Item label="Tên">{u.name}</Descriptions.Item>
            <Descriptions.Item label="Loại">{labels[u.type] ?? u.type}</Descriptions.Item>
            <Descriptions.Item label="Cấp">{vocab?.levels[u.level] ?? u.level}</Descriptions.Item>
            <Descriptions.Item label="Hiệu lực từ">{fmtDate(u.validFrom) || '—'}</Descriptions.Item>
            <Descriptions.Item label="Hiệu lực đến (không kể)">{fmtDate(u.validTo) || '—'}</Descriptions.Item>
            <Descriptions.Item label="Hội đồng nhân dân">
              {u.council ? (
                worksWith(u.council.id) ? (
                  <Link to={`/councils/${u.council.id}/delegates`}>{u.council.name}</Link>
                ) : (
                  u.council.name
                )
              ) : (
                '—'
              )}
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Title level={5} style={{ margin: 0 }}>Đã trở thành</Typography.Title>
              {props.isAdmin && (
                <Button size="small" icon={<BranchesOutlined />} onClick={() => setSuccession(true)}>
                  Ghi nhận "trở thành"
                </Button>
              )}
            </Space>
            {linkList(u.became, 'Đơn vị chưa được sáp nhập hay chuyển thành đơn vị nào.')}
          </div>
          <div>
            <Typography.Title level={5}>Được hình thành từ</Typography.Title>
            {linkList(u.formedFrom, 'Không có đơn vị tiền thân nào được ghi nhận.')}
          </div>
        </Space>
      )}
      {u && (
        <SuccessionModal
          open={succession}
          unit={u}
          onClose={() => setSuccession(false)}
          onSaved={() => {
            setSuccession(false);
            props.onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

function SuccessionModal(props: { open: boolean; unit: Unit; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/units/${props.unit.id}/successions`, {
      toUnitId: v.toUnitId,
      effectiveDate: isoDay(v.effectiveDate),
      note: v.note ?? '',
    });
    message.success('Đã ghi nhận liên kết "trở thành".');
    form.resetFields();
    props.onSaved();
  });
  return (
    <Modal
      title={`Ghi nhận: ${props.unit.name} đã trở thành…`}
      open={props.open}
      onCancel={props.onClose}
      onOk={submit}
      okText="Ghi nhận"
      cancelText="Hủy"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="Đơn vị mới" name="toUnitId" rules={[{ required: true, message: 'Hãy chọn đơn vị mới.' }]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item label="Ngày có hiệu lực" name="effectiveDate" rules={[{ required: true, message: 'Hãy chọn ngày có hiệu lực.' }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="Ghi chú" name="note">
          <Input.TextArea rows={3} maxLength={1000} placeholder="ví dụ: theo Nghị quyết số …/NQ-UBTVQH15" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function UnitFormModal(props: { state: { open: boolean; unit: Unit | null; parent?: Unit | null }; onClose(): void; onSaved(u: Unit): void }) {
  const vocab = useVocabulary();
  const [form] = Form.useForm();
  const { open, unit, parent } = props.state;
  const [parentLabel, setParentLabel] = useState<string>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const parentId = unit?.parentId ?? parent?.id;
    setParentLabel(parent ? unitTitle(parent, vocab?.unitTypeLabels ?? {}) : undefined);
    if (unit?.parentId) {
      api.get<Unit>(`/units/${unit.parentId}`).then((p) => setParentLabel(unitTitle(p, vocab?.unitTypeLabels ?? {}))).catch(() => {});
    }
    form.setFieldsValue({
      code: unit?.code,
      name: unit?.name,
      type: unit?.type,
      parentId,
      validFrom: dayOrNull(unit?.validFrom),
      validTo: dayOrNull(unit?.validTo),
    });
  }, [open, unit, parent, form, vocab]);

  const [submit, busy] = useFormSubmit(form, async (v) => {
    const body = {
      code: v.code,
      name: v.name,
      type: v.type,
      parentId: v.parentId ?? null,
      validFrom: isoDay(v.validFrom),
      validTo: isoDay(v.validTo),
    };
    const saved = unit ? await api.put<Unit>(`/units/${unit.id}`, body) : await api.post<Unit>('/units', body);
    message.success(unit ? 'Đã lưu đơn vị hành chính.' : 'Đã thêm đơn vị hành chính.');
    props.onSaved(saved);
  });
  return (
    <Modal
      title={unit ? `Sửa đơn vị: ${unit.name}` : parent ? `Thêm đơn vị trực thuộc ${parent.name}` : 'Thêm đơn vị hành chính'}
      open={open}
      onCancel={props.onClose}
      onOk={submit}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={busy}
      width={600}
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item label="Mã" name="code" rules={[{ required: true, whitespace: true, message: 'Hãy nhập mã đơn vị.' }]}>
              <Input maxLength={20} placeholder="ví dụ: 21703" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item label="Loại" name="type" rules={[{ required: true, message: 'Hãy chọn loại đơn vị.' }]}>
              <Select options={(vocab?.unitTypes ?? []).map((t) => ({ value: t.code, label: `${t.label} (${vocab?.levels[t.level] ?? t.level})` }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="Tên (không kèm loại)" name="name" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên đơn vị.' }]} extra='Ví dụ: "Sa Huỳnh" cho "Phường Sa Huỳnh".'>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="Đơn vị cấp trên" name="parentId">
          <UnitSelect initialLabel={parentLabel} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label="Hiệu lực từ ngày" name="validFrom">
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="Hết hiệu lực từ ngày" name="validTo">
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
