// Biểu quyết on a delegate's phone (or the chamber's tablet): the open vote with three large
// buttons (or the candidate list of an election), once only; a lost connection is retried with the
// same submission key, so it is counted once. Updated live: the vote appears when the secretariat
// opens it and the result when it closes.
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Empty, Select, Space, Tag, Typography } from 'antd';
import { ErrorView, Loading, Page } from '../../../components/common.tsx';
import { api, ApiError, type Page as ListPage } from '../../../lib/api.ts';
import { useApi } from '../../../lib/hooks.ts';
import { showError } from '../../../lib/feedback.tsx';
import { useSessionParam } from '../shared.tsx';
import { LiveTag, OutcomeTag, useLiveVotes, type Vote } from './votesShared.tsx';

interface PortalSession { id: string; title: string; openingDate: string; state: string }

/** One submission key per vote, kept across a reload so a retry is the same submission. */
function keyFor(voteId: string): string {
  const k = `nt-ballot-${voteId}`;
  let v = sessionStorage.getItem(k);
  if (!v) {
    v = crypto.randomUUID();
    sessionStorage.setItem(k, v);
  }
  return v;
}

async function submitOnce(path: string, body: object): Promise<void> {
  // A network failure (no answer) is retried with the same key: the server counts it once. A busy
  // server's refusal (503 busy) is retried by the request itself (lib/api.ts), a 503 that remains
  // here too. Any other answer is final.
  for (let attempt = 0; ; attempt++) {
    try {
      await api.post(path, body);
      return;
    } catch (err) {
      if ((err instanceof ApiError && err.code !== 'network' && err.status !== 503) || attempt >= 4) throw err;
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
    }
  }
}

function Ballot({ councilId, vote, onVoted }: { councilId: string; vote: Vote; onVoted: () => void }) {
  const [busy, setBusy] = useState(false);
  const [approve, setApprove] = useState<string[]>([]);
  const send = async (body: object) => {
    if (busy) return;
    setBusy(true);
    try {
      await submitOnce(`/councils/${councilId}/votes/${vote.id}/ballot`, { ...body, idempotencyKey: keyFor(vote.id), channel: window.innerWidth < 700 ? 'phone' : 'tablet' });
      onVoted();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && /một lần/.test(err.message)) onVoted();
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  if (vote.kind === 'election') {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>Chọn tối đa {vote.seatsToFill ?? 1} người:</Typography.Text>
        <Checkbox.Group value={approve} onChange={(v) => setApprove(v as string[])} style={{ display: 'grid', gap: 12 }}>
          {vote.candidates.map((c) => <Checkbox key={c.id} value={c.id} style={{ fontSize: 18 }}>{c.name}</Checkbox>)}
        </Checkbox.Group>
        <Button type="primary" size="large" block loading={busy} disabled={approve.length > (vote.seatsToFill ?? 1)} onClick={() => send({ approve })} data-testid="ballot-submit">Gửi phiếu bầu</Button>
      </Space>
    );
  }
  const b = (choice: string, label: string, props: object) => (
    <Button size="large" block loading={busy} onClick={() => send({ choice })} style={{ height: 64, fontSize: 20 }} data-testid={`ballot-${choice}`} {...props}>{label}</Button>
  );
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {b('for', 'Tán thành', { type: 'primary' })}
      {b('against', 'Không tán thành', { danger: true })}
      {b('abstain', 'Không biểu quyết', {})}
      {vote.method === 'secret' && <Typography.Text type="secondary">Bỏ phiếu kín: hệ thống chỉ ghi nhận bạn đã biểu quyết, không lưu bạn chọn gì.</Typography.Text>}
    </Space>
  );
}

export function PortalVotesPage() {
  const { councilId } = useParams() as { councilId: string };
  const list = useApi<ListPage<PortalSession>>(`/councils/${councilId}/portal/sessions`, { pageSize: 50 });
  const [sessionId, setSessionId] = useSessionParam(list.data?.items, (items) => items.filter((s) => s.state !== 'closed').at(-1) ?? items[0]!);
  const mine = useApi<{ delegate: { fullName: string } | null; votes: Vote[] }>(sessionId ? `/councils/${councilId}/portal/sessions/${sessionId}/votes` : null);
  const { votes, status, put } = useLiveVotes(councilId, sessionId);
  const [voted, setVoted] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (mine.data) setVoted(new Set(mine.data.votes.filter((v) => v.iVoted).map((v) => v.id)));
  }, [mine.data]);
  const shown = useMemo(() => (votes.length ? votes : mine.data?.votes ?? []), [votes, mine.data]);
  if (list.error) return <ErrorView error={list.error} />;
  if (mine.error) return <ErrorView error={mine.error} onRetry={mine.reload} />;
  const open = shown.find((v) => v.state === 'open');
  const done = shown.filter((v) => v.state === 'closed' || v.state === 'confirmed').slice(0, 5);
  return (
    <Page title="Biểu quyết" subtitle={mine.data?.delegate ? `Đại biểu ${mine.data.delegate.fullName}` : undefined} crumbs={[{ title: 'Kỳ họp' }, { title: 'Biểu quyết' }]} extra={<LiveTag status={status} />}>
      {list.loading && !list.data ? <Loading /> : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Select aria-label="Kỳ họp" value={sessionId ?? undefined} onChange={setSessionId} style={{ width: '100%' }} options={(list.data?.items ?? []).map((s) => ({ value: s.id, label: s.title }))} />
          {mine.data && !mine.data.delegate && <Alert type="warning" showIcon message="Tài khoản của bạn chưa được gắn với một đại biểu của HĐND này nên không biểu quyết được." />}
          {open ? (
            <Card title={<span style={{ whiteSpace: 'normal' }}>{open.title}</span>} extra={<Tag color="processing">{open.methodLabel}</Tag>} data-testid="open-vote">
              {open.itemTitle && <div style={{ color: '#6b7280', marginBottom: 12 }}>{open.itemTitle}</div>}
              {voted.has(open.id)
                ? <Alert type="success" showIcon message="Bạn đã biểu quyết." description={`Đã có ${open.voted} đại biểu biểu quyết. Kết quả hiện khi kết thúc biểu quyết.`} data-testid="ballot-done" />
                : <Ballot councilId={councilId} vote={open} onVoted={() => { setVoted((s) => new Set([...s, open.id])); put({ ...open, iVoted: true }); }} />}
            </Card>
          ) : <Card><Empty description="Chưa có lượt biểu quyết nào đang mở." /></Card>}
          {done.map((v) => (
            <Card key={v.id} size="small" title={<span style={{ whiteSpace: 'normal' }}>{v.title}</span>} extra={<OutcomeTag vote={v} />} data-testid="vote-result">
              <div>{v.result?.reason}</div>
            </Card>
          ))}
        </Space>
      )}
    </Page>
  );
}
