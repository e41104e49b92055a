import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { runCli } from "../../../src/adapters/cli/cli-program.ts";
import { createEmptyDatabaseUrl } from "../../support/test-database.ts";

async function cli(args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("the uppfoljning CLI", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it("lists its commands with --help", async () => {
    const { code, out } = await cli(["--help"]);
    expect(code).toBe(0);
    expect(out).toMatch(/Usage: uppfoljning/);
    for (const command of ["version", "db", "app-package"]) expect(out).toContain(command);
  });

  it("prints its version and which database it uses, without the password", async () => {
    const { code, out } = await cli(["version"], { DATABASE_URL: "postgresql://bot:hemligt@db:5432/uppf" });
    expect(code).toBe(0);
    expect(out).toMatch(/^uppfoljningsboten \d+\.\d+\.\d+/);
    expect(out).toContain("postgresql://bot:***@db:5432/uppf");
    expect(out).not.toContain("hemligt");
  });

  it("shows a new database as not up to date, migrates it, and then shows it up to date", async () => {
    const { url, drop } = await createEmptyDatabaseUrl("sqlite");
    cleanups.push(drop);
    const before = await cli(["db", "status"], { DATABASE_URL: url });
    expect(before.code).toBe(1);
    expect(before.out).toMatch(/pending/);
    expect(before.out).toContain("NOT up to date");

    const migrate = await cli(["db", "migrate"], { DATABASE_URL: url });
    expect(migrate.code).toBe(0);
    expect(migrate.out).toMatch(/applied \d{14}_init/);

    const after = await cli(["db", "status", "--json"], { DATABASE_URL: url });
    expect(after.code).toBe(0);
    expect(JSON.parse(after.out)).toMatchObject({ upToDate: true, pending: [] });
    expect((await cli(["db", "migrate"], { DATABASE_URL: url })).out).toContain("already up to date");
  });

  it("migrates a PostgreSQL database with one command", async () => {
    const { url, drop } = await createEmptyDatabaseUrl("postgresql");
    cleanups.push(drop);
    expect((await cli(["db", "migrate"], { DATABASE_URL: url })).code).toBe(0);
    expect((await cli(["db", "status"], { DATABASE_URL: url })).out).toContain("The database is up to date.");
  });

  it("explains an unreachable database in one line", async () => {
    const { code, err } = await cli(["db", "status"], { DATABASE_URL: "postgresql://bot:x@127.0.0.1:1/uppf" });
    expect(code).toBe(1);
    expect(err).toMatch(/^Cannot reach the database at postgresql:\/\/bot:\*\*\*@127\.0\.0\.1:1\/uppf/);
  });

  it("rejects bad configuration and unknown commands with exit code 2", async () => {
    const config = await cli(["version"], { PORT: "many" });
    expect(config.code).toBe(2);
    expect(config.err).toContain("PORT");
    const unknown = await cli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown command 'frobnicate'");
  });

  it("builds the Teams app package for a given bot id and domain", async () => {
    const folder = mkdtempSync(join(tmpdir(), "package-"));
    cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
    const { code, out } = await cli(
      [
        "app-package",
        "--app-id",
        "0b5a4d3e-1111-2222-3333-444455556666",
        "--domain",
        "bot.kommun.se",
        "--out",
        "app.zip",
      ],
      {},
      folder,
    );
    expect(code).toBe(0);
    expect(out).toContain(join(folder, "app.zip"));
    const archive = await JSZip.loadAsync(readFileSync(join(folder, "app.zip")));
    expect(JSON.parse(await archive.file("manifest.json")!.async("string")).validDomains).toEqual(["bot.kommun.se"]);
    const missing = await cli(["app-package"], {}, folder);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--app-id <guid> --domain <host>/);
  });
});
