/**
 * Structured content of an administrative document, independent of the output
 * format. Renderers (Word, preview) lay it out following Nghị định 30/2020/NĐ-CP.
 */

/** A run of text with emphasis. A "\n" inside `text` is a line break. */
export interface TextSpan {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

/** Plain text, or a sequence of plain strings and emphasised spans. */
export type RichText = string | readonly (string | TextSpan)[];

export type Alignment = 'left' | 'center' | 'right' | 'justify';

/** A body paragraph: 14 pt, justified, first-line indent unless `indent: false`. */
export interface ParagraphBlock {
  readonly type: 'paragraph';
  readonly text: RichText;
  readonly align?: Alignment;
  readonly indent?: boolean;
}

/**
 * A heading: level 1 "I.", level 2 "1.", level 3 "1.1.". `number` gives the label
 * explicitly ("" for none); otherwise it is computed. `runIn` continues the same
 * paragraph in regular weight ("1.1. Trong công tác bầu cử: Cuộc bầu cử …").
 */
export interface HeadingBlock {
  readonly type: 'heading';
  readonly level: 1 | 2 | 3;
  readonly text: RichText;
  readonly number?: string;
  readonly runIn?: RichText;
}

/** "Căn cứ …" lines, in italics; endings ";" and a final "." are enforced. */
export interface BasisBlock {
  readonly type: 'basis';
  readonly lines: readonly string[];
}

/** Points "a) b) c)", dashes "- " or pluses "+ ". */
export interface ListBlock {
  readonly type: 'list';
  readonly style: 'points' | 'bullets' | 'plus';
  readonly items: readonly RichText[];
}

export interface TableColumn {
  readonly title: string;
  /** Width in percent of the text width; widths are scaled to sum to 100. */
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right' | 'justify';
}

export interface TableBlock {
  readonly type: 'table';
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly RichText[])[];
  /** Repeat the header row on each page (default true). */
  readonly repeatHeader?: boolean;
  /** Font size in points (default 13). */
  readonly fontSize?: number;
  /** false: no header row (a grid of cards); default true. */
  readonly showHeader?: boolean;
}

export type Block = ParagraphBlock | HeadingBlock | BasisBlock | ListBlock | TableBlock;

export interface DocumentHeader {
  /** Parent body, e.g. "HĐND TỈNH QUẢNG NGÃI"; "\n" separates lines. */
  readonly parentBody?: string;
  /** Issuing body, e.g. "THƯỜNG TRỰC HĐND THỊ XÃ"; "\n" separates lines. */
  readonly issuingBody: string;
  /** "Số: 12/TB-HĐND" (see formatDocumentNumber). */
  readonly numberLine: string;
  /** For a công văn: "V/v chuyển kiến nghị cử tri". */
  readonly subjectLine?: string;
  /** Place name (địa danh), e.g. "Đức Phổ". */
  readonly place: string;
  /** Issuing date as YYYY-MM-DD. */
  readonly date: string;
}

export interface SignatureBlock {
  /** Authority and title lines, e.g. ["TL. THƯỜNG TRỰC HĐND", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]. */
  readonly lines: readonly string[];
  /** Full name, without titles. */
  readonly signerName: string;
}

export interface Appendix {
  /** "PHỤ LỤC" or "PHỤ LỤC I". */
  readonly title: string;
  /** E.g. "(Kèm theo Công văn số 123/HĐND-VP ngày 05/01/2026 của Thường trực HĐND thị xã)". */
  readonly subtitle?: string;
  readonly body: readonly Block[];
}

export interface DocumentContent {
  readonly header: DocumentHeader;
  /** "THÔNG BÁO"; absent for a công văn. */
  readonly kindTitle?: string;
  /** Subject (trích yếu) under the title; "\n" forces a line break. */
  readonly subject?: string;
  /** Addressees of a "Kính gửi:" block. */
  readonly kinhGui?: readonly string[];
  readonly body: readonly Block[];
  readonly signature: SignatureBlock;
  /** Recipients ("Nơi nhận"); rendered "- X;" with a last line "- Lưu: VT, …." */
  readonly recipients: readonly string[];
  readonly appendices?: readonly Appendix[];
  /** Page orientation (default portrait); landscape for wide lists (Mẫu 31). */
  readonly orientation?: 'portrait' | 'landscape';
}
