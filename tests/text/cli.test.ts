// `nghitruong text …` as a user runs it: JSON Lines in on stdin, JSON Lines out on stdout.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { toTcvn3 } from '../../src/domain/text/legacy.ts';

const run = (args: string[], input: string) =>
  spawnSync(process.execPath, [path.resolve('bin/nghitruong.js'), 'text', ...args], { input, encoding: 'utf8' });
const lines = (s: string) => s.trim().split('\n').map((l) => JSON.parse(l));

describe('nghitruong text', () => {
  const input = [
    { id: 'a', text: 'Đề nghị nâng cấp QL1A đoạn qua phường Sa Huỳnh' },
    { id: 'b', text: 'Cử tri đề nghị sửa chữa quốc lộ 1A qua Sa Huỳnh bị hư hỏng' },
    { id: 'c', text: 'Đề nghị cấp điện cho thôn Thạnh Đức' },
  ]
    .map((x) => JSON.stringify(x))
    .join('\n');

  it('converts legacy TCVN3 text and leaves Unicode alone', () => {
    const out = lines(run(['convert'], `${JSON.stringify({ id: 1, text: toTcvn3('Ủy ban nhân dân phường Sa Huỳnh') })}\n${JSON.stringify({ id: 2, text: 'Đã đúng Unicode' })}`).stdout);
    expect(out[0].text).toBe('Ủy ban nhân dân phường Sa Huỳnh');
    expect(out[1].text).toBe('Đã đúng Unicode');
  });

  it('groups the same issue and keeps a different object apart', () => {
    const out = lines(run(['dedup'], input).stdout);
    expect(out[0].group).toBe(out[1].group);
    expect(out[2].group).not.toBe(out[0].group);
  });

  it('suggests a field with a confidence', () => {
    const out = lines(run(['classify'], input).stdout);
    expect(out[2]).toMatchObject({ field: 'electricity', fieldName: 'Điện' });
    expect(out[2].confidence).toBeGreaterThan(0);
  });

  it('answers bad input in Vietnamese with a non-zero exit', () => {
    const r = run(['dedup'], '{"id": 1, "text": ');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Lỗi: .*(JSON|dòng)/i);
  });
});
