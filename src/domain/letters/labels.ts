/** Kinds of citizen letters (letters.md "The four kinds", glossary `letter.kind`) and their Vietnamese names. */
export type LetterKind = 'complaint' | 'denunciation' | 'request' | 'feedback';

export const LETTER_KINDS: readonly LetterKind[] = ['complaint', 'denunciation', 'request', 'feedback'];

export const LETTER_KIND_LABELS: Readonly<Record<LetterKind, string>> = {
  complaint: 'Khiếu nại',
  denunciation: 'Tố cáo',
  request: 'Kiến nghị',
  feedback: 'Phản ánh',
};

/** How a letter reached the council (letters.md "Intake"). */
export type LetterChannel = 'reception' | 'post' | 'email' | 'online' | 'contact_meeting' | 'forwarded_by_body' | 'delegate';

export const LETTER_CHANNEL_LABELS: Readonly<Record<LetterChannel, string>> = {
  reception: 'Tiếp công dân trực tiếp',
  post: 'Qua bưu chính',
  email: 'Thư điện tử',
  online: 'Tiếp công dân trực tuyến',
  contact_meeting: 'Tiếp xúc cử tri',
  forwarded_by_body: 'Cơ quan, tổ chức, báo chí chuyển đến',
  delegate: 'Đại biểu tiếp nhận',
};
