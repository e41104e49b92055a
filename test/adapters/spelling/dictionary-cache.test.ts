// The expanded dictionary on disk: what is read back is what was expanded, and a missing, damaged
// or unwritable cache falls back to expanding the dictionary.
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  cacheFileName,
  cachedSwedishForms,
  parseForms,
  serialiseForms,
} from "../../../src/adapters/spelling/dictionary-cache.ts";
import {
  type CompiledForms,
  compileSwedishForms,
  loadSwedishDictionary,
} from "../../../src/adapters/spelling/hunspell-dictionary.ts";
import type { SpellingDictionary } from "../../../src/agreements/reading/spelling-dictionary.ts";

let compiled: CompiledForms;
let fromExpansion: SpellingDictionary;
let fromCache: SpellingDictionary;
beforeAll(() => {
  compiled = compileSwedishForms();
  fromExpansion = loadSwedishDictionary(compiled);
  fromCache = loadSwedishDictionary(parseForms(serialiseForms(compiled)) ?? compiled);
}, 60_000);

const folders: string[] = [];
const freshFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), "sv-forms-"));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("the dictionary cache", () => {
  it("reads back exactly the lists it wrote", () => {
    const parsed = parseForms(serialiseForms(compiled));
    expect(parsed?.forms.length).toBe(compiled.forms.length);
    expect(parsed).toEqual(compiled);
  });

  it("holds the forms derived beside nspell's expansion", () => {
    // Present participles and bases of compound forms are added by the expansion, not listed.
    expect(compiled.added.length).toBeGreaterThan(0);
    expect(compiled.headwords).toContain("överenskommelse");
    expect(compiled.names.length).toBeGreaterThan(0);
  });

  it("expands and writes on first use, then reads the file", () => {
    const folder = freshFolder();
    const first = cachedSwedishForms(folder);
    expect(first).toMatchObject({ source: "compiled", written: true });
    expect(readdirSync(folder)).toEqual([cacheFileName()]);
    const second = cachedSwedishForms(folder);
    expect(second).toMatchObject({ source: "read", written: false });
    expect(second.compiled).toEqual(first.compiled);
  }, 60_000);

  it.each([
    ["a headword", "överenskommelse"],
    ["an inflection", "nämndens"],
    ["a derived participle", "tenderande"],
    ["a compound", "arbetsmarknadsanställning"],
    ["OCR damage", "nédmndens"],
    ["a name", "Nyköping"],
  ])("answers %s from the cache as from the expansion (%s)", (_what, word) => {
    expect(fromCache.isWord(word)).toBe(fromExpansion.isWord(word));
    expect(fromCache.listing(word)).toBe(fromExpansion.listing(word));
    expect(fromCache.compoundParts(word)).toEqual(fromExpansion.compoundParts(word));
  });

  it("expands again when the file is damaged", () => {
    const folder = freshFolder();
    writeFileSync(join(folder, cacheFileName()), "half a file");
    const outcome = cachedSwedishForms(folder);
    expect(outcome.source).toBe("compiled");
    expect(outcome.compiled.forms.length).toBe(compiled.forms.length);
  }, 60_000);

  it("still gives the dictionary when the cache cannot be written", () => {
    const folder = freshFolder();
    chmodSync(folder, 0o500);
    const outcome = cachedSwedishForms(join(folder, "inner"));
    chmodSync(folder, 0o700);
    // Root may write anyway; what matters is that the forms are there either way.
    expect(outcome.source).toBe("compiled");
    expect(outcome.compiled.forms.length).toBe(compiled.forms.length);
  }, 60_000);

  it("works without a cache folder at all", () => {
    expect(cachedSwedishForms(null)).toMatchObject({ source: "compiled", written: false });
  }, 60_000);
});
