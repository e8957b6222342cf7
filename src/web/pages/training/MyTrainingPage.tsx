// The delegate's own training record (phone first): their required courses and where they stand,
// every class they were in with each session's mark, materials and certificates to download.
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { useApi } from '../../lib/hooks.ts';
import { fmtDate } from '../../lib/format.ts';
import { showError } from '../../lib/feedback.tsx';
import { downloadFile } from '../documents/shared.tsx';

type Record_ = {
  delegate: { fullName: string; position: string } | null;
  term: { name: string; startYear: number; endYear: number } | null;
  completed: boolean;
  required: { courseId: string; courseTitle: string; standing: string; standingLabel: string; present: number; sessionCount: number; needed: number }[];
  classes: {
    enrolmentId: string; title: string; kindLabel: string; courseTitle: string; councilName: string; startsOn: string; endsOn: string; place: string; completion: string; completionLabel: string;
    present: number; needed: number; hasCertificate: boolean; reason: string;
    sessions: { id: string; position: number; heldOn: string; topic: string; status: string | null; statusLabel: string }[];
    materials: { id: string; title: string; fileName: string }[];
  }[];
};
const COLOR: Record<string, string> = { completed: 'green', in_progress: 'blue', not_completed: 'red', excused: 'gold', not_enrolled: 'default', no_sessions: 'default', present: 'green', absent: 'red', absent_excused: 'gold' };

export function MyTrainingPage() {
  const { councilId } = useParams() as { councilId: string };
  const { data, error } = useApi<Record_>(`/councils/${councilId}/my-training`);
  if (error) return <ErrorView error={error} />;
  if (!data) return <Loading />;
  if (!data.delegate) return <Page title="Hồ sơ bồi dưỡng của tôi"><Alert type="info" showIcon message="Tài khoản của bạn chưa gắn với một đại biểu của HĐND này (địa chỉ thư điện tử của tài khoản phải trùng với hồ sơ đại biểu). Hãy liên hệ Văn phòng." /></Page>;
  return (
    <Page title="Hồ sơ bồi dưỡng của tôi" subtitle={`${data.delegate.fullName}${data.term ? ` · ${data.term.name} (${data.term.startYear}–${data.term.endYear})` : ''}`} crumbs={[{ title: 'Bồi dưỡng đại biểu' }, { title: 'Hồ sơ bồi dưỡng của tôi' }]}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type={data.completed ? 'success' : 'warning'} showIcon message={data.completed ? 'Bạn đã hoàn thành các khóa bồi dưỡng bắt buộc của nhiệm kỳ.' : 'Bạn còn khóa bồi dưỡng bắt buộc chưa hoàn thành.'} />
        <Card title="Khóa bồi dưỡng bắt buộc" size="small">
          <List dataSource={data.required} locale={{ emptyText: 'Không có khóa bắt buộc.' }} renderItem={(r) => (
            <List.Item><div style={{ width: '100%' }}><div><strong>{r.courseTitle}</strong></div><Tag color={COLOR[r.standing]}>{r.standingLabel}</Tag>{r.sessionCount > 0 && <Typography.Text type="secondary"> Tham dự {r.present}/{r.sessionCount} buổi</Typography.Text>}</div></List.Item>
          )} />
        </Card>
        {data.classes.map((c) => (
          <Card key={c.enrolmentId} size="small" title={<div style={{ whiteSpace: 'normal' }}>{c.title}</div>} extra={<Tag color={COLOR[c.completion]}>{c.completionLabel}</Tag>}>
            <div style={{ color: '#6b7280', fontSize: 13 }}>{c.courseTitle} · {c.councilName}</div>
            <div style={{ fontSize: 13 }}>{fmtDate(c.startsOn)} – {fmtDate(c.endsOn)}{c.place ? ` · ${c.place}` : ''}</div>
            <div style={{ fontSize: 13, marginTop: 4 }}>Đã tham dự {c.present}/{c.sessions.length} buổi (cần {c.needed}){c.reason ? ` · ${c.reason}` : ''}</div>
            <List size="small" style={{ marginTop: 8 }} dataSource={c.sessions} renderItem={(s) => (
              <List.Item style={{ paddingInline: 0 }}><div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, width: '100%' }}><span>Buổi {s.position} · {fmtDate(s.heldOn)}<div style={{ fontSize: 12, color: '#6b7280' }}>{s.topic}</div></span><Tag color={COLOR[s.status ?? ''] ?? 'default'} style={{ alignSelf: 'center' }}>{s.statusLabel}</Tag></div></List.Item>
            )} />
            <Space wrap style={{ marginTop: 8 }}>
              {c.hasCertificate && <Button type="primary" onClick={() => downloadFile(`/councils/${councilId}/my-training/certificates/${c.enrolmentId}`, { fallbackName: 'giay-chung-nhan.docx' }).catch(showError)}>Tải giấy chứng nhận</Button>}
              {c.materials.map((m) => <Button key={m.id} onClick={() => downloadFile(`/councils/${councilId}/my-training/materials/${m.id}`, { fallbackName: m.fileName }).catch(showError)}>{m.title}</Button>)}
            </Space>
          </Card>
        ))}
      </Space>
    </Page>
  );
}
