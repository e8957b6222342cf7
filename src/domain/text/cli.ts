/**
 * `nghitruong text <normalize|convert|similar|dedup|classify>`: JSON Lines in, JSON Lines out.
 * Pure: the caller reads stdin and writes stdout; files named by options (`--train FILE`,
 * `--model FILE`) are read through the injected `readFile`.
 *
 * Input lines: {"id": "...", "text": "..."}; `--train` lines also have "field" (and optionally
 * "level"). Errors are thrown as `TextCommandError` with a Vietnamese message.
 */
import { convertLegacy } from './legacy.ts';
import { fold, matchKey } from './normalize.ts';
import { sortKey } from './sort.ts';
import { SimilarityIndex } from './similarity.ts';
import { groupDuplicates } from './dedup.ts';
import { isNaiveBayesModel, suggestField, suggestLevel, trainNaiveBayes, type NaiveBayesModel } from './classify.ts';

export class TextCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TextCommandError';
  }
}

export interface TextCommandIo {
  readFile?: (path: string) => string;
}

export const TEXT_SUBCOMMANDS = ['normalize', 'convert', 'similar', 'dedup', 'classify'] as const;

export const TEXT_USAGE = [
  'Cách dùng: nghitruong text <lệnh> [tùy chọn] < vào.jsonl > ra.jsonl',
  '  normalize            chuẩn hóa: Unicode NFC, khóa so khớp, khóa bỏ dấu, khóa sắp xếp',
  '  convert              chuyển văn bản TCVN3 (ABC) / VNI sang Unicode',
  '  similar [--k N]      các ý kiến giống nhất (mặc định 5) [--earlier: chỉ so với dòng trước]',
  '  dedup [--threshold X] gộp ý kiến trùng nội dung: mỗi dòng có mã nhóm',
  '  classify [--train TỆP | --model TỆP]  gợi ý lĩnh vực và cấp thẩm quyền',
  'Mỗi dòng vào: {"id": "...", "text": "..."}',
].join('\n');

interface InputLine {
  id: string;
  text: string;
  field?: string;
  level?: string;
}

function parseJsonl(input: string, what: string, requireField = false): InputLine[] {
  const out: InputLine[] = [];
  const lines = input.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      throw new TextCommandError(`${what}, dòng ${i + 1}: không phải JSON hợp lệ.`);
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      throw new TextCommandError(`${what}, dòng ${i + 1}: cần một đối tượng JSON {"id", "text"}.`);
    }
    const o = obj as Record<string, unknown>;
    if (typeof o.text !== 'string') throw new TextCommandError(`${what}, dòng ${i + 1}: thiếu trường "text" (chuỗi).`);
    const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : String(out.length + 1);
    const line2: InputLine = { id, text: o.text };
    if (typeof o.field === 'string') line2.field = o.field;
    if (typeof o.level === 'string') line2.level = o.level;
    if (requireField && !line2.field) throw new TextCommandError(`${what}, dòng ${i + 1}: thiếu trường "field" (lĩnh vực).`);
    out.push(line2);
  });
  return out;
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new TextCommandError(`Tùy chọn ${name} cần một giá trị.`);
  return v;
}

function numberOption(args: readonly string[], name: string, def: number, min: number, max: number): number {
  const v = option(args, name);
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new TextCommandError(`Tùy chọn ${name} phải là số trong khoảng ${min}–${max}, nhận được "${v}".`);
  }
  return n;
}

function readFileOrFail(io: TextCommandIo, path: string): string {
  if (!io.readFile) throw new TextCommandError(`Không đọc được tệp "${path}": chưa có quyền đọc tệp.`);
  try {
    return io.readFile(path);
  } catch (e) {
    throw new TextCommandError(`Không đọc được tệp "${path}": ${(e as Error).message}`);
  }
}

const jsonl = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');

/** Runs one text subcommand on JSONL input and returns JSONL output. */
export function runTextCommand(subcommand: string, args: string[], input: string, io: TextCommandIo = {}): string {
  switch (subcommand) {
    case 'normalize': {
      return jsonl(
        parseJsonl(input, 'Dữ liệu vào').map((l) => {
          const c = convertLegacy(l.text);
          return {
            id: l.id,
            text: c.text,
            matchKey: matchKey(c.text),
            fold: fold(c.text),
            sortKey: sortKey(c.text),
            encoding: c.encoding,
            confidence: c.confidence,
          };
        }),
      );
    }
    case 'convert': {
      return jsonl(parseJsonl(input, 'Dữ liệu vào').map((l) => ({ id: l.id, ...convertLegacy(l.text) })));
    }
    case 'similar': {
      const k = numberOption(args, '--k', 5, 1, 1000);
      const minScore = numberOption(args, '--min-score', 0.05, 0, 1);
      const earlier = args.includes('--earlier');
      const lines = parseJsonl(input, 'Dữ liệu vào');
      const index = new SimilarityIndex();
      if (earlier) {
        const out: object[] = [];
        for (const l of lines) {
          out.push({ id: l.id, similar: index.topK(l.text, k, { minScore, exclude: l.id }) });
          index.add(l.id, l.text);
        }
        return jsonl(out);
      }
      for (const l of lines) index.add(l.id, l.text);
      return jsonl(lines.map((l) => ({ id: l.id, similar: index.similarTo(l.id, k, minScore) })));
    }
    case 'dedup': {
      const threshold = numberOption(args, '--threshold', 0.3, 0, 1);
      const lines = parseJsonl(input, 'Dữ liệu vào');
      const ids = new Set<string>();
      for (const l of lines) {
        if (ids.has(l.id)) throw new TextCommandError(`Mã "${l.id}" bị trùng: mỗi dòng cần một "id" riêng.`);
        ids.add(l.id);
      }
      const r = groupDuplicates(lines, { threshold });
      const size = new Map<string, number>();
      const score = new Map<string, number>();
      for (const g of r.groups) {
        size.set(g.id, g.members.length);
        score.set(g.id, g.score);
      }
      return jsonl(
        lines.map((l) => {
          const g = r.groupOf.get(l.id)!;
          return { id: l.id, group: g, groupSize: size.get(g) ?? 1, score: score.get(g) ?? null };
        }),
      );
    }
    case 'classify': {
      const trainPath = option(args, '--train');
      const modelPath = option(args, '--model');
      let fieldModel: NaiveBayesModel | undefined;
      let levelModel: NaiveBayesModel | undefined;
      if (trainPath) {
        const train = parseJsonl(readFileOrFail(io, trainPath), `Tệp huấn luyện "${trainPath}"`, true);
        fieldModel = trainNaiveBayes(train.map((t) => ({ text: t.text, label: t.field! })));
        const withLevel = train.filter((t) => t.level);
        if (withLevel.length) levelModel = trainNaiveBayes(withLevel.map((t) => ({ text: t.text, label: t.level! })));
      } else if (modelPath) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(readFileOrFail(io, modelPath));
        } catch (e) {
          if (e instanceof TextCommandError) throw e;
          throw new TextCommandError(`Tệp mô hình "${modelPath}" không phải JSON hợp lệ.`);
        }
        if (!isNaiveBayesModel(parsed)) throw new TextCommandError(`Tệp "${modelPath}" không phải mô hình phân loại hợp lệ.`);
        fieldModel = parsed;
      }
      return jsonl(
        parseJsonl(input, 'Dữ liệu vào').map((l) => {
          const f = fieldModel ? suggestField(l.text, { model: fieldModel }) : suggestField(l.text);
          const lv = levelModel ? suggestLevel(l.text, { model: levelModel }) : suggestLevel(l.text);
          return {
            id: l.id,
            field: f.field,
            fieldName: f.name,
            confidence: f.confidence,
            level: lv.level,
            levelName: lv.name,
            levelConfidence: lv.confidence,
          };
        }),
      );
    }
    case '':
    case 'help':
    case '--help':
      return TEXT_USAGE + '\n';
    default:
      throw new TextCommandError(`Lệnh không hợp lệ: "${subcommand}". Dùng một trong: ${TEXT_SUBCOMMANDS.join(', ')}.\n${TEXT_USAGE}`);
  }
}
