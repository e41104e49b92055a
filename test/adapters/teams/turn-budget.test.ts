// A turn has a time budget (TURN_BUDGET_MS) that fits Teams' window: when the database hangs past it,
// the person is told the database is unavailable, a card keeps what was typed, and the abandoned work
// cannot send a second, late answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole } from "../../../src/people/manage-roles.ts";
import { actionData, cardInputs, cardOf, createBotHarness, type BotHarness } from "../../support/bot-harness.ts";
import { importSeeds } from "../../support/seeded-corpus.ts";
import { anna, cardAction, cecilia, message, TENANT } from "../../support/teams-activities.ts";

const budget = {
  TURN_BUDGET_MS: "400",
  DATABASE_CONNECT_TIMEOUT_MS: "200",
  DATABASE_QUERY_TIMEOUT_MS: "300",
  DATABASE_STATEMENT_TIMEOUT_MS: "200",
  SQLITE_BUSY_TIMEOUT_MS: "200",
};
const operator = { kind: "operator" as const, name: "test" };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a turn whose database work takes longer than the turn's budget", () => {
  let bot: BotHarness;
  let hang = false;

  beforeAll(async () => {
    bot = await createBotHarness({
      now: new Date("2025-04-28T08:00:00Z"),
      env: budget,
      // While `hang` is set, loading an assignment and answering a question take a second: far past the budget.
      override: (deps) => {
        const slow = <T>(work: () => Promise<T>) => (hang ? wait(1000).then(work) : work());
        const status = Object.create(deps.status) as typeof deps.status;
        status.findAssignment = (id) => slow(() => deps.status.findAssignment(id));
        const questions = Object.create(deps.questions) as typeof deps.questions;
        questions.answer = (question, context) => slow(() => deps.questions.answer(question, context));
        return { ...deps, status, questions };
      },
    });
    await importSeeds(bot.services);
    await grantRole(bot.services, operator, {
      tenantId: TENANT,
      aadObjectId: anna.aadObjectId,
      role: "chief",
      scope: "DSO",
    });
  }, 120_000);
  afterAll(() => bot?.close());

  it("answers a card action with 'database unavailable' as a message, so the card keeps its input", async () => {
    const form = cardOf((await bot.send(message("status arbetsmarknadsverksamhet"))).at(-1))!;
    hang = true;
    try {
      const click = cardAction("status.submit", {
        ...actionData(form, "status.submit"),
        ...cardInputs(form),
        status: "done",
        text: "Klart.",
      });
      const response = (await bot.send(click)).find((r) => r.type === "invokeResponse")?.value as {
        body: { type: string; value: string };
      };
      expect(response.body.type).toBe("application/vnd.microsoft.activity.message");
      expect(response.body.value).toContain("Databasen svarar inte just nu");
    } finally {
      hang = false;
    }
  });

  it("answers a question with 'database unavailable', and the late answer never arrives", async () => {
    hang = true;
    try {
      const question = message("vad ska redovisas i maj 2025?", cecilia);
      const replies = await bot.send(question);
      expect(replies.map((r) => r.text).join(" ")).toContain("Databasen svarar inte just nu");
      await wait(1200);
      expect(bot.lateReplies(question.id!)).toEqual([]);
    } finally {
      hang = false;
    }
  });
});
