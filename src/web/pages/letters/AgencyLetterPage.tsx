// The letter as the agency it was forwarded to sees it (never a denouncer's identity), and its
// result report.
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, Typography, message } from 'antd';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi, useFormSubmit } from '../../lib/hooks.ts';
import { fmtDate } from '../../lib/format.ts';
import { LetterStateTag, senderOf, type LetterRow } from './shared.tsx';
import { AttachmentsCard, type Attachment } from './LetterExtras.tsx';

export function AgencyLetterPage() {
  const { agencyId, letterId } = useParams() as { agencyId: string; letterId: string };
  const d = useApi<LetterRow & { attachments: Attachment[]; fieldName: string; forwardings: { forwardedOn: string; letterNumber: string; resultDue: string }[] }>(`/agencies/${agencyId}/letters/${letterId}`);
  const [form] = Form.useForm<{ summary: string }>();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/agencies/${agencyId}/letters/${letterId}/result`, { summary: v.summary });
    message.success('Đã báo cáo kết quả giải quyết cho Thường trực HĐND.');
    d.reload();
  });
  if (d.error) return <ErrorView error={d.error} />;
  if (!d.data) return <Loading />;
  const l = d.data;
  return (
    <Page title={`Đơn ${l.reference}`} subtitle={l.kindLabel} crumbs={[{ title: 'Việc cần thực hiện' }, { title: l.reference }]}>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Tình trạng"><LetterStateTag l={l} /></Descriptions.Item>
          <Descriptions.Item label="Người gửi">{senderOf(l)}</Descriptions.Item>
          <Descriptions.Item label="Lĩnh vực">{l.fieldName}</Descriptions.Item>
          {l.forwardings.map((f) => <Descriptions.Item key={f.letterNumber} label="Công văn chuyển đơn">Số {f.letterNumber} ngày {fmtDate(f.forwardedOn)} — hạn báo kết quả {fmtDate(f.resultDue)}</Descriptions.Item>)}
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 12 }}>{l.summary}</Typography.Paragraph>
        {l.resultSummary ? <Alert type="success" message="Kết quả đã báo cáo" description={l.resultSummary} /> : l.state === 'forwarded' ? (
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item name="summary" label="Kết quả giải quyết" rules={[{ required: true, message: 'Hãy nhập kết quả giải quyết.' }]}><Input.TextArea rows={4} maxLength={10000} /></Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>Báo cáo kết quả</Button>
          </Form>
        ) : null}
      </Card>
      {l.attachments.length > 0 && <div style={{ marginTop: 16 }}><AttachmentsCard base={`/agencies/${agencyId}/letters/${letterId}`} items={l.attachments} mayUpload={false} onDone={d.reload} /></div>}
    </Page>
  );
}
