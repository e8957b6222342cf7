// Votes in the chamber (issue #12, "Votes"): a vote on an agenda item (a resolution draft) or an
// election of positions, its method chosen per vote, the rule it is judged by (kept with its
// source), who opened, closed and confirmed it, and the roll frozen at close with the computed
// result.
//
// Secret ballots: who has voted (`chamber_vote_voters`) is kept apart from the choices
// (`chamber_vote_tallies`): the tallies are one counter row per option, created when the vote opens
// and updated in place (count + 1), with no voter, no timestamp and no sequence; at close their
// counts move into the vote's `figures` and the rows are deleted, so that no surviving tuple's
// physical position (ctid) or writing transaction (xmin) tells which option was updated last.
// docs/architecture.md "Votes" gives the whole reasoning.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, timestamp, jsonb, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { councils, delegates } from '../../directory/schema.ts';
import { users } from '../../accounts/schema.ts';
import { councilSessions, sessionItems } from '../schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

export const chamberVotes = pgTable(
  'chamber_votes',
  {
    /** A stable random uuid: resolutions link to the vote that passed them. */
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    /** The agenda item (a resolution draft, a report); null for an election not tied to one. */
    itemId: uuid('item_id').references(() => sessionItems.id),
    /** motion (for / against / abstain) | election (a candidate list) */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** show_of_hands | named | secret (domain VoteMethod) */
    method: text('method').notNull(),
    /** resolution | dismissal | election (domain VoteRuleKey) */
    ruleKey: text('rule_key').notNull(),
    /** The rule in force when the vote was created, as data with its source (domain VoteRule). */
    rule: jsonb('rule').notNull(),
    /** Elections: how many positions are filled. */
    seatsToFill: integer('seats_to_fill'),
    /** created | open | closed | confirmed | annulled */
    state: text('state').notNull().default('created'),
    /** The annulled vote this one repeats. */
    repeatOf: uuid('repeat_of'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    openedBy: uuid('opened_by').references(() => users.id),
    openedAt: at('opened_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: at('closed_at'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: at('confirmed_at'),
    annulledBy: uuid('annulled_by').references(() => users.id),
    annulledAt: at('annulled_at'),
    annulReason: text('annul_reason'),
    /** The roll frozen at close (domain RollSnapshot, with `voted`) and its detail. */
    roll: jsonb('roll'),
    /** What was counted (domain VoteFigures, or candidates' votes for an election). */
    figures: jsonb('figures'),
    /** The computed result (domain VoteResult / ElectionResult). */
    result: jsonb('result'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('chamber_votes_session_idx').on(t.sessionId, t.createdAt)],
);

/** An election's candidates, in the order of the list. */
export const chamberVoteCandidates = pgTable(
  'chamber_vote_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    voteId: uuid('vote_id').notNull().references(() => chamberVotes.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** The candidate's delegate record, when a delegate (a UBND member need not be). */
    delegateId: uuid('delegate_id').references(() => delegates.id),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('chamber_vote_candidates_uq').on(t.voteId, t.position)],
);

/**
 * Who has voted, for every electronic method. Never a choice here. The idempotency key (made by
 * the client for one submission) lets a retried request be counted once.
 */
export const chamberVoteVoters = pgTable(
  'chamber_vote_voters',
  {
    voteId: uuid('vote_id').notNull().references(() => chamberVotes.id),
    delegateId: uuid('delegate_id').notNull().references(() => delegates.id),
    idempotencyKey: text('idempotency_key').notNull(),
    /** phone | tablet */
    channel: text('channel').notNull(),
    votedAt: at('voted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.delegateId] })],
);

/** Named votes only: who voted how (public by name when the council publishes it). */
export const chamberVoteNamedChoices = pgTable(
  'chamber_vote_named_choices',
  {
    voteId: uuid('vote_id').notNull().references(() => chamberVotes.id),
    delegateId: uuid('delegate_id').notNull().references(() => delegates.id),
    /** for | against | abstain (motion) or approve (election, one row per approved candidate) */
    choice: text('choice').notNull(),
    candidateId: uuid('candidate_id').references(() => chamberVoteCandidates.id),
  },
  (t) => [uniqueIndex('chamber_vote_named_uq').on(t.voteId, t.delegateId, sql`coalesce(candidate_id, '00000000-0000-0000-0000-000000000000'::uuid)`)],
);

/**
 * Secret votes only, while open: one counter per option (for / against / abstain, or a candidate
 * id, and `ballots` for the number of ballots of an election). No voter, no time, no sequence.
 */
export const chamberVoteTallies = pgTable(
  'chamber_vote_tallies',
  {
    voteId: uuid('vote_id').notNull().references(() => chamberVotes.id),
    option: text('option').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.option] })],
);
