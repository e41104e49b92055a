// One rule for what the bot shows where several people read along (a group chat, a team channel):
// what everyone there may see anyway — help, and answers from the agreements themselves (deadlines,
// content) — and the confirmation of a change made right there (a role granted, a channel connected).
// Anything built from stored status, roles or follow-up — the status overview, forms and receipts,
// summaries, digest previews, the list of roles — is shown only in the person's personal chat.
// (The weekly digest a committee's expert connects to a team channel is that committee's choice.)

/** What a reply shows. */
export type ReplyContent =
  | "help"
  | "agreement-answer"
  | "change-confirmation"
  | "status"
  | "summary"
  | "digest"
  | "roles";

export function shownInSharedConversation(content: ReplyContent): boolean {
  return content === "help" || content === "agreement-answer" || content === "change-confirmation";
}

/** The reply's content types that are personal, for the message that says where to ask instead. */
export type PersonalContent = Exclude<ReplyContent, "help" | "agreement-answer" | "change-confirmation">;
