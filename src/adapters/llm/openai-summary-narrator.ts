// Condenses one goal area's stored status updates into a short narrative with an OpenAI-compatible
// model. Only the updates are sent (no agreement text), and the output is always marked generated.
import type { SummaryNarrator } from "../../summaries/summarise.ts";
import { statusName, entryHeading } from "../../summaries/render-markdown.ts";
import { chatCompletion, type LlmSettings } from "./chat-completion.ts";

export class OpenAiSummaryNarrator implements SummaryNarrator {
  constructor(
    private readonly settings: LlmSettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async narrate(request: Parameters<SummaryNarrator["narrate"]>[0]): Promise<string> {
    const updates = request.entries
      .map(
        (e) =>
          `- ${entryHeading(e)}: ${statusName(request.language, e.latest!.status)}. ${e.latest!.text.replace(/\s+/g, " ")}`,
      )
      .join("\n");
    return chatCompletion(
      this.settings,
      {
        maxTokens: 300,
        system:
          `You condense status updates for a Swedish municipal committee's follow-up. Use only the updates given; ` +
          `add no facts, figures or judgements that are not in them. Write ${request.language === "sv" ? "Swedish" : "English"}, ` +
          `at most three sentences, plain text without lists.`,
        user: `Area: ${request.area}\nStatus updates:\n${updates}`,
      },
      this.fetchImpl,
    );
  }
}
