// Teams sends an activity again when the answer is slow, to the same instance or another one. A
// re-sent card click gets the same card as the first time (not an error), and a re-sent question is
// answered once, whichever instances the copies reach.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole } from "../../../src/people/manage-roles.ts";
import {
  actionData,
  cardInputs,
  cardOf,
  cardTexts,
  createBotHarness,
  type BotHarness,
} from "../../support/bot-harness.ts";
import { importSeeds } from "../../support/seeded-corpus.ts";
import { anna, cardAction, cecilia, message, TENANT } from "../../support/teams-activities.ts";
import { testProviders } from "../../support/test-database.ts";

const operator = { kind: "operator" as const, name: "test" };

function invokeResponse(
  replies: Awaited<ReturnType<BotHarness["send"]>>,
): { status?: number; body?: { type?: string; value?: unknown } } | undefined {
  return replies.find((r) => r.type === "invokeResponse")?.value as
    | { status?: number; body?: { type?: string; value?: unknown } }
    | undefined;
}

describe.each(testProviders)("re-sent activities (%s)", (provider) => {
  let first: BotHarness;
  let second: BotHarness;
  let form: Record<string, unknown>;

  beforeAll(async () => {
    first = await createBotHarness({ provider, now: new Date("2025-04-28T08:00:00Z") });
    second = await createBotHarness({ provider, now: new Date("2025-04-28T08:00:00Z"), sharedWith: first });
    await importSeeds(first.services);
    await grantRole(first.services, operator, {
      tenantId: TENANT,
      aadObjectId: anna.aadObjectId,
      role: "chief",
      scope: "DSO",
    });
    form = cardOf((await first.send(message("status arbetsmarknadsverksamhet"))).at(-1))!;
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const submit = (text: string) =>
    cardAction("status.submit", {
      ...actionData(form, "status.submit"),
      ...cardInputs(form),
      status: "on_track",
      text,
    });

  it("answers a card click re-sent to the same instance with the same card", async () => {
    const click = submit("Enligt plan, första försöket.");
    const original = invokeResponse(await first.send(click));
    expect(cardTexts(original?.body?.value).join(" ")).toContain("Status sparad");
    const again = invokeResponse(await first.send(click));
    expect(again).toEqual(original);
    expect(await first.services.database.prisma.statusRevision.count()).toBe(1);
  });

  it("answers a card click re-sent to another instance with the same card", async () => {
    const edit = cardOf({
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          content: invokeResponse(
            await first.send(
              cardAction("status.edit", {
                updateId: (await first.services.database.prisma.statusUpdate.findFirstOrThrow()).id,
                lang: "sv",
              }),
            ),
          )?.body?.value,
        },
      ],
    })!;
    const click = cardAction("status.submit", {
      ...actionData(edit, "status.submit"),
      ...cardInputs(edit),
      status: "at_risk",
      text: "Risk: två platser saknas.",
    });
    const original = invokeResponse(await first.send(click));
    expect(cardTexts(original?.body?.value).join(" ")).toContain("Risk");
    const elsewhere = invokeResponse(await second.send(click));
    expect(elsewhere).toEqual(original);
    expect(await first.services.database.prisma.statusRevision.count()).toBe(2);
  });

  it("answers a question re-sent to another instance once", async () => {
    const question = message("vad ska redovisas i maj 2025?", cecilia);
    const answers = [...(await first.send(question)), ...(await second.send(question))];
    expect(answers).toHaveLength(1);
    expect(cardTexts(cardOf(answers[0])).join(" ")).toContain("Redovisningar i maj 2025");
  });

  it("answers a question re-sent to the same instance once", async () => {
    const question = message("vad är målgruppen för Jobbtorg?", cecilia);
    expect(await first.send(question)).toHaveLength(1);
    expect(await first.send(question)).toHaveLength(0);
  });

  it("forgets claims ten minutes later: the next turn after that deletes them", async () => {
    const rows = () => first.services.database.prisma.activityClaim.count();
    const before = await rows();
    expect(before).toBeGreaterThan(0);
    first.clock.advance(10 * 60 * 1000 + 1000);
    await first.send(message("hjälp", cecilia));
    // The sweep runs beside the turn, not in its way.
    for (let i = 0; i < 50 && (await rows()) !== 1; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await rows()).toBe(1);
  });
});
