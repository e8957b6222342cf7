// Sổ văn bản đi: every document the council's issuing bodies issued, filtered and paginated on the
// server; download the .docx, regenerate it (the SHA-256 shows it is the same file), cancel it
// (the number stays in the register, marked "Đã hủy"), export the register with its filters.
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { DownloadOutlined, FormOutlined, ReloadOutlined, StopOutlined, SnippetsOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useApi, useDebounced, useFormSubmit, usePagedTable } from '../../lib/hooks.ts';
import { message, modal, showError } from '../../lib/feedback.tsx';
import { DATE_FORMAT, fmtDate, fmtDateTime, fmtSize, isoDay } from '../../lib/format.ts';
import { ErrorView, Page } from '../../components/common.tsx';
import {
  DOCUMENT_KIND_NAMES, DOCUMENT_STATUS, ExportButton, downloadFile, type DocumentItem, type Issuer, type TemplateSummary,
} from './shared.tsx';

interface DocumentDetail extends DocumentItem {
  content?: { signature?: { lines?: string[]; signerName?: string }; recipients?: string[] };
}

/** What the expanded row shows: signer, recipients, file fingerprint, cancellation. */
function DocumentDetails({ councilId, doc }: { councilId: string; doc: DocumentItem }) {
  const d = useApi<DocumentDetail>(`/councils/${councilId}/documents/${doc.id}`);
  const sig = d.data?.content?.signature;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ maxWidth: 980 }}>
      <Descriptions.Item label="Người ký">
        {d.loading ? 'Đang tải…' : sig ? `${sig.signerName ?? ''}${sig.lines?.length ? ` (${sig.lines.join(' / ')})` : ''}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label="Người lập">{doc.createdByName || '—'}, {fmtDateTime(doc.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="Cơ quan ban hành">{doc.issuerName}</Descriptions.Item>
      <Descriptions.Item label="Tệp">
        {doc.fileName} ({fmtSize(doc.size)})
      </Descriptions.Item>
      <Descriptions.Item label="Mã SHA-256" span={2}>
        <Typography.Text className="nt-mono" copyable style={{ wordBreak: 'break-all' }}>{doc.sha256}</Typography.Text>
      </Descriptions.Item>
      {d.data?.content?.recipients?.length ? (
        <Descriptions.Item label="Nơi nhận" span={2}>{d.data.content.recipients.join('; ')}</Descriptions.Item>
      ) : null}
      {doc.status === 'cancelled' && (
        <Descriptions.Item label="Đã hủy" span={2}>
          {fmtDateTime(doc.cancelledAt)} — lý do: {doc.cancelReason}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

export function RegisterPage() {
  const { councilId } = useParams() as { councilId: string };
  const { me, canManageCouncil } = useAuth();
  const manage = canManageCouncil(councilId);
  const councilName = me?.councils.find((c) => c.id === councilId)?.name;
  const base = `/councils/${councilId}/documents`;
  const thisYear = new Date().getFullYear();

  const [year, setYear] = useState<number | undefined>(thisYear);
  const [issuerId, setIssuerId] = useState<string>();
  const [kind, setKind] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [templateKey, setTemplateKey] = useState<string>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim(), 300);
  const filters = {
    year, issuerId, kind, status, templateKey, from: isoDay(range?.[0]), to: isoDay(range?.[1]), q: debouncedQ,
  };
  const table = usePagedTable<DocumentItem>(base, filters);
  const issuers = useApi<{ items: Issuer[] }>(`${base}/issuers`);
  const templates = useApi<{ items: TemplateSummary[] }>(`${base}/templates`);
  const [cancelOf, setCancelOf] = useState<DocumentItem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const years = useMemo(() => Array.from({ length: 6 }, (_, i) => thisYear - i), [thisYear]);
  if (table.error && (table.error.status === 403 || table.error.status === 404)) return <ErrorView error={table.error} />;

  const download = async (d: DocumentItem) => {
    setBusy(`dl:${d.id}`);
    try {
      const name = await downloadFile(`${base}/${d.id}/download`, { fallbackName: d.fileName });
      message.success(`Đã tải ${name}.`);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  };

  const regenerate = async (d: DocumentItem) => {
    setBusy(`re:${d.id}`);
    try {
      const r = await api.post<{ identical: boolean; sha256: string; previousSha256: string; size: number }>(`${base}/${d.id}/regenerate`);
      modal[r.identical ? 'success' : 'warning']({
        title: r.identical ? `Văn bản số ${d.symbol}: tệp tạo lại giống hệt tệp đã ban hành` : `Văn bản số ${d.symbol}: tệp tạo lại khác tệp cũ`,
        width: 620,
        content: (
          <div>
            <p style={{ marginTop: 0 }}>
              {r.identical
                ? 'Tệp Word được dựng lại từ nội dung đã lưu và trùng khớp từng byte với tệp đã ban hành (cùng mã SHA-256).'
                : 'Bộ dựng văn bản đã thay đổi nên tệp mới khác tệp cũ; tệp mới thay tệp cũ, nhật ký giữ cả hai mã.'}
            </p>
            <div>Mã SHA-256 đã lưu:</div>
            <div className="nt-mono" style={{ wordBreak: 'break-all' }} data-testid="sha-before">{r.previousSha256}</div>
            <div style={{ marginTop: 8 }}>Mã SHA-256 tạo lại:</div>
            <div className="nt-mono" style={{ wordBreak: 'break-all' }} data-testid="sha-after">{r.sha256}</div>
          </div>
        ),
        okText: 'Đóng',
      });
      table.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  };

  const filtered = !!(issuerId || kind || status || templateKey || range || debouncedQ);
  return (
    <Page
      title="Sổ văn bản đi"
      subtitle={councilName}
      crumbs={[{ title: 'Văn bản' }, { title: councilName ?? 'HĐND' }, { title: 'Sổ văn bản đi' }]}
      extra={
        <>
          <ExportButton path={`${base}/export.xlsx`} query={filters} />
          {manage && (
            <Link to={`${base}/templates`}>
              <Button icon={<SnippetsOutlined />}>Mẫu văn bản</Button>
            </Link>
          )}
          {manage && (
            <Link to={`${base}/new`}>
              <Button type="primary" icon={<FormOutlined />}>Soạn văn bản</Button>
            </Link>
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
            placeholder="Tìm theo số, ký hiệu hoặc trích yếu"
            style={{ width: 300, maxWidth: '100%' }}
            aria-label="Tìm văn bản"
          />
          <Select
            allowClear
            placeholder="Năm"
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
            aria-label="Năm"
          />
          <Select
            allowClear
            placeholder="Cơ quan ban hành"
            value={issuerId}
            onChange={setIssuerId}
            style={{ width: 230 }}
            popupMatchSelectWidth={false}
            options={(issuers.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name} (${i.code})` }))}
            aria-label="Cơ quan ban hành"
          />
          <Select
            allowClear
            placeholder="Loại văn bản"
            value={kind}
            onChange={setKind}
            style={{ width: 150 }}
            options={Object.entries(DOCUMENT_KIND_NAMES).map(([value, label]) => ({ value, label }))}
            aria-label="Loại văn bản"
          />
          <Select
            allowClear
            placeholder="Mẫu văn bản"
            value={templateKey}
            onChange={setTemplateKey}
            style={{ width: 220 }}
            popupMatchSelectWidth={false}
            options={(templates.data?.items ?? []).map((t) => ({ value: t.key, label: t.title }))}
            aria-label="Mẫu văn bản"
          />
          <Select
            allowClear
            placeholder="Tình trạng"
            value={status}
            onChange={setStatus}
            style={{ width: 150 }}
            options={Object.entries(DOCUMENT_STATUS).map(([value, label]) => ({ value, label }))}
            aria-label="Tình trạng"
          />
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            value={range}
            onChange={(v) => setRange(v)}
            allowEmpty={[true, true]}
            style={{ width: 250 }}
          />
        </div>
        <ResponsiveTable<DocumentItem>
          rowKey="id"
          size="middle"
          scroll={{ x: 640 }}
          {...table.tableProps}
          onRow={(d) => (d.status === 'cancelled' ? { style: { color: '#6b7280' } } : {})}
          expandable={{ expandedRowRender: (d) => <DocumentDetails councilId={councilId} doc={d} /> }}
          locale={{
            emptyText: filtered || year !== thisYear
              ? 'Không có văn bản nào khớp với điều kiện lọc.'
              : manage ? 'Chưa có văn bản nào trong năm nay. Hãy bấm "Soạn văn bản".' : 'Chưa có văn bản nào trong năm nay.',
          }}
          columns={[
            {
              title: 'Số, ký hiệu',
              dataIndex: 'symbol',
              width: 118,
              render: (s: string, d) => (
                <span style={{ fontWeight: 600, whiteSpace: 'nowrap', textDecoration: d.status === 'cancelled' ? 'line-through' : undefined }} data-testid="doc-symbol">
                  {s}
                </span>
              ),
            },
            { title: 'Ngày', dataIndex: 'issuedOn', width: 96, render: fmtDate },
            {
              title: 'Trích yếu',
              dataIndex: 'title',
              render: (t: string, d) => (
                <div>
                  <div style={{ fontSize: 12, color: '#6b7280' }}>{d.kindName}</div>
                  <div>{t}</div>
                </div>
              ),
            },
            { title: 'Cơ quan ban hành', dataIndex: 'issuerName', width: 180, responsive: ['xxl'] },
            { title: 'Người ký', dataIndex: 'signerName', width: 150, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
            { title: 'Người lập', dataIndex: 'createdByName', width: 130, responsive: ['xxl'] },
            {
              title: 'Tình trạng',
              dataIndex: 'status',
              width: 104,
              render: (s: string, d) =>
                s === 'cancelled' ? (
                  <Tooltip title={`Lý do hủy: ${d.cancelReason}`}>
                    <Tag color="red">Đã hủy</Tag>
                  </Tooltip>
                ) : (
                  <Tag color="green">Đã ban hành</Tag>
                ),
            },
            {
              title: 'Thao tác',
              key: 'actions',
              width: manage ? 120 : 60,
              render: (_: unknown, d) => (
                <Space size={2}>
                  <Tooltip title="Tải về (.docx)">
                    <Button
                      type="text"
                      icon={<DownloadOutlined />}
                      loading={busy === `dl:${d.id}`}
                      aria-label={`Tải về văn bản ${d.symbol}`}
                      onClick={() => download(d)}
                    />
                  </Tooltip>
                  {manage && (
                    <Tooltip title="Tạo lại tệp từ nội dung đã lưu">
                      <Button
                        type="text"
                        icon={<ReloadOutlined />}
                        loading={busy === `re:${d.id}`}
                        aria-label={`Tạo lại văn bản ${d.symbol}`}
                        onClick={() => regenerate(d)}
                      />
                    </Tooltip>
                  )}
                  {manage && (
                    <Tooltip title={d.status === 'cancelled' ? 'Văn bản đã bị hủy' : 'Hủy văn bản (giữ số trong sổ)'}>
                      <Button
                        type="text"
                        danger
                        icon={<StopOutlined />}
                        disabled={d.status === 'cancelled'}
                        aria-label={`Hủy văn bản ${d.symbol}`}
                        onClick={() => setCancelOf(d)}
                      />
                    </Tooltip>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CancelModal
        councilId={councilId}
        doc={cancelOf}
        onClose={() => setCancelOf(null)}
        onDone={() => {
          setCancelOf(null);
          table.reload();
        }}
      />
    </Page>
  );
}

function CancelModal(props: { councilId: string; doc: DocumentItem | null; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ reason: string }>();
  // A refusal shows as a notice (showError), not on the reason field.
  const [submit, saving] = useFormSubmit(form, async ({ reason }) => {
    if (!props.doc) return;
    await api.post(`/councils/${props.councilId}/documents/${props.doc.id}/cancel`, { reason });
    message.success(`Đã hủy văn bản số ${props.doc.symbol}. Số này vẫn giữ trong sổ, ghi "Đã hủy".`);
    form.resetFields();
    props.onDone();
  }, {
    onError: (err) => {
      showError(err);
      return true;
    },
  });
  return (
    <Modal
      open={!!props.doc}
      title={props.doc ? `Hủy văn bản số ${props.doc.symbol}` : 'Hủy văn bản'}
      okText="Hủy văn bản"
      cancelText="Đóng"
      okButtonProps={{ danger: true, loading: saving }}
      onOk={submit}
      onCancel={() => {
        form.resetFields();
        props.onClose();
      }}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="Số văn bản không được dùng lại"
        description="Văn bản bị hủy vẫn giữ số trong sổ văn bản đi, ghi “Đã hủy” kèm lý do. Văn bản thay thế sẽ lấy số tiếp theo."
      />
      {props.doc && <p style={{ marginTop: 0 }}>Trích yếu: {props.doc.title}</p>}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="Lý do hủy"
          rules={[{ required: true, whitespace: true, message: 'Hãy nhập lý do hủy văn bản.' }, { max: 1000, message: 'Lý do dài quá 1.000 ký tự.' }]}
        >
          <Input.TextArea rows={3} placeholder="Ví dụ: Sai thành phần nơi nhận, đã ban hành văn bản thay thế" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
