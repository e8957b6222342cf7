// Từ viết tắt: the shipped abbreviations (mặc định) and the administrator's additions, used when
// petitions and opinions are indexed and searched; a button recomputes the stored search keys.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Segmented, Space, Switch, Tag, Tooltip } from 'antd';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { useApi, useFormSubmit } from '../lib/hooks.ts';
import { message, modal, showError } from '../lib/feedback.tsx';
import { ErrorView, Page } from '../components/common.tsx';

interface Entry {
  id: string | null;
  abbreviation: string;
  expansion: string;
  numbered: boolean;
  caseSensitive: boolean | null;
  note: string;
  source: 'default' | 'custom';
  sourceLabel: string;
  replacesDefault: boolean;
  replacedBy: string | null;
}

interface ReindexResult {
  petitions: number;
  opinions: number;
  total: number;
  scanned: number;
}

/** Accent- and case-insensitive filter for the table. */
const foldText = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

export function AbbreviationsPage() {
  const { me } = useAuth();
  const isAdmin = !!me?.isAdmin;
  const list = useApi<{ items: Entry[] }>('/text/abbreviations');
  const [q, setQ] = useState('');
  const [show, setShow] = useState<'all' | 'custom' | 'default'>('all');
  const [editing, setEditing] = useState<{ open: boolean; entry: Entry | null }>({ open: false, entry: null });
  const [reindexing, setReindexing] = useState(false);
  const [dirty, setDirty] = useState(false);

  const items = useMemo(() => {
    const f = foldText(q.trim());
    return (list.data?.items ?? []).filter(
      (e) => (show === 'all' || e.source === show) && (!f || foldText(`${e.abbreviation} ${e.expansion} ${e.note}`).includes(f)),
    );
  }, [list.data, q, show]);

  const remove = async (e: Entry) => {
    try {
      await api.delete(`/text/abbreviations/${e.id}`);
      message.success(`Đã xóa từ viết tắt "${e.abbreviation}".`);
      setDirty(true);
      list.reload();
    } catch (err) {
      showError(err);
    }
  };

  const reindex = async () => {
    setReindexing(true);
    try {
      const r = await api.post<ReindexResult>('/text/abbreviations/reindex');
      setDirty(false);
      modal.success({
        title: 'Đã cập nhật chỉ mục tìm kiếm',
        content: `Đã kiểm tra ${r.scanned.toLocaleString('vi-VN')} bản ghi; cập nhật ${r.total.toLocaleString('vi-VN')} bản ghi (${r.petitions.toLocaleString('vi-VN')} kiến nghị, ${r.opinions.toLocaleString('vi-VN')} ý kiến cử tri).`,
      });
    } catch (err) {
      showError(err);
    } finally {
      setReindexing(false);
    }
  };

  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;

  return (
    <Page
      title="Từ viết tắt"
      subtitle="Các từ viết tắt thường gặp (UBND, HĐND, QL1A, CCCD…) được hiểu cả hai chiều khi tìm kiếm và đối chiếu kiến nghị. Quản trị viên có thể bổ sung."
      crumbs={[{ title: 'Hệ thống' }, { title: 'Từ viết tắt' }]}
      extra={
        isAdmin && (
          <>
            <Tooltip title="Tính lại khóa tìm kiếm của mọi kiến nghị và ý kiến cử tri theo từ điển hiện hành">
              <Button icon={<ReloadOutlined />} loading={reindexing} onClick={reindex}>
                Cập nhật chỉ mục tìm kiếm
              </Button>
            </Tooltip>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, entry: null })}>
              Thêm từ viết tắt
            </Button>
          </>
        )
      }
    >
      {dirty && isAdmin && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Từ điển đã thay đổi. Kiến nghị, ý kiến nhập từ nay dùng ngay từ điển mới; với dữ liệu đã có, hãy bấm “Cập nhật chỉ mục tìm kiếm”."
        />
      )}
      <Card>
        <div className="nt-toolbar">
          <Input.Search allowClear value={q} onChange={(e) => setQ(e.target.value)} placeholder="Tìm từ viết tắt hoặc nghĩa" style={{ width: 320, maxWidth: '100%' }} />
          <Segmented
            value={show}
            onChange={(v) => setShow(v as typeof show)}
            options={[
              { value: 'all', label: 'Tất cả' },
              { value: 'custom', label: 'Do quản trị viên bổ sung' },
              { value: 'default', label: 'Mặc định' },
            ]}
          />
        </div>
        <ResponsiveTable<Entry>
          rowKey={(e) => e.id ?? `default:${e.abbreviation}:${e.numbered ? 'n' : ''}`}
          size="middle"
          loading={list.loading}
          dataSource={items}
          pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (n) => `${n.toLocaleString('vi-VN')} mục` }}
          scroll={{ x: 760 }}
          locale={{ emptyText: 'Không có từ viết tắt nào khớp.' }}
          columns={[
            { title: 'Viết tắt', dataIndex: 'abbreviation', width: 140, render: (a: string) => <strong>{a}</strong> },
            {
              title: 'Nghĩa đầy đủ',
              dataIndex: 'expansion',
              render: (x: string, e) => (
                <div style={e.replacedBy ? { textDecoration: 'line-through', color: '#8a94a3' } : undefined}>
                  {x}
                  {e.note && <div style={{ color: '#8a94a3', fontSize: 12 }}>{e.note}</div>}
                </div>
              ),
            },
            {
              title: 'Cách dùng',
              key: 'use',
              width: 190,
              render: (_: unknown, e) => (
                <Space size={4} wrap>
                  {e.numbered && <Tag>Đứng trước số (QL1A)</Tag>}
                  {e.caseSensitive === true && <Tag>Chỉ khi viết hoa</Tag>}
                </Space>
              ),
            },
            {
              title: 'Nguồn',
              dataIndex: 'sourceLabel',
              width: 170,
              render: (l: string, e) => (
                <Space size={4} wrap>
                  <Tag color={e.source === 'custom' ? 'blue' : undefined}>{l}</Tag>
                  {e.replacesDefault && <Tag color="orange">thay nghĩa mặc định</Tag>}
                  {e.replacedBy && <Tag color="orange">đã được thay</Tag>}
                </Space>
              ),
            },
            ...(isAdmin
              ? [{
                  title: '',
                  key: 'x',
                  width: 96,
                  render: (_: unknown, e: Entry) =>
                    e.source === 'custom' ? (
                      <Space size={0}>
                        <Tooltip title="Sửa">
                          <Button type="text" icon={<EditOutlined />} aria-label={`Sửa ${e.abbreviation}`} onClick={() => setEditing({ open: true, entry: e })} />
                        </Tooltip>
                        <Popconfirm title={`Xóa từ viết tắt "${e.abbreviation}"?`} okText="Xóa" cancelText="Không" onConfirm={() => remove(e)}>
                          <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Xóa ${e.abbreviation}`} />
                        </Popconfirm>
                      </Space>
                    ) : (
                      <Tooltip title="Mục mặc định không sửa, xóa được; hãy thêm một mục cùng từ viết tắt để thay nghĩa.">
                        <Button type="text" icon={<PlusOutlined />} aria-label={`Thay nghĩa ${e.abbreviation}`} disabled={!!e.replacedBy} onClick={() => setEditing({ open: true, entry: { ...e, id: null } })} />
                      </Tooltip>
                    ),
                }]
              : []),
          ]}
        />
      </Card>
      <EntryModal
        state={editing}
        onClose={() => setEditing({ open: false, entry: null })}
        onSaved={() => {
          setEditing({ open: false, entry: null });
          setDirty(true);
          list.reload();
        }}
      />
    </Page>
  );
}

function EntryModal(props: { state: { open: boolean; entry: Entry | null }; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm();
  const { open, entry } = props.state;
  const editing = !!entry?.id;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      entry
        ? { abbreviation: entry.abbreviation, expansion: entry.expansion, note: entry.note, numbered: entry.numbered, caseSensitive: entry.caseSensitive === true }
        : { numbered: false, caseSensitive: false },
    );
  }, [open, entry, form]);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const body = {
      abbreviation: v.abbreviation,
      expansion: v.expansion,
      note: v.note ?? '',
      numbered: !!v.numbered,
      // Off = the default rule (abbreviations of one or two letters only in capitals).
      caseSensitive: v.caseSensitive ? true : null,
    };
    if (editing) await api.patch(`/text/abbreviations/${entry!.id}`, body);
    else await api.post('/text/abbreviations', body);
    message.success(editing ? 'Đã lưu từ viết tắt.' : 'Đã thêm từ viết tắt.');
    props.onSaved();
  });
  return (
    <Modal
      title={editing ? `Sửa: ${entry!.abbreviation}` : 'Thêm từ viết tắt'}
      open={open}
      onCancel={props.onClose}
      onOk={submit}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item label="Từ viết tắt" name="abbreviation" rules={[{ required: true, whitespace: true, message: 'Hãy nhập từ viết tắt.' }]} extra="Viết như thường gặp, ví dụ: KDC, BQLDA, TN&MT.">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="Nghĩa đầy đủ" name="expansion" rules={[{ required: true, whitespace: true, message: 'Hãy nhập nghĩa đầy đủ.' }]}>
          <Input maxLength={200} placeholder="khu dân cư" />
        </Form.Item>
        <Form.Item label="Ghi chú" name="note">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item label="Chỉ dùng khi đứng trước số (như QL1A, ĐT624)" name="numbered" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
        <Form.Item label="Chỉ hiểu khi viết hoa" name="caseSensitive" valuePropName="checked" extra="Từ viết tắt 1–2 chữ cái luôn chỉ được hiểu khi viết hoa.">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
