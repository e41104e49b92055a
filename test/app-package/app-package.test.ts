import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { AppManifestUtils } from "@microsoft/app-manifest";
import AjvDraft04 from "ajv-draft-04";
import AjvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { paths } from "../../src/adapters/project-paths.ts";
import { buildAppPackage, renderManifest } from "../../src/adapters/teams/app-package.ts";
import { commandCatalog } from "../../src/conversation/command-catalog.ts";

const require = createRequire(import.meta.url);
const schemaFolder = join(
  dirname(require.resolve("@microsoft/app-manifest/package.json")),
  "build",
  "json-schemas",
  "teams",
);
const options = { appId: "0B5A4D3E-1111-2222-3333-444455556666", domain: "uppfoljning.nykoping.se", version: "1.2.3" };

function bundledSchema(manifest: { $schema?: string }, file: string) {
  const version = /\/(v[\d.]+)\//.exec(manifest.$schema ?? "")?.[1];
  expect(version, "the manifest names its schema version").toBeDefined();
  return JSON.parse(readFileSync(join(schemaFolder, version!, file), "utf8"));
}

describe("the Teams app package", () => {
  it("is valid against the Teams manifest schema it declares (v1.17 or later), checked offline", async () => {
    const { manifest } = await buildAppPackage(options);
    expect(Number(String(manifest.manifestVersion).split(".")[1])).toBeGreaterThanOrEqual(17);
    const errors = await AppManifestUtils.validateAgainstSchema(
      manifest as never,
      bundledSchema(manifest, "MicrosoftTeams.schema.json"),
    );
    expect(errors).toEqual([]);
    expect(manifest).toMatchObject({
      id: "0b5a4d3e-1111-2222-3333-444455556666",
      version: "1.2.3",
      validDomains: ["uppfoljning.nykoping.se"],
      bots: [{ botId: "0b5a4d3e-1111-2222-3333-444455556666", scopes: ["personal", "team", "groupChat"] }],
    });
  });

  it("lets administrators send agreement files to the bot in the personal chat (supportsFiles)", async () => {
    const { manifest } = await buildAppPackage(options);
    const bot = (manifest.bots as { supportsFiles?: boolean; scopes: string[] }[])[0]!;
    // Teams offers file upload to a bot only in personal scope; the bot must declare that it takes files.
    expect(bot.supportsFiles).toBe(true);
    expect(bot.scopes).toContain("personal");
  });

  it("has an English localisation that is valid too", async () => {
    const { manifest } = await buildAppPackage(options);
    const english = JSON.parse(readFileSync(join(paths.appPackage, "en-us.json"), "utf8"));
    // The localisation schema's key patterns are not valid as unicode regular expressions, which
    // AppManifestUtils insists on; plain ajv (draft-04, non-unicode patterns) reads them as Teams does.
    const ajv = new AjvDraft04.default({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    AjvFormats.default(ajv, ["uri"]);
    const validate = ajv.compile(bundledSchema(manifest, "MicrosoftTeams.Localization.schema.json"));
    expect(validate(english), JSON.stringify(validate.errors)).toBe(true);
  });

  it("lists the same commands as the bot understands, in Swedish and English", async () => {
    const { manifest } = await buildAppPackage(options);
    const english = JSON.parse(readFileSync(join(paths.appPackage, "en-us.json"), "utf8")) as Record<string, string>;
    const bots = manifest.bots as { commandLists: { commands: { title: string }[] }[] }[];
    const swedishTitles = bots[0]!.commandLists[0]!.commands.map((c) => c.title);
    const englishTitles = swedishTitles.map((_, i) => english[`bots[0].commandLists[0].commands[${i}].title`]);
    for (const [i, title] of swedishTitles.entries()) {
      const command = commandCatalog.find((c) => c.phrases.sv.includes(title));
      expect(command, `manifest command "${title}"`).toBeDefined();
      expect(command!.phrases.en).toContain(englishTitles[i]);
    }
    expect(swedishTitles).toHaveLength(commandCatalog.length);
  });

  it("has icons of the sizes Teams requires: colour 192×192, outline 32×32 white on transparent", () => {
    const color = PNG.sync.read(readFileSync(join(paths.appPackage, "color.png")));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(readFileSync(join(paths.appPackage, "outline.png")));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      if (a === 0) transparent += 1;
      else expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
  });

  it("zips the manifest, localisation and icons at the root of the archive", async () => {
    const { zip } = await buildAppPackage(options);
    const archive = await JSZip.loadAsync(zip);
    expect(Object.keys(archive.files).sort()).toEqual(["color.png", "en-us.json", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(await archive.file("manifest.json")!.async("string"));
    expect(manifest.id).toBe("0b5a4d3e-1111-2222-3333-444455556666");
  });

  it("refuses an app id that is not a GUID and a domain with a scheme", () => {
    const template = readFileSync(join(paths.appPackage, "manifest.json"), "utf8");
    expect(() => renderManifest(template, { ...options, appId: "my-bot" })).toThrow(/GUID/);
    expect(() => renderManifest(template, { ...options, domain: "https://bot.kommun.se/" })).toThrow(/host name/);
  });
});
