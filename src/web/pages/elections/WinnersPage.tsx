// Kết quả bầu cử: per unit of one level, the roll-up of the locked tally sheets (Mẫu 24), the
// winners by the law with the reason of every outcome (the same domain code as the server), the
// Ban's confirmation, then the committee's summary (Mẫu 25) and publication.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, List, Select, Space, Tag } from 'antd';
import { CANDIDATE_OUTCOME_LABELS, NEXT_STEP_LABELS, type UnitOutcome } from '../../../domain/elections/winners.ts';
import type { TallyFailure, TallyFigures } from '../../../domain/elections/tally.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { useApi } from '../../lib/hooks.ts';
import { api } from '../../lib/api.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { useAuth } from '../../lib/auth.tsx';
import { BALLOT_LABELS, ROUND_LABELS, num, useElection } from './turnoutShared.tsx';
import { fmtPercent } from '../../lib/format.ts';

type RoundResult = { round: string; confirmed: boolean; minutesId: string | null; state: string; publishedOn: string | null; figures: TallyFigures | null; outcome: UnitOutcome | null; missingAreas: { id: string; number: string; name: string }[]; failures: TallyFailure[] };
type Level = { ballotType: string; label: string; units: { unit: { id: string; number: number; name: string; seats: number }; rounds: RoundResult[] }[]; summary: { id: string; state: string; publishedOn: string | null } | null };

const OUTCOME_COLORS: Record<string, string> = { elected: 'green', passedNotElected: 'gold', belowHalf: 'default', struckOff: 'red', tieUndecided: 'orange', notDetermined: 'default' };

function RoundCard({ r, onConfirm, busy }: { r: RoundResult; onConfirm: () => void; busy: boolean }) {
  const f = r.figures;
  return (
    <div style={{ marginBottom: 12 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <strong>{ROUND_LABELS[r.round]}</strong>
        {r.confirmed ? <Tag color="green">Ban bầu cử đã xác nhận</Tag> : <Tag color="blue">Đang tổng hợp</Tag>}
        {r.publishedOn && <Tag color="purple">Đã công bố</Tag>}
      </Space>
      {r.missingAreas.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={`Chưa có biên bản đã khóa sổ: ${r.missingAreas.map((a) => `khu vực bỏ phiếu số ${a.number}`).join(', ')}`} />}
      {r.failures.map((x) => <Alert key={x.check + x.message} type="error" showIcon style={{ marginBottom: 8 }} message={x.message} />)}
      {f && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
          { key: 'l', label: 'Tổng số cử tri', children: num(f.votersOnList) },
          { key: 'v', label: 'Đã bỏ phiếu', children: `${num(f.votersVoted)} (${fmtPercent(f.votersOnList ? (f.votersVoted * 100) / f.votersOnList : 0)})` },
          { key: 'r', label: 'Phiếu thu vào', children: num(f.ballotsReceived) },
          { key: 'ok', label: 'Phiếu hợp lệ', children: `${num(f.validBallots)} (${fmtPercent(f.ballotsReceived ? (f.validBallots * 100) / f.ballotsReceived : 0)})` },
          { key: 'no', label: 'Phiếu không hợp lệ', children: `${num(f.invalidBallots)} (${fmtPercent(f.ballotsReceived ? (f.invalidBallots * 100) / f.ballotsReceived : 0)})` },
        ]} />
      )}
      {r.outcome && (
        <>
          <List size="small" header={<strong>Căn cứ xác định kết quả</strong>} dataSource={r.outcome.reasons} renderItem={(x) => <List.Item>{x}</List.Item>} style={{ marginBottom: 8 }} />
          <ResponsiveTable
            rowKey="candidateId"
            size="small"
            pagination={false}
            dataSource={[...r.outcome.candidates].sort((a, b) => b.votes - a.votes)}
            columns={[
              { title: 'Người ứng cử', dataIndex: 'name' },
              { title: 'Số phiếu', dataIndex: 'votes', render: (v: number, c: { percent: number }) => `${num(v)} (${fmtPercent(c.percent)})` },
              { title: 'Kết quả', dataIndex: 'outcome', render: (o: string) => <Tag color={OUTCOME_COLORS[o]} style={{ whiteSpace: 'normal' }}>{CANDIDATE_OUTCOME_LABELS[o as keyof typeof CANDIDATE_OUTCOME_LABELS]}</Tag> },
              { title: 'Lý do', dataIndex: 'reason' },
            ]}
          />
          <div style={{ marginTop: 8 }}>Bước tiếp theo: <strong>{NEXT_STEP_LABELS[r.outcome.next]}</strong></div>
        </>
      )}
      {!r.confirmed && r.outcome && r.missingAreas.length === 0 && <Button style={{ marginTop: 8 }} type="primary" loading={busy} onClick={onConfirm}>Xác nhận kết quả (Biên bản xác định kết quả, Mẫu số 24)</Button>}
    </div>
  );
}

export function WinnersPage() {
  const { councilId } = useParams() as { councilId: string };
  const { electionId, picker, elections, error: listError } = useElection(councilId);
  const election = elections.find((e) => e.id === electionId);
  const [ballot, setBallot] = useState<string | undefined>();
  const ballotType = ballot ?? (election?.ballotTypes.includes('commune') ? 'commune' : election?.ballotTypes[0]);
  const base = `/councils/${councilId}/elections/${electionId}`;
  const level = useApi<Level>(electionId && ballotType ? `${base}/results` : null, { ballotType });
  const { canManageCouncil } = useAuth();
  const [busy, setBusy] = useState(false);
  if (listError) return <ErrorView error={listError} />;
  if (level.error) return <ErrorView error={level.error} />;
  const run = async (f: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await f();
      message.success(ok);
      level.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const l = level.data;
  const manage = canManageCouncil(councilId);
  const allConfirmed = !!l && l.units.length > 0 && l.units.every((u) => u.rounds.every((r) => r.confirmed));
  return (
    <Page
      title="Kết quả bầu cử"
      subtitle="Người trúng cử theo Luật Bầu cử (Điều 78–81), mỗi kết quả kèm lý do"
      crumbs={[{ title: 'Bầu cử', to: `/councils/${councilId}/elections` }, { title: 'Kết quả bầu cử' }]}
      extra={<Space wrap>{picker}<Select aria-label="Cấp bầu cử" style={{ width: 220 }} value={ballotType} onChange={setBallot} options={(election?.ballotTypes ?? []).map((b) => ({ value: b, label: BALLOT_LABELS[b] }))} /></Space>}
    >
      {!l ? <Loading /> : (
        <>
          {manage && (
            <Card size="small" style={{ marginBottom: 12 }}>
              <Space wrap>
                {!l.summary && <Button disabled={!allConfirmed} loading={busy} onClick={() => run(() => api.post(`${base}/results/summary`, { ballotType }), 'Đã lập biên bản tổng kết.')}>Lập biên bản tổng kết (Mẫu số 25)</Button>}
                {l.summary && l.summary.state !== 'published' && <Button type="primary" loading={busy} onClick={() => run(() => api.post(`${base}/results/publish`, { ballotType }), 'Đã công bố kết quả bầu cử.')}>Công bố kết quả</Button>}
                <a href={`/api${base}/results/summary.docx?ballotType=${ballotType}`}>Biên bản tổng kết (Mẫu số 25, .docx){l.summary ? '' : ' — dự thảo'}</a>
                <a href={`/api${base}/results/winners.docx?ballotType=${ballotType}`}>Danh sách người trúng cử (Mẫu số 26, .docx){l.summary ? '' : ' — dự thảo'}</a>
                {l.summary?.publishedOn && <span>Đã công bố ngày {l.summary.publishedOn.split('-').reverse().join('/')}. <a href={`/cong-khai/bau-cu/${electionId}`}>Trang công khai</a></span>}
              </Space>
            </Card>
          )}
          {l.units.length === 0 && <Alert type="info" message="Chưa có đơn vị bầu cử nào ở cấp này." />}
          {l.units.map((u) => (
            <Card key={u.unit.id} title={`${u.unit.name} · ${u.unit.seats} đại biểu được bầu`} style={{ marginBottom: 12 }}>
              {u.rounds.map((r) => <RoundCard key={r.round} r={r} busy={busy} onConfirm={() => run(() => api.post(`${base}/units/${u.unit.id}/result`, { round: r.round }), 'Đã xác nhận kết quả của đơn vị bầu cử.')} />)}
            </Card>
          ))}
        </>
      )}
    </Page>
  );
}
