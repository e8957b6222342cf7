// File names and download headers: Vietnamese names for the user, an ASCII fallback for old
// clients (RFC 6266 + RFC 5987 `filename*=UTF-8''…`).

/** Vietnamese letters without their marks: "HĐND" → "HDND", "Sổ văn bản đi" → "So van ban di". */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** A safe file name: no path separators, quotes or control characters; spaces become "-". */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"\\/:*?<>|]+/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return cleaned || 'tep';
}

/** Encodes per RFC 5987 (attr-char are left as is). */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="TB-12-HDND-2026.docx"; filename*=UTF-8''TB-12-H%C4%90ND-2026.docx` */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const name = safeFileName(fileName);
  const ascii = asciiFold(name).replace(/[^\x20-\x7e]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A binary download response with the right headers. */
export function fileResponse(bytes: Uint8Array, fileName: string, contentType: string, extra: Record<string, string> = {}): Response {
  return new Response(bytes as unknown as BodyInit, {
    status: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': contentDisposition(fileName),
      'content-length': String(bytes.byteLength),
      'cache-control': 'private, no-store',
      ...extra,
    },
  });
}
