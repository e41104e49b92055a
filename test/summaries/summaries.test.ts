// Delår and helår summaries of the 2025 KAN ↔ DSO seed agreement after a year of status reporting:
// content, determinism, Markdown, Word, the Teams card with paging and downloads, and who may see it.
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summaryDownloads } from "../../src/adapters/http/summary-downloads.ts";
import { renderSummaryDocx } from "../../src/adapters/documents/summary-docx.ts";
import { summaryCardData, summaryPageSize } from "../../src/adapters/teams/cards/summary-card.ts";
import { grantRole } from "../../src/people/manage-roles.ts";
import { Permissions } from "../../src/people/roles.ts";
import { renderSummaryMarkdown } from "../../src/summaries/render-markdown.ts";
import { summarise } from "../../src/summaries/summarise.ts";
import { readSummaryQuery } from "../../src/adapters/teams/handlers/summary-handlers.ts";
import { summaryLink } from "../../src/summaries/summary-links.ts";
import {
  actionData,
  cardOf,
  cardTexts,
  createBotHarness,
  invokeCard,
  type BotHarness,
} from "../support/bot-harness.ts";
import { importSeeds } from "../support/seeded-corpus.ts";
import { testProviders } from "../support/test-database.ts";
import { anna, bertil, cardAction, cecilia, message, TENANT } from "../support/teams-activities.ts";
import { recordStatusHistory } from "../fixtures/status-history.ts";

const operator = { kind: "operator" as const, name: "test" };
const admin = new Permissions({ tenantId: TENANT, aadObjectId: "admin", name: "Admin" }, [], true);

describe.each(testProviders)("summaries (%s)", (provider) => {
  let bot: BotHarness;
  const deps = () => ({ status: bot.services.status, agreements: bot.services.agreements });

  beforeAll(async () => {
    bot = await createBotHarness({ provider, now: new Date("2025-09-30T08:00:00Z") });
    await importSeeds(bot.services);
    await recordStatusHistory(bot.services);
  }, 120_000);
  afterAll(() => bot?.close());

  it("summarises delår: latest status, how it changed, figures, missing reports flagged, V/D/H requirements", async () => {
    const summary = await summarise(deps(), admin, {
      agreementId: "kan-dso-2025",
      period: "delar",
      asOf: "2025-09-30",
    });
    expect(summary.range).toEqual({ from: "2025-01-01", to: "2025-08-31" });
    expect(summary.entries.map((e) => e.number ?? e.title.slice(0, 12))).toEqual(
      expect.arrayContaining(["3.1", "3.3"]),
    );
    expect(summary.overview.assignments).toBe(9);
    expect(summary.overview.byStatus).toEqual({ on_track: 1, at_risk: 1, delayed: 0, done: 0, none: 7 });

    const work = summary.entries.find((e) => e.title === "Grunduppdrag Arbetsmarknadsverksamhet")!;
    expect(work.latest).toMatchObject({ status: "on_track", version: 2, author: "Dana Divisionschef" });
    expect(work.statusTrail).toEqual(["at_risk", "on_track"]); // the October and January reports come after 30 September
    expect(work.indicators[0]).toMatchObject({ women: 42, men: 36, total: 78 });
    // February's report is on helår 2024, not part of 2025; the tertial-2 report (November) is delår's, still to come.
    expect(work.items.map((i) => [i.dueDate, i.state])).toEqual([
      ["2025-05-07", "met"],
      ["2025-10-15", "upcoming"],
      ["2025-09-30", "upcoming"],
    ]);
    expect(work.required.map((r) => r.title)).toContain("Grunduppdrag Arbetsmarknadsverksamhet");

    const guidance = summary.entries.find((e) => e.title.includes("Integrationsvägledning"))!;
    expect(guidance.latest).toMatchObject({ status: "at_risk" }); // the delår report is newer than the T1 one
    expect(guidance.statusTrail).toEqual(["on_track", "at_risk"]);
    const silent = summary.entries.filter((e) => !e.latest);
    expect(silent).toHaveLength(7);
  });

  it("does not count items due after delår's end as missed in delår, seen a year later", async () => {
    const summary = await summarise(deps(), admin, {
      agreementId: "kan-dso-2025",
      period: "delar",
      asOf: "2026-12-01",
    });
    const missed = summary.entries.flatMap((e) => e.items.filter((i) => i.state === "missed"));
    expect(missed.length).toBeGreaterThan(0);
    for (const item of missed) expect(item.dueDate! <= "2025-08-31", item.label).toBe(true);
    expect(summary.entries.flatMap((e) => e.items).some((i) => i.label.includes("2025-02-05 · H"))).toBe(false);
    const work = summary.entries.find((e) => e.title === "Grunduppdrag Arbetsmarknadsverksamhet")!;
    expect(work.items.find((i) => i.dueDate === "2025-10-15")).toMatchObject({ state: "met" }); // the October report is delår's
    expect(renderSummaryMarkdown(summary)).toContain("inte lämnade med sista dag efter perioden");
  });

  it("summarises helår with the whole year's changes", async () => {
    const summary = await summarise(deps(), admin, {
      agreementId: "kan-dso-2025",
      period: "helar",
      asOf: "2026-02-15",
    });
    const work = summary.entries.find((e) => e.title === "Grunduppdrag Arbetsmarknadsverksamhet")!;
    expect(work.latest).toMatchObject({ status: "done" });
    expect(work.statusTrail).toEqual(["at_risk", "on_track", "delayed", "done"]);
    expect(work.indicators[0]).toMatchObject({ women: 58, men: 49, total: 107 });
    expect(summary.overview.byStatus).toEqual({ on_track: 0, at_risk: 1, delayed: 0, done: 1, none: 7 });
    // The delår report counts for helår too: the year so far.
    expect(summary.entries.find((e) => e.title.includes("Integrationsvägledning"))!.latest).toMatchObject({
      status: "at_risk",
    });
  });

  it("describes the state at the end of the asOf day: later reports and edits are left out", async () => {
    const summary = await summarise(deps(), admin, { agreementId: "kan-dso-2025", period: "var", asOf: "2025-05-01" });
    const work = summary.entries.find((e) => e.title === "Grunduppdrag Arbetsmarknadsverksamhet")!;
    expect(work.latest).toMatchObject({ status: "at_risk", version: 1 }); // the edit of 5 May had not happened yet
    expect(work.statusTrail).toEqual(["at_risk"]);
    expect(summary.entries.find((e) => e.title.includes("Integrationsvägledning"))!.latest).toBeUndefined(); // reported 2 May
  });

  it("reads summary requests however the period is worded, leaving only agreement words", () => {
    expect(readSummaryQuery("delårsuppföljning 2025")).toEqual({ period: "delar", year: 2025, words: [] });
    expect(readSummaryQuery("full-year 2025 kan-dso")).toEqual({ period: "helar", year: 2025, words: ["kan", "dso"] });
    expect(readSummaryQuery("för helår 2026 socialnämnden")).toEqual({
      period: "helar",
      year: 2026,
      words: ["socialnamnden"],
    });
    expect(readSummaryQuery("2025")).toEqual({ period: null, year: 2025, words: [] });
  });

  it("is deterministic: the same data gives the same summary, Markdown and card", async () => {
    const request = { agreementId: "kan-dso-2025", period: "delar" as const, asOf: "2025-09-30" };
    const [a, b] = [await summarise(deps(), admin, request), await summarise(deps(), admin, request)];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(renderSummaryMarkdown(a)).toBe(renderSummaryMarkdown(b));
    expect(JSON.stringify(summaryCardData("sv", a, { page: 2 }))).toBe(
      JSON.stringify(summaryCardData("sv", b, { page: 2 })),
    );
  });

  it("writes Markdown and a Word document laid out per assignment, in the agreement's order", async () => {
    const summary = await summarise(deps(), admin, {
      agreementId: "kan-dso-2025",
      period: "delar",
      asOf: "2025-09-30",
    });
    const markdown = renderSummaryMarkdown(summary);
    expect(markdown).toContain(
      "# Delårsuppföljning 2025: Överenskommelse 2025 mellan Kompetens- och arbetsmarknadsnämnden och Division Social omsorg",
    );
    expect(markdown).toContain("## 3.1 Grunduppdrag Arbetsmarknadsverksamhet");
    expect(markdown).toContain("**Status: Enligt plan (under perioden: Risk → Enligt plan)**");
    expect(markdown).toContain("⚠ Ingen uppdatering för perioden");
    expect(markdown.indexOf("## 3.1 ")).toBeLessThan(markdown.indexOf("## 3.3 "));

    const { value: text } = await mammoth.extractRawText({ buffer: await renderSummaryDocx(summary) });
    expect(text).toContain("3.1 Grunduppdrag Arbetsmarknadsverksamhet");
    expect(text).toContain("Två arbetskonsulenter anställda i maj; verksamheten är bemannad enligt plan.");
    expect(text).toContain("Status: Enligt plan (under perioden: Risk → Enligt plan)");
    expect(text).toMatch(/42\s+36\s+78/); // the indicator table row
    expect(text.match(/Ingen uppdatering för perioden/g)).toHaveLength(7);
  });

  it("gives experts the card in Teams, paged within Teams' size limit, with signed download links", async () => {
    await grantRole(bot.services, operator, {
      tenantId: TENANT,
      aadObjectId: cecilia.aadObjectId,
      role: "expert",
      scope: "KAN",
    });
    const card = cardOf((await bot.send(message("sammanfattning delår 2025", cecilia)))[0])!;
    const texts = cardTexts(card).join("\n");
    expect(texts).toContain("Delårsuppföljning 2025: Överenskommelse 2025 mellan Kompetens- och arbetsmarknadsnämnden");
    expect(texts).toContain("1 enligt plan, 1 risk, 0 försenade, 0 klara, 7 utan uppdatering (av 9 uppdrag och mål)");
    expect(texts).toContain("Sida 1 av 2");
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
    const urls = JSON.stringify(card).match(/http:\/\/127\.0\.0\.1:3978\/downloads\/summary\?[^"]+/g) ?? [];
    expect(urls).toHaveLength(2);

    const page2 = invokeCard(await bot.send(cardAction("summary.page", actionData(card, "summary.page")!, cecilia)))!;
    expect(cardTexts(page2).join("\n")).toContain("Sida 2 av 2");

    // The link serves the file without Teams, and only as signed.
    const download = summaryDownloads({ ...deps(), clock: bot.clock, secret: bot.services.linkSecret });
    const word = new URL(urls[0]!.replace(/&amp;/g, "&"));
    const file = await download(Object.fromEntries(word.searchParams));
    expect(file).toMatchObject({ status: 200, filename: "sammanfattning-kan-dso-2025-delar-2025.docx" });
    expect((await mammoth.extractRawText({ buffer: file.body as Buffer })).value).toContain(
      "3.1 Grunduppdrag Arbetsmarknadsverksamhet",
    );
    expect((await download({ ...Object.fromEntries(word.searchParams), agreement: "sn-dso-2026" })).status).toBe(403);
    bot.clock.advance(25 * 60 * 60 * 1000);
    expect((await download(Object.fromEntries(word.searchParams))).status).toBe(403);
    bot.clock.set(new Date("2025-09-30T08:00:00Z"));
  });

  it("keeps every page of the larger 2026 agreement under Teams' message limit", async () => {
    const summary = await summarise(deps(), admin, { agreementId: "sn-dso-2026", period: "helar", asOf: "2026-11-23" });
    const pages = Math.ceil(summary.entries.length / summaryPageSize);
    expect(pages).toBeGreaterThan(1);
    const link = summaryLink(
      "https://uppfoljning.kommun.se",
      "s".repeat(40),
      { agreementId: "sn-dso-2026", period: "helar", year: 2026, format: "docx", language: "sv" },
      new Date("2026-11-23T08:00:00Z"),
    );
    for (let page = 1; page <= pages; page++) {
      const card = bot.cards.render(
        "summary",
        summaryCardData("sv", summary, { page, links: { word: link, markdown: link } }),
      );
      expect(JSON.stringify(card).length, `page ${page}`).toBeLessThan(28_000);
    }
  });

  it("shows a chief their division's agreements in English on request, and refuses people without a role", async () => {
    await grantRole(bot.services, operator, {
      tenantId: TENANT,
      aadObjectId: anna.aadObjectId,
      role: "chief",
      scope: "DSO",
    });
    const card = cardOf((await bot.send(message("summary full year 2025", anna)))[0]);
    expect(cardTexts(card).join("\n")).toContain("Full-year follow-up 2025: Överenskommelse 2025");
    const refused = await bot.send(message("sammanfattning delår 2025", bertil));
    expect(cardTexts(cardOf(refused[0])).join(" ")).toContain("Sammanfattningar är för nämndens sakkunniga");
    const inGroupChat = await bot.send(
      message("sammanfattning delår 2025", anna, { kind: "groupChat", id: "19:group-kan@thread.v2" }),
    );
    expect(inGroupChat[0]?.text).toContain("bara i vår personliga chatt");
    const noPeriod = await bot.send(message("sammanfattning 2025", anna));
    expect(noPeriod[0]?.text).toContain("Perioder: vår (tertial 1), delår, helår");
    await grantRole(bot.services, operator, {
      tenantId: TENANT,
      aadObjectId: bertil.aadObjectId,
      role: "chief",
      scope: "DAF",
    });
    const otherDivision = await bot.send(message("sammanfattning delår 2025", bertil));
    expect(otherDivision[0]?.text).toContain("Jag hittade ingen överenskommelse (2025) som du kan följa");
  });
});
