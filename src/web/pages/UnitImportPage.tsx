// Importing the administrative-unit list from CSV/XLSX: choose a file, map its columns, check the
// preview and per-row errors, then commit (all rows or none).
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Select, Space, Statistic, Steps, Table, Tag, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError } from '../lib/api.ts';
import { uploadForm } from '../lib/upload.ts';
import { useAuth } from '../lib/auth.tsx';
import { useVocabulary } from '../lib/hooks.ts';
import { message, showError } from '../lib/feedback.tsx';
import { Forbidden, Page } from '../components/common.tsx';
import { UploadProgress } from '../components/UploadProgress.tsx';

type Mapping = Record<string, string | null>;
interface RowError {
  row: number;
  column: string;
  message: string;
}
interface Plan {
  mode: 'preview' | 'commit';
  headers: string[];
  mapping: Mapping;
  total: number;
  creates: number;
  updates: number;
  errors: RowError[];
  preview: { row: number; code: string; name: string; type: string; parentCode: string; action: 'create' | 'update' }[];
}

/** The fields of the import (same keys as the server's UNIT_FIELDS). */
const FIELDS: { key: string; label: string; required?: boolean; hint: string }[] = [
  { key: 'code', label: 'Mã đơn vị', required: true, hint: 'ví dụ: 21703' },
  { key: 'name', label: 'Tên đơn vị', required: true, hint: 'ví dụ: Sa Huỳnh' },
  { key: 'type', label: 'Loại (cấp) đơn vị', required: true, hint: 'Tỉnh, Thị xã, Phường, Xã…' },
  { key: 'parentCode', label: 'Mã đơn vị cấp trên', hint: 'để trống nếu là cấp tỉnh' },
  { key: 'validFrom', label: 'Hiệu lực từ ngày', hint: 'dd/mm/yyyy' },
  { key: 'validTo', label: 'Hết hiệu lực từ ngày', hint: 'dd/mm/yyyy' },
];

export function UnitImportPage() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const vocab = useVocabulary();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<{ creates: number; updates: number } | null>(null);
  const [commitErrors, setCommitErrors] = useState<RowError[] | null>(null);

  if (!me?.isAdmin) return <Forbidden />;

  const send = async (f: File, mode: 'preview' | 'commit', map?: Mapping) => {
    const form = new FormData();
    form.append('file', f);
    form.append('mode', mode);
    if (map) form.append('mapping', JSON.stringify(map));
    setProgress(0);
    try {
      return await uploadForm<Plan>('/units/import', form, setProgress);
    } finally {
      setProgress(null);
    }
  };

  const choose = async (f: File) => {
    setFile(f);
    setBusy(true);
    setDone(null);
    setCommitErrors(null);
    try {
      const p = await send(f, 'preview');
      setPlan(p);
      setMapping(p.mapping);
      setStep(1);
    } catch (err) {
      showError(err);
      setFile(null);
    } finally {
      setBusy(false);
    }
  };

  const runPreview = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const p = await send(file, 'preview', mapping);
      setPlan(p);
      setStep(2);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await send(file, 'commit', mapping);
      setDone({ creates: r.creates, updates: r.updates });
      setStep(3);
      message.success('Đã nhập danh mục đơn vị hành chính.');
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details)) setCommitErrors(err.details as RowError[]);
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setFile(null);
    setPlan(null);
    setMapping({});
    setStep(0);
    setDone(null);
    setCommitErrors(null);
  };

  const missingRequired = FIELDS.filter((f) => f.required && !mapping[f.key]);
  const errors = commitErrors ?? plan?.errors ?? [];

  return (
    <Page
      title="Nhập danh mục đơn vị hành chính"
      subtitle="Từ tệp CSV hoặc Excel (.xlsx) theo danh mục của cơ quan thống kê"
      crumbs={[{ title: 'Danh mục' }, { title: 'Đơn vị hành chính', to: '/units' }, { title: 'Nhập từ tệp' }]}
    >
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          responsive
          items={[{ title: 'Chọn tệp' }, { title: 'Ghép cột' }, { title: 'Xem trước, kiểm tra' }, { title: 'Hoàn tất' }]}
        />
        <UploadProgress percent={progress} />
        {step === 0 && (
          <Upload.Dragger
            accept=".csv,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(f) => {
              void choose(f);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{busy ? 'Đang đọc tệp…' : 'Bấm hoặc kéo thả tệp .csv, .xlsx vào đây'}</p>
            <p className="ant-upload-hint">
              Tệp cần có các cột: mã, tên, loại (Tỉnh, Thị xã, Phường, Xã…), mã cấp trên; có thể có ngày hiệu lực. Dòng đầu là tiêu đề cột.
            </p>
          </Upload.Dragger>
        )}

        {step === 1 && plan && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`Tệp "${file?.name}" có ${plan.total} dòng dữ liệu và ${plan.headers.length} cột. Hãy kiểm tra cột nào trong tệp ứng với từng thông tin.`}
            />
            <Row gutter={[16, 12]}>
              {FIELDS.map((f) => (
                <Col key={f.key} xs={24} md={12}>
                  <div style={{ marginBottom: 4 }}>
                    {f.label} {f.required ? <Tag color="red">bắt buộc</Tag> : <Tag>không bắt buộc</Tag>}
                  </div>
                  <Select
                    allowClear
                    style={{ width: '100%' }}
                    placeholder={`(không có cột này) — ${f.hint}`}
                    value={mapping[f.key] ?? undefined}
                    onChange={(v) => setMapping((m) => ({ ...m, [f.key]: v ?? null }))}
                    options={plan.headers.filter((h) => h).map((h) => ({ value: h, label: h }))}
                    aria-label={`Cột cho ${f.label}`}
                    status={f.required && !mapping[f.key] ? 'error' : undefined}
                  />
                </Col>
              ))}
            </Row>
            {missingRequired.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 16 }}
                title={`Chưa chọn cột cho: ${missingRequired.map((f) => f.label).join(', ')}.`}
              />
            )}
            <Space style={{ marginTop: 20 }}>
              <Button onClick={reset}>Chọn tệp khác</Button>
              <Button type="primary" loading={busy} disabled={missingRequired.length > 0} onClick={runPreview}>
                Tiếp tục: xem trước
              </Button>
            </Space>
          </>
        )}

        {step === 2 && plan && (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col xs={12} md={6}><Statistic title="Số dòng dữ liệu" value={plan.total} /></Col>
              <Col xs={12} md={6}><Statistic title="Thêm mới" value={plan.creates} styles={{ content: { color: '#237804' } }} /></Col>
              <Col xs={12} md={6}><Statistic title="Cập nhật" value={plan.updates} styles={{ content: { color: '#0b5cad' } }} /></Col>
              <Col xs={12} md={6}><Statistic title="Số lỗi" value={errors.length} styles={{ content: { color: errors.length ? '#a8071a' : undefined } }} /></Col>
            </Row>
            {errors.length > 0 ? (
              <>
                <Alert
                  type="error"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={`Tệp có ${errors.length} lỗi. Chưa nhập dòng nào; hãy sửa tệp (hoặc cách ghép cột) rồi thử lại.`}
                />
                <Table<RowError>
                  size="small"
                  rowKey={(e, i) => `${e.row}-${e.column}-${i}`}
                  dataSource={errors}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  style={{ marginBottom: 20 }}
                  columns={[
                    { title: 'Dòng', dataIndex: 'row', width: 80, render: (r: number) => (r ? r : '—') },
                    { title: 'Cột', dataIndex: 'column', width: 160 },
                    { title: 'Lỗi', dataIndex: 'message' },
                  ]}
                />
              </>
            ) : (
              <Alert type="success" showIcon style={{ marginBottom: 12 }} title="Không phát hiện lỗi. Có thể nhập vào danh mục." />
            )}
            <Descriptions size="small" style={{ marginBottom: 8 }} items={[{ label: 'Xem trước', children: `${plan.preview.length} dòng đầu` }]} />
            <Table
              size="small"
              rowKey="row"
              dataSource={plan.preview}
              pagination={false}
              scroll={{ x: 640 }}
              locale={{ emptyText: 'Không có dòng hợp lệ nào để xem trước.' }}
              columns={[
                { title: 'Dòng', dataIndex: 'row', width: 70 },
                { title: 'Mã', dataIndex: 'code', width: 100 },
                { title: 'Tên', dataIndex: 'name' },
                { title: 'Loại', dataIndex: 'type', width: 130, render: (t: string) => vocab?.unitTypeLabels[t] ?? t },
                { title: 'Mã cấp trên', dataIndex: 'parentCode', width: 120 },
                {
                  title: 'Khi nhập',
                  dataIndex: 'action',
                  width: 110,
                  render: (a: string) => (a === 'create' ? <Tag color="green">Thêm mới</Tag> : <Tag color="blue">Cập nhật</Tag>),
                },
              ]}
            />
            <Space style={{ marginTop: 20 }} wrap>
              <Button onClick={() => setStep(1)}>Sửa cách ghép cột</Button>
              <Button onClick={reset}>Chọn tệp khác</Button>
              <Button type="primary" loading={busy} disabled={errors.length > 0 || plan.creates + plan.updates === 0} onClick={commit}>
                Nhập {plan.creates + plan.updates} đơn vị vào danh mục
              </Button>
            </Space>
          </>
        )}

        {step === 3 && done && (
          <Result
            status="success"
            title="Đã nhập xong"
            subTitle={`Thêm mới ${done.creates} đơn vị, cập nhật ${done.updates} đơn vị.`}
            extra={[
              <Button key="tree" type="primary" onClick={() => navigate('/units')}>Xem cây đơn vị</Button>,
              <Button key="again" onClick={reset}>Nhập tệp khác</Button>,
            ]}
          />
        )}
      </Card>
    </Page>
  );
}
