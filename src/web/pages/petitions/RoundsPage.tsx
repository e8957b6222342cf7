// Đợt tiếp xúc cử tri: the council's rounds, newest first; open a new round or edit one.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Switch, Tag } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../lib/api.ts';
import { usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { message } from '../../lib/feedback.tsx';
import { dayOrNull, fmtDate, isoDay } from '../../lib/format.ts';
import { useCouncil } from '../../shell/AppShell.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { ExportButton } from '../documents/shared.tsx';
import { ROUND_KIND_LABELS, usePetitionPerms, type Round } from './shared.tsx';

export function RoundsPage() {
  const { councilId } = useParams() as { councilId: string };
  const { councilName } = useCouncil();
  const perms = usePetitionPerms(councilId);
  const [status, setStatus] = useState<string>();
  const table = usePagedTable<Round>(`/councils/${councilId}/petition-rounds`, { status });
  const [editing, setEditing] = useState<Round | null | undefined>(undefined);

  if (table.error && (table.error.status === 403 || table.error.status === 404)) return <ErrorView error={table.error} />;
  return (
    <Page
      title="Đợt tiếp xúc cử tri"
      subtitle={councilName}
      crumbs={[{ title: 'Kiến nghị cử tri' }, { title: 'Đợt tiếp xúc cử tri' }]}
      extra={
        <>
          <ExportButton path={`/councils/${councilId}/petition-rounds/export.xlsx`} query={{ status }} />
          {perms.manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              Mở đợt mới
            </Button>
          )}
        </>
      }
    >
      <Card>
        <div className="nt-toolbar">
          <Select
            allowClear
            placeholder="Trạng thái đợt"
            value={status}
            onChange={setStatus}
            style={{ width: 200 }}
            options={[
              { value: 'open', label: 'Đang tiến hành' },
              { value: 'closed', label: 'Đã kết thúc' },
            ]}
          />
        </div>
        <ResponsiveTable<Round>
          rowKey="id"
          size="middle"
          scroll={{ x: 720 }}
          {...table.tableProps}
          locale={{ emptyText: perms.manage ? 'Chưa có đợt tiếp xúc cử tri nào. Hãy bấm "Mở đợt mới".' : 'Chưa có đợt tiếp xúc cử tri nào.' }}
          columns={[
            {
              title: 'Tên đợt',
              dataIndex: 'name',
              render: (v: string, r) => (
                <div>
                  <Link to={`/councils/${councilId}/petition-rounds/${r.id}`}>{v}</Link>
                  {r.sessionName && <div style={{ color: '#6b7280', fontSize: 13 }}>{r.sessionName}</div>}
                </div>
              ),
            },
            { title: 'Loại', dataIndex: 'kind', width: 230, responsive: ['lg'], render: (k: string) => ROUND_KIND_LABELS[k] ?? k },
            {
              title: 'Thời gian',
              key: 'dates',
              width: 200,
              render: (_: unknown, r) => `${fmtDate(r.startDate)}${r.endDate ? ` – ${fmtDate(r.endDate)}` : ''}`,
            },
            {
              title: 'Trạng thái',
              key: 'status',
              width: 190,
              render: (_: unknown, r) => (
                <>
                  {r.status === 'open' ? <Tag color="blue">Đang tiến hành</Tag> : <Tag>Đã kết thúc</Tag>}
                  {r.published && <Tag color="green">Đã công khai</Tag>}
                </>
              ),
            },
            ...(perms.manage
              ? [
                  {
                    title: '',
                    key: 'edit',
                    width: 60,
                    render: (_: unknown, r: Round) => (
                      <Button type="text" icon={<EditOutlined />} aria-label={`Sửa ${r.name}`} onClick={() => setEditing(r)} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <RoundFormModal
        councilId={councilId}
        open={editing !== undefined}
        round={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          table.reload();
        }}
      />
    </Page>
  );
}

export function RoundFormModal(props: { councilId: string; open: boolean; round: Round | null; onClose(): void; onSaved(r: Round): void }) {
  const [form] = Form.useForm();
  const r = props.round;
  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    form.setFieldsValue(
      r
        ? { name: r.name, kind: r.kind, sessionName: r.sessionName, startDate: dayOrNull(r.startDate), endDate: dayOrNull(r.endDate), published: r.published }
        : { kind: 'before_session', published: false },
    );
  }, [props.open, r, form]);

  const [save, busy] = useFormSubmit(form, async (v) => {
    const body = {
      name: v.name.trim(),
      sessionName: v.sessionName?.trim() ?? '',
      startDate: isoDay(v.startDate),
      endDate: isoDay(v.endDate),
    };
    const saved = r
      ? await api.patch<Round>(`/councils/${props.councilId}/petition-rounds/${r.id}`, { ...body, published: !!v.published })
      : await api.post<Round>(`/councils/${props.councilId}/petition-rounds`, { ...body, kind: v.kind });
    message.success(r ? 'Đã lưu đợt tiếp xúc cử tri.' : `Đã mở ${saved.name}.`);
    props.onSaved(saved);
  });

  return (
    <Modal
      title={r ? 'Sửa đợt tiếp xúc cử tri' : 'Mở đợt tiếp xúc cử tri'}
      open={props.open}
      onCancel={props.onClose}
      onOk={save}
      okText={r ? 'Lưu' : 'Mở đợt'}
      cancelText="Hủy"
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'round-save' } as never}
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="name" label="Tên đợt" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên đợt.' }]}>
          <Input placeholder="Ví dụ: Tiếp xúc cử tri trước kỳ họp thứ 5" maxLength={300} />
        </Form.Item>
        <Form.Item name="kind" label="Loại đợt" rules={[{ required: true, message: 'Hãy chọn loại đợt.' }]}>
          <Select disabled={!!r} options={Object.entries(ROUND_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="sessionName" label="Kỳ họp liên quan" extra="Kỳ họp HĐND mà đợt này phục vụ (để báo cáo)">
          <Input placeholder="Ví dụ: Kỳ họp thứ năm, HĐND phường khóa I" maxLength={200} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="startDate" label="Từ ngày" rules={[{ required: true, message: 'Hãy chọn ngày bắt đầu.' }]}>
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" />
          </Form.Item>
          <Form.Item name="endDate" label="Đến ngày">
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" />
          </Form.Item>
        </div>
        {r && (
          <Form.Item
            name="published"
            label="Công bố trên trang công khai"
            valuePropName="checked"
            extra="Cử tri xem được kiến nghị và kết quả trả lời của đợt (không có họ tên, nơi ở của cử tri)."
          >
            <Switch checkedChildren="Công khai" unCheckedChildren="Chưa công khai" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
