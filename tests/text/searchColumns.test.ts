// A bulk write's search columns computed on the worker thread are those computed in place, chunk
// by chunk in the rows' order, with the vocabulary's words at the end.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bulkSearchColumns } from '../../src/db/searchColumns.ts';
import { DEFAULT_ABBREVIATIONS, mergeAbbreviations } from '../../src/domain/text/abbreviations.ts';
import { searchColumnsOfText, vocabularyWords } from '../../src/domain/text/searchVector.ts';

const DEV_SET = readFileSync(new URL('../../bench/data/opinions.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

async function all(texts: string[], dict = DEFAULT_ABBREVIATIONS, chunk = 1000) {
  const source = bulkSearchColumns(texts, dict, chunk);
  const chunks = [];
  for (let i = 0; i < texts.length; i += chunk) chunks.push(await source.next());
  return { chunks, words: await source.words() };
}

describe('search columns of a bulk write', () => {
  it('are, on the worker thread, the ones computed in place, a chunk at a time', async () => {
    // 5,003 rows: the worker's way, with a short last chunk; an administrator's dictionary.
    const dict = mergeAbbreviations(DEFAULT_ABBREVIATIONS, [{ abbr: 'KP', expansion: 'khu phố', numbered: true }]);
    const texts = Array.from({ length: 5003 }, (_, i) => `${DEV_SET[i % DEV_SET.length]!} KP ${i}`);
    const { chunks, words } = await all(texts, dict);
    expect(chunks.map((c) => c.length)).toEqual([1000, 1000, 1000, 1000, 1000, 3]);
    const expected = texts.map((t) => searchColumnsOfText(t, dict));
    expect(chunks.flat()).toEqual(expected);
    expect(chunks.flat()[7]!.searchText).toContain(' khu pho 7 ');
    expect(new Set(words)).toEqual(new Set(vocabularyWords(expected.map((c) => c.searchText))));
  });

  it('are computed in place for a small write, the same way', async () => {
    const texts = DEV_SET.slice(0, 30);
    const { chunks, words } = await all(texts, DEFAULT_ABBREVIATIONS, 7);
    expect(chunks.flat()).toEqual(texts.map((t) => searchColumnsOfText(t, DEFAULT_ABBREVIATIONS)));
    expect(chunks.map((c) => c.length)).toEqual([7, 7, 7, 7, 2]);
    expect(words.length).toBeGreaterThan(50);
  });

  it('two writes at once each get their own rows (the worker takes them in turn)', async () => {
    const a = Array.from({ length: 2500 }, (_, i) => `đường thôn ${i}`);
    const b = Array.from({ length: 2500 }, (_, i) => `nước sạch tổ ${i}`);
    const [ra, rb] = await Promise.all([all(a), all(b)]);
    expect(ra.chunks.flat()[2499]!.searchText).toBe(' duong thon 2499 ');
    expect(rb.chunks.flat()[0]!.exactText).toBe(' nước sạch tổ 0 ');
    expect(rb.chunks.flat()).toHaveLength(2500);
  });
});
