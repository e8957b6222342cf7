// Kiến nghị cần trả lời: an agency responder's inbox — petitions sent to the agency with their due
// dates and deadline states; answer one (result, text, letter, attachments) or return it as
// outside the agency's competence. Agencies never see voter names.
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Drawer, Form, Input, Segmented, Select, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { request, api } from '../../lib/api.ts';
import { useApi, useDebounced, usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { message } from '../../lib/feedback.tsx';
import { clip, fmtDate } from '../../lib/format.ts';
import { useAuth } from '../../lib/auth.tsx';
import { ErrorView, Loading, Page, ReturnReasonModal, SearchCorrection } from '../../components/common.tsx';
import { AnswerFormItems, ResponseView, answerBody, type ResponseRow } from './PetitionDetailPage.tsx';
import { DeadlineTag, type DeadlineState } from './shared.tsx';

interface InboxItem {
  id: string;
  petitionId: string;
  state: 'pending' | 'answered' | 'returned';
  dueDate: string;
  returnReason: string;
  deadlineStatus: DeadlineState | null;
  letterNumber: string;
  letterDate: string;
  fromCouncil: string;
  number: number;
  text: string;
  petitionStatusLabel: string;
  fieldName: string | null;
  communes: string[];
  voterCount: number;
  meetingCount: number;
  responses?: ResponseRow[];
}

const STATES: Record<string, { label: string; color: string }> = {
  pending: { label: 'Chờ trả lời', color: 'processing' },
  answered: { label: 'Đã trả lời', color: 'green' },
  returned: { label: 'Đã trả lại', color: 'orange' },
};

export function AgencyInboxPage() {
  const { agencyId } = useParams() as { agencyId: string };
  const { me } = useAuth();
  const agencyName = me?.grants.find((g) => g.agencyId === agencyId)?.agencyName;
  // The home page's to-do links open the inbox filtered (?state=, ?deadline=) or on one item (?item=).
  const [sp] = useSearchParams();
  const [state, setState] = useState<string>(sp.get('state') ?? (sp.get('deadline') ? 'all' : 'pending'));
  const [deadline, setDeadline] = useState<string | undefined>(sp.get('deadline') ?? undefined);
  const [q, setQ] = useState('');
  const dq = useDebounced(q.trim(), 300);
  const table = usePagedTable<InboxItem>(`/agencies/${agencyId}/dispatch-items`, { state: state === 'all' ? undefined : state, deadline, q: dq });
  const [openId, setOpenId] = useState<string | null>(sp.get('item'));

  if (table.error && (table.error.status === 403 || table.error.status === 404)) return <ErrorView error={table.error} />;
  return (
    <Page title="Kiến nghị cần trả lời" subtitle={agencyName} crumbs={[{ title: 'Kiến nghị cử tri' }, { title: 'Kiến nghị cần trả lời' }]}>
      <Card>
        <div className="nt-toolbar">
          <Segmented
            value={state}
            onChange={(v) => setState(v as string)}
            options={[
              { value: 'pending', label: 'Chờ trả lời' },
              { value: 'answered', label: 'Đã trả lời' },
              { value: 'returned', label: 'Đã trả lại' },
              { value: 'all', label: 'Tất cả' },
            ]}
          />
          <Select
            allowClear
            placeholder="Hạn trả lời"
            value={deadline}
            onChange={setDeadline}
            style={{ width: 170 }}
            options={[
              { value: 'due_soon', label: 'Sắp đến hạn' },
              { value: 'overdue', label: 'Quá hạn' },
            ]}
          />
          <Input.Search allowClear value={q} onChange={(e) => setQ(e.target.value)} placeholder="Tìm nội dung (có dấu hoặc không dấu)" style={{ width: 300, maxWidth: '100%' }} aria-label="Tìm kiến nghị" />
        </div>
        <SearchCorrection corrected={table.corrected} />
        <ResponsiveTable<InboxItem>
          rowKey="id"
          size="middle"
          scroll={{ x: 900 }}
          {...table.tableProps}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          locale={{ emptyText: state === 'pending' ? 'Không có kiến nghị nào đang chờ cơ quan trả lời.' : 'Không có kiến nghị nào.' }}
          columns={[
            {
              title: 'Kiến nghị',
              dataIndex: 'text',
              render: (t: string, r) => (
                <div>
                  <a onClick={() => setOpenId(r.id)}>{clip(t, 200)}</a>
                  <div style={{ color: '#6b7280', fontSize: 12 }}>
                    {[`Số ${r.number} — ${r.fromCouncil}`, r.fieldName, r.communes.join(', '), `${r.voterCount} lượt cử tri`].filter(Boolean).join(' · ')}
                  </div>
                </div>
              ),
            },
            { title: 'Công văn chuyển', key: 'l', width: 170, responsive: ['lg'], render: (_: unknown, r) => `${r.letterNumber}, ${fmtDate(r.letterDate)}` },
            {
              title: 'Hạn trả lời',
              key: 'due',
              width: 150,
              render: (_: unknown, r) => (
                <div>
                  <div>{fmtDate(r.dueDate)}</div>
                  <DeadlineTag state={r.deadlineStatus} due={r.dueDate} />
                </div>
              ),
            },
            { title: 'Tình trạng', dataIndex: 'state', width: 130, render: (s: string) => <Tag color={STATES[s]?.color}>{STATES[s]?.label ?? s}</Tag> },
            {
              title: '',
              key: 'act',
              width: 110,
              render: (_: unknown, r) => (
                <Button size="small" type={r.state === 'pending' ? 'primary' : 'default'} onClick={(e) => { e.stopPropagation(); setOpenId(r.id); }}>
                  {r.state === 'pending' ? 'Trả lời' : 'Xem'}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Drawer
        open={!!openId}
        onClose={() => setOpenId(null)}
        size="large"
        title="Trả lời kiến nghị của cử tri"
        destroyOnHidden
        styles={{ wrapper: { maxWidth: '100vw' } }}
      >
        {openId && (
          <ItemPanel
            agencyId={agencyId}
            itemId={openId}
            onDone={() => {
              setOpenId(null);
              table.reload();
            }}
          />
        )}
      </Drawer>
    </Page>
  );
}

function ItemPanel(props: { agencyId: string; itemId: string; onDone(): void }) {
  const item = useApi<InboxItem>(`/agencies/${props.agencyId}/dispatch-items/${props.itemId}`);
  const [form] = Form.useForm();
  const result = Form.useWatch('result', form);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [returnOpen, setReturnOpen] = useState(false);
  const [answer, busy] = useFormSubmit(form, async (v) => {
    const r = await api.post<{ id: string }>(`/agencies/${props.agencyId}/dispatch-items/${props.itemId}/response`, answerBody(v));
    const responseId = r.id;
    for (const f of files) {
      const body = new FormData();
      body.append('file', f.originFileObj as File);
      await request('POST', `/agencies/${props.agencyId}/responses/${responseId}/attachments`, { body });
    }
    message.success('Đã gửi trả lời kiến nghị đến Văn phòng HĐND.');
    props.onDone();
  });

  if (item.error) return <ErrorView error={item.error} />;
  const it = item.data;
  if (!it) return <Loading />;


  return (
    <div>
      <Typography.Paragraph style={{ fontSize: 15 }} data-testid="inbox-text">{it.text}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { label: 'Kiến nghị số', children: `${it.number} — ${it.fromCouncil}` },
          { label: 'Công văn chuyển', children: `${it.letterNumber} ngày ${fmtDate(it.letterDate)}` },
          { label: 'Hạn trả lời', children: <>{fmtDate(it.dueDate)} <DeadlineTag state={it.deadlineStatus} /></> },
          { label: 'Lĩnh vực', children: it.fieldName ?? '—' },
          { label: 'Địa bàn, số cử tri', children: `${it.communes.join(', ') || '—'}; ${it.voterCount} lượt cử tri, ${it.meetingCount} cuộc tiếp xúc` },
          { label: 'Tình trạng', children: <Tag color={STATES[it.state]?.color}>{STATES[it.state]?.label}</Tag> },
        ]}
      />
      {it.returnReason && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`Đã trả lại: ${it.returnReason}`} />}
      {(it.responses ?? []).length > 0 && (
        <Card size="small" title="Trả lời đã gửi" style={{ marginBottom: 16 }}>
          {it.responses!.map((r) => (
            <ResponseView key={r.id} r={r} downloadBase={`/api/agencies/${props.agencyId}/attachments`} />
          ))}
        </Card>
      )}
      {it.state === 'pending' && (
        <>
          <Form form={form} layout="vertical" data-testid="answer-form">
            <AnswerFormItems result={result} />
            <Form.Item label="Tệp đính kèm (văn bản trả lời, tối đa 10 MB mỗi tệp)">
              <Upload
                multiple
                fileList={files}
                beforeUpload={() => false}
                onChange={({ fileList }) => setFiles(fileList)}
              >
                <Button icon={<UploadOutlined />}>Chọn tệp</Button>
              </Upload>
            </Form.Item>
          </Form>
          <Space wrap>
            <Button type="primary" loading={busy} onClick={answer} data-testid="answer-submit">Gửi trả lời</Button>
            <Button danger onClick={() => setReturnOpen(true)}>Trả lại: không thuộc thẩm quyền</Button>
          </Space>
        </>
      )}
      {returnOpen && (
        <ReturnReasonModal
          title="Trả lại kiến nghị không thuộc thẩm quyền"
          onClose={() => setReturnOpen(false)}
          onSubmit={async (reason) => {
            await api.post(`/agencies/${props.agencyId}/dispatch-items/${props.itemId}/return`, { reason });
            message.success('Đã trả lại kiến nghị để Văn phòng HĐND chuyển đúng cơ quan.');
            setReturnOpen(false);
            props.onDone();
          }}
        >
          <p>Văn phòng HĐND sẽ nhận lại kiến nghị và chuyển đến cơ quan có thẩm quyền. Hãy nêu rõ lý do (và cơ quan đúng thẩm quyền, nếu biết).</p>
        </ReturnReasonModal>
      )}
    </div>
  );
}
