// The audit log speaks Vietnamese: every action and entity code the server writes has a label
// (src/domain/audit/labels.ts), so the log viewer and its export never show a raw code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, ENTITY_LABELS } from '../../src/domain/audit/labels.ts';

const ROOT = path.resolve(import.meta.dirname, '../../src/modules');
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });

describe('audit labels', () => {
  const text = sources(ROOT).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  it('names every action code written by a module', () => {
    // Every dotted code on a line that sets an action (also `action: cond ? 'a.b' : 'a.c'`).
    const actions = new Set(
      text.split('\n').filter((l) => /\baction: /.test(l)).flatMap((l) => [...l.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)].map((m) => m[1]!)),
    );
    expect(actions.size).toBeGreaterThan(40);
    expect([...actions].filter((a) => !ACTION_LABELS[a])).toEqual([]);
  });
  it('names every entity type', () => {
    const entities = new Set([
      ...[...text.matchAll(/entityType: '([a-z_]+)'/g)].map((m) => m[1]!),
      ...[...text.matchAll(/const ENTITY = '([a-z_]+)'/g)].map((m) => m[1]!),
    ]);
    expect(entities.size).toBeGreaterThan(15);
    expect([...entities].filter((e) => !ENTITY_LABELS[e])).toEqual([]);
  });
});
