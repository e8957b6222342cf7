// A bulk write's search columns (the two documents and the vector of every row, and the words the
// vocabulary gets), chunk by chunk in the rows' order. A large write computes them on a worker
// thread (a WorkerLane), so that on the embedded database, which runs in the writer's thread,
// the text work of the next chunk overlaps the insert of this one; a small write computes them in
// place (a message round trip would cost more than the work).
import { WorkerLane } from '../server/workerLane.ts';
import type { AbbreviationDictionary } from '../domain/text/abbreviations.ts';
import { searchColumnsOfText, vocabularyWords, type SearchColumns } from '../domain/text/searchVector.ts';

export type SearchColumnsRequest = { texts: string[]; dict: AbbreviationDictionary; chunk: number };
export type SearchColumnsReply = { rows: SearchColumns[] } | { words: string[] };

/** Below this many rows, in place. */
const WORKER_MIN_ROWS = 2000;

const lane = new WorkerLane<SearchColumnsRequest, SearchColumnsReply>(new URL('./searchColumnsWorker.ts', import.meta.url), {
  heapMb: 1024,
  onDeath: () => new Error('Không tính được cột tìm kiếm của các dòng (luồng phụ dừng bất thường).'),
});

/** Starts the worker before a large write that will come (the server at start, an import's plan before its commit). */
export function warmSearchColumns(): void {
  lane.warm();
}

export interface SearchColumnsSource {
  /** The next chunk's columns (`chunk` rows, fewer for the last). */
  next(): Promise<SearchColumns[]>;
  /** After the last chunk: the vocabulary words of every row's search document. */
  words(): Promise<string[]>;
}

export function bulkSearchColumns(texts: string[], dict: AbbreviationDictionary, chunk: number): SearchColumnsSource {
  if (texts.length < WORKER_MIN_ROWS) {
    let at = 0;
    const docs: string[] = [];
    return {
      next: async () => {
        const rows = texts.slice(at, at + chunk).map((t) => searchColumnsOfText(t, dict));
        at += chunk;
        for (const r of rows) docs.push(r.searchText);
        return rows;
      },
      words: async () => vocabularyWords(docs),
    };
  }
  // Replies wait in `ready` until asked for; a reader that asks first waits (one at a time).
  const ready: SearchColumnsReply[] = [];
  let waiter: { resolve(r: SearchColumnsReply): void; reject(e: Error): void } | null = null;
  let failure: Error | null = null;
  lane
    .run({ texts, dict, chunk }, (reply) => {
      if (waiter) waiter.resolve(reply);
      else ready.push(reply);
      waiter = null;
      return 'words' in reply;
    })
    .catch((err: Error) => {
      failure = err;
      waiter?.reject(err);
      waiter = null;
    });
  const take = () =>
    new Promise<SearchColumnsReply>((resolve, reject) => {
      const r = ready.shift();
      if (r) resolve(r);
      else if (failure) reject(failure);
      else waiter = { resolve, reject };
    });
  return {
    next: async () => {
      const r = await take();
      if (!('rows' in r)) throw new Error('searchColumns: asked for more chunks than the rows make');
      return r.rows;
    },
    words: async () => {
      const r = await take();
      if (!('words' in r)) throw new Error('searchColumns: words asked before the last chunk');
      return r.words;
    },
  };
}
