// Importing a council's delegates from CSV/XLSX, the same flow as the unit import: choose a file
// (and the term), map its columns, check the preview and per-row errors, then commit (all rows or
// none). Each step is one request; the upload shows a progress bar.
import { useEffect, useState } from 'react';
import { Alert, Button, Col, Modal, Result, Row, Select, Space, Statistic, Steps, Table, Tag, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError } from '../lib/api.ts';
import { uploadForm } from '../lib/upload.ts';
import { UploadProgress } from '../components/UploadProgress.tsx';
import { message, showError } from '../lib/feedback.tsx';
import { GENDER_LABELS } from '../lib/format.ts';
import { termLabel, type Term } from './delegateShared.tsx';

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
  termId: string | null;
  total: number;
  creates: number;
  errors: RowError[];
  preview: { row: number; fullName: string; gender: 'male' | 'female' | null; birthYear: number | null; position: string; constituencyName: string | null }[];
}

/** The fields of the import (same keys as the server's DELEGATE_FIELDS). */
const FIELDS: { key: string; label: string; required?: boolean; hint: string }[] = [
  { key: 'fullName', label: 'Họ và tên', required: true, hint: 'ví dụ: Nguyễn Văn An' },
  { key: 'gender', label: 'Giới tính', hint: 'Nam hoặc Nữ' },
  { key: 'birthYear', label: 'Năm sinh', hint: 'ví dụ: 1975' },
  { key: 'position', label: 'Chức vụ', hint: 'ví dụ: Phó Chủ tịch UBND' },
  { key: 'workplace', label: 'Nơi công tác', hint: 'cơ quan, đơn vị' },
  { key: 'constituency', label: 'Đơn vị bầu cử', hint: 'số hoặc tên đơn vị bầu cử' },
  { key: 'phone', label: 'Điện thoại', hint: 'số điện thoại' },
  { key: 'email', label: 'Thư điện tử', hint: 'địa chỉ email' },
  { key: 'allowDuplicate', label: 'Vẫn nhập nếu trùng', hint: 'ghi "Có" cho người khác trùng họ tên, năm sinh' },
];

export function DelegateImportModal(props: { councilId: string; open: boolean; terms: Term[]; onClose(): void; onImported(): void }) {
  const latest = [...props.terms].sort((a, b) => b.startYear - a.startYear)[0]?.id;
  const [termId, setTermId] = useState<string | undefined>(latest);
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [commitErrors, setCommitErrors] = useState<RowError[] | null>(null);

  useEffect(() => {
    if (!termId && latest) setTermId(latest);
  }, [latest, termId]);

  const send = async (f: File, mode: 'preview' | 'commit', map?: Mapping) => {
    const form = new FormData();
    form.append('file', f);
    form.append('mode', mode);
    if (termId) form.append('termId', termId);
    if (map) form.append('mapping', JSON.stringify(map));
    setProgress(0);
    try {
      return await uploadForm<Plan & { creates: number }>(`/councils/${props.councilId}/delegates/import`, form, setProgress);
    } finally {
      setProgress(null);
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

  const close = () => {
    if (busy) return;
    reset();
    props.onClose();
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
    setCommitErrors(null);
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
      setDone(r.creates);
      setStep(3);
      message.success(`Đã nhập ${r.creates} đại biểu.`);
      props.onImported();
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details)) setCommitErrors(err.details as RowError[]);
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const missingRequired = FIELDS.filter((f) => f.required && !mapping[f.key]);
  const errors = commitErrors ?? plan?.errors ?? [];

  return (
    <Modal title="Nhập danh sách đại biểu từ Excel" open={props.open} onCancel={close} footer={null} width={960} destroyOnHidden maskClosable={!busy}>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        responsive
        items={[{ title: 'Chọn tệp' }, { title: 'Ghép cột' }, { title: 'Xem trước, kiểm tra' }, { title: 'Hoàn tất' }]}
      />
      <UploadProgress percent={progress} />

      {step === 0 && (
        <>
          <div style={{ marginBottom: 12 }}>
            <div style={{ marginBottom: 4 }}>Nhiệm kỳ (để ghép đơn vị bầu cử)</div>
            <Select
              style={{ width: 320 }}
              value={termId}
              onChange={setTermId}
              options={props.terms.map((t) => ({ value: t.id, label: termLabel(t) }))}
              placeholder="Chưa có nhiệm kỳ"
              aria-label="Nhiệm kỳ"
            />
          </div>
          <Upload.Dragger
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
              Dòng đầu là tiêu đề cột: Họ và tên (bắt buộc), Giới tính, Năm sinh, Chức vụ, Nơi công tác, Đơn vị bầu cử, Điện thoại, Thư điện tử.
              Chữ gõ bằng phông TCVN3 (ABC) hoặc VNI được tự chuyển sang Unicode.
            </p>
          </Upload.Dragger>
        </>
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
            <Alert type="warning" showIcon style={{ marginTop: 16 }} title={`Chưa chọn cột cho: ${missingRequired.map((f) => f.label).join(', ')}.`} />
          )}
          <Space style={{ marginTop: 20 }}>
            <Button onClick={reset} disabled={busy}>Chọn tệp khác</Button>
            <Button type="primary" loading={busy} disabled={missingRequired.length > 0} onClick={runPreview}>
              Tiếp tục: xem trước
            </Button>
          </Space>
        </>
      )}

      {step === 2 && plan && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={8}><Statistic title="Số dòng dữ liệu" value={plan.total} /></Col>
            <Col xs={8}><Statistic title="Sẽ thêm mới" value={plan.creates} styles={{ content: { color: '#237804' } }} /></Col>
            <Col xs={8}><Statistic title="Số lỗi" value={errors.length} styles={{ content: { color: errors.length ? '#a8071a' : undefined } }} /></Col>
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
            <Alert type="success" showIcon style={{ marginBottom: 12 }} title="Không phát hiện lỗi. Có thể nhập vào danh sách đại biểu." />
          )}
          <Table
            size="small"
            rowKey="row"
            dataSource={plan.preview}
            pagination={false}
            scroll={{ x: 720 }}
            title={() => `Xem trước ${plan.preview.length} dòng đầu`}
            locale={{ emptyText: 'Không có dòng hợp lệ nào để xem trước.' }}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 70 },
              { title: 'Họ và tên', dataIndex: 'fullName' },
              { title: 'Giới tính', dataIndex: 'gender', width: 90, render: (g: string | null) => (g ? (GENDER_LABELS[g] ?? g) : '') },
              { title: 'Năm sinh', dataIndex: 'birthYear', width: 90 },
              { title: 'Chức vụ', dataIndex: 'position' },
              { title: 'Đơn vị bầu cử', dataIndex: 'constituencyName', width: 180 },
            ]}
          />
          <Space style={{ marginTop: 20 }} wrap>
            <Button onClick={() => setStep(1)} disabled={busy}>Sửa cách ghép cột</Button>
            <Button onClick={reset} disabled={busy}>Chọn tệp khác</Button>
            <Button type="primary" loading={busy} disabled={errors.length > 0 || plan.creates === 0} onClick={commit}>
              Nhập {plan.creates} đại biểu
            </Button>
          </Space>
        </>
      )}

      {step === 3 && done !== null && (
        <Result
          status="success"
          title="Đã nhập xong"
          subTitle={`Đã thêm ${done} đại biểu vào danh sách.`}
          extra={[
            <Button key="close" type="primary" onClick={close}>Đóng</Button>,
            <Button key="again" onClick={reset}>Nhập tệp khác</Button>,
          ]}
        />
      )}
    </Modal>
  );
}
