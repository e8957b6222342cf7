// Documents: the outgoing-document register (sổ văn bản đi) of each issuing body, the issued
// documents with their rendered .docx, and each council's wording of the templates.
// Nghị định 30/2020/NĐ-CP Điều 15: numbers run from 01 on 1 January to 31 December, per issuing
// body; a number once taken is never reused (a cancelled document keeps it).
import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, integer, date, timestamp, jsonb, index, uniqueIndex, customType, primaryKey,
} from 'drizzle-orm/pg-core';
import { bodies, councils } from '../directory/schema.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // node-postgres sends a Buffer as bytea; PGlite takes any Uint8Array (a Buffer is one).
  toDriver: (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength),
  fromDriver: (v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength),
});

/**
 * An issuing body with its own register: the standing committee ("HĐND"), a committee
 * ("BKTNS"), the secretariat office ("VP"), and the council itself in plenary ("HĐND" too: its
 * resolutions "12/2026/NQ-HĐND" run in their own series, kind 'council', one per council).
 */
export const documentIssuers = pgTable(
  'document_issuers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** The body (standing committee, committee) when the issuer is one; null for the office. */
    bodyId: uuid('body_id').references(() => bodies.id),
    /** standing | committee | office | council | council_normative (a separate normative resolutions series) */
    kind: text('kind').notNull(),
    /** Code in document symbols: "HĐND" in "12/TB-HĐND", "VP". */
    code: text('code').notNull(),
    /** "Thường trực HĐND phường Sa Huỳnh" */
    name: text('name').notNull(),
    /** Header, left column: parent body line(s) ("HĐND PHƯỜNG SA HUỲNH"). */
    headerParent: text('header_parent').notNull().default(''),
    /** Header, left column: the issuing body in capitals ("THƯỜNG TRỰC HĐND PHƯỜNG"). */
    headerName: text('header_name').notNull(),
    /** Place name (địa danh) before the date: "Sa Huỳnh". */
    place: text('place').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The council in plenary shares the code "HĐND" with its standing committee (both print it);
    // a council that numbers its normative resolutions in their own series has a second plenary
    // register, kind 'council_normative' (resolutions module, resolution settings).
    uniqueIndex('document_issuers_council_code_uq').on(t.councilId, t.code).where(sql`${t.kind} not in ('council', 'council_normative')`),
    uniqueIndex('document_issuers_council_plenary_uq').on(t.councilId, t.kind).where(sql`${t.kind} in ('council', 'council_normative')`),
  ],
);

/** The register's counter: the last number taken by an issuer in a year (locked while issuing). */
export const documentCounters = pgTable(
  'document_counters',
  {
    issuerId: uuid('issuer_id').notNull().references(() => documentIssuers.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.issuerId, t.year] })],
);

/**
 * Numbers of the register not issued by the system: a letter's number typed on a dispatch (the
 * letter was made outside). The register owns them too: a typed number already used is refused,
 * and the counter moves to the highest number used, so the next issued number follows it.
 */
export const documentTypedNumbers = pgTable(
  'document_typed_numbers',
  {
    issuerId: uuid('issuer_id').notNull().references(() => documentIssuers.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    /** As typed ("35/HĐND-VP"). */
    symbol: text('symbol').notNull(),
    /** What recorded it ("petition_dispatch") and its id. */
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issuerId, t.year, t.number] })],
);

/** An issued document: its number, what it was built from, and the exact bytes that were issued. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    issuerId: uuid('issuer_id').notNull().references(() => documentIssuers.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    /** DocumentKind (src/domain/documents/format.ts): thong_bao, bao_cao, cong_van… */
    kind: text('kind').notNull(),
    /** "12/TB-HĐND" */
    symbol: text('symbol').notNull(),
    /** Subject (trích yếu). */
    title: text('title').notNull(),
    issuedOn: date('issued_on').notNull(),
    /** The DocumentContent the .docx was rendered from (regenerate re-renders it). */
    content: jsonb('content').notNull(),
    templateKey: text('template_key').notNull(),
    params: jsonb('params').notNull().default(sql`'{}'::jsonb`),
    docx: bytea('docx').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** issued | cancelled */
    status: text('status').notNull().default('issued'),
    cancelReason: text('cancel_reason').notNull().default(''),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledById: uuid('cancelled_by_id'),
    createdById: uuid('created_by_id'),
    createdByName: text('created_by_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('documents_issuer_year_number_uq').on(t.issuerId, t.year, t.number),
    index('documents_council_idx').on(t.councilId, t.issuedOn),
  ],
);

/** A council's wording of a template: only the slots that differ from the defaults in code. */
export const documentTemplateWordings = pgTable(
  'document_template_wordings',
  {
    councilId: uuid('council_id').notNull().references(() => councils.id),
    templateKey: text('template_key').notNull(),
    wording: jsonb('wording').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    updatedById: uuid('updated_by_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.councilId, t.templateKey] })],
);
