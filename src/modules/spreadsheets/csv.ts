import { SpreadsheetError } from './errors.ts';

/** One CSV record and the 1-based physical line it starts on. */
export type CsvRecord = { line: number; fields: string[] };

export type CsvDelimiter = ',' | ';' | '\t';

/**
 * Decodes CSV bytes: UTF-8 with or without BOM, UTF-16LE with BOM. Anything else (ANSI code
 * pages such as Windows-1258, UTF-16 without BOM, UTF-16BE) is rejected with a Vietnamese message
 * instead of being decoded into garbage.
 */
export function decodeCsv(data: Uint8Array): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) {
    if (data.length >= 4 && data[2] === 0 && data[3] === 0) {
      throw new SpreadsheetError('UNSUPPORTED_ENCODING', 'Tệp CSV dùng mã UTF-32, chưa được hỗ trợ. Hãy lưu lại dưới dạng "CSV UTF-8".');
    }
    try {
      return new TextDecoder('utf-16le', { fatal: true }).decode(data.subarray(2));
    } catch (cause) {
      throw new SpreadsheetError('UNSUPPORTED_ENCODING', 'Tệp CSV mã UTF-16 bị hỏng (có ký tự không hợp lệ).', { cause });
    }
  }
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
    throw new SpreadsheetError('UNSUPPORTED_ENCODING', 'Tệp CSV dùng mã UTF-16 Big Endian, chưa được hỗ trợ. Hãy lưu lại dưới dạng "CSV UTF-8".');
  }
  const hasBom = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
  const body = hasBom ? data.subarray(3) : data;
  if (!hasBom && looksLikeUtf16WithoutBom(body)) {
    throw new SpreadsheetError('UNSUPPORTED_ENCODING', 'Tệp CSV dùng mã UTF-16 không có BOM, chưa được hỗ trợ. Hãy lưu lại dưới dạng "CSV UTF-8".');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch (cause) {
    throw new SpreadsheetError(
      'UNSUPPORTED_ENCODING',
      'Tệp CSV không dùng mã UTF-8 (có thể là Windows-1258 hoặc bảng mã cũ TCVN3/VNI). Hãy mở tệp bằng Excel và lưu lại dưới dạng "CSV UTF-8 (Comma delimited)", hoặc gửi tệp .xlsx.',
      { cause },
    );
  }
}

function looksLikeUtf16WithoutBom(b: Uint8Array): boolean {
  const n = Math.min(b.length, 512);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) zeros++;
  return zeros / n > 0.2;
}

/**
 * Picks the delimiter: the candidate that splits the first lines (outside quotes) into the most
 * consistent number of fields greater than one. Honours Excel's `sep=;` first line.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, 64 * 1024);
  const candidates: CsvDelimiter[] = [',', ';', '\t'];
  // Count delimiters per logical line, outside quoted fields, over the first 30 lines.
  const counts = new Map<CsvDelimiter, number[]>(candidates.map(c => [c, [0]]));
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < sample.length && lines < 30; i++) {
    const ch = sample[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && sample[i + 1] === '\n') i++;
      lines++;
      for (const c of candidates) counts.get(c)!.push(0);
    } else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) {
      const arr = counts.get(ch)!;
      arr[arr.length - 1]!++;
    }
  }
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const c of candidates) {
    const all = counts.get(c)!;
    // The last entry is an incomplete line (cut sample) or the empty line after the final newline.
    const perLine = all.length > 1 ? all.slice(0, -1) : all;
    if (!perLine.some(n => n > 0)) continue;
    // Mode of the per-line counts, and how many lines agree with it.
    const freq = new Map<number, number>();
    for (const n of perLine) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [n, f] of freq) if (n > 0 && (f > modeFreq || (f === modeFreq && n > mode))) [mode, modeFreq] = [n, f];
    const score = (modeFreq / perLine.length) * 1000 + mode;
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

/**
 * RFC 4180 parser: quoted fields with doubled quotes, embedded delimiters and newlines; CRLF, LF
 * or CR line ends. Lenient where Excel is lenient (a quote inside an unquoted field is literal,
 * text after a closing quote is appended). Throws on a quote that is never closed.
 */
export function parseCsv(text: string, delimiter?: CsvDelimiter): CsvRecord[] {
  let src = text;
  let line = 1;
  let delim = delimiter;
  const sepLine = /^sep=([,;\t|])\r?\n/.exec(src);
  if (sepLine) {
    delim ??= (sepLine[1] === '|' ? ',' : sepLine[1]) as CsvDelimiter;
    src = src.slice(sepLine[0].length);
    line = 2;
  }
  delim ??= detectDelimiter(src);

  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let recordLine = line;
  let i = 0;
  const n = src.length;
  let atFieldStart = true;

  const endField = () => {
    fields.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < n) {
    const ch = src[i]!;
    if (atFieldStart && ch === '"') {
      // Quoted field.
      const startLine = line;
      i++;
      let closed = false;
      let chunkStart = i;
      while (i < n) {
        const c = src.charCodeAt(i);
        if (c === 34 /* " */) {
          field += src.slice(chunkStart, i);
          if (src.charCodeAt(i + 1) === 34) {
            field += '"';
            i += 2;
            chunkStart = i;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (c === 10) line++;
        else if (c === 13 && src.charCodeAt(i + 1) !== 10) line++;
        i++;
      }
      if (!closed) {
        throw new SpreadsheetError(
          'CSV_MALFORMED',
          `Tệp CSV bị lỗi: dấu ngoặc kép mở ở dòng ${startLine} không được đóng.`,
        );
      }
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (ch === delim) {
      endField();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      // Fast path: copy a run of ordinary characters.
      let j = i + 1;
      while (j < n) {
        const c = src[j]!;
        if (c === delim || c === '\n' || c === '\r') break;
        j++;
      }
      field += src.slice(i, j);
      i = j;
    }
  }
  // Last record without a trailing newline.
  if (field !== '' || fields.length > 0 || !atFieldStart) endRecord();
  return records;
}
