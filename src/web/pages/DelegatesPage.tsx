// Đại biểu of the current council: server-paginated, accent-insensitive search, filters, add/edit
// in a drawer, delete with confirmation.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Input, Popconfirm, Select, Space, Tag, Tooltip } from 'antd';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { DeleteOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { api } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { useDebounced, usePagedTable } from '../lib/hooks.ts';
import { message, showError } from '../lib/feedback.tsx';
import { DELEGATE_STATUS, GENDER_LABELS } from '../lib/format.ts';
import { ErrorView, Page } from '../components/common.tsx';
import { DelegateDrawer, termLabel, useCouncilRefs, type Delegate } from './delegateShared.tsx';
import { ExportButton } from './documents/shared.tsx';
import { DelegateImportModal } from './DelegateImportModal.tsx';

export function DelegatesPage() {
  const { councilId } = useParams() as { councilId: string };
  const { canManageCouncil } = useAuth();
  const manage = canManageCouncil(councilId);
  const { council, councilError, constituencies } = useCouncilRefs(councilId);
  const [q, setQ] = useState('');
  const [termId, setTermId] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [constituencyId, setConstituencyId] = useState<string>();
  const debouncedQ = useDebounced(q.trim(), 300);
  const table = usePagedTable<Delegate>(`/councils/${councilId}/delegates`, { q: debouncedQ, termId, status, constituencyId });
  const [drawer, setDrawer] = useState<{ open: boolean; delegate: Delegate | null }>({ open: false, delegate: null });
  const [importing, setImporting] = useState(false);

  if (councilError) return <ErrorView error={councilError} />;
  if (table.error && (table.error.status === 403 || table.error.status === 404)) return <ErrorView error={table.error} />;

  const remove = async (d: Delegate) => {
    try {
      await api.delete(`/councils/${councilId}/delegates/${d.id}`);
      message.success(`Đã xóa đại biểu ${d.fullName}.`);
      table.reload();
    } catch (err) {
      showError(err);
    }
  };

  const terms = council?.terms ?? [];
  const filtered = !!(debouncedQ || termId || status || constituencyId);
  return (
    <Page
      title="Đại biểu"
      subtitle={council?.name}
      crumbs={[{ title: 'Danh mục' }, { title: council?.name ?? 'HĐND' }, { title: 'Đại biểu' }]}
      extra={
        <>
          <ExportButton path={`/councils/${councilId}/delegates/export.xlsx`} query={{ q: debouncedQ, termId, status, constituencyId }} />
          {manage && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              Nhập từ Excel
            </Button>
          )}
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, delegate: null })}>
              Thêm đại biểu
            </Button>
          )}
        </>
      }
    >
      <Card>
        <div className="nt-toolbar">
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Tìm đại biểu (gõ có dấu hoặc không dấu)"
            style={{ width: 340, maxWidth: '100%' }}
            aria-label="Tìm đại biểu"
          />
          <Select
            allowClear
            placeholder="Nhiệm kỳ"
            value={termId}
            onChange={setTermId}
            style={{ width: 180 }}
            options={terms.map((t) => ({ value: t.id, label: termLabel(t) }))}
          />
          <Select
            allowClear
            placeholder="Trạng thái"
            value={status}
            onChange={setStatus}
            style={{ width: 160 }}
            options={Object.entries(DELEGATE_STATUS).map(([value, label]) => ({ value, label }))}
          />
          <Select
            allowClear
            placeholder="Đơn vị bầu cử"
            value={constituencyId}
            onChange={setConstituencyId}
            style={{ width: 190 }}
            popupMatchSelectWidth={false}
            options={constituencies.map((c) => ({ value: c.id, label: `Số ${c.number}: ${c.name}` }))}
          />
        </div>
        <ResponsiveTable<Delegate>
          rowKey="id"
          size="middle"
          scroll={{ x: 640 }}
          {...table.tableProps}
          locale={{
            emptyText: filtered ? 'Không có đại biểu nào khớp với điều kiện tìm kiếm.' : 'Chưa có đại biểu nào. Hãy bấm "Thêm đại biểu".',
          }}
          columns={[
            {
              title: 'Họ và tên',
              dataIndex: 'fullName',
              width: 190,
              render: (v: string, d) => <Link to={`/councils/${councilId}/delegates/${d.id}`}>{v}</Link>,
            },
            { title: 'Giới tính', dataIndex: 'gender', width: 90, responsive: ['xl'], render: (g: string | null) => (g ? GENDER_LABELS[g] : '') },
            { title: 'Năm sinh', dataIndex: 'birthYear', width: 90, responsive: ['xl'] },
            {
              title: 'Chức vụ, nơi công tác',
              key: 'position',
              render: (_: unknown, d: Delegate) => (
                <div>
                  {d.position}
                  {d.workplace && <div style={{ color: '#6b7280', fontSize: 13 }}>{d.workplace}</div>}
                </div>
              ),
            },
            { title: 'Đơn vị bầu cử', dataIndex: 'constituencyName', width: 160, responsive: ['lg'] },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              width: 150,
              render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{DELEGATE_STATUS[s] ?? s}</Tag>,
            },
            ...(manage
              ? [
                  {
                    title: 'Thao tác',
                    key: 'actions',
                    width: 100,
                    render: (_: unknown, d: Delegate) => (
                      <Space size={4}>
                        <Tooltip title="Sửa">
                          <Button type="text" icon={<EditOutlined />} aria-label={`Sửa ${d.fullName}`} onClick={() => setDrawer({ open: true, delegate: d })} />
                        </Tooltip>
                        <Popconfirm
                          title="Xóa đại biểu này?"
                          description={<div style={{ maxWidth: 260 }}>Chỉ xóa khi nhập nhầm. Đại biểu đã thôi nhiệm vụ thì chuyển trạng thái sang "Đã thôi".</div>}
                          okText="Xóa"
                          cancelText="Không"
                          okButtonProps={{ danger: true }}
                          onConfirm={() => remove(d)}
                        >
                          <Tooltip title="Xóa">
                            <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Xóa ${d.fullName}`} />
                          </Tooltip>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <DelegateDrawer
        councilId={councilId}
        open={drawer.open}
        delegate={drawer.delegate}
        terms={terms}
        constituencies={constituencies}
        onClose={() => setDrawer({ open: false, delegate: null })}
        onSaved={() => {
          setDrawer({ open: false, delegate: null });
          table.reload();
        }}
      />
      {manage && (
        <DelegateImportModal
          councilId={councilId}
          open={importing}
          terms={terms}
          onClose={() => setImporting(false)}
          onImported={() => table.reload()}
        />
      )}
    </Page>
  );
}
