// The convocation step of a session: the guest list, the form that issues the giấy triệu tập
// (delegates), giấy mời (guests) and chương trình and e-mails them with the session's calendar
// invitation, and the convocations sent with each recipient's delivery state. Also the user's own
// calendar feed (CalendarFeedCard), shown on the account page.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, DeleteOutlined, MailOutlined, PlusOutlined } from '@ant-design/icons';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { api } from '../../lib/api.ts';
import { useApi, useFormSubmit } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { fmtDate, fmtDateTime } from '../../lib/format.ts';

interface DocRef { id: string; symbol: string; title: string; fileName: string; downloadPath: string }
interface Recipient { id: string; kind: string; name: string; email: string; organisation: string; status: string; statusLabel: string; sentAt: string | null }
interface Convocation {
  id: string; openingDate: string; closingDate: string | null; startTime: string; place: string; sequence: number; createdAt: string;
  convocation: DocRef; invitation: DocRef | null; agenda: DocRef; recipients: Recipient[];
}
interface Guest { id: string; name: string; email: string; organisation: string }
interface View { convocations: Convocation[]; guests: Guest[]; outdated: boolean; canSend: boolean; notConvened: boolean }
interface Issuer { id: string; kind: string; name: string }
interface Signer { delegateId: string; name: string; title: string }

const STATUS_COLORS: Record<string, string> = { sent: 'green', failed: 'red', pending: 'blue', noEmail: 'orange', noServer: 'default' };

export function ConvocationCard(props: { councilId: string; sessionId: string; canManage: boolean; onDone(): void }) {
  const base = `/councils/${props.councilId}/sessions/${props.sessionId}`;
  const v = useApi<View>(`${base}/convocations`);
  const [sending, setSending] = useState(false);
  const reload = () => {
    v.reload();
    props.onDone();
  };
  const data = v.data;
  const canSend = props.canManage && !!data?.canSend;
  return (
    <Card
      title={<span><MailOutlined /> Triệu tập kỳ họp</span>}
      data-testid="convocation-card"
      extra={canSend && <Button type="primary" icon={<MailOutlined />} onClick={() => setSending(true)}>{data!.convocations.length ? 'Gửi lại' : 'Gửi giấy triệu tập'}</Button>}
    >
      {!data && <Typography.Text type="secondary">Đang tải…</Typography.Text>}
      {data && (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          {data.notConvened && props.canManage && (
            <Alert type="info" showIcon message='Kỳ họp chưa được triệu tập: bấm "Triệu tập" ở đầu trang, rồi gửi giấy triệu tập cho đại biểu và khách mời.' />
          )}
          {data.outdated && (
            <Alert type="warning" showIcon message="Ngày họp đã thay đổi sau lần gửi giấy triệu tập gần nhất. Hãy gửi lại để đại biểu, khách mời nhận giấy triệu tập mới và lịch họp được cập nhật." />
          )}
          <Guests councilId={props.councilId} sessionId={props.sessionId} guests={data.guests} editable={props.canManage} onDone={v.reload} />
          {data.convocations.length === 0 && <Typography.Text type="secondary">Chưa gửi giấy triệu tập.</Typography.Text>}
          {data.convocations.map((c, i) => <Sent key={c.id} c={c} councilId={props.councilId} canResend={props.canManage && i === 0} onDone={v.reload} />)}
        </Space>
      )}
      {sending && <SendForm councilId={props.councilId} path={`${base}/convocations`} onClose={() => setSending(false)} onDone={reload} />}
    </Card>
  );
}

function Guests(props: { councilId: string; sessionId: string; guests: Guest[]; editable: boolean; onDone(): void }) {
  const [form] = Form.useForm();
  const [add, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/councils/${props.councilId}/sessions/${props.sessionId}/guests`, { name: v.name.trim(), email: v.email?.trim() || '', organisation: v.organisation?.trim() || '' });
    form.resetFields();
    message.success('Đã thêm khách mời.');
    props.onDone();
  });
  const remove = async (g: Guest) => {
    try {
      await api.delete(`/councils/${props.councilId}/session-guests/${g.id}`);
      props.onDone();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <div>
      <Typography.Text strong>Khách mời ({props.guests.length})</Typography.Text>
      <List
        size="small"
        dataSource={props.guests}
        locale={{ emptyText: 'Chưa có khách mời.' }}
        renderItem={(g) => (
          <List.Item
            actions={props.editable ? [
              <Popconfirm key="d" title={`Bỏ ${g.name} khỏi danh sách khách mời?`} okText="Bỏ" cancelText="Không" onConfirm={() => remove(g)}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`Bỏ ${g.name}`} />
              </Popconfirm>,
            ] : []}
          >
            <List.Item.Meta title={g.name} description={[g.organisation, g.email || 'chưa có thư điện tử'].filter(Boolean).join(' · ')} />
          </List.Item>
        )}
      />
      {props.editable && (
        <Form form={form} layout="inline" style={{ rowGap: 8 }} onFinish={add}>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: 'Hãy nhập họ tên.' }]}><Input placeholder="Họ tên khách mời" maxLength={200} /></Form.Item>
          <Form.Item name="organisation"><Input placeholder="Cơ quan, đơn vị" maxLength={300} /></Form.Item>
          <Form.Item name="email" rules={[{ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ.' }]}><Input placeholder="Thư điện tử" maxLength={200} /></Form.Item>
          <Form.Item><Button htmlType="submit" icon={<PlusOutlined />} loading={busy}>Thêm khách mời</Button></Form.Item>
        </Form>
      )}
    </div>
  );
}

function Sent({ c, councilId, canResend, onDone }: { c: Convocation; councilId: string; canResend: boolean; onDone(): void }) {
  const [busy, setBusy] = useState(false);
  const unsent = c.recipients.filter((r) => r.status === 'failed' || r.status === 'noServer').length;
  const resend = async () => {
    setBusy(true);
    try {
      const r = await api.post<{ delivery: { sent: number; failed: number } }>(`/councils/${councilId}/session-convocations/${c.id}/resend`);
      message.success(`Đã gửi lại ${r.delivery.sent} thư${r.delivery.failed ? `; ${r.delivery.failed} thư vẫn lỗi` : ''}.`);
      onDone();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const counts = c.recipients.reduce<Record<string, number>>((m, r) => ({ ...m, [r.statusLabel]: (m[r.statusLabel] ?? 0) + 1 }), {});
  return (
    <div data-testid="convocation-sent">
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Typography.Text strong>Gửi lúc {fmtDateTime(c.createdAt)}</Typography.Text>: khai mạc {c.startTime} ngày {fmtDate(c.openingDate)}, {c.place}.
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        {[['Giấy triệu tập', c.convocation], ['Giấy mời', c.invitation], ['Chương trình', c.agenda]].map(([label, d]) => d && (
          <a key={(d as DocRef).id} href={(d as DocRef).downloadPath}>
            <Tag color="blue">{label as string} số {(d as DocRef).symbol}</Tag>
          </a>
        ))}
        {Object.entries(counts).map(([label, n]) => <Tag key={label}>{label}: {n}</Tag>)}
        {canResend && unsent > 0 && <Button size="small" loading={busy} onClick={resend}>Gửi lại {unsent} thư chưa gửi được</Button>}
      </Space>
      <ResponsiveTable<Recipient>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={c.recipients}
        columns={[
          { title: 'Người nhận', dataIndex: 'name', render: (n: string, r) => <div>{n}<div style={{ color: '#6b7280', fontSize: 12 }}>{r.kind === 'guest' ? `Khách mời${r.organisation ? ` · ${r.organisation}` : ''}` : 'Đại biểu'}</div></div> },
          { title: 'Thư điện tử', dataIndex: 'email', render: (e: string) => e || '—' },
          { title: 'Tình trạng', dataIndex: 'statusLabel', width: 200, render: (l: string, r) => <Tag color={STATUS_COLORS[r.status]}>{l}</Tag> },
        ]}
      />
    </div>
  );
}

function SendForm(props: { councilId: string; path: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const issuers = useApi<{ items: Issuer[] }>(`/councils/${props.councilId}/documents/issuers`);
  const standing = issuers.data?.items.find((i) => i.kind === 'standing');
  const signers = useApi<{ items: Signer[] }>(standing ? `/councils/${props.councilId}/documents/issuers/${standing.id}/signers` : null);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const r = await api.post<{ convocation: DocRef; delivery: { sent: number; failed: number } }>(props.path, {
      startTime: v.startTime, place: v.place.trim(), ...(standing ? { issuerId: standing.id } : {}),
      ...(v.signerId ? { signerId: v.signerId } : {}), ...(v.signerName?.trim() ? { signerName: v.signerName.trim() } : {}),
    });
    message.success(`Đã ban hành giấy triệu tập số ${r.convocation.symbol} và gửi ${r.delivery.sent} thư${r.delivery.failed ? `; ${r.delivery.failed} thư lỗi` : ''}.`);
    props.onDone();
    props.onClose();
  });
  const options = (signers.data?.items ?? []).map((s) => ({ value: s.delegateId, label: `${s.name} – ${s.title}` }));
  return (
    <Card size="small" style={{ marginTop: 16 }} title="Ban hành và gửi giấy triệu tập" data-testid="convocation-form">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        Giấy triệu tập (gửi đại biểu), giấy mời (gửi khách mời) và chương trình kỳ họp được lấy số trong sổ văn bản đi; mỗi thư kèm văn bản và lịch họp (.ics) để thêm vào lịch.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ startTime: '07:30' }}>
        <Form.Item name="startTime" label="Giờ khai mạc" rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'Giờ khai mạc phải có dạng giờ:phút, ví dụ 07:30.' }]}>
          <Input style={{ maxWidth: 160 }} />
        </Form.Item>
        <Form.Item name="place" label="Địa điểm" rules={[{ required: true, whitespace: true, message: 'Hãy nhập địa điểm họp.' }]}>
          <Input maxLength={300} placeholder="Hội trường UBND phường" />
        </Form.Item>
        {options.length > 0 ? (
          <Form.Item name="signerId" label="Người ký" rules={[{ required: true, message: 'Hãy chọn người ký.' }]}>
            <Select options={options} />
          </Form.Item>
        ) : (
          <Form.Item name="signerName" label="Họ và tên người ký" rules={[{ required: true, whitespace: true, message: 'Hãy nhập họ tên người ký.' }]}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Space wrap>
          <Button type="primary" onClick={submit} loading={busy} icon={<MailOutlined />}>Ban hành và gửi</Button>
          <Button onClick={props.onClose}>Hủy</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** The user's calendar feed: make (the URL shown once), make again, revoke. */
export function CalendarFeedCard() {
  const status = useApi<{ active: boolean; createdAt: string | null }>('/calendar-feed');
  const [url, setUrl] = useState<string | null>(null);
  const make = async () => {
    try {
      const r = await api.post<{ url: string }>('/calendar-feed');
      setUrl(r.url);
      status.reload();
    } catch (err) {
      showError(err);
    }
  };
  const revoke = async () => {
    try {
      await api.delete('/calendar-feed');
      setUrl(null);
      message.success('Đã thu hồi đường dẫn lịch.');
      status.reload();
    } catch (err) {
      showError(err);
    }
  };
  const active = status.data?.active;
  return (
    <Card title={<span><CalendarOutlined /> Lịch kỳ họp trên điện thoại</span>} style={{ marginTop: 16 }} data-testid="calendar-feed">
      <Typography.Paragraph type="secondary">
        Ứng dụng lịch (Google Lịch, Outlook, Lịch trên iPhone) theo dõi đường dẫn bí mật này để hiện các kỳ họp và buổi tiếp xúc cử tri của bạn. Ai có đường dẫn đều xem được lịch: đừng chia sẻ; khi lộ, hãy tạo lại hoặc thu hồi.
      </Typography.Paragraph>
      {url && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} message="Đường dẫn lịch của bạn (chỉ hiện một lần, hãy sao chép ngay):" description={<Typography.Text copyable code style={{ wordBreak: 'break-all' }}>{url}</Typography.Text>} />
      )}
      {active && !url && <Typography.Paragraph>Đã tạo đường dẫn lịch lúc {fmtDateTime(status.data!.createdAt!)}.</Typography.Paragraph>}
      <Space wrap>
        <Button type="primary" onClick={make}>{active ? 'Tạo lại đường dẫn (đường dẫn cũ hết hiệu lực)' : 'Tạo đường dẫn lịch'}</Button>
        {active && (
          <Popconfirm title="Thu hồi đường dẫn lịch? Ứng dụng lịch sẽ không cập nhật được nữa." okText="Thu hồi" cancelText="Không" onConfirm={revoke}>
            <Button danger>Thu hồi</Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}
