/**
 * `npm run bench`: every benchmark, each figure beside a baseline measured in the same run, as a
 * ratio. Sizes can be lowered for a quick look: BENCH_QUICK=1 npm run bench.
 */
import { runTextBench, type Row } from './text/quality.ts';
import { runSearchBench } from './search.ts';
import { runDocumentBench } from './documents.ts';
import { runFirstPageBench } from './firstPage.ts';
import { runDurabilityBench } from './durability.ts';
import { runHttpBench } from './http.ts';
import { runImportBench } from './importOpinions.ts';
import { runLoginBench } from './login.ts';
import { runChamberVotesBench } from './chamberVotes.ts';
import { runOversightBench } from './oversight.ts';
import { runElectionsBench } from './elections.ts';

const quick = process.env.BENCH_QUICK === '1';
const all: { section: string; rows: Row[] }[] = [];

console.log('Nghị Trường benchmarks' + (quick ? ' (quick sizes)' : ''));
console.log('\n1. Text engine: duplicates, similar petitions, fields, grouping speed');
all.push({ section: 'text', rows: await runTextBench(quick ? { speedSize: 10_000, naiveSize: 500 } : {}) });
console.log('\n2. Search in the database');
all.push({ section: 'search', rows: await runSearchBench(quick ? { pgRows: 100_000, pgliteRows: 20_000 } : {}) });
console.log('\n3. Documents and spreadsheets');
all.push({ section: 'documents', rows: await runDocumentBench() });
console.log('\n4. First page in a phone browser (Lighthouse, offline)');
all.push({ section: 'first page', rows: await runFirstPageBench() });
console.log('\n5. Durability of the embedded database');
all.push({ section: 'durability', rows: await runDurabilityBench(quick ? { writes: 100 } : {}) });
console.log('\n6. Requests per second at 100 connections (real server processes)');
all.push({ section: 'http', rows: await runHttpBench({ quick }) });
console.log('\n7. Importing 20,000 opinions');
all.push({ section: 'import', rows: await runImportBench(quick ? { rows: 5_000 } : {}) });
console.log('\n8. Login at the real scrypt cost');
all.push({ section: 'login', rows: await runLoginBench(quick ? 3 : 5) });
console.log('\n9. Votes in the chamber: 500 ballots at once, 500 screens updated at close');
all.push({ section: 'chamber votes', rows: await runChamberVotesBench({ quick }) });
console.log('\n10. Overlap check of supervision activities, national picture');
all.push({ section: 'oversight', rows: await runOversightBench({ quick }) });
// Sizes: BENCH_ELECTIONS_VOTERS / BENCH_ELECTIONS_RECONCILE (defaults 1,000,000 / 10,000,000; quick 100,000 / 1,000,000).
console.log('\n11. Elections: importing voter lists, reconciling them across provinces (PostgreSQL; PGlite at smaller sizes)');
const envNum = (k: string) => (process.env[k] ? Number(process.env[k]) : undefined);
all.push({ section: 'elections', rows: await runElectionsBench({
  voters: envNum('BENCH_ELECTIONS_VOTERS') ?? (quick ? 100_000 : undefined),
  reconcile: envNum('BENCH_ELECTIONS_RECONCILE') ?? (quick ? 1_000_000 : undefined),
  pgliteVoters: quick ? 20_000 : undefined,
  pgliteReconcile: quick ? 100_000 : undefined,
}) });

const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n - 1) + ' ' : s.padEnd(n));
for (const { section, rows } of all) {
  console.log(`\n[${section}]`);
  console.log(pad('metric', 44) + pad('value', 16) + pad('baseline', 12) + pad('ratio', 9) + 'note');
  for (const r of rows) {
    console.log(
      pad(r.metric, 44) +
        pad(`${r.value}${r.unit ? ' ' + r.unit : ''}`, 16) +
        pad(String(r.baseline ?? '–'), 12) +
        pad(r.ratio === null ? '–' : `×${r.ratio}`, 9) +
        r.note,
    );
  }
}
