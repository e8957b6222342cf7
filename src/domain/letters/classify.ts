/**
 * Classification of a citizen letter (letters.md "Classification and routing"): its kind or kinds
 * (a mixed letter is split, one letter per kind), whether it is handled as a denunciation, whether
 * it is processable, and the council's competence and route, each with Vietnamese reasons.
 * The kind suggestion reads the text (cue phrases); the official confirms or overrides it.
 */
import { fold } from '../text/index.ts';
import { LETTER_KIND_LABELS, LETTER_KINDS } from './labels.ts';
import type { LetterKind } from './labels.ts';

export type Classification = 'complaint' | 'denunciation' | 'request_feedback' | 'mixed';

export const CLASSIFICATION_LABELS: Readonly<Record<Classification, string>> = {
  complaint: 'Đơn khiếu nại',
  denunciation: 'Đơn tố cáo',
  request_feedback: 'Đơn kiến nghị, phản ánh',
  mixed: 'Đơn có nhiều nội dung',
};

/** Cue phrases (folded: no diacritics, lower case) that suggest each kind. */
export const DEFAULT_KIND_CUES: Readonly<Record<LetterKind, readonly string[]>> = {
  complaint: ['khieu nai', 'quyet dinh hanh chinh', 'hanh vi hanh chinh', 'xem xet lai quyet dinh', 'huy quyet dinh', 'quyet dinh ky luat'],
  denunciation: ['to cao', 'nhan hoi lo', 'tham nhung', 'tham o', 'loi dung chuc vu', 'vi pham phap luat', 'bao ke'],
  request: ['kien nghi', 'de nghi', 'mong muon', 'xin duoc'],
  feedback: ['phan anh', 'tinh trang', 'gay o nhiem', 'xuong cap'],
};

export type KindFinding = { kind: LetterKind; cues: string[] };

/** The kinds whose cues occur in `text`, in LETTER_KINDS order, with the cues found. */
export function findKinds(text: string, cues: Readonly<Record<LetterKind, readonly string[]>> = DEFAULT_KIND_CUES): KindFinding[] {
  const t = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const out: KindFinding[] = [];
  for (const kind of LETTER_KINDS) {
    const found = cues[kind].filter((c) => t.includes(` ${c} `));
    if (found.length > 0) out.push({ kind, cues: found });
  }
  return out;
}

export type LetterClassification = {
  classification: Classification;
  /** One letter per kind after the split (the first is the original, the others link to it by `splitFrom`). */
  parts: LetterKind[];
  /** A denunciation part is handled as a denunciation: the denouncer's identity is protected. */
  handleAsDenunciation: boolean;
  /** "Complaint containing denunciation content" (letters.md). */
  complaintWithDenunciation: boolean;
  reasons: string[];
};

function classificationOf(parts: readonly LetterKind[]): Classification {
  const set = new Set(parts.map((k) => (k === 'feedback' ? 'request' : k)));
  if (set.size > 1) return 'mixed';
  const only = parts[0];
  return only === 'complaint' ? 'complaint' : only === 'denunciation' ? 'denunciation' : 'request_feedback';
}

/**
 * Classify a letter. `declared` (the official's choice) wins over the text's cues; with neither,
 * the letter is a request (kiến nghị) and the reason says so. An anonymous or impersonated
 * denunciation is not processed as a denunciation (Luật Tố cáo Điều 25): it stays a feedback the
 * council may pass on for inspection when concrete.
 */
export function classifyLetter(x: { text: string; declared?: readonly LetterKind[]; anonymous?: boolean; impersonated?: boolean }): LetterClassification {
  const reasons: string[] = [];
  let parts: LetterKind[];
  if (x.declared !== undefined && x.declared.length > 0) {
    parts = LETTER_KINDS.filter((k) => x.declared!.includes(k));
    reasons.push(`Cán bộ xác định nội dung: ${parts.map((k) => LETTER_KIND_LABELS[k].toLowerCase()).join(', ')}.`);
  } else {
    const found = findKinds(x.text);
    parts = found.map((f) => f.kind);
    for (const f of found) reasons.push(`Có nội dung ${LETTER_KIND_LABELS[f.kind].toLowerCase()} (“${f.cues.join('”, “')}”).`);
    if (parts.length === 0) {
      parts = ['request'];
      reasons.push('Không nhận ra nội dung khiếu nại, tố cáo hay phản ánh: tạm phân loại là kiến nghị, cán bộ cần xem lại.');
    }
  }
  // A request and a feedback are handled the same way: one part, the request.
  if (parts.includes('request') && parts.includes('feedback')) parts = parts.filter((k) => k !== 'feedback');
  if (parts.includes('denunciation') && (x.anonymous === true || x.impersonated === true)) {
    parts = parts.filter((k) => k !== 'denunciation');
    if (!parts.includes('feedback') && !parts.includes('request')) parts.push('feedback');
    reasons.push(
      `Đơn tố cáo ${x.anonymous === true ? 'không rõ họ tên, địa chỉ người tố cáo' : 'mạo danh người khác'} không được xử lý theo thủ tục tố cáo (Luật Tố cáo, Điều 25); nếu nội dung rõ ràng, có chứng cứ cụ thể thì chuyển cơ quan có thẩm quyền để thanh tra, kiểm tra.`,
    );
  }
  const classification = classificationOf(parts);
  if (classification === 'mixed') {
    reasons.push('Đơn có nhiều nội dung: tách thành từng đơn theo loại, giữ liên kết với đơn gốc (Luật Tiếp công dân, Điều 25 khoản 3; Nghị định 154/2026/NĐ-CP, Điều 14 khoản 4).');
  }
  const handleAsDenunciation = parts.includes('denunciation');
  if (handleAsDenunciation) reasons.push('Xử lý theo thủ tục tố cáo: giữ bí mật họ tên, địa chỉ, bút tích và thông tin cá nhân của người tố cáo.');
  return { classification, parts, handleAsDenunciation, complaintWithDenunciation: parts.includes('complaint') && handleAsDenunciation, reasons };
}

/** Who the letter is about, for competence. */
export type Respondent =
  | 'this_council' // the council itself, its standing committee, committees, or its delegates
  | 'other_elected_body' // another council or its delegates, the National Assembly's delegates
  | 'lower_body' // a lower body that has not resolved a case within its competence
  | 'executive' // a people's committee, its agencies, other state bodies
  | 'court'; // a judgment or a case before the court

export type Competence = 'ours' | 'elected_body' | 'not_ours';

export const COMPETENCE_LABELS: Readonly<Record<Competence, string>> = {
  ours: 'Thuộc thẩm quyền của Hội đồng nhân dân',
  elected_body: 'Thuộc thẩm quyền của cơ quan dân cử khác',
  not_ours: 'Không thuộc thẩm quyền',
};

export type Route = 'report_to_head' | 'guide' | 'forward' | 'forward_to_elected_body' | 'ask_lower_body' | 'explain_and_stop' | 'file';

export const ROUTE_LABELS: Readonly<Record<Route, string>> = {
  report_to_head: 'Báo cáo người đứng đầu để giải quyết theo thẩm quyền',
  guide: 'Hướng dẫn công dân gửi đơn đến cơ quan có thẩm quyền',
  forward: 'Chuyển đơn đến cơ quan có thẩm quyền',
  forward_to_elected_body: 'Chuyển đơn đến cơ quan dân cử có thẩm quyền',
  ask_lower_body: 'Yêu cầu cơ quan cấp dưới giải quyết',
  explain_and_stop: 'Giải thích và đề nghị công dân chấp hành',
  file: 'Lưu đơn, không xử lý',
};

export type NotProcessableReason = 'sent_to_competent_body' | 'already_guided' | 'final_judgment' | 'outside_four_kinds';

export const NOT_PROCESSABLE_REASON_LABELS: Readonly<Record<NotProcessableReason, string>> = {
  sent_to_competent_body: 'Đơn đồng thời đã gửi đến cơ quan có thẩm quyền giải quyết',
  already_guided: 'Đơn cùng nội dung đã được hướng dẫn một lần',
  final_judgment: 'Vụ việc đã có bản án, quyết định của Tòa án có hiệu lực pháp luật',
  outside_four_kinds: 'Nội dung không phải khiếu nại, tố cáo, kiến nghị, phản ánh',
};

export type RoutingFacts = {
  kind: LetterKind;
  respondent: Respondent;
  alsoSentToCompetentBody?: boolean;
  alreadyGuidedSameContent?: boolean;
  alreadyResolvedCorrectly?: boolean;
  finalJudgment?: boolean;
  /** More than one body is competent (letters.md: flag it). */
  competentBodies?: number;
};

export type RoutingDecision = {
  competence: Competence;
  processable: boolean;
  notProcessable: NotProcessableReason | null;
  route: Route;
  severalCompetentBodies: boolean;
  reasons: string[];
};

/**
 * Competence and route of one letter part (Luật Tiếp công dân Điều 26; TT 07/2014 Điều 6 k2b,
 * Điều 24, whose successor TT 05/2021 is UNVERIFIED). A complaint outside the council's competence
 * is answered with guidance; a denunciation, request or feedback is forwarded.
 */
export function routeLetter(f: RoutingFacts): RoutingDecision {
  const reasons: string[] = [];
  const competence: Competence = f.respondent === 'this_council' ? 'ours' : f.respondent === 'other_elected_body' ? 'elected_body' : 'not_ours';
  reasons.push(`${COMPETENCE_LABELS[competence]}.`);
  const severalCompetentBodies = (f.competentBodies ?? 1) > 1;
  if (severalCompetentBodies) reasons.push(`Nội dung thuộc thẩm quyền của ${f.competentBodies} cơ quan: chuyển phần việc tương ứng cho từng cơ quan.`);
  const notProcessable: NotProcessableReason | null =
    f.finalJudgment === true || f.respondent === 'court'
      ? 'final_judgment'
      : f.alsoSentToCompetentBody === true
        ? 'sent_to_competent_body'
        : f.alreadyGuidedSameContent === true
          ? 'already_guided'
          : null;
  if (notProcessable !== null) {
    reasons.push(`Không đủ điều kiện xử lý: ${NOT_PROCESSABLE_REASON_LABELS[notProcessable].toLowerCase()}.`);
    return { competence, processable: false, notProcessable, route: 'file', severalCompetentBodies, reasons };
  }
  let route: Route;
  if (f.alreadyResolvedCorrectly === true) {
    route = 'explain_and_stop';
    reasons.push('Vụ việc đã được giải quyết đúng chính sách, pháp luật: giải thích và đề nghị công dân chấp hành (Luật Tiếp công dân, Điều 26).');
  } else if (competence === 'ours') {
    route = 'report_to_head';
  } else if (competence === 'elected_body') {
    route = 'forward_to_elected_body';
    reasons.push('Đơn thuộc thẩm quyền của cơ quan dân cử được chuyển đến cơ quan đó.');
  } else if (f.respondent === 'lower_body') {
    route = 'ask_lower_body';
    reasons.push('Vụ việc thuộc thẩm quyền của cơ quan cấp dưới nhưng chưa được giải quyết: yêu cầu cơ quan đó giải quyết.');
  } else if (f.kind === 'complaint') {
    route = 'guide';
    reasons.push('Đơn khiếu nại không thuộc thẩm quyền: hướng dẫn công dân gửi đến cơ quan có thẩm quyền.');
  } else {
    route = 'forward';
    reasons.push(`Đơn ${LETTER_KIND_LABELS[f.kind].toLowerCase()} không thuộc thẩm quyền: chuyển đến cơ quan có thẩm quyền và theo dõi kết quả.`);
  }
  return { competence, processable: true, notProcessable: null, route, severalCompetentBodies, reasons };
}

/**
 * The letters a classified letter becomes: the original keeps the first part, each other part is
 * a new letter linked by `splitFrom` (glossary). A request or feedback part may be handed to the
 * petitions module (NQLT 72/2025 Điều 37 k4); complaint and denunciation parts stay here.
 */
export function splitLetter(originalId: string, c: Pick<LetterClassification, 'parts'>): { kind: LetterKind; splitFrom: string | null; mayJoinPetitions: boolean }[] {
  return c.parts.map((kind, i) => ({ kind, splitFrom: i === 0 ? null : originalId, mayJoinPetitions: kind === 'request' || kind === 'feedback' }));
}
