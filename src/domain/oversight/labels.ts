/** Vietnamese labels of the oversight domain's kinds (user-facing). States and conflicts carry theirs beside their types. */

/** `oversightActivity.kind` (glossary). */
export type ActivityKind = 'thematic' | 'survey' | 'hearing' | 'delegate_group' | 'resolution_review';

export const ACTIVITY_KINDS: readonly ActivityKind[] = ['thematic', 'survey', 'hearing', 'delegate_group', 'resolution_review'];

export const ACTIVITY_KIND_LABELS: Readonly<Record<ActivityKind, string>> = {
  thematic: 'Giám sát chuyên đề',
  survey: 'Khảo sát',
  hearing: 'Phiên giải trình',
  delegate_group: 'Giám sát của Tổ đại biểu',
  resolution_review: 'Giám sát việc giải quyết kiến nghị cử tri',
};

/** The kind of body that founded the activity (glossary `body` kinds; `council` = the HĐND itself). */
export type SupervisingBodyKind = 'council' | 'standing' | 'committee' | 'delegate_group';

export const SUPERVISING_BODY_KIND_LABELS: Readonly<Record<SupervisingBodyKind, string>> = {
  council: 'Hội đồng nhân dân',
  standing: 'Thường trực Hội đồng nhân dân',
  committee: 'Ban của Hội đồng nhân dân',
  delegate_group: 'Tổ đại biểu',
};
