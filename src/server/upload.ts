// Reading one uploaded file from a multipart form, with a size limit and a Vietnamese error; and
// telling what a file is from its content (magic bytes), never from the name or the type the
// client declared. Every module that accepts documents or images calls checkFileContent.
import { unzipSync } from 'fflate';
import { invalid } from './errors.ts';
import { isValidText } from './input.ts';

export interface UploadedFile {
  data: Uint8Array;
  name: string;
  /** What the client declared: informative only, see checkFileContent. */
  type: string;
}

export async function uploadedFile(form: { file?: unknown }, opts: { maxBytes: number; missing: string }): Promise<UploadedFile> {
  const f = form.file;
  if (!f || typeof f !== 'object' || !('arrayBuffer' in f)) throw invalid(opts.missing);
  const file = f as File;
  if (file.size > opts.maxBytes) throw invalid(`Tệp lớn quá ${Math.round(opts.maxBytes / 1024 / 1024)} MB.`);
  return { data: new Uint8Array(await file.arrayBuffer()), name: file.name || 'tep', type: file.type };
}

export const FILE_KINDS = {
  pdf: { mimeType: 'application/pdf', label: 'PDF' },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (.docx)' },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel (.xlsx)' },
  png: { mimeType: 'image/png', label: 'ảnh PNG' },
  jpeg: { mimeType: 'image/jpeg', label: 'ảnh JPEG' },
  webp: { mimeType: 'image/webp', label: 'ảnh WebP' },
  txt: { mimeType: 'text/plain; charset=utf-8', label: 'văn bản (.txt, UTF-8)' },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

const startsWith = (d: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => d[at + i] === b);
const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

/** The main part's content type in [Content_Types].xml of an Office Open XML package. */
const OOXML_MAIN = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
} as const;

function ooxmlKind(data: Uint8Array): 'docx' | 'xlsx' | null {
  let types: Uint8Array | undefined;
  try {
    // Only [Content_Types].xml is unpacked, and only when its declared size is small.
    const files = unzipSync(data, { filter: (f) => f.name === '[Content_Types].xml' && f.originalSize < 1024 * 1024 });
    types = files['[Content_Types].xml'];
  } catch {
    return null;
  }
  if (!types || types.length > 1024 * 1024) return null;
  const xml = new TextDecoder().decode(types);
  if (xml.includes(OOXML_MAIN.docx)) return 'docx';
  if (xml.includes(OOXML_MAIN.xlsx)) return 'xlsx';
  return null;
}

/** What the bytes are, or null for anything else. */
export function detectFileKind(data: Uint8Array): FileKind | null {
  if (startsWith(data, ascii('%PDF-'))) return 'pdf';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return ooxmlKind(data);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
  return isValidText(text) ? 'txt' : null;
}

/** A few well-known kinds a user might upload by mistake, to say what the file really is. */
function describe(data: Uint8Array): string | null {
  if (startsWith(data, [0x4d, 0x5a])) return 'một chương trình chạy (.exe/.dll)';
  if (startsWith(data, [0x7f, 0x45, 0x4c, 0x46])) return 'một chương trình chạy';
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) return 'tệp Word/Excel đời cũ (.doc/.xls); hãy lưu lại dưới dạng .docx, .xlsx hoặc PDF';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return 'một tệp nén (.zip) không phải Word hay Excel';
  return null;
}

/**
 * Checks an uploaded file's content against the kinds a route accepts; returns its kind and the
 * MIME type to store and serve (from the content, whatever the client declared).
 */
export function checkFileContent(file: UploadedFile, allowed: readonly FileKind[]): { kind: FileKind; mimeType: string } {
  if (file.data.length === 0) throw invalid(`Tệp "${file.name}" rỗng (0 byte).`);
  const kind = detectFileKind(file.data);
  if (kind && allowed.includes(kind)) return { kind, mimeType: FILE_KINDS[kind].mimeType };
  const what = kind ? FILE_KINDS[kind].label : describe(file.data);
  const accepted = allowed.map((k) => FILE_KINDS[k].label).join(', ');
  throw invalid(`Tệp "${file.name}" không được nhận${what ? `: nội dung tệp là ${what}` : ': không nhận ra nội dung tệp'}. Chỉ nhận: ${accepted}.`);
}
