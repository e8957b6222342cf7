// Worker-thread entry for searchColumns.ts: a bulk write's search columns, a chunk of rows per
// reply (the writer inserts chunk k while this computes chunk k+1), then the vocabulary's words.
import { serveLane } from '../server/workerLane.ts';
import { searchColumnsOfText, vocabularyWords, type SearchColumns } from '../domain/text/searchVector.ts';
import type { SearchColumnsReply, SearchColumnsRequest } from './searchColumns.ts';

serveLane<SearchColumnsRequest, SearchColumnsReply>(({ texts, dict, chunk }, reply) => {
  const docs: string[] = [];
  for (let i = 0; i < texts.length; i += chunk) {
    const rows: SearchColumns[] = [];
    for (let j = i; j < Math.min(i + chunk, texts.length); j++) {
      const c = searchColumnsOfText(texts[j]!, dict);
      rows.push(c);
      docs.push(c.searchText);
    }
    reply({ rows });
  }
  reply({ words: vocabularyWords(docs) });
});
