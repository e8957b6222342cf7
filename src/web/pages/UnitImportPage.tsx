// Importing the administrative-unit list from CSV/XLSX: choose a file, map its columns, check the
// preview and per-row errors, then commit (all rows or none) — with the shared ImportWizard.
import { useNavigate } from 'react-router-dom';
import { Button, Card, Col, Result, Row, Statistic, Tag } from 'antd';
import { useAuth } from '../lib/auth.tsx';
import { useVocabulary } from '../lib/hooks.ts';
import { Forbidden, Page } from '../components/common.tsx';
import { ImportWizard, type ImportField, type ImportPlanBase } from '../components/ImportWizard.tsx';

interface UnitPreviewRow {
  row: number;
  code: string;
  name: string;
  type: string;
  parentCode: string;
  action: 'create' | 'update';
}
interface Plan extends ImportPlanBase<UnitPreviewRow> {
  creates: number;
  updates: number;
}

/** The fields of the import (same keys as the server's UNIT_FIELDS). */
const FIELDS: ImportField[] = [
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

  if (!me?.isAdmin) return <Forbidden />;

  return (
    <Page
      title="Nhập danh mục đơn vị hành chính"
      subtitle="Từ tệp CSV hoặc Excel (.xlsx) theo danh mục của cơ quan thống kê"
      crumbs={[{ title: 'Danh mục' }, { title: 'Đơn vị hành chính', to: '/units' }, { title: 'Nhập từ tệp' }]}
    >
      <Card>
        <ImportWizard<UnitPreviewRow, Plan>
          endpoint="/units/import"
          fields={FIELDS}
          accept=".csv,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          uploadText="Bấm hoặc kéo thả tệp .csv, .xlsx vào đây"
          uploadHint="Tệp cần có các cột: mã, tên, loại (Tỉnh, Thị xã, Phường, Xã…), mã cấp trên; có thể có ngày hiệu lực. Dòng đầu là tiêu đề cột."
          mappingIntro={(plan, fileName) =>
            `Tệp "${fileName}" có ${plan.total} dòng dữ liệu và ${plan.headers.length} cột. Hãy kiểm tra cột nào trong tệp ứng với từng thông tin.`
          }
          warnMissing
          stats={(plan, errorCount) => (
            <Row gutter={16}>
              <Col xs={12} md={6}><Statistic title="Số dòng dữ liệu" value={plan.total} /></Col>
              <Col xs={12} md={6}><Statistic title="Thêm mới" value={plan.creates} styles={{ content: { color: '#237804' } }} /></Col>
              <Col xs={12} md={6}><Statistic title="Cập nhật" value={plan.updates} styles={{ content: { color: '#0b5cad' } }} /></Col>
              <Col xs={12} md={6}><Statistic title="Số lỗi" value={errorCount} styles={{ content: { color: errorCount ? '#a8071a' : undefined } }} /></Col>
            </Row>
          )}
          errorsTitle={(n) => `Tệp có ${n} lỗi. Chưa nhập dòng nào; hãy sửa tệp (hoặc cách ghép cột) rồi thử lại.`}
          noErrorsTitle="Không phát hiện lỗi. Có thể nhập vào danh mục."
          previewHeading="descriptions"
          previewScrollX={640}
          previewColumns={[
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
          commitCount={(plan) => plan.creates + plan.updates}
          commitLabel={(plan) => `Nhập ${plan.creates + plan.updates} đơn vị vào danh mục`}
          successMessage={() => 'Đã nhập danh mục đơn vị hành chính.'}
          renderDone={(done, reset) => (
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
        />
      </Card>
    </Page>
  );
}
