// Forty hostile or broken inputs — chat messages, card payloads, imported files and command-line
// arguments. Each gets a clear answer, none changes what is stored, and the bot keeps working.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Activity } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDocument } from "../../src/agreements/import-document.ts";
import { cardOf, cardTexts, createBotHarness, type BotHarness } from "../support/bot-harness.ts";
import { cliRunner } from "../support/cli-runner.ts";
import { grantSeedRoles, importSeeds } from "../support/seeded-corpus.ts";
import { admin, anna, bertil, cardAction, cecilia, message } from "../support/teams-activities.ts";

const megabyte = "å".repeat(1_000_000);

type Case = [name: string, make: (ids: { assignmentId: string }) => Partial<Activity>];

const messages: Case[] = [
  ["an empty message", () => message("")],
  ["control characters only", () => message("  \u0000\u0007\u001b  ")],
  ["a 1 MB message", () => message(megabyte)],
  ["HTML and script", () => message("<script>alert(1)</script><img src=x onerror=alert(1)>")],
  ["SQL injection in a question", () => message(`vad gäller'; DROP TABLE "Agreement"; --`)],
  ["emoji only", () => message("🙂🙂🙂")],
  ["right-to-left override", () => message("\u202Ehjälp")],
  ["one 3,999-character word", () => message("x".repeat(3999))],
  ["a role grant by someone who is not admin", () => message("roller ge admin <at>Bertil Berg</at>", bertil)],
  [
    "a role grant to an object id by someone who is not admin",
    () => message("roller ge chef DSO 00000000-0000-0000-0000-000000000bad", bertil),
  ],
  [
    "a role grant with injection as the code",
    () => message(`roller ge chef '; DROP TABLE "RoleGrant" -- Anna Andersson`, admin),
  ],
  ["a summary for year 1899", () => message("sammanfattning delår 1899", cecilia)],
  ["a status filter with a path", () => message("status ../../../../etc/passwd", anna)],
  ["a channel command in a personal chat", () => message("sammandrag kanal KAN", cecilia)],
  ["a digest command with junk", () => message("sammandrag %00%0a; rm -rf /", cecilia)],
  [
    "a card submit without text (Action.Submit)",
    () => ({ ...message(""), text: undefined, value: { anything: true } }),
  ],
];

const cardPayloads: Case[] = [
  ["a submit with no data", () => cardAction("status.submit", {})],
  [
    "an assignment id that is a number",
    () => cardAction("status.submit", { assignmentId: 42, idempotencyKey: "key-0000-0001" }),
  ],
  [
    "an assignment that does not exist",
    () =>
      cardAction("status.submit", {
        assignmentId: "00000000-0000-0000-0000-000000000000",
        idempotencyKey: "key-0000-0002",
      }),
  ],
  [
    "an idempotency key that is an object",
    ({ assignmentId }) =>
      cardAction("status.submit", { assignmentId, idempotencyKey: { $gt: "" }, status: "done", text: "x" }),
  ],
  [
    "a base version that is text",
    ({ assignmentId }) =>
      cardAction("status.submit", {
        assignmentId,
        idempotencyKey: "key-0000-0003",
        baseVersion: "abc",
        status: "on_track",
        text: "",
      }),
  ],
  [
    "a 1 MB status text",
    ({ assignmentId }) =>
      cardAction("status.submit", {
        assignmentId,
        idempotencyKey: "key-0000-0004",
        status: "on_track",
        text: megabyte,
      }),
  ],
  [
    "an injected status value",
    ({ assignmentId }) =>
      cardAction("status.submit", {
        assignmentId,
        idempotencyKey: "key-0000-0005",
        status: `done'; DROP TABLE "StatusUpdate"; --`,
        text: "x",
      }),
  ],
  [
    "a period that is an array",
    ({ assignmentId }) =>
      cardAction("status.submit", {
        assignmentId,
        idempotencyKey: "key-0000-0006",
        status: "on_track",
        text: "x",
        period: ["a"],
      }),
  ],
  [
    "figures that overflow",
    ({ assignmentId }) =>
      cardAction("status.submit", {
        assignmentId,
        idempotencyKey: "key-0000-0007",
        status: "on_track",
        text: "",
        women_0: "1e400",
        men_0: "Infinity",
      }),
  ],
  [
    "another user's submit (no role)",
    ({ assignmentId }) =>
      cardAction("status.submit", { assignmentId, idempotencyKey: "key-0000-0008", status: "done", text: "x" }, bertil),
  ],
  ["an edit of an update id that is a path", () => cardAction("status.edit", { updateId: "../../etc/passwd" })],
  ["opening a null assignment", () => cardAction("status.open", { assignmentId: null })],
  [
    "a summary page with injection and a huge year",
    () =>
      cardAction(
        "summary.page",
        { agreementId: `'; DROP TABLE "Agreement"; --`, period: "delar", year: 99999, page: 1 },
        cecilia,
      ),
  ],
  [
    "a summary page with an object as period",
    () => cardAction("summary.page", { agreementId: "kan-dso-2025", period: { x: 1 }, year: 2025, page: -3 }, cecilia),
  ],
  ["a verb the bot does not have", () => cardAction("status.delete", { everything: true })],
  ["an invoke without a value", () => ({ ...cardAction("status.submit", {}), value: null })],
];

function replyText(replies: Partial<Activity>[]): string {
  const invoke = replies.find((r) => r.type === "invokeResponse")?.value as
    | { status?: number; body?: { value?: unknown } }
    | undefined;
  if (invoke)
    return typeof invoke.body?.value === "string" ? invoke.body.value : cardTexts(invoke.body?.value).join(" ");
  return replies.map((r) => [r.text ?? "", ...cardTexts(cardOf(r))].join(" ")).join(" ");
}

describe("hostile and broken input", () => {
  let bot: BotHarness;
  let assignmentId: string;
  let before: Record<string, number>;
  const counts = async () => {
    const p = bot.services.database.prisma;
    return {
      statusUpdate: await p.statusUpdate.count(),
      statusRevision: await p.statusRevision.count(),
      roleGrant: await p.roleGrant.count(),
      auditEntry: await p.auditEntry.count(),
      agreement: await p.agreement.count(),
      document: await p.document.count(),
      digestChannel: await p.digestChannel.count(),
      digestPreference: await p.digestPreference.count(),
      reminderDelivery: await p.reminderDelivery.count(),
    };
  };

  beforeAll(async () => {
    bot = await createBotHarness({
      now: new Date("2025-04-28T08:00:00Z"),
      env: { ADMIN_AAD_OBJECT_IDS: admin.aadObjectId },
    });
    await importSeeds(bot.services);
    await grantSeedRoles(bot.services);
    assignmentId = (await bot.services.status.reportableAssignments({ agreementId: "kan-dso-2025" }))[0]!.id;
    before = await counts();
  }, 120_000);
  afterAll(() => bot?.close());

  it.each([...messages, ...cardPayloads])("%s: a clear answer, nothing stored", async (_name, make) => {
    const replies = await bot.send(make({ assignmentId }));
    const text = replyText(replies);
    const isUnknownVerb =
      _name.startsWith("a verb the bot does not have") || _name.startsWith("an invoke without a value");
    if (!isUnknownVerb) expect(text.trim().length, "the person is told something").toBeGreaterThan(10);
    expect(text).not.toMatch(/TypeError|SyntaxError|at .*\.ts:\d+|undefined is not/); // no internals leak
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["an empty PDF", "empty.pdf", Buffer.alloc(0)],
    ["random bytes named .docx", "scan.docx", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ["a PDF that stops after its header", "cut.pdf", Buffer.from("%PDF-1.7\n1 0 obj\n<<")],
    ["a program named .exe", "setup.exe", Buffer.from("MZ\u0090\u0000")],
  ])("import of %s: refused with a reason, nothing stored", async (_name, name, bytes) => {
    const result = await importDocument({ name, bytes }, bot.services.importDependencies);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message.length).toBeGreaterThan(10);
    expect(await counts()).toEqual(before);
  });

  it("keeps answering afterwards", async () => {
    expect(replyText(await bot.send(message("hjälp")))).toContain("Hjälp");
  });
});

describe("hostile command-line arguments", () => {
  let folder: string;
  let env: Record<string, string>;
  const cli = cliRunner(() => ({ env, cwd: folder }));
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "uppfoljning-cli-hostile-"));
    env = { DATABASE_URL: `file:${join(folder, "cli.db")}` };
    expect((await cli(["db", "migrate"])).code).toBe(0);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each([
    [
      "a role without its code, user as injection",
      ["roles", "grant", "chief", "--user", `'; DROP TABLE "RoleGrant" --`, "--tenant", "t"],
    ],
    [
      "overflowing figures",
      [
        "status",
        "add",
        "--agreement",
        "x",
        "--assignment",
        "y",
        "--status",
        "done",
        "--text",
        "t",
        "--figure",
        "0=1e400,1",
      ],
    ],
    ["a negative audit limit", ["audit", "--limit", "-5"]],
    ["week 99", ["digest", "--week", "2026-W99"]],
    ["a five-digit year", ["summary", "--agreement", "x", "--period", "delar", "--year", "20256"]],
    ["an impossible date", ["deadlines", "--from", "2025-02-30"]],
    ["an unknown command", ["drop-everything"]],
  ])("%s: exit code and a message, nothing stored", async (_name, args) => {
    const { code, err } = await cli(args as string[]);
    expect(code).not.toBe(0);
    expect(err.trim().length).toBeGreaterThan(5);
    expect((await cli(["roles", "list", "--json"])).out).toBe("[]");
    expect((await cli(["audit", "--json"])).out).toBe("[]");
  });
});
