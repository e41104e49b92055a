// Someone granted a role by Entra object id, before the bot knew their name, shows by name once
// they have talked to the bot: in the store's lists, `roller` in Teams, `roles list` and the
// digest preview of the CLI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole } from "../../src/people/manage-roles.ts";
import { createBotHarness, type BotHarness } from "../support/bot-harness.ts";
import { cliRunner } from "../support/cli-runner.ts";
import { importSeeds } from "../support/seeded-corpus.ts";
import { testProviders } from "../support/test-database.ts";
import { admin, message, TENANT, type TeamsUser } from "../support/teams-activities.ts";

const david: TeamsUser = { id: "29:david", aadObjectId: "00000000-0000-0000-0000-0000000da004", name: "David Dahl" };

describe.each(testProviders)("people known by name (%s)", (provider) => {
  let bot: BotHarness;
  const cli = cliRunner(() => ({
    env: { DATABASE_URL: bot.db.url, ADMIN_AAD_OBJECT_IDS: admin.aadObjectId },
    cwd: process.cwd(),
  }));
  beforeAll(async () => {
    bot = await createBotHarness({
      provider,
      now: new Date("2026-03-02T08:00:00Z"),
      env: { ADMIN_AAD_OBJECT_IDS: admin.aadObjectId },
    });
    await importSeeds(bot.services);
    // Granted by object id only (as `roles grant expert SN --user <guid>` does), in upper case as Entra shows it.
    await grantRole(
      bot.services,
      { kind: "operator", name: "test" },
      { tenantId: TENANT, aadObjectId: david.aadObjectId.toUpperCase(), role: "expert", scope: "SN" },
    );
    await bot.send(message("hej", david)); // David opens the bot: now his name is known
  }, 120_000);
  afterAll(() => bot?.close());

  it("lists the grant with the person's name", async () => {
    const [grant] = await bot.services.roles.list({ role: "expert" });
    expect(grant).toMatchObject({ aadObjectId: david.aadObjectId, displayName: "David Dahl" });
  });

  it("shows the name in roller, roles list and the digest preview", async () => {
    const [roles] = await bot.send(message("roller", admin));
    expect(roles!.text).toContain("- David Dahl: sakkunnig (SN)");
    expect(roles!.text).not.toContain("da004");
    const list = await cli(["roles", "list"]);
    expect(list.out).toMatch(/expert SN\s+David Dahl\s+00000000-0000-0000-0000-0000000da004/);
    const digest = await cli(["digest", "--dry-run"]);
    expect(digest.out).toMatch(/^David Dahl \(SN\): /m);
    expect(digest.out).not.toContain("person:");
  });
});
