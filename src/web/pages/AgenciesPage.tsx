// Cơ quan: UBND, sở, MTTQ, Đoàn ĐBQH, doanh nghiệp… with filters; administrators add and edit.
import { useEffect, useState } from 'react';
import { Button, Card, Col, Drawer, Form, Input, Row, Select, Space, Switch, Tag, Tooltip } from 'antd';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { useDebounced, usePagedTable, useVocabulary, useFormSubmit, useViewportWidth } from '../lib/hooks.ts';
import { message } from '../lib/feedback.tsx';
import { Page } from '../components/common.tsx';
import { UnitSelect } from '../components/pickers.tsx';
import { ExportButton } from './documents/shared.tsx';

interface Agency {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  level: string;
  unitId: string | null;
  unitName: string | null;
  parentAgencyId: string | null;
  email: string;
  active: boolean;
}

export function AgenciesPage() {
  const { me } = useAuth();
  const isAdmin = !!me?.isAdmin;
  const vocab = useVocabulary();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string>();
  const [level, setLevel] = useState<string>();
  const [unitId, setUnitId] = useState<string>();
  const debouncedQ = useDebounced(q.trim(), 300);
  const table = usePagedTable<Agency>('/agencies', { q: debouncedQ, kind, level, unitId });
  const [drawer, setDrawer] = useState<{ open: boolean; agency: Agency | null }>({ open: false, agency: null });

  return (
    <Page
      title="Cơ quan"
      subtitle="Các cơ quan, tổ chức làm việc với HĐND: UBND, sở, ngành, MTTQ, Đoàn ĐBQH, doanh nghiệp…"
      crumbs={[{ title: 'Danh mục' }, { title: 'Cơ quan' }]}
      extra={
        <>
          <ExportButton path="/agencies/export.xlsx" query={{ q: debouncedQ, kind, level, unitId }} />
          {isAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, agency: null })}>
              Thêm cơ quan
            </Button>
          )}
        </>
      }
    >
      <Card>
        <div className="nt-toolbar">
          <Input.Search allowClear value={q} onChange={(e) => setQ(e.target.value)} placeholder="Tìm theo tên (có dấu hoặc không dấu)" style={{ width: 320, maxWidth: '100%' }} />
          <Select allowClear placeholder="Loại cơ quan" value={kind} onChange={setKind} style={{ width: 230 }} popupMatchSelectWidth={false} options={Object.entries(vocab?.agencyKinds ?? {}).map(([value, label]) => ({ value, label }))} />
          <Select allowClear placeholder="Cấp" value={level} onChange={setLevel} style={{ width: 140 }} options={Object.entries(vocab?.levels ?? {}).map(([value, label]) => ({ value, label }))} />
          <UnitSelect value={unitId} onChange={setUnitId} placeholder="Địa bàn (đơn vị hành chính)" style={{ width: 260 }} popupMatchSelectWidth={false} />
        </div>
        <ResponsiveTable<Agency>
          rowKey="id"
          size="middle"
          scroll={{ x: 860 }}
          {...table.tableProps}
          locale={{ emptyText: 'Không có cơ quan nào khớp với điều kiện tìm kiếm.' }}
          columns={[
            { title: 'Tên cơ quan', dataIndex: 'name', render: (n: string, a) => (<div>{n}{a.shortName && <div style={{ color: '#8a94a3', fontSize: 12 }}>{a.shortName}</div>}</div>) },
            { title: 'Loại', dataIndex: 'kind', width: 200, render: (k: string) => vocab?.agencyKinds[k] ?? k },
            { title: 'Cấp', dataIndex: 'level', width: 110, render: (l: string) => vocab?.levels[l] ?? l },
            { title: 'Địa bàn', dataIndex: 'unitName', width: 150 },
            { title: 'Trạng thái', dataIndex: 'active', width: 140, render: (v: boolean) => (v ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Ngừng hoạt động</Tag>) },
            ...(isAdmin
              ? [{
                  title: '',
                  key: 'x',
                  width: 60,
                  render: (_: unknown, a: Agency) => (
                    <Tooltip title="Sửa">
                      <Button type="text" icon={<EditOutlined />} aria-label={`Sửa ${a.name}`} onClick={() => setDrawer({ open: true, agency: a })} />
                    </Tooltip>
                  ),
                }]
              : []),
          ]}
        />
      </Card>
      <AgencyDrawer
        state={drawer}
        onClose={() => setDrawer({ open: false, agency: null })}
        onSaved={() => {
          setDrawer({ open: false, agency: null });
          table.reload();
        }}
      />
    </Page>
  );
}

function AgencyDrawer(props: { state: { open: boolean; agency: Agency | null }; onClose(): void; onSaved(): void }) {
  const vw = useViewportWidth();
  const vocab = useVocabulary();
  const [form] = Form.useForm();
  const { open, agency } = props.state;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(agency ? { ...agency } : { active: true, level: 'commune', kind: 'people_committee' });
  }, [open, agency, form]);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const body = {
      name: v.name,
      shortName: v.shortName ?? '',
      kind: v.kind,
      level: v.level,
      unitId: v.unitId ?? null,
      email: v.email ?? '',
      active: v.active,
    };
    if (agency) await api.patch(`/agencies/${agency.id}`, body);
    else await api.post('/agencies', body);
    message.success(agency ? 'Đã lưu cơ quan.' : 'Đã thêm cơ quan.');
    props.onSaved();
  });
  return (
    <Drawer
      title={agency ? `Sửa: ${agency.name}` : 'Thêm cơ quan'}
      open={open}
      onClose={props.onClose}
      size={Math.min(560, vw)}
      extra={<Space><Button onClick={props.onClose}>Hủy</Button><Button type="primary" loading={busy} onClick={submit}>Lưu</Button></Space>}
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item label="Tên cơ quan" name="name" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên cơ quan.' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label="Tên viết tắt" name="shortName">
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={14}>
            <Form.Item label="Loại cơ quan" name="kind" rules={[{ required: true, message: 'Hãy chọn loại.' }]}>
              <Select options={Object.entries(vocab?.agencyKinds ?? {}).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item label="Cấp" name="level" rules={[{ required: true, message: 'Hãy chọn cấp.' }]}>
              <Select options={Object.entries(vocab?.levels ?? {}).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="Địa bàn (đơn vị hành chính)" name="unitId">
          <UnitSelect initialLabel={agency?.unitName ?? undefined} />
        </Form.Item>
        <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ.' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="Đang hoạt động" name="active" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
