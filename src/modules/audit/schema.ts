// The append-only audit log. A database trigger (migration 0001) rejects UPDATE and DELETE.
import { pgTable, bigint, uuid, text, jsonb, timestamp, index } from 'drizzle-orm/pg-core';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** null for the system (jobs, seed). No foreign key: the log outlives what it describes. */
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    /** e.g. "delegate.create" */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    councilId: uuid('council_id'),
    agencyId: uuid('agency_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_council_idx').on(t.councilId, t.at),
    index('audit_events_at_idx').on(t.at),
  ],
);
