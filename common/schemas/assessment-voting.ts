import { z } from 'zod';
import { ADMINISTRATION_STATUSES, ITEM_STATES } from '../assessments.ts';
import { AdministrationRoleSchema } from './assessments.ts';
import { Uuid } from './common.ts';

/**
 * Live consensus voting on an administration (issue 15 part 2): the facilitator opens an item,
 * voting members vote without seeing each other's votes, the votes are revealed together, the team
 * records its consensus score. While an item is open nobody (the facilitator included) is told a
 * value: only who has voted, and one's own vote.
 */

export const VoteInput = z.object({ value: z.number() });
export type VoteInput = z.infer<typeof VoteInput>;

export const RevealInput = z.object({
  /** Reveal although not every voting member has voted (recorded: who, when, how many had voted). */
  force: z.boolean().default(false),
});
export type RevealInput = z.infer<typeof RevealInput>;

const Named = z.object({ id: Uuid, name: z.string() });

export const VoteCount = z.object({ value: z.number(), count: z.number().int() });

export const VoteReveal = z.object({
  forced: z.boolean(),
  revealedBy: Named.nullable(),
  revealedAt: z.string(),
  /** Voting members who had voted, of how many, when the votes were revealed. */
  voted: z.number().int(),
  expected: z.number().int(),
  /** Votes per point of the scale, in the scale's order (no names: who voted what is not shown). */
  distribution: z.array(VoteCount),
});
export type VoteReveal = z.infer<typeof VoteReveal>;

export const VotingState = z.object({
  administrationId: Uuid,
  status: z.enum(ADMINISTRATION_STATUSES),
  /** The administration's live revision: the id of the live event this state answers to. */
  revision: z.number().int(),
  /** The item the team is on, and where it stands; null before the first item is opened. */
  itemId: Uuid.nullable(),
  state: z.enum(ITEM_STATES).nullable(),
  /** The voting members, and whether each has voted on the current item (never how). */
  voters: z.array(z.object({ person: Named, voted: z.boolean() })),
  voted: z.number().int(),
  expected: z.number().int(),
  /** The caller's own vote on the current item (a member who reconnects sees it again). */
  myVote: z.number().nullable(),
  myRole: AdministrationRoleSchema.nullable(),
  /** The reveal of the current item, once its votes are shown. */
  reveal: VoteReveal.nullable(),
  abilities: z.object({
    /** The caller is a voting member of this open administration. */
    vote: z.boolean(),
    /** The caller opens items and reveals votes (the facilitator, the note taker, the person alone). */
    run: z.boolean(),
  }),
});
export type VotingState = z.infer<typeof VotingState>;

/** What a live event of an administration says changed (never a vote's value). */
export const VOTING_EVENT_KINDS = ['sync', 'open', 'vote', 'reveal', 'score', 'attendees', 'close'] as const;
export type VotingEventKind = (typeof VOTING_EVENT_KINDS)[number];

/** The live event type of an administration's topic. */
export const ADMINISTRATION_EVENT = 'administration.changed';
