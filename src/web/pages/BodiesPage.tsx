// Thường trực, các Ban, Tổ đại biểu of the current council, with their members.
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Button, Card, Col, Empty, Form, Input, List, Modal, Popconfirm, Row, Select, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { ListPager } from '../components/ListPager.tsx';
import { DeleteOutlined, EditOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, type Page as ApiPage } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { useApi, useDebounced, usePagedTable, useVocabulary, useFormSubmit } from '../lib/hooks.ts';
import { message, showError } from '../lib/feedback.tsx';
import { ErrorView, Loading, Page } from '../components/common.tsx';
import { termLabel, useCouncilRefs, type Delegate } from './delegateShared.tsx';

interface Body {
  id: string;
  kind: string;
  name: string;
  termId: string | null;
  constituencyId: string | null;
  memberCount: number;
}
interface Member {
  id: string;
  bodyId: string;
  delegateId: string;
  role: string;
  delegateName: string;
}

export function BodiesPage() {
  const { councilId } = useParams() as { councilId: string };
  const { canManageCouncil } = useAuth();
  const manage = canManageCouncil(councilId);
  const vocab = useVocabulary();
  const { council } = useCouncilRefs(councilId);
  const bodies = usePagedTable<Body>(`/councils/${councilId}/bodies`, {}, { pageSize: 50 });
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('body');
  const [bodyModal, setBodyModal] = useState<{ open: boolean; body: Body | null }>({ open: false, body: null });

  // In the server's order: the standing committee, the committees, then the delegate groups.
  const list = bodies.data?.items ?? [];
  const selected = list.find((b) => b.id === selectedId) ?? list[0];

  if (bodies.error) return <ErrorView error={bodies.error} onRetry={bodies.reload} />;
  return (
    <Page
      title="Thường trực, các Ban, Tổ đại biểu"
      subtitle={council?.name}
      crumbs={[{ title: 'Danh mục' }, { title: council?.name ?? 'HĐND' }, { title: 'Thường trực, các Ban, Tổ đại biểu' }]}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setBodyModal({ open: true, body: null })}>
            Thêm Ban, Tổ đại biểu
          </Button>
        )
      }
    >
      {!bodies.data ? (
        <Loading />
      ) : list.length === 0 ? (
        <Card><Empty description="HĐND chưa có Thường trực, Ban hay Tổ đại biểu nào." /></Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9}>
            <Card size="small" styles={{ body: { padding: 0 } }}>
              <List
                dataSource={list}
                renderItem={(b) => (
                  <List.Item
                    onClick={() => setParams({ body: b.id }, { replace: true })}
                    style={{ cursor: 'pointer', padding: '10px 16px', background: b.id === selected?.id ? '#e8f1fb' : undefined }}
                  >
                    <List.Item.Meta
                      title={b.name}
                      description={
                        <Space size={4} wrap>
                          <Tag>{vocab?.bodyKinds[b.kind] ?? b.kind}</Tag>
                          {/* memberCount is 0 from the API at the time of writing (see report); shown only when known */}
                          {b.memberCount > 0 && <span>{b.memberCount} thành viên</span>}
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              />
              <ListPager list={bodies} />
            </Card>
          </Col>
          <Col xs={24} lg={15}>
            {selected && (
              <MembersCard
                key={selected.id}
                councilId={councilId}
                body={selected}
                manage={manage}
                onEdit={() => setBodyModal({ open: true, body: selected })}
                onChanged={bodies.reload}
              />
            )}
          </Col>
        </Row>
      )}
      <BodyModal
        councilId={councilId}
        state={bodyModal}
        terms={council?.terms ?? []}
        onClose={() => setBodyModal({ open: false, body: null })}
        onSaved={(b) => {
          setBodyModal({ open: false, body: null });
          bodies.reload();
          setParams({ body: b.id }, { replace: true });
        }}
      />
    </Page>
  );
}

function MembersCard(props: { councilId: string; body: Body; manage: boolean; onEdit(): void; onChanged(): void }) {
  const vocab = useVocabulary();
  const members = usePagedTable<Member>(`/councils/${props.councilId}/bodies/${props.body.id}/members`, {}, { pageSize: 50 });
  const [adding, setAdding] = useState(false);
  const remove = async (m: Member) => {
    try {
      await api.delete(`/councils/${props.councilId}/bodies/${props.body.id}/members/${m.id}`);
      message.success(`Đã gỡ ${m.delegateName} khỏi ${props.body.name}.`);
      members.reload();
      props.onChanged();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Card
      title={props.body.name}
      extra={
        props.manage && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={props.onEdit}>Sửa</Button>
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>Thêm thành viên</Button>
          </Space>
        )
      }
    >
      <ResponsiveTable<Member>
        rowKey="id"
        size="small"
        {...members.tableProps}
        locale={{ emptyText: 'Chưa có thành viên nào.' }}
        columns={[
          {
            title: 'Đại biểu',
            dataIndex: 'delegateName',
            render: (n: string, m) => <Link to={`/councils/${props.councilId}/delegates/${m.delegateId}`}>{n}</Link>,
          },
          { title: 'Vai trò', dataIndex: 'role', width: 140, render: (r: string) => vocab?.membershipRoles[r] ?? r },
          ...(props.manage
            ? [
                {
                  title: '',
                  key: 'x',
                  width: 60,
                  render: (_: unknown, m: Member) => (
                    <Popconfirm title={`Gỡ ${m.delegateName} khỏi ${props.body.name}?`} okText="Gỡ" cancelText="Không" onConfirm={() => remove(m)}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label="Gỡ thành viên" />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AddMemberModal
        open={adding}
        councilId={props.councilId}
        body={props.body}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          members.reload();
          props.onChanged();
        }}
      />
    </Card>
  );
}

function AddMemberModal(props: { open: boolean; councilId: string; body: Body; onClose(): void; onSaved(): void }) {
  const vocab = useVocabulary();
  const [form] = Form.useForm();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const delegates = useApi<ApiPage<Delegate>>(props.open ? `/councils/${props.councilId}/delegates` : null, { q, pageSize: 30, status: 'active' });
  useEffect(() => {
    if (props.open) form.setFieldsValue({ delegateId: undefined, role: 'member' });
  }, [props.open, form]);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/councils/${props.councilId}/bodies/${props.body.id}/members`, v);
    message.success('Đã thêm thành viên.');
    props.onSaved();
  });
  return (
    <Modal title={`Thêm thành viên: ${props.body.name}`} open={props.open} onCancel={props.onClose} onOk={submit} okText="Thêm" cancelText="Hủy" confirmLoading={busy}>
      <Form form={form} layout="vertical">
        <Form.Item label="Đại biểu" name="delegateId" rules={[{ required: true, message: 'Hãy chọn đại biểu.' }]}>
          <Select
            placeholder="Gõ tên đại biểu để tìm"
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={delegates.loading}
            notFoundContent={delegates.loading ? 'Đang tìm…' : 'Không tìm thấy đại biểu nào'}
            options={(delegates.data?.items ?? []).map((d) => ({ value: d.id, label: d.position ? `${d.fullName} — ${d.position}` : d.fullName }))}
          />
        </Form.Item>
        <Form.Item label="Vai trò" name="role">
          <Select options={Object.entries(vocab?.membershipRoles ?? {}).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function BodyModal(props: {
  councilId: string;
  state: { open: boolean; body: Body | null };
  terms: { id: string; name: string; startYear: number; endYear: number }[];
  onClose(): void;
  onSaved(b: Body): void;
}) {
  const vocab = useVocabulary();
  const [form] = Form.useForm();
  const { open, body } = props.state;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(body ? { kind: body.kind, name: body.name, termId: body.termId } : { kind: 'committee', termId: props.terms.at(-1)?.id });
  }, [open, body, form, props.terms]);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const payload = { kind: v.kind, name: v.name, termId: v.termId ?? null };
    const saved = body
      ? await api.patch<Body>(`/councils/${props.councilId}/bodies/${body.id}`, payload)
      : await api.post<Body>(`/councils/${props.councilId}/bodies`, payload);
    message.success(body ? 'Đã lưu.' : `Đã thêm ${saved.name}.`);
    props.onSaved(saved);
  });
  return (
    <Modal title={body ? `Sửa: ${body.name}` : 'Thêm Ban, Tổ đại biểu'} open={open} onCancel={props.onClose} onOk={submit} okText="Lưu" cancelText="Hủy" confirmLoading={busy}>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item label="Loại" name="kind" rules={[{ required: true, message: 'Hãy chọn loại.' }]}>
          <Select options={Object.entries(vocab?.bodyKinds ?? {}).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="Tên" name="name" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên.' }]}>
          <Input maxLength={200} placeholder="ví dụ: Ban Kinh tế – Xã hội" />
        </Form.Item>
        <Form.Item label="Nhiệm kỳ" name="termId">
          <Select allowClear options={props.terms.map((t) => ({ value: t.id, label: termLabel(t) }))} />
        </Form.Item>
        <Typography.Text type="secondary">Thành viên được thêm sau khi tạo, từ danh sách đại biểu của HĐND.</Typography.Text>
      </Form>
    </Modal>
  );
}
