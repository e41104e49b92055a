// import, agreements and deadlines from the command line, against a real database file.
import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRunner } from "../../support/cli-runner.ts";
import { careAgreementDocx } from "../../fixtures/agreement-fixtures.ts";
import { seedsFolder } from "../../support/seeds.ts";

const seeds = seedsFolder;

describe("the agreement commands", () => {
  let folder: string;
  let env: Record<string, string>;
  const cli = cliRunner(() => ({ env, cwd: folder }));

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "uppfoljning-cli-"));
    // A database file that does not exist yet: the CLI creates and migrates it.
    env = { DATABASE_URL: `file:${join(folder, "data", "cli.db")}`, IMPORT_MAX_FILE_MB: "20" };
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("imports the seeds and a Word file, printing a review of each", async () => {
    const docx = join(folder, "von-2027.docx");
    writeFileSync(docx, await careAgreementDocx());
    const { code, out } = await cli([
      "import",
      join(seeds, "001_67a0e3e82ef46e51.txt"),
      join(seeds, "002_728f56d805e94fe3.txt"),
      join(seeds, "004_7be657bef05ac405.txt"),
      docx,
    ]);
    expect(code).toBe(0);
    expect(out).toContain("[1/4] 001_67a0e3e82ef46e51.txt");
    expect(out).toContain("agreement kan-dso-2025: created (version 1)");
    expect(out).toMatch(/17 dated reporting items/);
    expect(out).toMatch(
      /2025-05-28\s+written.*§3\.2.*\(meeting 2025-05-28, material due 2025-05-07\)|2025-05-28 .*material due 2025-05-07/,
    );
    expect(out).toContain("document (not an agreement: searchable, no deadlines)");
    expect(out).toContain("agreement von-dvo-2027: created");
    expect(out).toContain("4 of 4 file(s) imported.");
  });

  it("says 'unchanged' for the same file again", async () => {
    const { code, out } = await cli(["import", join(seeds, "001_67a0e3e82ef46e51.txt")]);
    expect(code).toBe(0);
    expect(out).toContain("unchanged: the same file was already imported");
  });

  it("fails with exit code 1 and the reason when one file cannot be read, and still imports the others", async () => {
    const junk = join(folder, "junk.pdf");
    writeFileSync(junk, Buffer.alloc(3000, 0x17));
    const huge = join(folder, "huge.txt");
    const fd = openSync(huge, "w");
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const { code, out } = await cli([
      "import",
      junk,
      huge,
      join(folder, "missing.txt"),
      join(seeds, "003_02981208924aacaa.txt"),
    ]);
    expect(code).toBe(1);
    expect(out).toMatch(/junk\.pdf[\s\S]*✘ not imported: The file is named \.pdf but is not a PDF document\./);
    expect(out).toMatch(/huge\.txt[\s\S]*✘ not imported: The file is 50\.0 MB; the import limit is 20\.0 MB/);
    expect(out).toMatch(/✘ not imported: No such file/);
    expect(out).toContain("1 of 4 file(s) imported; failed: junk.pdf, huge.txt, missing.txt.");
  });

  it("lists agreements and documents", async () => {
    const { code, out } = await cli(["agreements", "--json", "--all"]);
    expect(code).toBe(0);
    const listed = JSON.parse(out) as { agreements: Array<{ id: string; year: number }>; documents: unknown[] };
    expect(listed.agreements.map((a) => a.id)).toEqual(["von-dvo-2027", "sn-dso-2026", "kan-dso-2025"]);
    expect(listed.documents).toHaveLength(2);
  });

  it("lists deadlines in a date range as JSON with meeting and submission dates", async () => {
    const { code, out } = await cli(["deadlines", "--from", "2026-04-01", "--to", "2026-04-30", "--json"]);
    expect(code).toBe(0);
    const items = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(items.map((i) => i.date)).toEqual([
      "2026-04-02",
      "2026-04-02",
      "2026-04-02",
      "2026-04-02",
      "2026-04-02",
      "2026-04-23",
      "2026-04-23",
    ]);
    expect(items[0]).toMatchObject({
      date: "2026-04-02",
      meetingDate: "2026-04-23",
      submissionDate: "2026-04-02",
      form: "both",
      section: "4.5.2",
      title: "Mottagande av flyktingar",
      assignment: expect.stringContaining("Ekonomiskt bistånd"),
      agreement: { id: "sn-dso-2026", year: 2026, source: "002_728f56d805e94fe3.txt" },
    });
    for (const key of [
      "date",
      "meetingDate",
      "submissionDate",
      "title",
      "assignment",
      "section",
      "form",
      "recipient",
      "period",
      "agreement",
    ])
      expect(items[0]).toHaveProperty(key);
  });

  it("filters by agreement and reports bad options clearly", async () => {
    const kan = await cli(["deadlines", "--agreement", "kan", "--json"]);
    expect(JSON.parse(kan.out)).toHaveLength(17);
    const text = await cli(["deadlines", "--agreement", "kan-dso-2025", "--from", "2025-12-01"]);
    expect(text.out).toContain("2025-12-10");
    expect(text.out).toContain("material due 2025-11-19 (three weeks before the meeting)");
    expect((await cli(["deadlines", "--from", "28 maj"])).code).toBe(2);
    const unknown = await cli(["deadlines", "--agreement", "bun"]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No agreement matches "bun"');
  });
});
