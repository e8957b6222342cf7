/**
 * Resolution numbers (Luật 64/2025 Điều 7 k3: sequence, year, type, issuer): a normative
 * resolution carries its year ("12/2026/NQ-HĐND"), an individual one does not ("15/NQ-HĐND").
 * The sequence itself comes from the council's register (documents module); this only writes and
 * reads symbols.
 */
import { formatDocumentSymbol, parseDocumentSymbol } from '../documents/format.ts';
import { ResolutionRuleError } from './errors.ts';

export function resolutionSymbol(x: { number: number; year: number; normative: boolean; bodyCode?: string }): string {
  return formatDocumentSymbol({ number: x.number, typeCode: 'NQ', bodyCode: x.bodyCode ?? 'HĐND', ...(x.normative ? { year: x.year } : {}) });
}

/**
 * Reads the number of a resolution passed before the system was used ("05/2026/NQ-HĐND"): it must
 * be a resolution symbol, normative ones with their year (the year of passage), others without.
 */
export function parseResolutionSymbol(typed: string, x: { normative: boolean; passedOn: string }): { number: number; year: number } {
  const p = parseDocumentSymbol(typed);
  if (!p || p.typeCode !== 'NQ') {
    throw new ResolutionRuleError('badSymbol', `"${typed}" không phải số, ký hiệu nghị quyết (ví dụ 12/2026/NQ-HĐND hoặc 15/NQ-HĐND).`);
  }
  const passedYear = Number(x.passedOn.slice(0, 4));
  if (x.normative && p.year === null) {
    throw new ResolutionRuleError('normativeNeedsYear', `Nghị quyết quy phạm pháp luật phải ghi năm ban hành trong số, ký hiệu (ví dụ ${p.number}/${passedYear}/NQ-HĐND).`);
  }
  if (!x.normative && p.year !== null) {
    throw new ResolutionRuleError('individualNoYear', `Nghị quyết cá biệt không ghi năm trong số, ký hiệu (ví dụ ${p.number}/NQ-HĐND).`);
  }
  if (p.year !== null && p.year !== passedYear) {
    throw new ResolutionRuleError('yearMismatch', `Năm trong số, ký hiệu (${p.year}) khác năm thông qua (${passedYear}).`);
  }
  return { number: p.number, year: passedYear };
}
