// Committee and division codes, names and years narrow the same way in the bot and the CLI, with a
// second agreement of the same year (AMN ↔ DAF 2026, whose "arbetsmarknadsnämnden" contains "sn")
// and a second KAN agreement (2026) next to the seeds.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDocument } from "../../src/agreements/import-document.ts";
import { grantRole } from "../../src/people/manage-roles.ts";
import { followUpAgreementText } from "../fixtures/agreement-fixtures.ts";
import { cardOf, cardTexts, createBotHarness, type BotHarness } from "../support/bot-harness.ts";
import { cliRunner } from "../support/cli-runner.ts";
import { importSeeds } from "../support/seeded-corpus.ts";
import { seedPath } from "../support/seeds.ts";
import { anna, message, TENANT } from "../support/teams-activities.ts";

describe("choosing an agreement by code, name and year", () => {
  let bot: BotHarness;
  const cli = cliRunner(() => ({ env: { DATABASE_URL: bot.db.url }, cwd: process.cwd() }));

  beforeAll(async () => {
    bot = await createBotHarness({ now: new Date("2026-12-01T09:00:00Z") });
    await importSeeds(bot.services);
    const kan2026 = readFileSync(seedPath("001_67a0e3e82ef46e51.txt"), "utf8").replace(/2025/g, "2026");
    for (const [name, text] of [
      ["kan-2026.txt", kan2026],
      ["amn-daf.txt", followUpAgreementText("2026-12-01")],
    ] as const) {
      expect((await importDocument({ name, bytes: Buffer.from(text) }, bot.services.importDependencies)).ok).toBe(true);
    }
    for (const scope of ["DSO", "DAF"]) {
      await grantRole(
        bot.services,
        { kind: "operator", name: "test" },
        { tenantId: TENANT, aadObjectId: anna.aadObjectId, displayName: anna.name, role: "chief", scope },
      );
    }
  }, 120_000);
  afterAll(() => bot?.close());

  it("has the agreements the scenario needs", async () => {
    expect((await bot.services.agreements.listAgreements()).map((a) => a.id).sort()).toEqual([
      "amn-daf-2026",
      "kan-dso-2025",
      "kan-dso-2026",
      "sn-dso-2026",
    ]);
  });

  it("narrows a summary in Teams by the committee code", async () => {
    const card = cardOf((await bot.send(message("sammanfattning helår 2026 sn")))[0]);
    expect(cardTexts(card).join("\n")).toContain(
      "Helårsuppföljning 2026: Socialnämndens överenskommelse om verksamhet 2026",
    );
    const [kan] = await bot.send(message("sammanfattning helår kan"));
    expect(kan!.text).toContain("Flera överenskommelser passar: kan-dso-2026, kan-dso-2025");
    // What the digest's summary button asks for: the full id.
    const fromDigest = cardOf((await bot.send(message("sammanfattning helår 2026 kan-dso-2026")))[0]);
    expect(cardTexts(fromDigest).join("\n")).toContain(
      "Helårsuppföljning 2026: Överenskommelse 2026 mellan Kompetens- och arbetsmarknadsnämnden",
    );
    const kan2025 = cardOf((await bot.send(message("sammanfattning delår 2025 kan")))[0]);
    expect(cardTexts(kan2025).join("\n")).toContain(
      "Delårsuppföljning 2025: Överenskommelse 2025 mellan Kompetens- och arbetsmarknadsnämnden",
    );
  });

  it("narrows the status overview by the committee code, not by fragments of titles", async () => {
    const texts = cardTexts(cardOf((await bot.send(message("status sn")))[0]));
    const agreements = texts.filter((t) => / · /.test(t) && /-\d{4} · /.test(t));
    expect(agreements.length).toBeGreaterThan(0);
    expect(agreements.every((t) => t.startsWith("sn-dso-2026 · "))).toBe(true);
  });

  it("narrows --agreement on the command line the same way, with --year", async () => {
    const summary = await cli([
      "summary",
      "--agreement",
      "kan",
      "--year",
      "2025",
      "--period",
      "delar",
      "--as-of",
      "2025-09-30",
    ]);
    expect(summary).toMatchObject({
      code: 0,
      out: expect.stringContaining("# Delårsuppföljning 2025: Överenskommelse 2025"),
    });
    expect(await cli(["summary", "--agreement", "kan", "--period", "delar"])).toMatchObject({
      code: 2,
      err: expect.stringContaining(
        '2 agreements match "kan": kan-dso-2026, kan-dso-2025. Give more of the id or a year.',
      ),
    });
    expect((await cli(["summary", "--agreement", "sn", "--period", "helar", "--as-of", "2026-12-01"])).out).toContain(
      "# Helårsuppföljning 2026: Socialnämndens överenskommelse",
    );
    expect((await cli(["deadlines", "--agreement", "sn", "--json"])).code).toBe(0);
    expect((await cli(["periods", "--agreement", "socialnämnden"])).out).toMatch(/^sn-dso-2026: /);
  });
});
