// Người dùng (administrators): list, create, lock/unlock, reset password, grant and revoke roles
// scoped to a council, a body (Ban, Tổ) or an agency.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Divider, Drawer, Form, Input, List, Modal, Popconfirm, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { KeyOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { api, type Page as ApiPage } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { useApi, useDebounced, usePagedTable, useFormSubmit, useViewportWidth } from '../lib/hooks.ts';
import { message, showError } from '../lib/feedback.tsx';
import { fmtDate } from '../lib/format.ts';
import { Forbidden, Page } from '../components/common.tsx';
import { AgencySelect, CouncilSelect } from '../components/pickers.tsx';
import { ExportButton } from './documents/shared.tsx';

interface RawGrant {
  id: string;
  role: string;
  councilId: string | null;
  bodyId: string | null;
  agencyId: string | null;
}
interface User {
  id: string;
  username: string;
  fullName: string;
  email: string;
  active: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  totpRequired: boolean;
  createdAt: string;
  grants: RawGrant[];
}
interface Role {
  role: string;
  label: string;
  scope: 'global' | 'council' | 'body' | 'agency';
}

/** Names of councils, agencies and bodies that grants point to (the users API gives only ids). */
function useScopeNames() {
  const councils = useApi<ApiPage<{ id: string; name: string }>>('/councils', { all: 'true', pageSize: 200 });
  const agencies = useApi<ApiPage<{ id: string; name: string }>>('/agencies', { pageSize: 200 });
  return useMemo(() => {
    const m = new Map<string, string>();
    for (const c of councils.data?.items ?? []) m.set(c.id, c.name);
    for (const a of agencies.data?.items ?? []) m.set(a.id, a.name);
    return m;
  }, [councils.data, agencies.data]);
}

export function UsersPage() {
  const { me } = useAuth();
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim(), 300);
  const table = usePagedTable<User>(me?.isAdmin ? '/users' : null, { q: debouncedQ });
  const roles = useApi<ApiPage<Role>>('/roles', { pageSize: 200 });
  const names = useScopeNames();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [granting, setGranting] = useState<string | null>(null);
  const [totpRolesOpen, setTotpRolesOpen] = useState(false);
  if (!me?.isAdmin) return <Forbidden />;

  const roleLabel = (r: string) => roles.data?.items.find((x) => x.role === r)?.label ?? r;
  const grantText = (g: RawGrant) => {
    const scope = g.councilId ?? g.agencyId ?? g.bodyId;
    const name = scope ? names.get(scope) ?? (g.bodyId ? 'một Ban/Tổ' : '') : '';
    return name ? `${roleLabel(g.role)} — ${name}` : roleLabel(g.role);
  };

  const setActive = async (u: User, active: boolean) => {
    try {
      await api.patch(`/users/${u.id}`, { active });
      message.success(active ? `Đã mở khóa tài khoản ${u.username}.` : `Đã khóa tài khoản ${u.username}.`);
      table.reload();
    } catch (err) {
      showError(err);
    }
  };

  const setTotpRequired = async (u: User, totpRequired: boolean) => {
    try {
      await api.patch(`/users/${u.id}`, { totpRequired });
      message.success(totpRequired ? `${u.username} phải dùng xác thực hai bước.` : `${u.username} không còn bắt buộc xác thực hai bước.`);
      table.reload();
    } catch (err) {
      showError(err);
    }
  };
  const resetTotp = async (u: User) => {
    try {
      await api.post(`/users/${u.id}/totp/reset`);
      message.success(`Đã đặt lại xác thực hai bước của ${u.username}.`);
      table.reload();
    } catch (err) {
      showError(err);
    }
  };

  const items = (table.tableProps.dataSource ?? []) as User[];
  const grantUser = items.find((u) => u.id === granting) ?? null;

  return (
    <Page
      title="Người dùng"
      subtitle="Tài khoản và vai trò được giao"
      crumbs={[{ title: 'Hệ thống' }, { title: 'Người dùng' }]}
      extra={
        <>
          <ExportButton path="/users/export.xlsx" query={{ q: debouncedQ }} />
          <Button onClick={() => setTotpRolesOpen(true)}>Vai trò bắt buộc xác thực hai bước</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>Tạo người dùng</Button>
        </>
      }
    >
      <Card>
        <div className="nt-toolbar">
          <Input.Search allowClear value={q} onChange={(e) => setQ(e.target.value)} placeholder="Tìm theo tên đăng nhập hoặc họ tên" style={{ width: 340, maxWidth: '100%' }} />
        </div>
        <ResponsiveTable<User>
          rowKey="id"
          size="middle"
          scroll={{ x: 960 }}
          {...table.tableProps}
          locale={{ emptyText: 'Không có người dùng nào.' }}
          columns={[
            { title: 'Tên đăng nhập', dataIndex: 'username', width: 150 },
            {
              title: 'Họ và tên',
              dataIndex: 'fullName',
              width: 190,
              render: (n: string, u) => (
                <div>
                  {n}
                  {u.email && <div style={{ color: '#8a94a3', fontSize: 12 }}>{u.email}</div>}
                </div>
              ),
            },
            {
              title: 'Vai trò',
              key: 'grants',
              render: (_, u) =>
                u.grants.length ? (
                  u.grants.map((g) => <Tag key={g.id} color="blue" style={{ marginBottom: 4, whiteSpace: 'normal' }}>{grantText(g)}</Tag>)
                ) : (
                  <Typography.Text type="secondary">Chưa có vai trò</Typography.Text>
                ),
            },
            {
              title: 'Trạng thái',
              key: 'active',
              width: 150,
              render: (_, u) => (
                <Space orientation="vertical" size={2}>
                  <Switch
                    size="small"
                    checked={u.active}
                    disabled={u.id === me.id}
                    onChange={(v) => setActive(u, v)}
                    checkedChildren="Hoạt động"
                    unCheckedChildren="Đã khóa"
                    aria-label={u.active ? `Khóa ${u.username}` : `Mở khóa ${u.username}`}
                  />
                  {u.mustChangePassword && <Typography.Text type="warning" style={{ fontSize: 12 }}>Chờ đổi mật khẩu</Typography.Text>}
                </Space>
              ),
            },
            {
              title: 'Xác thực hai bước',
              key: 'totp',
              width: 170,
              render: (_, u) => (
                <Space orientation="vertical" size={2}>
                  {u.totpEnabled ? <Tag color="green">Đã bật</Tag> : <Tag>Chưa bật</Tag>}
                  <Switch
                    size="small"
                    checked={u.totpRequired}
                    onChange={(v) => setTotpRequired(u, v)}
                    checkedChildren="Bắt buộc"
                    unCheckedChildren="Không bắt buộc"
                    aria-label={`Bắt buộc xác thực hai bước với ${u.username}`}
                  />
                  {u.totpEnabled && (
                    <Popconfirm title="Đặt lại xác thực hai bước (ví dụ khi mất điện thoại)?" okText="Đặt lại" cancelText="Không" onConfirm={() => resetTotp(u)}>
                      <Button type="link" size="small" style={{ padding: 0 }}>Đặt lại</Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
            { title: 'Ngày tạo', dataIndex: 'createdAt', width: 110, render: fmtDate },
            {
              title: 'Thao tác',
              key: 'x',
              width: 110,
              render: (_, u) => (
                <Space size={4}>
                  <Tooltip title="Phân quyền">
                    <Button type="text" icon={<SafetyCertificateOutlined />} aria-label={`Phân quyền ${u.username}`} onClick={() => setGranting(u.id)} />
                  </Tooltip>
                  <Tooltip title="Đặt lại mật khẩu">
                    <Button type="text" icon={<KeyOutlined />} aria-label={`Đặt lại mật khẩu ${u.username}`} onClick={() => setResetting(u)} />
                  </Tooltip>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <TotpRolesModal open={totpRolesOpen} roles={roles.data?.items ?? []} onClose={() => setTotpRolesOpen(false)} />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onSaved={() => { setCreating(false); table.reload(); }} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} onSaved={() => { setResetting(null); table.reload(); }} />
      <GrantsDrawer
        user={grantUser}
        roles={roles.data?.items ?? []}
        grantText={grantText}
        isSelf={grantUser?.id === me.id}
        onClose={() => setGranting(null)}
        onChanged={table.reload}
      />
    </Page>
  );
}

/** The roles whose holders must sign in with an authenticator code. */
function TotpRolesModal(props: { open: boolean; roles: Role[]; onClose(): void }) {
  const current = useApi<{ roles: string[] }>(props.open ? '/totp-required-roles' : null);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const value = chosen ?? current.data?.roles ?? [];
  const save = async () => {
    setBusy(true);
    try {
      await api.put('/totp-required-roles', { roles: value });
      message.success('Đã lưu các vai trò bắt buộc xác thực hai bước.');
      setChosen(null);
      props.onClose();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="Vai trò bắt buộc xác thực hai bước"
      open={props.open}
      onCancel={() => { setChosen(null); props.onClose(); }}
      onOk={save}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Người giữ các vai trò này phải bật xác thực hai bước ở lần đăng nhập tới trước khi làm việc khác.
      </Typography.Paragraph>
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        value={value}
        onChange={setChosen}
        loading={current.loading}
        options={props.roles.map((r) => ({ value: r.role, label: r.label }))}
        placeholder="Chọn vai trò"
        aria-label="Vai trò bắt buộc xác thực hai bước"
      />
    </Modal>
  );
}

function CreateUserModal(props: { open: boolean; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post('/users', { username: v.username, fullName: v.fullName, email: v.email ?? '', password: v.password });
    message.success(`Đã tạo tài khoản ${v.username}. Người dùng sẽ phải đổi mật khẩu khi đăng nhập lần đầu.`);
    form.resetFields();
    props.onSaved();
  });
  return (
    <Modal title="Tạo người dùng" open={props.open} onCancel={props.onClose} onOk={submit} okText="Tạo" cancelText="Hủy" confirmLoading={busy}>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên đăng nhập.' }]} extra="Chữ thường không dấu, ví dụ: vp.sahuynh">
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Hãy nhập họ và tên.' }]}>
          <Input maxLength={150} />
        </Form.Item>
        <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ.' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="Mật khẩu ban đầu" name="password" rules={[{ required: true, message: 'Hãy nhập mật khẩu ban đầu.' }]} extra="Ít nhất 8 ký tự, có cả chữ và số.">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal(props: { user: User | null; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    if (!props.user) return;
    await api.patch(`/users/${props.user.id}`, { password: v.password });
    message.success(`Đã đặt lại mật khẩu cho ${props.user.username}.`);
    form.resetFields();
    props.onSaved();
  });
  return (
    <Modal title={`Đặt lại mật khẩu: ${props.user?.fullName ?? ''}`} open={!!props.user} onCancel={props.onClose} onOk={submit} okText="Đặt lại" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="Người dùng sẽ bị đăng xuất khỏi mọi thiết bị và phải đổi mật khẩu ở lần đăng nhập tới." />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="Mật khẩu mới" name="password" rules={[{ required: true, message: 'Hãy nhập mật khẩu mới.' }]} extra="Ít nhất 8 ký tự, có cả chữ và số.">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function GrantsDrawer(props: {
  user: User | null;
  roles: Role[];
  grantText(g: RawGrant): string;
  isSelf: boolean;
  onClose(): void;
  onChanged(): void;
}) {
  const vw = useViewportWidth();
  const [form] = Form.useForm();
  const role = Form.useWatch('role', form) as string | undefined;
  const councilId = Form.useWatch('councilId', form) as string | undefined;
  const scope = props.roles.find((r) => r.role === role)?.scope;
  const bodies = useApi<ApiPage<{ id: string; name: string }>>(scope === 'body' && councilId ? `/councils/${councilId}/bodies` : null, { pageSize: 200 });
  useEffect(() => {
    form.resetFields();
  }, [props.user?.id, form]);

  const revoke = async (g: RawGrant) => {
    try {
      await api.delete(`/users/${props.user!.id}/grants/${g.id}`);
      message.success('Đã thu hồi vai trò.');
      props.onChanged();
    } catch (err) {
      showError(err);
    }
  };
  const [grant, busy] = useFormSubmit(form, async (v) => {
    if (!props.user) return;
    await api.post(`/users/${props.user.id}/grants`, {
      role: v.role,
      councilId: scope === 'council' ? v.councilId : null,
      bodyId: scope === 'body' ? v.bodyId : null,
      agencyId: scope === 'agency' ? v.agencyId : null,
    });
    message.success('Đã giao vai trò.');
    form.resetFields();
    props.onChanged();
  });
  return (
    <Drawer title={props.user ? `Phân quyền: ${props.user.fullName} (${props.user.username})` : ''} open={!!props.user} onClose={props.onClose} size={Math.min(560, vw)}>
      <Typography.Title level={5}>Vai trò đang có</Typography.Title>
      <List
        size="small"
        bordered
        dataSource={props.user?.grants ?? []}
        locale={{ emptyText: 'Chưa có vai trò nào.' }}
        renderItem={(g) => (
          <List.Item
            actions={[
              <Popconfirm key="r" title="Thu hồi vai trò này?" okText="Thu hồi" cancelText="Không" okButtonProps={{ danger: true }} onConfirm={() => revoke(g)} disabled={props.isSelf}>
                <Button type="link" danger size="small" disabled={props.isSelf}>Thu hồi</Button>
              </Popconfirm>,
            ]}
          >
            {props.grantText(g)}
          </List.Item>
        )}
      />
      <Divider />
      <Typography.Title level={5}>Giao thêm vai trò</Typography.Title>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Hãy chọn vai trò.' }]}>
          <Select options={props.roles.map((r) => ({ value: r.role, label: r.label }))} placeholder="Chọn vai trò" />
        </Form.Item>
        {(scope === 'council' || scope === 'body') && (
          <Form.Item label="Hội đồng nhân dân" name="councilId" rules={[{ required: true, message: 'Hãy chọn HĐND.' }]}>
            <CouncilSelect />
          </Form.Item>
        )}
        {scope === 'body' && (
          <Form.Item label="Ban, Tổ đại biểu" name="bodyId" rules={[{ required: true, message: 'Hãy chọn Ban hoặc Tổ đại biểu.' }]}>
            <Select
              disabled={!councilId}
              loading={bodies.loading}
              placeholder={councilId ? 'Chọn Ban, Tổ' : 'Chọn HĐND trước'}
              options={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
            />
          </Form.Item>
        )}
        {scope === 'agency' && (
          <Form.Item label="Cơ quan" name="agencyId" rules={[{ required: true, message: 'Hãy chọn cơ quan.' }]}>
            <AgencySelect />
          </Form.Item>
        )}
        <Button type="primary" icon={<PlusOutlined />} loading={busy} onClick={grant}>Giao vai trò</Button>
      </Form>
    </Drawer>
  );
}
