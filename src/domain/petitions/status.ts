/**
 * The life of a petition (kiến nghị đã tổng hợp), as a small state machine, and the vocabularies
 * of the petitions module with their Vietnamese labels. Pure: no database.
 *
 *   draft ──dispatch──▶ dispatched ──answer──▶ answered ──review ok──▶ closed
 *     ▲                    │  ▲                   │
 *     │                  return│re-dispatch     review not ok / unresolved / in progress
 *     │                    ▼  │                   ▼
 *     └──carry over──── returned            unsatisfied ──carry over──▶ draft (next round)
 *
 * Workflows §1 steps 4–8; answer categories NQLT 72/2025 Điều 49 k2 (VERIFIED).
 */

export const PETITION_STATUSES = ['draft', 'dispatched', 'returned', 'answered', 'closed', 'unsatisfied'] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

export const PETITION_STATUS_LABELS: Readonly<Record<PetitionStatus, string>> = {
  draft: 'Đã tổng hợp, chưa chuyển',
  dispatched: 'Đã chuyển, chờ trả lời',
  returned: 'Bị trả lại, cần chuyển lại',
  answered: 'Đã có trả lời, chờ đánh giá',
  closed: 'Đã giải quyết xong',
  unsatisfied: 'Chưa giải quyết xong, theo dõi tiếp',
};

export type PetitionEvent = 'dispatch' | 'return' | 'answer' | 'review_ok' | 'review_not_ok' | 'carry_over' | 'reopen';

const TRANSITIONS: Record<PetitionEvent, { from: readonly PetitionStatus[]; to: PetitionStatus }> = {
  dispatch: { from: ['draft', 'returned'], to: 'dispatched' },
  return: { from: ['dispatched'], to: 'returned' },
  answer: { from: ['dispatched', 'answered', 'unsatisfied'], to: 'answered' },
  review_ok: { from: ['answered'], to: 'closed' },
  review_not_ok: { from: ['answered'], to: 'unsatisfied' },
  carry_over: { from: ['unsatisfied'], to: 'draft' },
  reopen: { from: ['closed'], to: 'unsatisfied' },
};

const EVENT_LABELS: Record<PetitionEvent, string> = {
  dispatch: 'chuyển kiến nghị',
  return: 'trả lại kiến nghị',
  answer: 'trả lời kiến nghị',
  review_ok: 'đánh giá trả lời',
  review_not_ok: 'đánh giá trả lời',
  carry_over: 'chuyển sang đợt sau',
  reopen: 'mở lại kiến nghị',
};

/** The status after `event`, or null when the event is not allowed from `from`. */
export function nextStatus(from: PetitionStatus, event: PetitionEvent): PetitionStatus | null {
  const t = TRANSITIONS[event];
  return t.from.includes(from) ? t.to : null;
}

/** Vietnamese reason an event is refused (for a 409/422 message). */
export function refusal(from: PetitionStatus, event: PetitionEvent): string {
  return `Không thể ${EVENT_LABELS[event]} khi kiến nghị đang ở trạng thái "${PETITION_STATUS_LABELS[from]}".`;
}

/**
 * The status a petition has in the next round. Unsatisfied answers go back to draft, to be sent
 * again; a petition still waiting on an agency keeps waiting (its deadline keeps running); an
 * answer not yet reviewed is reviewed in the next round.
 */
export function statusAfterCarryOver(from: PetitionStatus): PetitionStatus | null {
  if (from === 'closed') return null;
  return nextStatus(from, 'carry_over') ?? from;
}

/** Statuses a petition is still outstanding in (not closed). */
export function isOutstanding(status: PetitionStatus): boolean {
  return status !== 'closed';
}

export const RESPONSE_RESULTS = ['resolved', 'in_progress', 'explained', 'unresolved'] as const;
export type ResponseResult = (typeof RESPONSE_RESULTS)[number];
export const RESPONSE_RESULT_LABELS: Readonly<Record<ResponseResult, string>> = {
  resolved: 'Đã giải quyết xong',
  in_progress: 'Đang giải quyết, có lộ trình',
  explained: 'Đã giải trình, cung cấp thông tin',
  unresolved: 'Chưa giải quyết',
};

/** Results that, reviewed as satisfactory, close the petition; the others carry over. */
export function closesOnSatisfactoryReview(result: ResponseResult): boolean {
  return result === 'resolved' || result === 'explained';
}

export const ROUND_KINDS = ['before_session', 'after_session', 'continuous'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const ROUND_KIND_LABELS: Readonly<Record<RoundKind, string>> = {
  before_session: 'Tiếp xúc cử tri trước kỳ họp',
  after_session: 'Tiếp xúc cử tri sau kỳ họp',
  continuous: 'Tiếp nhận thường xuyên giữa hai đợt',
};

export const MEETING_MODES = ['in_person', 'online', 'hybrid'] as const;
export const MEETING_MODE_LABELS: Readonly<Record<(typeof MEETING_MODES)[number], string>> = {
  in_person: 'Trực tiếp',
  online: 'Trực tuyến',
  hybrid: 'Trực tiếp kết hợp trực tuyến',
};

/** Where an opinion came from: a contact meeting, or a channel between meetings. */
export const OPINION_CHANNELS = ['meeting', 'fatherland_front', 'letter', 'hotline', 'online_form', 'delegate_contact', 'lower_council'] as const;
export type OpinionChannel = (typeof OPINION_CHANNELS)[number];
export const OPINION_CHANNEL_LABELS: Readonly<Record<OpinionChannel, string>> = {
  meeting: 'Hội nghị tiếp xúc cử tri',
  fatherland_front: 'Ủy ban MTTQ Việt Nam chuyển đến',
  letter: 'Đơn, thư',
  hotline: 'Đường dây nóng',
  online_form: 'Biểu mẫu trực tuyến',
  delegate_contact: 'Đại biểu tiếp xúc riêng',
  lower_council: 'HĐND cấp dưới chuyển lên',
};

/** An opinion's kind: a petition, or a complaint/denunciation that leaves the petition track (NQLT 72/2025 Điều 37 k4). */
export const OPINION_KINDS = ['petition', 'complaint'] as const;
export const OPINION_KIND_LABELS = { petition: 'Kiến nghị', complaint: 'Khiếu nại, tố cáo (chuyển xử lý theo thủ tục riêng)' } as const;

export const REVIEW_VERDICTS = ['satisfactory', 'unsatisfactory'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];
export const REVIEW_VERDICT_LABELS: Readonly<Record<ReviewVerdict, string>> = {
  satisfactory: 'Trả lời thỏa đáng',
  unsatisfactory: 'Trả lời chưa thỏa đáng',
};

export const DISPATCH_ITEM_STATES = ['pending', 'answered', 'returned'] as const;
export type DispatchItemState = (typeof DISPATCH_ITEM_STATES)[number];
export const DISPATCH_ITEM_STATE_LABELS: Readonly<Record<DispatchItemState, string>> = {
  pending: 'Chờ trả lời',
  answered: 'Đã trả lời',
  returned: 'Đã trả lại',
};
