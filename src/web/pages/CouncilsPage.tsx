// Hội đồng nhân dân (administrators): all councils, add/edit, terms.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Col, DatePicker, Drawer, Form, Input, InputNumber, Modal, Row, Space, Tag, Tooltip } from 'antd';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { useApi, useDebounced, usePagedTable, useVocabulary, useFormSubmit, useViewportWidth } from '../lib/hooks.ts';
import { message } from '../lib/feedback.tsx';
import { DATE_FORMAT, dayOrNull, fmtDate, isoDay } from '../lib/format.ts';
import { Forbidden, Page } from '../components/common.tsx';
import { UnitSelect } from '../components/pickers.tsx';
import { councilEnded } from '../shell/AppShell.tsx';
import type { CouncilDetail } from './delegateShared.tsx';

interface Council {
  id: string;
  unitId: string;
  name: string;
  shortName: string;
  validFrom: string | null;
  validTo: string | null;
  unitName: string;
  level: string;
}

export function CouncilsPage() {
  const { me, refresh } = useAuth();
  const vocab = useVocabulary();
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim(), 300);
  const table = usePagedTable<Council>(me?.isAdmin ? '/councils' : null, { q: debouncedQ, all: 'true' });
  const [modal, setModal] = useState<{ open: boolean; council: Council | null }>({ open: false, council: null });
  const [termsOf, setTermsOf] = useState<Council | null>(null);
  if (!me?.isAdmin) return <Forbidden />;

  return (
    <Page
      title="Hội đồng nhân dân"
      subtitle="Danh sách HĐND các cấp trong hệ thống"
      crumbs={[{ title: 'Danh mục' }, { title: 'Hội đồng nhân dân' }]}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ open: true, council: null })}>Thêm HĐND</Button>}
    >
      <Card>
        <div className="nt-toolbar">
          <Input.Search allowClear value={q} onChange={(e) => setQ(e.target.value)} placeholder="Tìm theo tên HĐND" style={{ width: 320, maxWidth: '100%' }} />
        </div>
        <ResponsiveTable<Council>
          rowKey="id"
          size="middle"
          scroll={{ x: 800 }}
          {...table.tableProps}
          locale={{ emptyText: 'Chưa có HĐND nào.' }}
          columns={[
            { title: 'Tên', dataIndex: 'name', render: (n: string, c) => <Link to={`/councils/${c.id}/delegates`}>{n}</Link> },
            { title: 'Cấp', dataIndex: 'level', width: 110, render: (l: string) => vocab?.levels[l] ?? l },
            { title: 'Hiệu lực từ', dataIndex: 'validFrom', width: 120, render: fmtDate },
            { title: 'Kết thúc từ', dataIndex: 'validTo', width: 120, render: fmtDate },
            { title: 'Trạng thái', key: 's', width: 140, render: (_, c) => (councilEnded(c) ? <Tag>Đã kết thúc</Tag> : <Tag color="green">Đang hoạt động</Tag>) },
            {
              title: '',
              key: 'x',
              width: 150,
              render: (_, c) => (
                <Space size={4}>
                  <Button size="small" onClick={() => setTermsOf(c)}>Nhiệm kỳ</Button>
                  <Tooltip title="Sửa">
                    <Button type="text" icon={<EditOutlined />} aria-label={`Sửa ${c.name}`} onClick={() => setModal({ open: true, council: c })} />
                  </Tooltip>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CouncilModal
        state={modal}
        onClose={() => setModal({ open: false, council: null })}
        onSaved={() => {
          setModal({ open: false, council: null });
          table.reload();
          void refresh();
        }}
      />
      <TermsDrawer council={termsOf} onClose={() => setTermsOf(null)} />
    </Page>
  );
}

function CouncilModal(props: { state: { open: boolean; council: Council | null }; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm();
  const { open, council } = props.state;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (council) form.setFieldsValue({ ...council, validFrom: dayOrNull(council.validFrom), validTo: dayOrNull(council.validTo) });
  }, [open, council, form]);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const body = { unitId: v.unitId, name: v.name, shortName: v.shortName ?? '', validFrom: isoDay(v.validFrom), validTo: isoDay(v.validTo) };
    if (council) await api.patch(`/councils/${council.id}`, body);
    else await api.post('/councils', body);
    message.success(council ? 'Đã lưu HĐND.' : 'Đã thêm HĐND.');
    props.onSaved();
  });
  return (
    <Modal title={council ? `Sửa: ${council.name}` : 'Thêm Hội đồng nhân dân'} open={open} onCancel={props.onClose} onOk={submit} okText="Lưu" cancelText="Hủy" confirmLoading={busy} width={600}>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item label="Đơn vị hành chính" name="unitId" rules={[{ required: true, message: 'Hãy chọn đơn vị hành chính.' }]}>
          <UnitSelect initialLabel={council?.unitName} disabled={!!council} />
        </Form.Item>
        <Form.Item label="Tên HĐND" name="name" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên HĐND.' }]}>
          <Input maxLength={200} placeholder="ví dụ: HĐND phường Sa Huỳnh" />
        </Form.Item>
        <Form.Item label="Tên viết tắt" name="shortName">
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label="Hoạt động từ ngày" name="validFrom">
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="Kết thúc từ ngày" name="validTo">
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

function TermsDrawer({ council, onClose }: { council: Council | null; onClose(): void }) {
  const vw = useViewportWidth();
  const d = useApi<CouncilDetail>(council ? `/councils/${council.id}` : null);
  const [form] = Form.useForm();
  const [add, busy] = useFormSubmit(form, async (v) => {
    if (!council) return;
    await api.post(`/councils/${council.id}/terms`, v);
    message.success('Đã thêm nhiệm kỳ.');
    form.resetFields();
    d.reload();
  });
  return (
    <Drawer title={council ? `Nhiệm kỳ: ${council.name}` : ''} open={!!council} onClose={onClose} size={Math.min(520, vw)} destroyOnHidden>
      <ResponsiveTable
        rowKey="id"
        size="small"
        loading={d.loading}
        pagination={false}
        dataSource={d.data?.terms ?? []}
        locale={{ emptyText: 'Chưa có nhiệm kỳ nào.' }}
        columns={[
          { title: 'Khóa', dataIndex: 'name' },
          { title: 'Từ năm', dataIndex: 'startYear', width: 90 },
          { title: 'Đến năm', dataIndex: 'endYear', width: 90 },
        ]}
        style={{ marginBottom: 24 }}
      />
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ startYear: 2026, endYear: 2031 }}>
        <Form.Item label="Tên khóa" name="name" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên khóa.' }]}>
          <Input placeholder="ví dụ: Khóa XIII" maxLength={50} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}><Form.Item label="Từ năm" name="startYear" rules={[{ required: true, message: 'Hãy nhập năm.' }]}><InputNumber min={1946} max={2200} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item label="Đến năm" name="endYear" rules={[{ required: true, message: 'Hãy nhập năm.' }]}><InputNumber min={1946} max={2200} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Button type="primary" loading={busy} onClick={add} icon={<PlusOutlined />}>Thêm nhiệm kỳ</Button>
      </Form>
    </Drawer>
  );
}
