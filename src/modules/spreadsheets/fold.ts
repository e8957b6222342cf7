/**
 * Accent- and case-insensitive key for comparing Vietnamese labels.
 * Temporary: the text engine will provide the canonical implementation.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
