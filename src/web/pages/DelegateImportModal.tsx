// Importing a council's delegates from CSV/XLSX, the same flow as the unit import (the shared
// ImportWizard): choose a file (and the term), map its columns, check the preview and per-row
// errors, then commit (all rows or none). Each step is one request; the upload shows a progress bar.
// A row either adds a delegate or updates the matching one (same name and birth year in the term);
// the preview marks updated rows with what changes, and an empty cell never erases anything.
import { useEffect, useState } from 'react';
import { Alert, Button, Col, Modal, Result, Row, Select, Statistic, Tag, Typography } from 'antd';
import { GENDER_LABELS } from '../lib/format.ts';
import { ImportWizard, type ImportField, type ImportPlanBase } from '../components/ImportWizard.tsx';
import { termLabel, type Term } from './delegateShared.tsx';

interface DelegatePreviewRow {
  row: number;
  fullName: string;
  gender: 'male' | 'female' | null;
  birthYear: number | null;
  position: string;
  constituencyName: string | null;
  action: 'create' | 'update' | 'unchanged';
  changes: { label: string; before: string; after: string }[];
}
interface Plan extends ImportPlanBase<DelegatePreviewRow> {
  termId: string | null;
  creates: number;
  updates: number;
  unchanged: number;
}

const ACTION_TAGS: Record<DelegatePreviewRow['action'], { color: string; text: string }> = {
  create: { color: 'green', text: 'Thêm mới' },
  update: { color: 'blue', text: 'Cập nhật' },
  unchanged: { color: 'default', text: 'Không đổi' },
};

const summary = (p: Plan) => `Thêm mới ${p.creates} · Cập nhật ${p.updates} · Không đổi ${p.unchanged}`;
const written = (p: Plan) => p.creates + p.updates;

/** The fields of the import (same keys as the server's DELEGATE_FIELDS). */
const FIELDS: ImportField[] = [
  { key: 'fullName', label: 'Họ và tên', required: true, hint: 'ví dụ: Nguyễn Văn An' },
  { key: 'gender', label: 'Giới tính', hint: 'Nam hoặc Nữ' },
  { key: 'birthYear', label: 'Năm sinh', hint: 'ví dụ: 1975' },
  { key: 'position', label: 'Chức vụ', hint: 'ví dụ: Phó Chủ tịch UBND' },
  { key: 'workplace', label: 'Nơi công tác', hint: 'cơ quan, đơn vị' },
  { key: 'constituency', label: 'Đơn vị bầu cử', hint: 'số hoặc tên đơn vị bầu cử' },
  { key: 'phone', label: 'Điện thoại', hint: 'số điện thoại' },
  { key: 'email', label: 'Thư điện tử', hint: 'địa chỉ email' },
  { key: 'status', label: 'Trạng thái', hint: 'Đang là đại biểu hoặc Đã thôi' },
  { key: 'allowDuplicate', label: 'Vẫn nhập nếu trùng', hint: 'ghi "Có" cho người mới trùng họ tên, năm sinh với đại biểu đã có' },
];

export function DelegateImportModal(props: { councilId: string; open: boolean; terms: Term[]; onClose(): void; onImported(): void }) {
  const latest = [...props.terms].sort((a, b) => b.startYear - a.startYear)[0]?.id;
  const [termId, setTermId] = useState<string | undefined>(latest);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!termId && latest) setTermId(latest);
  }, [latest, termId]);

  // The modal destroys its content when hidden, so the wizard starts over when opened again.
  const close = () => {
    if (busy) return;
    props.onClose();
  };

  return (
    <Modal title="Nhập danh sách đại biểu từ Excel" open={props.open} onCancel={close} footer={null} width={960} destroyOnHidden maskClosable={!busy}>
      <ImportWizard<DelegatePreviewRow, Plan>
        endpoint={`/councils/${props.councilId}/delegates/import`}
        extraFields={{ termId }}
        fields={FIELDS}
        onDone={() => props.onImported()}
        onBusyChange={setBusy}
        beforeUpload={
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
        }
        uploadText="Bấm hoặc kéo thả tệp .csv, .xlsx vào đây"
        uploadHint={
          <>
            Dòng đầu là tiêu đề cột: Họ và tên (bắt buộc), Giới tính, Năm sinh, Chức vụ, Nơi công tác, Đơn vị bầu cử, Điện thoại, Thư điện tử,
            Trạng thái. Đại biểu đã có (cùng họ tên và năm sinh, trong nhiệm kỳ đã chọn) được cập nhật; người chưa có được thêm mới.
            Chữ gõ bằng phông TCVN3 (ABC) hoặc VNI được tự chuyển sang Unicode.
          </>
        }
        mappingIntro={(plan, fileName) =>
          `Tệp "${fileName}" có ${plan.total} dòng dữ liệu và ${plan.headers.length} cột. Hãy kiểm tra cột nào trong tệp ứng với từng thông tin.`
        }
        warnMissing
        stats={(plan, errorCount) => (
          <>
            <Row gutter={16}>
              <Col xs={12} md={5}><Statistic title="Số dòng dữ liệu" value={plan.total} /></Col>
              <Col xs={12} md={5}><Statistic title="Thêm mới" value={plan.creates} styles={{ content: { color: '#237804' } }} /></Col>
              <Col xs={12} md={5}><Statistic title="Cập nhật" value={plan.updates} styles={{ content: { color: '#0958d9' } }} /></Col>
              <Col xs={12} md={5}><Statistic title="Không đổi" value={plan.unchanged} /></Col>
              <Col xs={12} md={4}><Statistic title="Số lỗi" value={errorCount} styles={{ content: { color: errorCount ? '#a8071a' : undefined } }} /></Col>
            </Row>
            <Typography.Paragraph strong style={{ margin: '8px 0 0' }}>{summary(plan)}</Typography.Paragraph>
          </>
        )}
        notices={() => (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="Đại biểu đã có được nhận ra theo họ tên và năm sinh (gõ không dấu hay bỏ dấu kiểu cũ vẫn nhận ra). Ô để trống nghĩa là không thay đổi, không xóa thông tin đang có; họ tên của đại biểu đã có được giữ nguyên. Bảng xem trước liệt kê các dòng thêm mới, cập nhật trước."
          />
        )}
        errorsTitle={(n) => `Tệp có ${n} lỗi. Chưa nhập dòng nào; hãy sửa tệp (hoặc cách ghép cột) rồi thử lại.`}
        noErrorsTitle="Không phát hiện lỗi. Có thể nhập vào danh sách đại biểu."
        previewHeading="title"
        previewScrollX={880}
        previewColumns={[
          { title: 'Dòng', dataIndex: 'row', width: 70 },
          {
            title: 'Thao tác',
            dataIndex: 'action',
            width: 110,
            render: (a: DelegatePreviewRow['action']) => <Tag color={ACTION_TAGS[a].color}>{ACTION_TAGS[a].text}</Tag>,
          },
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Giới tính', dataIndex: 'gender', width: 90, render: (g: string | null) => (g ? (GENDER_LABELS[g] ?? g) : '') },
          { title: 'Năm sinh', dataIndex: 'birthYear', width: 90 },
          { title: 'Chức vụ', dataIndex: 'position' },
          { title: 'Đơn vị bầu cử', dataIndex: 'constituencyName', width: 180 },
          {
            title: 'Thay đổi',
            dataIndex: 'changes',
            width: 260,
            render: (changes: DelegatePreviewRow['changes']) =>
              changes.map((c) => (
                <div key={c.label}>
                  {c.label}: <Typography.Text delete type="secondary">{c.before || '(trống)'}</Typography.Text> → {c.after}
                </div>
              )),
          },
        ]}
        commitCount={written}
        commitLabel={(plan) =>
          written(plan) ? `Ghi ${written(plan)} đại biểu (thêm ${plan.creates}, cập nhật ${plan.updates})` : 'Không có gì để ghi'
        }
        successMessage={(r) => `Đã thêm ${r.creates}, cập nhật ${r.updates} đại biểu.`}
        renderDone={(done, reset) => (
          <Result
            status="success"
            title="Đã nhập xong"
            subTitle={`Đã thêm ${done.creates} đại biểu mới, cập nhật ${done.updates} đại biểu; ${done.unchanged} đại biểu không đổi.`}
            extra={[
              <Button key="close" type="primary" onClick={close}>Đóng</Button>,
              <Button key="again" onClick={reset}>Nhập tệp khác</Button>,
            ]}
          />
        )}
      />
    </Modal>
  );
}
