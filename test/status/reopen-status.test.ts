// A chief corrects a report after its due date: the rule that a passed report stands is kept, but
// the committee's expert (or an administrator) reopens that one report for a week, audited, and the
// refusal says who can.
import type { Activity } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole } from "../../src/people/manage-roles.ts";
import {
  actionData,
  cardInputs,
  cardOf,
  cardTexts,
  createBotHarness,
  invokeCard,
  type BotHarness,
} from "../support/bot-harness.ts";
import { cliRunner } from "../support/cli-runner.ts";
import { importSeeds } from "../support/seeded-corpus.ts";
import { anna, bertil, cardAction, cecilia, message, TENANT } from "../support/teams-activities.ts";

describe("reopening a report after its due date", () => {
  let bot: BotHarness;
  const sent: Array<{ to: string; activity: Partial<Activity> }> = [];
  const operator = { kind: "operator" as const, name: "test" };
  const click = async (verb: string, data: Record<string, unknown>, user = anna) => {
    const card = invokeCard(await bot.send(cardAction(verb, data, user)));
    expect(card, `${verb} answers with a card`).toBeDefined();
    return card!;
  };
  let receipt: Record<string, unknown>;

  beforeAll(async () => {
    bot = await createBotHarness({
      now: new Date("2025-05-05T08:00:00Z"),
      override: (deps) => ({
        ...deps,
        notifier: {
          send: async (person, build) => (sent.push({ to: person.aadObjectId, activity: build("sv") }), true),
        },
      }),
    });
    await importSeeds(bot.services);
    await grantRole(bot.services, operator, {
      tenantId: TENANT,
      aadObjectId: anna.aadObjectId,
      displayName: anna.name,
      role: "chief",
      scope: "DSO",
    });
    await grantRole(bot.services, operator, {
      tenantId: TENANT,
      aadObjectId: cecilia.aadObjectId,
      displayName: cecilia.name,
      role: "expert",
      scope: "KAN",
    });
    const form = cardOf((await bot.send(message("rapportera arbetsmarknadsverksamhet")))[0])!;
    receipt = await click("status.submit", {
      ...actionData(form, "status.submit"),
      ...cardInputs(form),
      status: "on_track",
      text: "Tolv deltagare i praktik.",
      women_1: "7",
      men_1: "5",
    });
    bot.clock.set(new Date("2025-05-09T08:00:00Z")); // the material was due on 7 May
  }, 120_000);
  afterAll(() => bot?.close());

  it("keeps the rule, and says who can reopen it", async () => {
    const closed = await click("status.edit", actionData(receipt, "status.edit")!);
    const texts = cardTexts(closed).join("\n");
    expect(texts).toContain(
      "Sista dagen (2025-05-07) har passerat, så statusen kan inte längre ändras. Cecilia Carlsson (sakkunnig för KAN) eller en administratör kan öppna den för en ändring.",
    );
    expect(actionData(closed, "status.edit")).toBeUndefined();
    expect(actionData(closed, "status.reopen")).toBeUndefined(); // not hers to reopen
    expect(actionData(closed, "status.reopenRequest")).toMatchObject({ updateId: expect.any(String) });
    receipt = closed;
  });

  it("sends the chief's request to the committee's expert", async () => {
    const asked = await click("status.reopenRequest", actionData(receipt, "status.reopenRequest")!);
    expect(cardTexts(asked).join("\n")).toContain("Jag har bett Cecilia Carlsson att öppna statusen för ändring.");
    expect(sent.map((s) => s.to)).toEqual([cecilia.aadObjectId]);
    const request = sent[0]!.activity.attachments![0]!.content;
    expect(cardTexts(request).join("\n")).toContain(
      "Anna Andersson vill rätta sin status för 3.1 Grunduppdrag Arbetsmarknadsverksamhet",
    );
  });

  it("refuses someone who is neither administrator nor the committee's expert", async () => {
    const request = sent[0]!.activity.attachments![0]!.content;
    const refused = await click("status.reopen", actionData(request, "status.reopen")!, bertil);
    expect(cardTexts(refused).join("\n")).toContain(
      "Bara administratörer och nämndens sakkunniga (KAN) kan öppna en redovisning efter sista dagen.",
    );
  });

  it("lets the expert reopen it for a week, audited, and tells the chief", async () => {
    const request = sent[0]!.activity.attachments![0]!.content;
    const done = await click("status.reopen", actionData(request, "status.reopen")!, cecilia);
    expect(cardTexts(done).join("\n")).toContain(
      "Öppnad: Anna Andersson kan ändra statusen för 3.1 till och med 2025-05-16. Jag har sagt till Anna Andersson.",
    );
    const toAnna = sent.at(-1)!;
    expect(toAnna.to).toBe(anna.aadObjectId);
    const annasReceipt = toAnna.activity.attachments![0]!.content;
    expect(cardTexts(annasReceipt).join("\n")).toContain(
      "Cecilia Carlsson har öppnat statusen för ändring till och med 2025-05-16.",
    );
    const [entry] = await bot.services.audit.list({ action: "status.reopen" });
    expect(entry).toMatchObject({
      actorName: "Cecilia Carlsson",
      detail: expect.objectContaining({ until: "2025-05-16", dueDate: "2025-05-07" }),
    });

    const form = await click("status.edit", actionData(annasReceipt, "status.edit")!);
    const edited = await click("status.submit", {
      ...actionData(form, "status.submit"),
      ...cardInputs(form),
      text: "Tretton deltagare i praktik.",
    });
    expect(cardTexts(edited).join("\n")).toContain("Tretton deltagare i praktik.");
    expect(cardTexts(edited).join("\n")).toContain("Öppnad för ändring av Cecilia Carlsson till och med 2025-05-16.");
  });

  it("closes again when the week is over; the CLI reopens it the same way", async () => {
    bot.clock.set(new Date("2025-05-17T08:00:00Z"));
    const update = (await bot.services.status.list({ agreementId: "kan-dso-2025" }))[0]!;
    const closed = await click("status.edit", { updateId: update.id, lang: "sv" });
    expect(cardTexts(closed).join("\n")).toContain("Redovisningen stängde 2025-05-07");
    const cli = cliRunner(() => ({ env: { DATABASE_URL: bot.db.url }, cwd: process.cwd() }));
    const reopened = await cli([
      "status",
      "reopen",
      "--agreement",
      "kan",
      "--assignment",
      "3.1",
      "--period",
      "2025-05-28",
    ]);
    expect(reopened.out).toMatch(/^Reopened: Anna Andersson can change .* until \d{4}-\d{2}-\d{2}\.$/);
  });
});
