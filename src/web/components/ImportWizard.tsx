// The import wizard shared by the unit, delegate and opinion imports: choose a CSV/XLSX file, map its
// columns to the import's fields, check the preview and per-row Vietnamese errors, then commit (all
// rows or none). Each step is one multipart request to the same endpoint (`mode` = preview|commit,
// `mapping` as JSON, plus the import's extra form fields); the upload shows a progress bar.
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Descriptions, Row, Select, Space, Steps, Tag, Upload, Col } from 'antd';
import { ResponsiveTable } from './ResponsiveTable.tsx';
import type { TableColumnsType } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError } from '../lib/api.ts';
import { uploadForm } from '../lib/upload.ts';
import { message, showError } from '../lib/feedback.tsx';
import { UploadProgress, type ServerProgress } from './UploadProgress.tsx';
import { api } from '../lib/api.ts';

export type ImportMapping = Record<string, string | null>;
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}
/** What the three import endpoints answer, in preview and in commit. */
export interface ImportPlanBase<P extends { row: number } = { row: number }> {
  mode: 'preview' | 'commit';
  headers: string[];
  mapping: ImportMapping;
  total: number;
  errors: ImportRowError[];
  preview: P[];
}
/** One field of the import: the server's key and its Vietnamese label. */
export interface ImportField {
  key: string;
  label: string;
  required?: boolean;
  /** Shown in the empty column picker after "(không có cột này) — ". */
  hint?: string;
}

export interface ImportWizardProps<P extends { row: number }, T extends ImportPlanBase<P>> {
  /** The import endpoint under /api, e.g. `/units/import`. */
  endpoint: string;
  /** Extra form fields sent with every request (undefined values are left out). */
  extraFields?: Record<string, string | undefined>;
  /** Where the server reports a commit's progress (`{progressEndpoint}/{jobId}`), polled while it runs. */
  progressEndpoint?: string;
  /** The fields to map, with their Vietnamese labels. */
  fields: ImportField[];
  /** Called with the commit answer once the rows are saved. */
  onDone?(result: T): void;
  /** Told when a request starts or ends (a modal keeps itself open meanwhile). */
  onBusyChange?(busy: boolean): void;
  /** Smaller steps and spacing, for a wizard inside another panel. */
  compact?: boolean;
  stepTitles?: [string, string, string, string];
  accept?: string;
  /** Shown above the file picker (e.g. the term to match constituencies in). */
  beforeUpload?: ReactNode;
  uploadText: string;
  uploadHint: ReactNode;
  /** The line above the column pickers. */
  mappingIntro(plan: T, fileName: string | undefined): string;
  /** Warn about required fields with no column (the button is disabled either way). */
  warnMissing?: boolean;
  /** The counters above the preview. */
  stats(plan: T, errorCount: number): ReactNode;
  /** Extra notices above the errors (e.g. rows converted from legacy fonts). */
  notices?(plan: T): ReactNode;
  errorsTitle(count: number): string;
  noErrorsTitle: string;
  previewColumns: TableColumnsType<P>;
  previewScrollX?: number;
  /** How the preview table is headed: a "Xem trước: N dòng đầu" description line or a table title. */
  previewHeading?: 'descriptions' | 'title';
  /** How many rows the commit would save (0 disables it) and the commit button's label. */
  commitCount(plan: T): number;
  commitLabel(plan: T): string;
  /** The toast after a commit. */
  successMessage(result: T): string;
  /** The last step; `reset` starts over with another file. */
  renderDone(result: T, reset: () => void, fileName: string | undefined): ReactNode;
}

const DEFAULT_ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ImportWizard<P extends { row: number }, T extends ImportPlanBase<P>>(props: ImportWizardProps<P, T>) {
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<T | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [serverProgress, setServerProgress] = useState<ServerProgress | null>(null);
  const [done, setDone] = useState<T | null>(null);
  const [commitErrors, setCommitErrors] = useState<ImportRowError[] | null>(null);
  const { onBusyChange, compact } = props;

  useEffect(() => {
    onBusyChange?.(busy);
  }, [busy, onBusyChange]);

  const send = async (f: File, mode: 'preview' | 'commit', map?: ImportMapping) => {
    const form = new FormData();
    form.append('file', f);
    form.append('mode', mode);
    for (const [k, v] of Object.entries(props.extraFields ?? {})) if (v !== undefined) form.append(k, v);
    if (map) form.append('mapping', JSON.stringify(map));
    setProgress(0);
    // The server names its phases and rows written under a job id we choose; poll it meanwhile.
    let timer: ReturnType<typeof setInterval> | undefined;
    if (props.progressEndpoint && mode === 'commit') {
      const jobId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`; // randomUUID needs HTTPS
      form.append('jobId', jobId);
      timer = setInterval(() => {
        api.get<ServerProgress>(`${props.progressEndpoint}/${jobId}`).then(setServerProgress, () => undefined);
      }, 400);
    }
    try {
      return await uploadForm<T>(props.endpoint, form, setProgress);
    } finally {
      if (timer) clearInterval(timer);
      setProgress(null);
      setServerProgress(null);
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
      setCommitErrors(null);
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
      setDone(r);
      setStep(3);
      message.success(props.successMessage(r));
      props.onDone?.(r);
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details)) setCommitErrors(err.details as ImportRowError[]);
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

  const missingRequired = props.fields.filter((f) => f.required && !mapping[f.key]);
  const errors = commitErrors ?? plan?.errors ?? [];
  const gap = compact ? 12 : 16;
  const buttonsGap = compact ? 12 : 20;
  const titles = props.stepTitles ?? ['Chọn tệp', 'Ghép cột', 'Xem trước, kiểm tra', 'Hoàn tất'];

  return (
    <div>
      <Steps
        size={compact ? 'small' : undefined}
        current={step}
        style={{ marginBottom: compact ? 16 : 24 }}
        responsive={!compact}
        items={titles.map((title) => ({ title }))}
      />
      <UploadProgress percent={progress} server={serverProgress} />

      {step === 0 && (
        <>
          {props.beforeUpload}
          <Upload.Dragger
            accept={props.accept ?? DEFAULT_ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(f) => {
              void choose(f);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{busy ? 'Đang đọc tệp…' : props.uploadText}</p>
            <p className="ant-upload-hint">{props.uploadHint}</p>
          </Upload.Dragger>
        </>
      )}

      {step === 1 && plan && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: gap }} title={props.mappingIntro(plan, file?.name)} />
          <Row gutter={[16, 12]}>
            {props.fields.map((f) => (
              <Col key={f.key} xs={24} md={12}>
                <div style={{ marginBottom: 4 }}>
                  {f.label} {f.required ? <Tag color="red">bắt buộc</Tag> : <Tag>không bắt buộc</Tag>}
                </div>
                <Select
                  allowClear
                  style={{ width: '100%' }}
                  placeholder={f.hint ? `(không có cột này) — ${f.hint}` : '(không có cột này)'}
                  value={mapping[f.key] ?? undefined}
                  onChange={(v) => setMapping((m) => ({ ...m, [f.key]: v ?? null }))}
                  options={plan.headers.filter((h) => h).map((h) => ({ value: h, label: h }))}
                  aria-label={`Cột cho ${f.label}`}
                  status={f.required && !mapping[f.key] ? 'error' : undefined}
                />
              </Col>
            ))}
          </Row>
          {props.warnMissing && missingRequired.length > 0 && (
            <Alert type="warning" showIcon style={{ marginTop: 16 }} title={`Chưa chọn cột cho: ${missingRequired.map((f) => f.label).join(', ')}.`} />
          )}
          <Space style={{ marginTop: compact ? 16 : 20 }}>
            <Button onClick={reset} disabled={busy}>Chọn tệp khác</Button>
            <Button type="primary" loading={busy} disabled={missingRequired.length > 0} onClick={runPreview}>
              Tiếp tục: xem trước
            </Button>
          </Space>
        </>
      )}

      {step === 2 && plan && (
        <>
          <div style={{ marginBottom: gap }}>{props.stats(plan, errors.length)}</div>
          {props.notices?.(plan)}
          {errors.length > 0 ? (
            <>
              <Alert type="error" showIcon style={{ marginBottom: 12 }} title={props.errorsTitle(errors.length)} />
              <ResponsiveTable<ImportRowError>
                size="small"
                rowKey={(e, i) => `${e.row}-${e.column}-${i}`}
                dataSource={errors}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                style={{ marginBottom: buttonsGap }}
                columns={[
                  { title: 'Dòng', dataIndex: 'row', width: 80, render: (r: number) => (r ? r : '—') },
                  { title: 'Cột', dataIndex: 'column', width: 160 },
                  { title: 'Lỗi', dataIndex: 'message' },
                ]}
              />
            </>
          ) : (
            <Alert type="success" showIcon style={{ marginBottom: 12 }} title={props.noErrorsTitle} />
          )}
          {props.previewHeading === 'descriptions' && (
            <Descriptions size="small" style={{ marginBottom: 8 }} items={[{ label: 'Xem trước', children: `${plan.preview.length} dòng đầu` }]} />
          )}
          <ResponsiveTable<P>
            size="small"
            rowKey="row"
            dataSource={plan.preview}
            pagination={false}
            scroll={{ x: props.previewScrollX ?? 640 }}
            title={props.previewHeading === 'title' ? () => `Xem trước ${plan.preview.length} dòng đầu` : undefined}
            locale={{ emptyText: 'Không có dòng hợp lệ nào để xem trước.' }}
            columns={props.previewColumns}
          />
          <Space style={{ marginTop: buttonsGap }} wrap>
            <Button onClick={() => setStep(1)} disabled={busy}>Sửa cách ghép cột</Button>
            <Button onClick={reset} disabled={busy}>Chọn tệp khác</Button>
            <Button type="primary" loading={busy} disabled={errors.length > 0 || props.commitCount(plan) === 0} onClick={commit}>
              {props.commitLabel(plan)}
            </Button>
          </Space>
        </>
      )}

      {step === 3 && done && props.renderDone(done, reset, file?.name)}
    </div>
  );
}
