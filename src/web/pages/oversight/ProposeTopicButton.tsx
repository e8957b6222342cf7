// One click on a petition's page: the recurring petition becomes a topic proposed for the next
// supervision programme still collecting proposals (oversight module).
import { useState } from 'react';
import { Button } from 'antd';
import { api } from '../../lib/api.ts';
import { message, showError } from '../../lib/feedback.tsx';

export function ProposeTopicButton({ councilId, petitionId }: { councilId: string; petitionId: string }) {
  const [busy, setBusy] = useState(false);
  const propose = async () => {
    setBusy(true);
    try {
      const r = await api.post<{ year: number }>(`/councils/${councilId}/petitions/${petitionId}/oversight-proposal`);
      message.success(`Đã đề xuất làm nội dung giám sát năm ${r.year}.`);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return <Button loading={busy} onClick={propose}>Đề xuất giám sát</Button>;
}
