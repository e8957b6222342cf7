// The warning before (and after) publication: petitions whose text may name a person, a phone
// number, an ID-card number or a house address stay off the public page until the clerk edits
// the text or confirms it is not personal (server: modules/petitions/privacy.ts).
import { useState } from 'react';
import { Alert, Button, Input, List, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';

interface Finding {
  kind: string;
  kindLabel: string;
  text: string;
  start: number;
  end: number;
  reason: string;
}
interface Held {
  id: string;
  number: number;
  version: number;
  text: string;
  findings: Finding[];
}

/** The text with each finding marked. */
function Marked(props: { text: string; findings: Finding[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [i, f] of props.findings.entries()) {
    if (f.start > at) parts.push(props.text.slice(at, f.start));
    parts.push(
      <mark key={i} title={f.reason} style={{ background: '#fff1b8', padding: '0 2px' }}>
        {props.text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  parts.push(props.text.slice(at));
  return <span>{parts}</span>;
}

export function PrivacyWarning(props: { councilId: string; roundId: string; published: boolean; reloadKey?: unknown }) {
  const base = `/councils/${props.councilId}`;
  const held = useApi<{ published: boolean; items: Held[] }>(`${base}/petition-rounds/${props.roundId}/privacy?k=${String(props.published)}`);
  const [editing, setEditing] = useState<Held | null>(null);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const items = held.data?.items ?? [];
  if (!items.length) return null;

  const confirm = async (h: Held) => {
    try {
      await api.post(`${base}/petitions/${h.id}/not-personal`, { version: h.version });
      message.success(`Kiến nghị số ${h.number} sẽ được công khai như hiện tại.`);
      held.reload();
    } catch (err) {
      showError(err);
    }
  };
  const save = async () => {
    if (!editing) return;
    setBusy(true);
    try {
      await api.patch(`${base}/petitions/${editing.id}`, { version: editing.version, text: draft });
      message.success(`Đã sửa nội dung kiến nghị số ${editing.number}.`);
      setEditing(null);
      held.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="privacy-warning"
        title={
          props.published
            ? `${items.length} kiến nghị chưa được đưa lên trang công khai vì có thể chứa thông tin cá nhân.`
            : `${items.length} kiến nghị có thể chứa thông tin cá nhân: khi công bố, các kiến nghị này sẽ được giữ lại.`
        }
        description={
          <List
            size="small"
            dataSource={items}
            renderItem={(h) => (
              <List.Item data-testid="privacy-item">
                <Space direction="vertical" size={4} style={{ minWidth: 0, width: '100%' }}>
                  <Typography.Text strong>Kiến nghị số {h.number}</Typography.Text>
                  <Typography.Text style={{ overflowWrap: 'anywhere' }}><Marked text={h.text} findings={h.findings} /></Typography.Text>
                  <Space size={4} wrap>
                    {h.findings.map((f, i) => (
                      <Tag key={i} color="gold" title={f.reason} style={{ whiteSpace: 'normal' }}>{f.kindLabel}: {f.text}</Tag>
                    ))}
                  </Space>
                  <Space size={8} wrap>
                    <Button size="small" onClick={() => { setEditing(h); setDraft(h.text); }}>Sửa nội dung</Button>
                    <Popconfirm
                      title="Nội dung này không phải thông tin cá nhân?"
                      description={<div style={{ maxWidth: 260 }}>Kiến nghị sẽ được công khai đúng như nội dung hiện tại. Việc xác nhận được ghi vào nhật ký.</div>}
                      okText="Xác nhận"
                      cancelText="Không"
                      onConfirm={() => confirm(h)}
                    >
                      <Button size="small">Không phải thông tin cá nhân</Button>
                    </Popconfirm>
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        }
      />
      <Modal
        open={!!editing}
        title={editing ? `Sửa nội dung kiến nghị số ${editing.number}` : ''}
        okText="Lưu"
        cancelText="Hủy"
        confirmLoading={busy}
        onOk={save}
        onCancel={() => setEditing(null)}
      >
        <Typography.Paragraph type="secondary">Bỏ họ tên, số điện thoại, số CCCD, số nhà; giữ nội dung kiến nghị.</Typography.Paragraph>
        <Input.TextArea value={draft} onChange={(e) => setDraft(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} aria-label="Nội dung kiến nghị" />
      </Modal>
    </>
  );
}
