// roles, status, reminders and audit from the command line, against a real database file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRunner } from "../../support/cli-runner.ts";
import { followUpAgreementText } from "../../fixtures/agreement-fixtures.ts";
import { fixedClock } from "../../../src/shared/clock.ts";

const CHIEF = "11111111-2222-3333-4444-555555555555";
// A fixed day for the CLI's clock, with the agreement's dates relative to it.
const today = "2026-03-10";
const clock = fixedClock(new Date(`${today}T09:00:00+01:00`));
const plus = (days: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const materialDue = plus(7);

describe("the role, status, reminder and audit commands", () => {
  let folder: string;
  let env: Record<string, string>;
  const cli = cliRunner(() => ({ env, cwd: folder, clock }));

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "uppfoljning-cli-status-"));
    env = { DATABASE_URL: `file:${join(folder, "cli.db")}`, MICROSOFT_APP_TENANT_ID: "", REMINDER_DAYS: "7,2" };
    writeFileSync(join(folder, "amn-daf.txt"), followUpAgreementText(today));
    expect((await cli(["import", join(folder, "amn-daf.txt")])).code).toBe(0);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("grants, lists and revokes roles, and explains mistakes", async () => {
    expect(await cli(["roles", "list"])).toMatchObject({ code: 0, out: expect.stringContaining("No roles yet") });
    const granted = await cli([
      "roles",
      "grant",
      "chief",
      "daf",
      "--user",
      CHIEF,
      "--tenant",
      "tenant-1",
      "--name",
      "Dana Chef",
    ]);
    expect(granted).toMatchObject({ code: 0, out: `Granted chief DAF to Dana Chef (${CHIEF}).` });
    expect((await cli(["roles", "grant", "chief", "DAF", "--user", CHIEF, "--tenant", "tenant-1"])).out).toContain(
      "already had chief DAF; nothing changed",
    );
    expect(await cli(["roles", "grant", "king", "--user", CHIEF, "--tenant", "tenant-1"])).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown role "king"'),
    });
    expect(await cli(["roles", "grant", "expert", "--user", CHIEF, "--tenant", "tenant-1"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("needs a committee code"),
    });
    expect(await cli(["roles", "grant", "chief", "DAF", "--user", CHIEF])).toMatchObject({
      code: 2,
      err: expect.stringContaining("Give --tenant"),
    });
    expect(
      await cli(["roles", "grant", "chief", "DAF", "--user", "Nobody Known", "--tenant", "tenant-1"]),
    ).toMatchObject({ code: 1, err: expect.stringContaining("has talked to the bot yet") });
    await cli([
      "roles",
      "grant",
      "expert",
      "AMN",
      "--user",
      "99999999-2222-3333-4444-555555555555",
      "--tenant",
      "tenant-1",
    ]);
    const list = await cli(["roles", "list"]);
    expect(list.out).toMatch(/chief DAF\s+Dana Chef\s+11111111-2222-3333-4444-555555555555\s+tenant tenant-1/);
    expect(list.out).toContain("expert AMN");
    expect(
      (
        await cli([
          "roles",
          "revoke",
          "expert",
          "AMN",
          "--user",
          "99999999-2222-3333-4444-555555555555",
          "--tenant",
          "tenant-1",
        ])
      ).out,
    ).toContain("Revoked expert AMN");
    expect((await cli(["roles", "list", "--json"])).out).not.toContain("AMN");
  });

  it("plans reminders for a given day without sending, and lists overdue items", async () => {
    // One report: written material due in a week for the meeting in four weeks. A week before the material is due is today.
    const dry = await cli(["reminders", "run", "--dry-run", "--today", today]);
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.out).toContain(
      `would send: Dana Chef — amn-daf-${today.slice(0, 4)}, status due ${materialDue} (7 days, step 7): 1 assignment(s)`,
    );
    expect(dry.out).toContain(`1 reminder(s) planned for ${today}; nothing sent (dry run).`);
    expect((await cli(["reminders", "run", "--dry-run", "--today", plus(21)])).out).toContain(
      `0 reminder(s) planned for ${plus(21)}`,
    );
    expect((await cli(["reminders", "list"])).out).toContain("No reminders sent yet.");
    const overdue = await cli(["status", "list", "--overdue"]);
    expect(overdue.out).toBe(`Nothing overdue on ${today}.`);
  });

  it("adds status through the same use case as the card: validation, idempotency, edits", async () => {
    const add = (...extra: string[]) =>
      cli(["status", "add", "--agreement", "amn-daf", "--assignment", "vägledning", "--period", materialDue, ...extra]);
    expect(await add("--status", "risk", "--text", "x")).toMatchObject({
      code: 2,
      err: expect.stringContaining("status: Choose a status."),
    });
    expect(await add("--status", "at_risk", "--text", "Två platser saknas", "--figure", "0=12")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--figure"),
    });
    expect(await add("--status", "at_risk", "--text", "Två platser saknas", "--figure", "0=12,x")).toMatchObject({
      code: 2,
      err: expect.stringContaining("men_0"),
    });
    const stored = await add(
      "--status",
      "at_risk",
      "--text",
      "Två platser saknas",
      "--figure",
      "0=12,9",
      "--as",
      CHIEF,
      "--key",
      "import-2026-03-01",
    );
    expect(stored).toMatchObject({
      code: 0,
      out: expect.stringContaining("Stored: 2 Grunduppdrag Vägledning till arbete"),
    });
    expect(
      (await add("--status", "at_risk", "--text", "Två platser saknas", "--as", CHIEF, "--key", "import-2026-03-01"))
        .out,
    ).toContain("Already stored (same --key)");
    expect(await add("--status", "at_risk", "--text", "Annan rapport", "--key", "import-2026-03-01")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--key import-2026-03-01 was already used"),
    });
    expect(await add("--status", "on_track", "--text", "Alla på plats")).toMatchObject({
      code: 1,
      err: expect.stringContaining("already has a status (version 1, at_risk). Add --edit"),
    });
    expect((await add("--status", "on_track", "--text", "Alla på plats", "--edit")).out).toContain("version 2");
    const json = JSON.parse((await cli(["status", "list", "--json"])).out);
    expect(json).toEqual([
      expect.objectContaining({
        agreement: `amn-daf-${today.slice(0, 4)}`,
        status: "on_track",
        version: 2,
        dueDate: materialDue,
        indicatorValues: [],
      }),
    ]);
    expect((await cli(["status", "list", "--agreement", "nothing-like-this"])).code).toBe(2);
  });

  it("shows who did what in the audit log", async () => {
    const audit = await cli(["audit"]);
    expect(audit.out).toMatch(/status\.edit .*cli:/);
    expect(audit.out).toMatch(/status\.submit .*"onBehalfOf":"cli\/11111111-2222-3333-4444-555555555555"/);
    expect(audit.out).toMatch(/role\.revoke .*"role":"expert","scope":"AMN"/);
    expect((await cli(["audit", "--action", "role"])).out.split("\n")).toHaveLength(3);
  });
});
