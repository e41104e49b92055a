// Teams sends a message or card click again when the answer is slow, and a bot with several
// instances may get the copy on another one. Whoever handles an activity first claims it; a re-send
// finds the claim and is not handled twice. A card action's claim keeps the card it answered with,
// so the re-sent click gets the same card back instead of an error.

export type ClaimOutcome =
  | { first: true }
  /** Claimed before; `reply` is what the first handling answered, once it has been stored. */
  | { first: false; reply?: unknown };

export interface ActivityClaims {
  claim(key: string, at: Date): Promise<ClaimOutcome>;
  saveReply(key: string, reply: unknown): Promise<void>;
  /** Deletes claims made before `before`; returns how many. */
  sweep(before: Date): Promise<number>;
}

/** How long a claim is kept: Teams re-sends within seconds, at most a few minutes later. */
export const claimLifetimeMs = 10 * 60 * 1000;
