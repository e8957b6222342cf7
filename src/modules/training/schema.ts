// Delegate training (bồi dưỡng đại biểu, issue #15): courses with their required audience (rules as
// data, domain/training audience.ts), classes (a trainers' class and the local classes relaying it,
// linked to their parent), sessions, enrolments, attendance per session, materials. Completion is
// computed from attendance (domain/training completion.ts), never stored; a certificate is a
// document of the register (documents engine), linked from the enrolment.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, date, timestamp, jsonb, boolean, index, uniqueIndex, customType, real } from 'drizzle-orm/pg-core';
import { councils, delegates, terms } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';
import { documents } from '../documents/schema.ts';
import type { AudienceRule } from '../../domain/training/index.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    termId: uuid('term_id').notNull().references(() => terms.id),
    title: text('title').notNull(),
    /** Who issued the programme it belongs to (UBTVQH, Bộ Nội vụ, the province…), as written. */
    programme: text('programme').notNull().default(''),
    host: text('host').notNull().default(''),
    /** in_person | online | mixed */
    mode: text('mode').notNull().default('in_person'),
    description: text('description').notNull().default(''),
    /** Who must attend: any rule makes a delegate part of the audience. */
    audience: jsonb('audience').$type<AudienceRule[]>().notNull().default(sql`'[]'::jsonb`),
    /** Required training: counted in completion, coverage and the not-completed report. */
    required: boolean('required').notNull().default(true),
    /** Share of sessions to attend; null: the council's setting or the shipped default (UNVERIFIED). */
    completionShare: real('completion_share'),
    searchKey: text('search_key').notNull().default(''),
    createdById: uuid('created_by_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [index('training_courses_council_idx').on(t.councilId, t.termId)],
);

export const trainingClasses = pgTable(
  'training_classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    courseId: uuid('course_id').notNull().references(() => trainingCourses.id),
    /** trainers (train-the-trainer) | local (relays a trainers' class) | regular */
    kind: text('kind').notNull().default('regular'),
    /** The trainers' class a local class relays (same council or a council above). */
    parentClassId: uuid('parent_class_id').references((): any => trainingClasses.id),
    title: text('title').notNull(),
    place: text('place').notNull().default(''),
    link: text('link').notNull().default(''),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** [{ name, delegateId? }]: for a local class, delegates who attended its parent trainers' class. */
    trainers: jsonb('trainers').$type<{ name: string; delegateId: string | null }[]>().notNull().default(sql`'[]'::jsonb`),
    /** planned | open | running | finished */
    state: text('state').notNull().default('planned'),
    createdById: uuid('created_by_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [index('training_classes_course_idx').on(t.courseId), index('training_classes_council_idx').on(t.councilId, t.startsOn), index('training_classes_parent_idx').on(t.parentClassId)],
);

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    classId: uuid('class_id').notNull().references(() => trainingClasses.id),
    position: integer('position').notNull(),
    heldOn: date('held_on').notNull(),
    topic: text('topic').notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [uniqueIndex('training_sessions_class_position_uq').on(t.classId, t.position)],
);

export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    classId: uuid('class_id').notNull().references(() => trainingClasses.id),
    delegateId: uuid('delegate_id').notNull().references(() => delegates.id),
    /** invited | enrolled | excused */
    state: text('state').notNull().default('enrolled'),
    /** audience | individual */
    source: text('source').notNull().default('individual'),
    reason: text('reason').notNull().default(''),
    certificateDocumentId: uuid('certificate_document_id').references(() => documents.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('training_enrolments_class_delegate_uq').on(t.classId, t.delegateId), index('training_enrolments_delegate_idx').on(t.delegateId)],
);

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => trainingSessions.id),
    enrolmentId: uuid('enrolment_id').notNull().references(() => trainingEnrolments.id),
    /** present | absent_excused | absent */
    status: text('status').notNull(),
    /** in_person | online */
    channel: text('channel').notNull().default('in_person'),
    markedById: uuid('marked_by_id').references(() => users.id),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('training_attendance_session_enrolment_uq').on(t.sessionId, t.enrolmentId), index('training_attendance_enrolment_idx').on(t.enrolmentId)],
);

export const trainingMaterials = pgTable(
  'training_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id').notNull().references(() => trainingCourses.id),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedById: uuid('uploaded_by_id').references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('training_materials_course_idx').on(t.courseId)],
);
