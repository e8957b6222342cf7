// The template registry: a module registers a template (its key, kind, wording slots with their
// default text, a params schema and a build function); the documents module numbers, renders,
// stores and audits what the template builds. The ND30 layout itself is not a template's business:
// build returns a DocumentContent and the renderer lays it out.
import type { z } from '@hono/zod-openapi';
import type { DocumentContent } from '../../../domain/documents/content.ts';
import type { DocumentKind } from '../../../domain/documents/format.ts';
import type { Tx } from '../../../db/client.ts';

export interface WordingSlot {
  /** Vietnamese label shown in the wording editor. */
  label: string;
  /** Default text; `{council}`-style placeholders are filled at build time (see fillWording). */
  default: string;
  /** Edited as several lines (one recipient or one signature line per line). */
  multiline?: boolean;
}

/** Where a document is issued from and when: given to `build` (draft previews have no number). */
export interface BuildContext {
  councilId: string;
  council: { name: string; shortName: string; unitName: string };
  issuer: { id: string; code: string; name: string; headerParent: string; headerName: string; place: string };
  /** "12/TB-HĐND", or "     /TB-HĐND" for a draft. */
  symbol: string;
  /** Issue date, YYYY-MM-DD (Vietnam). */
  date: string;
  /** Placeholder values for the wording: council, councilName, unit, place, issuer. */
  vars: Record<string, string>;
}

export interface DocumentTemplate<P = unknown> {
  key: string;
  /** Vietnamese title in the template list. */
  title: string;
  kind: DocumentKind;
  description?: string;
  /** Module that registered it (for the list). */
  module: string;
  /** Issuer kind used when the caller does not choose one. */
  defaultIssuerKind?: 'standing' | 'office' | 'council';
  /** The symbol carries the year ("12/2026/NQ-HĐND": legal normative documents). */
  symbolYear?(params: P): boolean;
  /** Drafting unit appended to the issuer code in the symbol ("HĐND-VP"), for công văn. */
  draftingUnit?: string;
  wording: Record<string, WordingSlot>;
  params: z.ZodType<P>;
  /** Subject (trích yếu) stored in the register; computed from the params. */
  build(tx: Tx, params: P, wording: Record<string, string>, ctx: BuildContext): Promise<DocumentContent>;
}

const registry = new Map<string, DocumentTemplate<any>>();

export function registerTemplate<P>(template: DocumentTemplate<P>): void {
  if (registry.has(template.key)) throw new Error(`Document template ${template.key} registered twice`);
  for (const [slot, def] of Object.entries(template.wording)) {
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(slot)) throw new Error(`Template ${template.key}: bad slot name ${slot}`);
    if (typeof def.default !== 'string') throw new Error(`Template ${template.key}: slot ${slot} needs a default`);
  }
  registry.set(template.key, template);
}

export function getTemplate(key: string): DocumentTemplate<unknown> | undefined {
  return registry.get(key);
}

export function allTemplates(): DocumentTemplate<unknown>[] {
  return [...registry.values()];
}

/** Default wording of a template, slot → text. */
export function defaultWording(t: DocumentTemplate<unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(t.wording).map(([k, v]) => [k, v.default]));
}

/** Replaces `{name}` placeholders with `vars[name]`; unknown placeholders stay as typed. */
export function fillWording(text: string, vars: Record<string, string>): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (m, name: string) => (name in vars ? vars[name]! : m));
}

/** A multi-line slot as its non-empty lines. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
