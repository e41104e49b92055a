// An administrator reviews what was read from an agreement in Teams: "granska", then the card's
// Edit / Remove / Add / Confirm all, through the real teams-ai Application in process. Every change
// must reach the database exactly once, even when the same click arrives twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CardRenderer } from "../../../src/adapters/teams/card-renderer.ts";
import { reviewCardData, reviewPageSize } from "../../../src/adapters/teams/cards/review-card.ts";
import type { AgreementSummary, DeadlineRecord } from "../../../src/agreements/agreement-store.ts";
import { importDocument } from "../../../src/agreements/import-document.ts";
import { labourAgreementExpected, labourAgreementText } from "../../fixtures/agreement-fixtures.ts";
import {
  actionData,
  cardInputs,
  cardOf,
  cardTexts,
  createBotHarness,
  invokeCard,
  type BotHarness,
} from "../../support/bot-harness.ts";
import { admin, anna, cardAction, message } from "../../support/teams-activities.ts";

const groupChat = { kind: "groupChat" as const, id: "19:group-kan@thread.v2" };

/** The data of the Action.Execute with `verb` in the item block that shows `text` (its title or dates). */
function itemAction(card: unknown, text: string, verb: string): Record<string, unknown> {
  const body = (card as { body: Array<Record<string, unknown>> }).body;
  const block = body.find((b) => b.type === "Container" && cardTexts(b).some((t) => t.includes(text)));
  expect(block, `an item "${text}" on the card`).toBeDefined();
  return actionData(block, verb)!;
}

function itemTitles(card: unknown): string[] {
  const body = (card as { body: Array<{ type: string; items?: Array<{ text?: string }> }> }).body;
  return body.filter((b) => b.type === "Container").map((b) => b.items![0]!.text!);
}

describe("the import review card in Teams (in process)", () => {
  let bot: BotHarness;
  let agreementId: string;
  const prisma = () => bot.services.database.prisma;
  const corrections = () => prisma().reportingItemCorrection.count();

  const click = async (verb: string, data: Record<string, unknown>, user = admin) => {
    const card = invokeCard(await bot.send(cardAction(verb, data, user)));
    expect(card, `${verb} answers with a card`).toBeDefined();
    return card!;
  };
  const review = async (text = "granska amn", user = admin) =>
    cardOf((await bot.send(message(text, user))).find((r) => cardOf(r)));

  beforeAll(async () => {
    bot = await createBotHarness({ env: { ADMIN_AAD_OBJECT_IDS: admin.aadObjectId } });
    const result = await importDocument(
      { name: "amn-2027.txt", bytes: Buffer.from(labourAgreementText) },
      bot.services.importDependencies,
    );
    if (!result.ok) throw new Error(result.message);
    agreementId = result.outcome.agreementId!;
  }, 60_000);
  afterAll(() => bot?.close());

  it("shows an administrator what was read: title, committee, year, counts and each item's dates and form", async () => {
    const card = await review();
    const texts = cardTexts(card).join("\n");
    expect(texts).toContain(
      "Granska: Överenskommelse 2027 – Arbetsmarknadsnämnden och Division Arbete och försörjning",
    );
    expect(texts).toMatch(/Arbetsmarknadsnämnden · Division Arbete och försörjning · 2027/);
    expect(texts).toMatch(/\d+ redovisningar · \d+ uppdrag och mål/);
    for (const expected of labourAgreementExpected) expect(texts).toContain(`Sammanträde ${expected.meetingDate}`);
    expect(texts).toContain("Sammanträde 2027-05-19 · Underlag senast 2027-04-28");
    expect(texts).toContain("Muntlig");
    // Each item with the words it was read from.
    expect(texts).toMatch(/”[^”]*skriftlig delrapport[^”]*”/i);
    expect(texts).toContain("Bekräfta alla");
    expect(texts).toContain("Lägg till redovisning");
  });

  it("shows it in English to someone who writes English", async () => {
    const texts = cardTexts(await review("review amn")).join("\n");
    expect(texts).toContain("Review: Överenskommelse 2027");
    expect(texts).toContain("Meeting 2027-05-19 · Material due 2027-04-28");
    await bot.send(message("hjälp", admin)); // back to Swedish for the rest
  });

  it("refuses someone who is not an administrator, by command and by card button, and changes nothing", async () => {
    expect((await bot.send(message("granska amn", anna)))[0]!.text).toBe(
      "Bara administratörer kan granska och rätta överenskommelser.",
    );
    const card = await review();
    const before = await corrections();
    const refused = await click("review.remove", itemAction(card, itemTitles(card)[0]!, "review.remove"), anna);
    expect(cardTexts(refused)).toContain("Bara administratörer kan granska och rätta överenskommelser.");
    expect(await corrections()).toBe(before);
  });

  it("keeps the review to the personal chat, where nobody else's click changes it", async () => {
    expect((await bot.send(message("granska amn", admin, groupChat)))[0]!.text).toMatch(
      /^Granskningen visar jag bara i vår personliga chatt/,
    );
    const card = await review();
    const before = await corrections();
    const answer = invokeCard(
      await bot.send(cardAction("review.confirmAll", actionData(card, "review.confirmAll")!, admin, groupChat)),
    );
    expect(cardTexts(answer).join(" ")).toMatch(/^Granskningen visar jag bara i vår personliga chatt/);
    expect(await corrections()).toBe(before);
  });

  it("edits an item through the form, once, even when Save is clicked twice", async () => {
    const card = await review();
    const form = await click("review.edit", itemAction(card, "Sammanträde 2027-05-19", "review.edit"));
    const title = cardInputs(form).title!;
    expect(cardInputs(form)).toMatchObject({
      title,
      meetingDate: "2027-05-19",
      submissionDate: "2027-04-28",
      form: "written",
    });
    const before = await corrections();
    const save = {
      ...actionData(form, "review.save"),
      ...cardInputs(form),
      meetingDate: "2027-05-26",
      submissionDate: "2027-05-05",
    };
    const first = await click("review.save", save);
    expect(cardTexts(first).join("\n")).toContain(`Rättat: ${title}.`);
    expect(cardTexts(first).join("\n")).toContain("Sammanträde 2027-05-26 · Underlag senast 2027-05-05");
    const second = await click("review.save", save);
    expect(cardTexts(second).join("\n")).toContain("Det här var redan gjort – jag gjorde det inte en gång till.");
    expect(await corrections()).toBe(before + 1);
    const stored = (await bot.services.corrections.reviewItems(agreementId)).find(
      (i) => i.meetingDate === "2027-05-26",
    )!;
    expect(stored).toMatchObject({ meetingDate: "2027-05-26", submissionDate: "2027-05-05", origin: "corrected" });
    // The corrected date is what deadline answers use now.
    expect((await bot.services.agreements.listDeadlines({ agreementId })).map((d) => d.meetingDate)).toContain(
      "2027-05-26",
    );
  });

  it.each([
    ["an empty title", { title: "" }, "Skriv vad som redovisas – rubriken får inte vara tom."],
    ["a date that is not a date", { date: "28 maj" }, "Datumet ska skrivas ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM"],
    [
      "material due after the meeting",
      { meetingDate: "2027-05-01", submissionDate: "2027-06-01" },
      "Underlaget kan inte vara senare än sammanträdet.",
    ],
    ["nothing changed", {}, "Du ändrade ingenting."],
  ])(
    "keeps the form, with what was typed and a clear message, for %s, and stores nothing",
    async (_what, changes, expected) => {
      const card = await review();
      const form = await click("review.edit", itemAction(card, itemTitles(card)[0]!, "review.edit"));
      const before = await corrections();
      const answer = await click("review.save", {
        ...actionData(form, "review.save"),
        ...cardInputs(form),
        ...changes,
      });
      expect(cardTexts(answer).join("\n")).toContain(expected);
      for (const [id, value] of Object.entries(changes)) expect(cardInputs(answer)[id]).toBe(value);
      expect(await corrections()).toBe(before);
    },
  );

  it("removes an item once when Remove is clicked twice", async () => {
    const card = await review();
    const remove = itemAction(card, "Sammanträde 2027-02-17", "review.remove");
    const title = itemTitles(card)[0]!;
    const items = (await bot.services.corrections.reviewItems(agreementId)).length;
    const before = await corrections();
    expect(cardTexts(await click("review.remove", remove)).join("\n")).toContain(`Borttagen: ${title}.`);
    expect(cardTexts(await click("review.remove", remove)).join("\n")).toContain("Det här var redan gjort");
    expect(await corrections()).toBe(before + 1);
    expect((await bot.services.corrections.reviewItems(agreementId)).length).toBe(items - 1);
  });

  it("adds a missed item once when Save is clicked twice, and it is then a deadline like any other", async () => {
    const card = await review();
    const form = await click("review.add", actionData(card, "review.add")!);
    expect(cardTexts(form)).toContain("Lägg till redovisning");
    const before = (await bot.services.corrections.reviewItems(agreementId)).length;
    const save = {
      ...actionData(form, "review.save"),
      ...cardInputs(form),
      title: "Redovisning av språkpraktiken",
      meetingDate: "2027-12-08",
      form: "oral",
    };
    expect(cardTexts(await click("review.save", save)).join("\n")).toContain("Tillagd: Redovisning av språkpraktiken.");
    await click("review.save", save);
    const items = await bot.services.corrections.reviewItems(agreementId);
    expect(items.length).toBe(before + 1);
    expect(items.filter((i) => i.title === "Redovisning av språkpraktiken")).toEqual([
      expect.objectContaining({ meetingDate: "2027-12-08", form: "oral", origin: "added" }),
    ]);
    expect(
      (await bot.services.agreements.listDeadlines({ from: "2027-12-01", to: "2027-12-31" })).map((d) => d.title),
    ).toContain("Redovisning av språkpraktiken");
  });

  it("confirms every item once when Confirm all is clicked twice", async () => {
    const card = await review();
    const open = (await bot.services.corrections.reviewItems(agreementId)).filter((i) => !i.confirmed).length;
    expect(open).toBeGreaterThan(0);
    const before = await corrections();
    expect(cardTexts(await click("review.confirmAll", actionData(card, "review.confirmAll")!)).join("\n")).toContain(
      `${open} redovisningar bekräftade.`,
    );
    await click("review.confirmAll", actionData(card, "review.confirmAll")!);
    expect(await corrections()).toBe(before + open);
    expect((await bot.services.corrections.reviewItems(agreementId)).every((i) => i.confirmed)).toBe(true);
  });

  it("answers every verb the review templates declare with a card", async () => {
    const renderer = new CardRenderer();
    const verbs = new Set<string>();
    for (const name of ["import-review", "review-item-form"])
      for (const match of JSON.stringify(renderer.templateJson(name)).matchAll(/"verb":"([^"]+)"/g))
        verbs.add(match[1]!);
    expect([...verbs].sort()).toEqual([
      "review.add",
      "review.confirmAll",
      "review.edit",
      "review.page",
      "review.remove",
      "review.save",
    ]);
    const card = await review();
    for (const verb of ["review.page", "review.add", "review.edit"])
      expect(
        cardTexts(await click(verb, { ...itemAction(card, "Sammanträde", "review.edit") })).length,
      ).toBeGreaterThan(0);
  });

  it("asks which agreement when none is named and several are imported, and says when none matches", async () => {
    expect((await bot.send(message("granska socialnämnden", admin)))[0]!.text).toMatch(
      /^Ingen överenskommelse passar ”socialnämnden”. Inlästa: /,
    );
    // With one agreement imported, "granska" alone shows it.
    expect(cardTexts(await review("granska")).join("\n")).toContain("Granska: Överenskommelse 2027");
  });
});

describe("the review card for a long agreement", () => {
  const renderer = new CardRenderer();
  const agreement: AgreementSummary = {
    id: "sn-dso-2026",
    title: "Överenskommelse 2026 mellan Socialnämnden och Division Social omsorg",
    committee: "Socialnämnden",
    committeeCode: "SN",
    division: "Division Social omsorg",
    divisionCode: "DSO",
    year: 2026,
    diarienummer: null,
    decisionDate: null,
    version: 1,
    source: "sn.pdf",
    importedAt: new Date("2026-01-10T08:00:00Z"),
    counts: {
      sections: 40,
      assignments: 30,
      indicators: 50,
      reportingItems: 60,
      datedReportingItems: 60,
      economyLines: 10,
    },
  };
  // Long titles and assignment names: the worst a page can hold.
  const items: DeadlineRecord[] = Array.from({ length: 60 }, (_, i) => ({
    key: `5.${i}|2026-06-${String((i % 28) + 1).padStart(2, "0")}|written|${"uppfoljning".repeat(6)}${i}`,
    date: `2026-06-${String((i % 28) + 1).padStart(2, "0")}`,
    precision: "day",
    meetingDate: `2026-06-${String((i % 28) + 1).padStart(2, "0")}`,
    submissionDate: "2026-05-14",
    submissionRule: "stated",
    title:
      `Uppföljning av särskilt uppdrag nummer ${i} om förebyggande arbete mot våld i nära relationer och ekonomiskt bistånd`.padEnd(
        180,
        ".",
      ),
    description: "x".repeat(500),
    section: `5.${i}`,
    form: "both",
    recipient: null,
    period: "tertial 1 2026",
    periodCode: "T1",
    occasion: null,
    recurrence: null,
    channel: "Hypergene",
    origin: i % 2 ? "corrected" : "read",
    confirmed: i % 3 === 0,
    assignment: `Särskilt uppdrag ${i}: Förebyggande arbete mot våld i nära relationer`.padEnd(120, "."),
    assignmentNumber: `5.${i}`,
    assignmentKind: "sarskilt_uppdrag_kf",
    assignmentId: `as-${i}`,
    agreement: {
      id: agreement.id,
      title: agreement.title,
      year: 2026,
      source: "sn.pdf",
      committee: "SN",
      divisionCode: "DSO",
    },
  }));

  it("pages 60 items 15 at a time, every page far under Teams' 28 KB card limit", () => {
    const pages = [1, 2, 3, 4].map((page) =>
      renderer.render(
        "import-review",
        reviewCardData("sv", { agreement, items, page, key: "0b5a4d3e-1111-2222-3333-444455556666" }),
      ),
    );
    for (const [index, card] of pages.entries()) {
      expect(Buffer.byteLength(JSON.stringify(card)), `page ${index + 1}`).toBeLessThan(28 * 1024);
      expect(itemTitles(card)).toHaveLength(reviewPageSize);
    }
    expect(cardTexts(pages[0]).join("\n")).toContain("Sida 1 av 4");
    expect(actionData(pages[0], "review.page")).toMatchObject({ page: 2 });
    expect(cardTexts(pages[3]).join("\n")).toContain("Föregående");
    expect(cardTexts(pages[3])).not.toContain("Nästa");
    expect(itemTitles(pages[3])[14]).toBe(items[59]!.title);
  });
});
