// The FreeDict adapter against the Debian dictionaries installed on the machine (CI installs
// dict-freedict-eng-swe and dict-freedict-swe-eng), and against small dictd files written here
// to pin down how entries are cleaned.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import {
  FreedictDictionary,
  freedictDebianPackages,
  loadEnglishToSwedish,
} from "../../../src/adapters/dictionaries/freedict-dictionary.ts";
import { createEnglishToSwedish, wordSourceFromList } from "../../../src/questions/english-to-swedish.ts";
import { silentLogger, type Logger } from "../../../src/shared/logger.ts";

const installed = FreedictDictionary.open();
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe("the installed FreeDict dictionaries", () => {
  const dictionary = installed!;
  const generalOnly = createEnglishToSwedish({ domain: wordSourceFromList(new Map()), general: dictionary });

  it("are installed (dict-freedict-eng-swe, dict-freedict-swe-eng)", () => {
    expect(installed).not.toBeNull();
  });

  it("translate an English headword directly: language → språk", () => {
    expect(dictionary.lookup("language")).toContain("språk");
  });

  it("reach the headword of an irregular form: spoken → a form of tala", () => {
    expect(generalOnly.translate("spoken").some((word) => word.startsWith("tal"))).toBe(true);
  });

  it("add English phrases that only the Swedish–English dictionary has", () => {
    expect(dictionary.lookup("be acquainted with")).toEqual(["känna"]);
  });

  it("drop entries whose headword was cut to its first word (about-turn, work out)", () => {
    expect(dictionary.lookup("about")).toContain("angående");
    expect(dictionary.lookup("about")).not.toContain("förändring");
    expect(dictionary.lookup("work")).toContain("arbete");
    expect(dictionary.lookup("work")).not.toContain("beräkna");
  });

  it("with the municipal lexicon on top: workplaces → arbetsplats, committee → nämnd", () => {
    const translator = loadEnglishToSwedish(silentLogger);
    expect(translator.translate("workplaces")).toContain("arbetsplats");
    expect(translator.translate("committee")).toEqual(["nämnd"]);
  });

  it("list thousands of English headwords when read in full", () => {
    const entries = dictionary.entries();
    expect(entries.size).toBeGreaterThan(5000);
    expect(entries.get("language")).toContain("språk");
  });
});

describe("when the dictionaries are missing", () => {
  it("opening a directory without them gives null", () => {
    expect(FreedictDictionary.open(join(tmpdir(), "no-such-dictd-directory"))).toBeNull();
  });

  it("the translator warns with the Debian packages to install and still knows the lexicon", () => {
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (_object, message) => void warnings.push(message ?? "") };
    const translator = loadEnglishToSwedish(logger, join(tmpdir(), "no-such-dictd-directory"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(freedictDebianPackages.join(" "));
    expect(freedictDebianPackages).toEqual(["dict-freedict-eng-swe", "dict-freedict-swe-eng"]);
    expect(translator.translate("committee")).toEqual(["nämnd"]);
    expect(translator.translate("language")).toEqual(["språk"]);
  });
});

describe("cleaning dictd entries", () => {
  // Entries as "headword /pronunciation/" followed by sense lines, the way FreeDict writes them.
  const dictionary = writeDictionaries(
    {
      report: "report /ripɔːt/\n1. att rapportera (om), redovisa\n2. rapport [adm.]\n",
      speak: "speak /spiːk/\ntala; att säga ngt\n",
      un: "un /ʌn/\n1. o‐\n2. ‐lös\n3. %h‐able\n",
      be: "be /biː/\nvara\n",
      be_: "be /bəʃeimd/\nblygas\n",
      so: "so /sou/\nså, lika...som\n",
    },
    {
      kommun: "kommun /kɔmˈɵn/\nmunicipality, the local authority\n",
      ansöka: "ansöka /ˈanˌsøːka/\n1. to apply for (sth)\n2. apply\n",
      "ta emot": "ta emot /tɑː ɛmˈuːt/\nreceive\n",
    },
  );

  it("keeps the words of every numbered sense and drops infinitive markers and bracketed notes", () => {
    expect(dictionary.lookup("report")).toEqual(["rapportera", "redovisa", "rapport"]);
    expect(dictionary.lookup("speak")).toEqual(["tala", "säga"]);
  });

  it("drops affixes, formatting codes and ellipses", () => {
    expect(dictionary.lookup("un")).toBeUndefined();
    expect(dictionary.lookup("so")).toEqual(["så"]);
  });

  it("drops an entry whose pronunciation shows a longer, cut-off headword", () => {
    expect(dictionary.lookup("be")).toEqual(["vara"]);
  });

  it("inverts Swedish–English entries, without English infinitive markers, articles or placeholders", () => {
    expect(dictionary.lookup("municipality")).toEqual(["kommun"]);
    expect(dictionary.lookup("local authority")).toEqual(["kommun"]);
    expect(dictionary.lookup("apply for")).toEqual(["ansöka"]);
    expect(dictionary.lookup("apply")).toEqual(["ansöka"]);
    expect(dictionary.lookup("receive")).toEqual(["ta emot"]);
  });

  it("does not take a word inside another for the word: 'authority' is not 'author'", () => {
    expect(dictionary.lookup("author")).toBeUndefined();
  });
});

/** Writes a freedict-eng-swe and a freedict-swe-eng pair in dictd format and opens them. */
function writeDictionaries(
  englishSwedish: Record<string, string>,
  swedishEnglish: Record<string, string>,
): FreedictDictionary {
  const folder = mkdtempSync(join(tmpdir(), "freedict-test-"));
  folders.push(folder);
  for (const [name, entries] of [
    ["freedict-eng-swe", englishSwedish],
    ["freedict-swe-eng", swedishEnglish],
  ] as const) {
    const lines: string[] = [];
    const parts: Buffer[] = [Buffer.from("00-database-info\n")];
    let offset = parts[0]!.length;
    lines.push(`00databaseinfo\t${base64(0)}\t${base64(offset)}`);
    for (const [key, text] of Object.entries(entries)) {
      const bytes = Buffer.from(text, "utf8");
      lines.push(`${key.replace(/_$/, "")}\t${base64(offset)}\t${base64(bytes.length)}`);
      parts.push(bytes);
      offset += bytes.length;
    }
    writeFileSync(join(folder, `${name}.index`), lines.join("\n") + "\n");
    writeFileSync(join(folder, `${name}.dict.dz`), gzipSync(Buffer.concat(parts)));
  }
  return FreedictDictionary.open(folder)!;
}

function base64(value: number): string {
  const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let text = "";
  do {
    text = digits[value % 64] + text;
    value = Math.floor(value / 64);
  } while (value > 0);
  return text;
}
