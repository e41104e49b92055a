// summary from the command line: Markdown to stdout, Word and JSON to files, clear errors.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeServices } from "../../../src/composition-root.ts";
import { loadConfig } from "../../../src/config/config.ts";
import { silentLogger } from "../../../src/shared/logger.ts";
import { recordStatusHistory } from "../../fixtures/status-history.ts";
import { cliRunner } from "../../support/cli-runner.ts";
import { importSeeds } from "../../support/seeded-corpus.ts";

describe("the summary command", () => {
  let folder: string;
  let env: Record<string, string>;
  const cli = cliRunner(() => ({ env, cwd: folder }));

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "uppfoljning-cli-summary-"));
    env = { DATABASE_URL: `file:${join(folder, "cli.db")}` };
    expect((await cli(["db", "migrate"])).code).toBe(0);
    const services = await composeServices(loadConfig(env, folder), { logger: silentLogger });
    try {
      await importSeeds(services);
      await recordStatusHistory(services);
    } finally {
      await services.close();
    }
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("prints the delår summary as Markdown", async () => {
    const { code, out } = await cli(["summary", "--agreement", "kan", "--period", "delår", "--as-of", "2025-09-30"]);
    expect(code).toBe(0);
    expect(out).toContain("# Delårsuppföljning 2025:");
    expect(out).toContain("perioden 2025-01-01 – 2025-08-31 · läget 2025-09-30");
    expect(out).toContain("- 1 enligt plan, 1 risk, 0 försenade, 0 klara, 7 utan uppdatering (av 9 uppdrag och mål)");
  });

  it("writes the helår summary as Word and JSON files", async () => {
    const docx = join(folder, "helar.docx");
    const written = await cli([
      "summary",
      "--agreement",
      "kan-dso-2025",
      "--period",
      "helar",
      "--year",
      "2025",
      "--format",
      "docx",
      "--out",
      docx,
      "--as-of",
      "2026-02-15",
    ]);
    expect(written).toMatchObject({
      code: 0,
      out: expect.stringContaining("(9 assignments and goals; 7 without an update)"),
    });
    const { value } = await mammoth.extractRawText({ path: docx });
    expect(value).toContain("Helårsuppföljning 2025");
    expect(value).toContain("Året avslutat: 58 kvinnor och 49 män har haft insats, 31 gick vidare till arbete.");
    const json = join(folder, "helar.json");
    expect(
      (
        await cli([
          "summary",
          "--agreement",
          "kan",
          "--period",
          "helar",
          "--format",
          "json",
          "--out",
          json,
          "--as-of",
          "2026-02-15",
        ])
      ).code,
    ).toBe(0);
    const summary = JSON.parse(readFileSync(json, "utf8"));
    expect(summary.overview.byStatus).toEqual({ on_track: 0, at_risk: 1, delayed: 0, done: 1, none: 7 });
  });

  it("uses the period ends set for the agreement", async () => {
    expect((await cli(["periods", "--agreement", "kan"])).out).toBe(
      "kan-dso-2025: vår 01-01–04-30, delår 01-01–08-31, helår 01-01–12-31",
    );
    expect((await cli(["periods", "--agreement", "kan", "--delar", "06-30"])).out).toBe(
      "kan-dso-2025: vår 01-01–04-30, delår 01-01–06-30, helår 01-01–12-31",
    );
    const { out } = await cli(["summary", "--agreement", "kan", "--period", "delar", "--as-of", "2025-09-30"]);
    expect(out).toContain("perioden 2025-01-01 – 2025-06-30");
    expect(await cli(["periods", "--agreement", "kan", "--var", "13-01"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--var must be a day as MM-DD"),
    });
    expect(await cli(["periods", "--agreement", "kan", "--var", "09-30"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("must end in order"),
    });
    expect((await cli(["periods", "--agreement", "kan", "--reset"])).out).toContain("delår 01-01–08-31");
  });

  it("explains wrong arguments", async () => {
    expect(await cli(["summary", "--agreement", "kan", "--period", "sommar"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--period must be var, delar or helar"),
    });
    expect(await cli(["summary", "--agreement", "kan", "--period", "delar", "--format", "pdf"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--format must be md, docx or json"),
    });
    expect(await cli(["summary", "--agreement", "nothing", "--period", "delar"])).toMatchObject({
      code: 2,
      err: expect.stringContaining('No agreement matches "nothing"'),
    });
    expect(await cli(["summary", "--agreement", "kan", "--period", "delar", "--narrative"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("needs a language model"),
    });
  });
});
