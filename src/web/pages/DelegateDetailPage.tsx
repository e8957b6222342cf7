// One delegate: details, memberships of the council's bodies, and the history of changes.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Descriptions, Popconfirm, Space, Tag } from 'antd';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { DeleteOutlined, EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { api } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { useApi, useVocabulary } from '../lib/hooks.ts';
import { message, showError } from '../lib/feedback.tsx';
import { DELEGATE_STATUS, GENDER_LABELS } from '../lib/format.ts';
import { ErrorView, Loading, Page } from '../components/common.tsx';
import { DelegateDrawer, termLabel, useCouncilRefs, type Delegate } from './delegateShared.tsx';

export function DelegateDetailPage() {
  const { councilId, delegateId } = useParams() as { councilId: string; delegateId: string };
  const { canManageCouncil, menu } = useAuth();
  const manage = canManageCouncil(councilId);
  const navigate = useNavigate();
  const vocab = useVocabulary();
  const { council, constituencies } = useCouncilRefs(councilId);
  const d = useApi<Delegate>(`/councils/${councilId}/delegates/${delegateId}`);
  const [editing, setEditing] = useState(false);
  const canSeeAudit = menu.some((m) => m.key === 'council-audit' && (m.councilIds === 'all' || m.councilIds?.includes(councilId)));

  if (d.error) return <ErrorView error={d.error} onRetry={d.reload} />;
  if (!d.data) return <Loading />;
  const x = d.data;
  const term = council?.terms.find((t) => t.id === x.termId);
  const constituency = constituencies.find((c) => c.id === x.constituencyId);

  const remove = async () => {
    try {
      await api.delete(`/councils/${councilId}/delegates/${x.id}`);
      message.success(`Đã xóa đại biểu ${x.fullName}.`);
      navigate(`/councils/${councilId}/delegates`);
    } catch (err) {
      showError(err);
    }
  };

  return (
    <Page
      title={x.fullName}
      subtitle={council?.name}
      crumbs={[
        { title: 'Danh mục' },
        { title: council?.name ?? 'HĐND' },
        { title: 'Đại biểu', to: `/councils/${councilId}/delegates` },
        { title: x.fullName },
      ]}
      extra={
        <>
          {canSeeAudit && (
            <Button icon={<HistoryOutlined />} onClick={() => navigate(`/councils/${councilId}/audit?entityId=${x.id}`)}>
              Lịch sử thay đổi
            </Button>
          )}
          {manage && (
            <>
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                Sửa
              </Button>
              <Popconfirm title="Xóa đại biểu này?" okText="Xóa" cancelText="Không" okButtonProps={{ danger: true }} onConfirm={remove}>
                <Button danger icon={<DeleteOutlined />}>Xóa</Button>
              </Popconfirm>
            </>
          )}
        </>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title="Thông tin đại biểu">
          <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label="Họ và tên">{x.fullName}</Descriptions.Item>
            <Descriptions.Item label="Trạng thái">
              <Tag color={x.status === 'active' ? 'green' : 'default'}>{DELEGATE_STATUS[x.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="Giới tính">{x.gender ? GENDER_LABELS[x.gender] : '—'}</Descriptions.Item>
            <Descriptions.Item label="Năm sinh">{x.birthYear ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Chức vụ">{x.position || '—'}</Descriptions.Item>
            <Descriptions.Item label="Nơi công tác">{x.workplace || '—'}</Descriptions.Item>
            <Descriptions.Item label="Nhiệm kỳ">{term ? termLabel(term) : '—'}</Descriptions.Item>
            <Descriptions.Item label="Đơn vị bầu cử">{constituency ? `Số ${constituency.number}: ${constituency.name}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="Số điện thoại">{x.phone || '—'}</Descriptions.Item>
            <Descriptions.Item label="Thư điện tử">{x.email || '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title="Tham gia Thường trực, các Ban, Tổ đại biểu">
          <ResponsiveTable
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={x.memberships ?? []}
            locale={{ emptyText: 'Đại biểu chưa tham gia Thường trực, Ban hay Tổ đại biểu nào.' }}
            columns={[
              {
                title: 'Cơ quan',
                dataIndex: 'bodyName',
                render: (v: string, m) => <Link to={`/councils/${councilId}/bodies?body=${m.bodyId}`}>{v}</Link>,
              },
              { title: 'Loại', dataIndex: 'bodyKind', render: (k: string) => vocab?.bodyKinds[k] ?? k },
              { title: 'Vai trò', dataIndex: 'role', render: (r: string) => vocab?.membershipRoles[r] ?? r },
            ]}
          />
        </Card>
      </Space>
      <DelegateDrawer
        councilId={councilId}
        open={editing}
        delegate={x}
        terms={council?.terms ?? []}
        constituencies={constituencies}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          d.reload();
        }}
      />
    </Page>
  );
}
