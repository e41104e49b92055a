// Display-name spoofing: Teams lets people choose names with invisible characters. "\u202Enosredna annA"
// renders as "Anna Andersson" wherever it is echoed verbatim. Names are shown and compared without
// them (role confirmations, the roles list, receipts, the CLI and the audit), and the database keeps the
// name as Teams sent it, which the audit shows with the characters written out.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Activity } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayName, revealInvisible, sameName } from "../../src/people/display-name.ts";
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
import { admin, anna, cardAction, message, personal, TENANT, type TeamsUser } from "../support/teams-activities.ts";

const invisible = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
const spoofer: TeamsUser = { id: "29:spoofer", aadObjectId: "aad-spoofer", name: "\u202Enosredna annA" };
const operator = { kind: "operator" as const, name: "test" };

describe("names that hide or reorder text", () => {
  it("are shown without bidi controls and invisible characters, and compared as shown", () => {
    expect(displayName("\u202Enosredna annA")).toBe("nosredna annA");
    expect(displayName("Anna\u200B Andersson\u2066\u2069")).toBe("Anna Andersson");
    expect(displayName("  Bertil\n\tBerg  ")).toBe("Bertil Berg");
    expect(displayName("\u200B\u202E")).toBeUndefined();
    expect(displayName("x".repeat(300))).toHaveLength(100);
    expect(sameName("Anna\u200BAndersson", "annaandersson")).toBe(true);
    expect(sameName("ＡＮＮＡ", "anna")).toBe(true);
    expect(sameName("\u202E", "")).toBe(false);
    expect(revealInvisible("\u202Enosredna annA")).toBe("\\u202Enosredna annA");
  });
});

describe("a person whose Teams name carries a right-to-left override", () => {
  let bot: BotHarness;
  let folder: string;
  const cli = cliRunner(() => ({ env: { DATABASE_URL: bot.db.url }, cwd: folder }));
  const texts = (replies: Partial<Activity>[]) =>
    replies.map((r) => [r.text ?? "", ...cardTexts(cardOf(r))].join(" ")).join(" ");

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "uppfoljning-names-"));
    bot = await createBotHarness({
      now: new Date("2025-04-28T08:00:00Z"),
      env: { ADMIN_AAD_OBJECT_IDS: admin.aadObjectId },
    });
    await importSeeds(bot.services);
    await bot.send(message("hej", spoofer)); // the bot now knows the name Teams gives
  }, 120_000);
  afterAll(async () => {
    await bot?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("is confirmed and listed without the override when an administrator grants a role", async () => {
    const grant = message(`roller ge sakkunnig KAN <at>${spoofer.name}</at>`, admin, personal(admin));
    grant.entities = [
      { type: "mention", text: `<at>${spoofer.name}</at>`, mentioned: { id: spoofer.id, name: spoofer.name } },
    ];
    const confirmation = texts(await bot.send(grant));
    expect(confirmation).toBe("nosredna annA är nu sakkunnig (KAN).");
    const list = texts(await bot.send(message("roller", admin)));
    expect(list).toContain("nosredna annA: sakkunnig (KAN)");
    expect(list).not.toMatch(invisible);
  });

  it("signs a status receipt without the override", async () => {
    await grantRole(bot.services, operator, {
      tenantId: TENANT,
      aadObjectId: spoofer.aadObjectId,
      role: "chief",
      scope: "DSO",
    });
    const form = cardOf((await bot.send(message("status arbetsmarknadsverksamhet", spoofer))).at(-1))!;
    const receipt = invokeCard(
      await bot.send(
        cardAction(
          "status.submit",
          { ...actionData(form, "status.submit"), ...cardInputs(form), status: "done", text: "Klart." },
          spoofer,
        ),
      ),
    );
    const shown = cardTexts(receipt).join(" ");
    expect(shown).toContain("nosredna annA");
    expect(shown).not.toMatch(invisible);
  });

  it("keeps the name as Teams sent it in the database, and the audit shows it written out", async () => {
    const person = await bot.services.database.prisma.person.findFirstOrThrow({
      where: { aadObjectId: spoofer.aadObjectId },
    });
    expect(person.displayName).toBe(spoofer.name);
    const submit = (await bot.services.audit.list({ action: "status.submit" }))[0]!;
    expect(submit.actorName).toBe(spoofer.name);

    const audit = await cli(["audit"]);
    expect(audit.out).not.toMatch(invisible);
    expect(audit.out).toContain('nosredna annA (sent as "\\u202Enosredna annA")');
    const auditJson = await cli(["audit", "--json"]);
    expect(auditJson.out).not.toMatch(invisible);
    const submitted = (JSON.parse(auditJson.out) as Array<{ action: string; actorName?: string }>).find(
      (e) => e.action === "status.submit",
    );
    expect(submitted?.actorName).toBe(spoofer.name); // the same data, nothing hidden on screen
    const roles = await cli(["roles", "list"]);
    expect(roles.out).toContain("nosredna annA");
    expect(roles.out).not.toMatch(invisible);
  });

  it("is not taken for someone whose name only looks the same", async () => {
    // Two people who both show as "Anna Andersson": naming her is ambiguous, not a coin toss.
    await bot.send(message("hej", anna));
    await bot.send(message("hej", { id: "29:twin", aadObjectId: "aad-twin", name: "Anna\u200B Andersson" }));
    const reply = texts(await bot.send(message("roller ge chef DSO Anna Andersson", admin)));
    expect(reply).toMatch(/Flera personer matchar ”anna andersson”: Anna Andersson, Anna Andersson/i);
    expect(reply).not.toMatch(invisible);
  });
});
