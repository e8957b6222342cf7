// Lĩnh vực, quy tắc chuyển, thời hạn: the council's field taxonomy, routing rules
// (field × level × commune → agency) and answer deadline rules — policy kept as data.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Card, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Switch, Tabs, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../lib/api.ts';
import { useApi, usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { useCouncil } from '../../shell/AppShell.tsx';
import { AgencySelect, UnitSelect } from '../../components/pickers.tsx';
import { ErrorView, Forbidden, Page } from '../../components/common.tsx';
import { ANCHOR_LABELS } from './DispatchTab.tsx';
import { LEVEL_LABELS, levelOptions, useFields, usePetitionPerms, type Field } from './shared.tsx';

export function PetitionSettingsPage() {
  const { councilId } = useParams() as { councilId: string };
  const { councilName } = useCouncil();
  const perms = usePetitionPerms(councilId);
  if (!perms.manage) return <Forbidden />;
  return (
    <Page title="Lĩnh vực, quy tắc chuyển, thời hạn" subtitle={councilName} crumbs={[{ title: 'Kiến nghị cử tri' }, { title: 'Thiết lập' }]}>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            { key: 'fields', label: 'Lĩnh vực', children: <FieldsTab councilId={councilId} /> },
            { key: 'rules', label: 'Quy tắc chuyển', children: <RulesTab councilId={councilId} /> },
            { key: 'deadlines', label: 'Thời hạn trả lời', children: <DeadlinesTab councilId={councilId} /> },
          ]}
        />
      </Card>
    </Page>
  );
}

function FieldsTab({ councilId }: { councilId: string }) {
  const [tick, setTick] = useState(0);
  const fields = useFields(councilId, tick);
  const [editing, setEditing] = useState<Field | null | undefined>(undefined);
  const [form] = Form.useForm();
  useEffect(() => {
    if (editing === undefined) return;
    form.resetFields();
    form.setFieldsValue(editing ? { ...editing } : { active: true, keywords: [], sortOrder: (fields.length + 1) * 10 });
  }, [editing, form, fields.length]);
  const [save] = useFormSubmit(form, async (v) => {
    const body = { name: v.name.trim(), keywords: v.keywords ?? [], sortOrder: v.sortOrder ?? 0, active: !!v.active };
    if (editing) await api.patch(`/councils/${councilId}/petition-fields/${editing.id}`, body);
    else await api.post(`/councils/${councilId}/petition-fields`, { ...body, code: v.code.trim() });
    message.success('Đã lưu lĩnh vực.');
    setEditing(undefined);
    setTick((t) => t + 1);
  });
  return (
    <>
      <div className="nt-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>Thêm lĩnh vực</Button>
        <Typography.Text type="secondary">Từ khóa giúp máy gợi ý lĩnh vực khi phân loại ý kiến.</Typography.Text>
      </div>
      <ResponsiveTable<Field>
        rowKey="id"
        size="small"
        dataSource={fields}
        pagination={false}
        scroll={{ x: 700 }}
        columns={[
          { title: 'Thứ tự', dataIndex: 'sortOrder', width: 80 },
          { title: 'Lĩnh vực', dataIndex: 'name', width: 220, render: (n: string, f) => <>{n} <Typography.Text type="secondary" style={{ fontSize: 12 }}>({f.code})</Typography.Text></> },
          {
            title: 'Từ khóa',
            dataIndex: 'keywords',
            render: (k: string[]) => (
              <div>
                {k.slice(0, 12).map((x) => <Tag key={x}>{x}</Tag>)}
                {k.length > 12 && <Typography.Text type="secondary">+{k.length - 12}</Typography.Text>}
              </div>
            ),
          },
          { title: 'Dùng', dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Tag color="green">Đang dùng</Tag> : <Tag>Ẩn</Tag>) },
          { title: '', key: 'e', width: 60, render: (_: unknown, f) => <Button type="text" icon={<EditOutlined />} aria-label={`Sửa ${f.name}`} onClick={() => setEditing(f)} /> },
        ]}
      />
      <Modal open={editing !== undefined} title={editing ? `Sửa lĩnh vực ${editing.name}` : 'Thêm lĩnh vực'} onCancel={() => setEditing(undefined)} onOk={save} okText="Lưu" cancelText="Hủy" destroyOnHidden>
        <Form form={form} layout="vertical">
          {!editing && (
            <Form.Item name="code" label="Mã" rules={[{ required: true, pattern: /^[a-z0-9_]+$/, message: 'Mã chỉ gồm chữ thường không dấu, số, dấu gạch dưới.' }]}>
              <Input placeholder="vi_du: giao_thong" maxLength={50} />
            </Form.Item>
          )}
          <Form.Item name="name" label="Tên lĩnh vực" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên.' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="keywords" label="Từ khóa" extra="Gõ từ khóa rồi bấm Enter">
            <Select mode="tags" open={false} tokenSeparators={[',', ';']} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="sortOrder" label="Thứ tự">
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="active" label="Đang dùng" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}

interface Rule {
  id: string;
  fieldId: string | null;
  competentLevel: string | null;
  unitId: string | null;
  agencyId: string;
  note: string;
  fieldName?: string | null;
  unitName?: string | null;
  agencyName?: string | null;
}

function RulesTab({ councilId }: { councilId: string }) {
  const rules = usePagedTable<Rule>(`/councils/${councilId}/routing-rules`);
  const fields = useFields(councilId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const fieldName = (id: string | null) => (id ? (fields.find((f) => f.id === id)?.name ?? '') : 'Mọi lĩnh vực');
  const [add] = useFormSubmit(form, async (v) => {
    await api.post(`/councils/${councilId}/routing-rules`, {
      fieldId: v.fieldId ?? null,
      competentLevel: v.competentLevel ?? null,
      unitId: v.unitId ?? null,
      agencyId: v.agencyId,
      note: v.note?.trim() ?? '',
    });
    message.success('Đã thêm quy tắc chuyển.');
    setOpen(false);
    rules.reload();
  });
  const remove = async (r: Rule) => {
    try {
      await api.delete(`/councils/${councilId}/routing-rules/${r.id}`);
      message.success('Đã xóa quy tắc.');
      rules.reload();
    } catch (err) {
      showError(err);
    }
  };
  if (rules.error) return <ErrorView error={rules.error} />;
  return (
    <>
      <div className="nt-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen(true); }}>Thêm quy tắc</Button>
        <Typography.Text type="secondary">Quy tắc cụ thể nhất (lĩnh vực, cấp, địa bàn) được ưu tiên khi gợi ý cơ quan giải quyết.</Typography.Text>
      </div>
      <ResponsiveTable<Rule>
        rowKey="id"
        size="small"
        {...rules.tableProps}
        scroll={{ x: 700 }}
        locale={{ emptyText: 'Chưa có quy tắc nào; hệ thống gợi ý UBND của cấp có thẩm quyền.' }}
        columns={[
          { title: 'Lĩnh vực', key: 'f', render: (_: unknown, r) => r.fieldName ?? fieldName(r.fieldId) },
          { title: 'Cấp', dataIndex: 'competentLevel', width: 160, render: (l: string | null) => (l ? LEVEL_LABELS[l] ?? l : 'Mọi cấp') },
          { title: 'Địa bàn', key: 'u', width: 150, render: (_: unknown, r) => r.unitName ?? (r.unitId ? 'Một địa bàn' : 'Mọi địa bàn') },
          { title: 'Chuyển đến', key: 'a', render: (_: unknown, r) => r.agencyName ?? r.agencyId },
          { title: 'Ghi chú', dataIndex: 'note', responsive: ['xl'] },
          {
            title: '',
            key: 'd',
            width: 60,
            render: (_: unknown, r) => (
              <Popconfirm title="Xóa quy tắc này?" okText="Xóa" cancelText="Không" okButtonProps={{ danger: true }} onConfirm={() => remove(r)}>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label="Xóa quy tắc" />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal open={open} title="Thêm quy tắc chuyển kiến nghị" onCancel={() => setOpen(false)} onOk={add} okText="Thêm" cancelText="Hủy" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="fieldId" label="Lĩnh vực">
            <Select allowClear placeholder="Mọi lĩnh vực" options={fields.map((f) => ({ value: f.id, label: f.name }))} />
          </Form.Item>
          <Form.Item name="competentLevel" label="Cấp thẩm quyền">
            <Select allowClear placeholder="Mọi cấp" options={levelOptions} />
          </Form.Item>
          <Form.Item name="unitId" label="Địa bàn">
            <UnitSelect placeholder="Mọi địa bàn" />
          </Form.Item>
          <Form.Item name="agencyId" label="Chuyển đến cơ quan" rules={[{ required: true, message: 'Hãy chọn cơ quan.' }]}>
            <AgencySelect />
          </Form.Item>
          <Form.Item name="note" label="Ghi chú">
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface Settings {
  deadlines: Record<'standingForward' | 'nationalAssembly' | 'upperCouncil', { value: number; unit: 'days' | 'working_days'; anchor: string }>;
  thresholds: { dueSoonWorkingDays: number; longOverdueDays: number };
}

const RULE_TITLES: Record<string, string> = {
  standingForward: 'Chuyển đến cơ quan (UBND, sở, ngành…)',
  upperCouncil: 'Chuyển đến HĐND cấp trên',
  nationalAssembly: 'Chuyển qua Đoàn ĐBQH (cấp Trung ương)',
};

function DeadlinesTab({ councilId }: { councilId: string }) {
  const s = useApi<Settings>(`/councils/${councilId}/petition-settings`);
  const [form] = Form.useForm();
  useEffect(() => {
    if (s.data) form.setFieldsValue(s.data);
  }, [s.data, form]);
  const [save, busy] = useFormSubmit(form, async (v) => {
    await api.put(`/councils/${councilId}/petition-settings`, v);
    message.success('Đã lưu quy định thời hạn. Hạn của công văn chuyển từ nay tính theo quy định mới.');
    s.reload();
  });
  if (s.error) return <ErrorView error={s.error} />;
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 820 }}>
      {Object.entries(RULE_TITLES).map(([k, title]) => (
        <Card key={k} size="small" title={title} style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={24} sm={6}>
              <Form.Item name={['deadlines', k, 'value']} label="Số" rules={[{ required: true, message: 'Nhập số ngày.' }]}>
                <InputNumber min={0} max={3650} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name={['deadlines', k, 'unit']} label="Đơn vị">
                <Select options={[{ value: 'days', label: 'ngày' }, { value: 'working_days', label: 'ngày làm việc' }]} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={10}>
              <Form.Item name={['deadlines', k, 'anchor']} label="Tính từ">
                <Select options={Object.entries(ANCHOR_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      ))}
      <Card size="small" title="Ngưỡng cảnh báo" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name={['thresholds', 'dueSoonWorkingDays']} label='"Sắp đến hạn" khi còn (ngày làm việc)'>
              <InputNumber min={0} max={60} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['thresholds', 'longOverdueDays']} label='"Quá hạn kéo dài" khi quá (ngày)'>
              <InputNumber min={1} max={3650} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Button type="primary" loading={busy} onClick={save}>Lưu quy định thời hạn</Button>
    </Form>
  );
}
