// The optional generated narrative per goal area, against a local fake OpenAI-compatible server.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpenAiSummaryNarrator } from "../../src/adapters/llm/openai-summary-narrator.ts";
import { Permissions } from "../../src/people/roles.ts";
import { renderSummaryMarkdown } from "../../src/summaries/render-markdown.ts";
import { summarise } from "../../src/summaries/summarise.ts";
import { recordStatusHistory } from "../fixtures/status-history.ts";
import { createBotHarness, type BotHarness } from "../support/bot-harness.ts";
import { importSeeds } from "../support/seeded-corpus.ts";

describe("generated narratives in summaries (optional)", () => {
  let server: Server;
  let url: string;
  let bot: BotHarness;
  const prompts: string[] = [];
  let failing = false;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let data = "";
      req.on("data", (chunk) => (data += chunk));
      req.on("end", () => {
        const body = JSON.parse(data) as { messages: Array<{ content: string }> };
        prompts.push(body.messages.map((m) => m.content).join("\n"));
        if (failing) return void res.writeHead(500).end("{}");
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            choices: [{ message: { content: "Arbetet går i stort enligt plan; lokalfrågan är en risk." } }],
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
    bot = await createBotHarness({ now: new Date("2025-09-30T08:00:00Z") });
    await importSeeds(bot.services);
    await recordStatusHistory(bot.services);
  }, 120_000);
  afterAll(async () => {
    await bot?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("writes one narrative per goal area from the stored updates only, marked as generated", async () => {
    const narrator = new OpenAiSummaryNarrator({ endpoint: url, model: "m", timeoutMs: 5000 });
    const admin = new Permissions({ tenantId: "t", aadObjectId: "a", name: "A" }, [], true);
    const summary = await summarise(
      { status: bot.services.status, agreements: bot.services.agreements, narrator },
      admin,
      {
        agreementId: "kan-dso-2025",
        period: "delar",
        asOf: "2025-09-30",
        narrative: { language: "sv" },
      },
    );
    expect(summary.narratives).toEqual([
      { area: "Grunduppdrag", text: "Arbetet går i stort enligt plan; lokalfrågan är en risk." },
    ]);
    expect(prompts).toHaveLength(1); // only areas with updates are sent
    expect(prompts[0]).toContain("Två arbetskonsulenter anställda i maj");
    expect(prompts[0]).toContain("Lokalerna på Brunnsgatan stängs i oktober");
    expect(prompts[0]).not.toContain("Målgrupp"); // no agreement text goes to the model
    const markdown = renderSummaryMarkdown(summary);
    expect(markdown).toContain(
      "> Genererad av en språkmodell enbart ur lagrade statusuppdateringar – kontrollera innan den används.",
    );
    const plain = await summarise({ status: bot.services.status, agreements: bot.services.agreements }, admin, {
      agreementId: "kan-dso-2025",
      period: "delar",
      asOf: "2025-09-30",
    });
    expect(plain.narratives).toBeUndefined();

    // A model that fails leaves the narrative out, never the summary.
    failing = true;
    const errors: unknown[] = [];
    const withoutModel = await summarise(
      {
        status: bot.services.status,
        agreements: bot.services.agreements,
        narrator,
        onNarratorError: (e) => errors.push(e),
      },
      admin,
      { agreementId: "kan-dso-2025", period: "delar", asOf: "2025-09-30", narrative: { language: "sv" } },
    );
    expect(withoutModel.narratives).toBeUndefined();
    expect(withoutModel.entries).toHaveLength(9);
    expect(errors).toHaveLength(1);
  });
});
