// Importing a council's delegates from CSV/XLSX, the same flow as the unit import (the shared
// ImportWizard): choose a file (and the term), map its columns, check the preview and per-row
// errors, then commit (all rows or none). Each step is one request; the upload shows a progress bar.
import { useEffect, useState } from 'react';
import { Button, Col, Modal, Result, Row, Select, Statistic } from 'antd';
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
}
interface Plan extends ImportPlanBase<DelegatePreviewRow> {
  termId: string | null;
  creates: number;
}

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
  { key: 'allowDuplicate', label: 'Vẫn nhập nếu trùng', hint: 'ghi "Có" cho người khác trùng họ tên, năm sinh' },
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
            Dòng đầu là tiêu đề cột: Họ và tên (bắt buộc), Giới tính, Năm sinh, Chức vụ, Nơi công tác, Đơn vị bầu cử, Điện thoại, Thư điện tử.
            Chữ gõ bằng phông TCVN3 (ABC) hoặc VNI được tự chuyển sang Unicode.
          </>
        }
        mappingIntro={(plan, fileName) =>
          `Tệp "${fileName}" có ${plan.total} dòng dữ liệu và ${plan.headers.length} cột. Hãy kiểm tra cột nào trong tệp ứng với từng thông tin.`
        }
        warnMissing
        stats={(plan, errorCount) => (
          <Row gutter={16}>
            <Col xs={8}><Statistic title="Số dòng dữ liệu" value={plan.total} /></Col>
            <Col xs={8}><Statistic title="Sẽ thêm mới" value={plan.creates} styles={{ content: { color: '#237804' } }} /></Col>
            <Col xs={8}><Statistic title="Số lỗi" value={errorCount} styles={{ content: { color: errorCount ? '#a8071a' : undefined } }} /></Col>
          </Row>
        )}
        errorsTitle={(n) => `Tệp có ${n} lỗi. Chưa nhập dòng nào; hãy sửa tệp (hoặc cách ghép cột) rồi thử lại.`}
        noErrorsTitle="Không phát hiện lỗi. Có thể nhập vào danh sách đại biểu."
        previewHeading="title"
        previewScrollX={720}
        previewColumns={[
          { title: 'Dòng', dataIndex: 'row', width: 70 },
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Giới tính', dataIndex: 'gender', width: 90, render: (g: string | null) => (g ? (GENDER_LABELS[g] ?? g) : '') },
          { title: 'Năm sinh', dataIndex: 'birthYear', width: 90 },
          { title: 'Chức vụ', dataIndex: 'position' },
          { title: 'Đơn vị bầu cử', dataIndex: 'constituencyName', width: 180 },
        ]}
        commitCount={(plan) => plan.creates}
        commitLabel={(plan) => `Nhập ${plan.creates} đại biểu`}
        successMessage={(r) => `Đã nhập ${r.creates} đại biểu.`}
        renderDone={(done, reset) => (
          <Result
            status="success"
            title="Đã nhập xong"
            subTitle={`Đã thêm ${done.creates} đại biểu vào danh sách.`}
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
