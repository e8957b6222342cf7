// Shared pieces of the chamber's floor pages: row types, who may do what, the live refresh (the
// chamber's one live channel), the speaking-time countdown, the agenda item picker.
import { useEffect, useState } from 'react';
import { Select, Tag } from 'antd';
import { useAuth } from '../../../lib/auth.tsx';
import { useLive, type LiveStatus } from '../../../lib/live.ts';
import { formatClock, speakingClock } from '../../../../domain/sessions/floor.ts';

export { ATTENDANCE_LABELS } from '../../../../domain/sessions/portal.ts';
export { SPEAKER_STATUS_LABELS, SPEECH_KIND_LABELS, formatClock, moveInOrder } from '../../../../domain/sessions/floor.ts';

export interface Threshold { needed: number; base: number; baseKind: 'seats' | 'serving'; reducedCouncil: boolean; fractionLabel: string; ruleLabel: string; source: string; verified: boolean; baseReason: string; notes: string[] }
export interface RuleNow { ruleKey: string; ruleLabel: string; threshold: Threshold | null; thresholdError: string | null; reachable: boolean | null }
export interface Speaker {
  id: string; order: number; delegateId: string; fullName: string; delegatePosition: string; text: string; fromFloor: boolean;
  kind: string; kindLabel: string; status: 'waiting' | 'speaking' | 'done'; statusLabel: string; allottedSeconds: number;
  startedAt: string | null; endedAt: string | null; registeredAt: string;
}
export interface FloorView {
  session: { id: string; title: string; state: string; stateLabel: string; openingDate: string };
  items: { id: string; title: string; position: number }[];
  item: { id: string; title: string } | null;
  numbers: { seats: number; serving: number; entitled: number; present: number; inRoom: number; online: number; absent: number; notCheckedIn: number };
  seatsSource: 'profile' | 'constituencies' | 'elected';
  seatsExplanation: string;
  rules: RuleNow[];
  speakingMinutes: { speech: number; question: number; answer: number };
  speakingMinutesDefault: boolean;
  selfCheckIn: boolean;
  speakers: { itemId: string; itemTitle: string; speaking: Speaker | null; next: Speaker[]; waiting: number; done: number; total: number; version: number } | null;
  serverNow: string;
}
export interface ChamberSession { id: string; title: string; state: string; stateLabel: string; openingDate: string }

export function useFloorPerms(councilId: string) {
  const { me } = useAuth();
  const has = (role: string) => !!me && (me.isAdmin || me.grants.some((g) => g.councilId === councilId && g.role === role));
  return { attendance: has('secretariat'), speakers: has('secretariat') || has('standing_member') };
}

/** Pick the session in progress, else the next convened one, else the newest. */
export const pickSession = (items: ChamberSession[]) => items[0]!;

/**
 * Keeps a screen current through the chamber's live channel (server-sent events): `reload` runs
 * when the stream (re)connects and at every change of attendance or the speakers' list.
 */
export function useFloorLive(councilId: string, sessionId: string | null, reload: () => void): LiveStatus {
  return useLive<unknown, { what: string; itemId: string | null }>(sessionId ? `/councils/${councilId}/chamber/sessions/${sessionId}/floor/live` : null, {
    snapshot: () => reload(),
    update: () => reload(),
  });
}

/** The server's clock minus the browser's, from the last answer: the countdown uses the server's time. */
export function useServerOffset(serverNow: string | undefined): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (serverNow) setOffset(Date.parse(serverNow) - Date.now());
  }, [serverNow]);
  return offset;
}

/** A ticking mm:ss of the time left (red and negative once over). */
export function Countdown(props: { speaker: Pick<Speaker, 'allottedSeconds' | 'startedAt' | 'endedAt'>; offset: number; size?: number; testId?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!props.speaker.startedAt || props.speaker.endedAt) return;
    const id = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(id);
  }, [props.speaker.startedAt, props.speaker.endedAt]);
  const c = speakingClock(
    props.speaker.allottedSeconds,
    props.speaker.startedAt ? Date.parse(props.speaker.startedAt) : null,
    props.speaker.endedAt ? Date.parse(props.speaker.endedAt) : null,
    now + props.offset,
  );
  const color = c.over ? '#cf1322' : c.left <= 30 && c.running ? '#d46b08' : undefined;
  return (
    <span data-testid={props.testId ?? 'countdown'} aria-label={c.over ? `Quá giờ ${formatClock(-c.left)}` : `Còn ${formatClock(c.left)}`}
      style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 700, fontSize: props.size ?? 28, color }}>
      {formatClock(c.left)}
    </span>
  );
}

export function ItemSelect(props: { items: FloorView['items']; value: string | null; onChange(v: string | null): void; allowSession?: boolean }) {
  const options = [
    ...(props.allowSession ? [{ value: '', label: 'Cả kỳ họp' }] : []),
    ...props.items.map((i) => ({ value: i.id, label: `${i.position}. ${i.title}` })),
  ];
  return (
    <Select aria-label="Nội dung" value={props.value ?? ''} onChange={(v) => props.onChange(v || null)} options={options}
      style={{ flex: '1 1 260px', minWidth: 0, maxWidth: 520 }} popupMatchSelectWidth={false} />
  );
}

/** A row of controls that wraps on a phone and lets a select shrink to the screen. */
export function Toolbar({ children }: { children: React.ReactNode }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', width: '100%' }}>{children}</div>;
}

export const STATUS_COLORS: Record<string, string> = { present: 'green', online: 'cyan', absent: 'red', none: 'default', waiting: 'default', speaking: 'processing', done: 'green' };

export function UnverifiedTag({ title }: { title?: string }) {
  return <Tag color="gold" title={title}>Mặc định chưa kiểm chứng</Tag>;
}
