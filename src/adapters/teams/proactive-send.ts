// Proactive sends (reminders, digests) must be sent at most once. The Bot Framework connector
// client resends a POST on a 5xx or a dropped connection, so a message that did arrive can arrive
// twice; for these sends every retry is ours (429 only, where Teams took nothing).
import type { TurnContext } from "botbuilder";
import type { TeamsAdapter } from "@microsoft/teams-ai";

export function withoutLibraryRetries(context: TurnContext, adapter: Pick<TeamsAdapter, "ConnectorClientKey">): void {
  const connector = context.turnState.get(adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(options: { name: string }): unknown } } }
    | undefined;
  connector?.client?.pipeline?.removePolicy({ name: "defaultRetryPolicy" });
}
