// The Swedish dictionary (dictionary-sv through nspell) and OCR repair of the seed documents with it.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSwedishDictionary } from "../../../src/adapters/spelling/hunspell-dictionary.ts";
import { repairOcrText, type RepairedText } from "../../../src/agreements/reading/repair-ocr.ts";
import type { SpellingDictionary } from "../../../src/agreements/reading/spelling-dictionary.ts";
import { seedPath } from "../../support/seeds.ts";

let dictionary: SpellingDictionary;
beforeAll(() => {
  dictionary = loadSwedishDictionary();
}, 60_000);

const seed = (name: string) => readFileSync(seedPath(name), "utf8");

describe("the Swedish dictionary", () => {
  it.each([
    ["a headword", "överenskommelse"],
    ["an inflected form", "nämndens"],
    ["a capitalised form", "Uppföljning"],
    ["a name in any case", "nyköping"],
    ["a present participle the dictionary lists only as a compound form", "förebyggande"],
    ["a present participle the dictionary lacks", "tenderande"],
    ["the base of a listed compound form", "delår"],
    ["a compound form before a hyphen", "hälso"],
    ["a compound of dictionary words", "arbetsmarknadsanställning"],
  ])("knows %s: %s", (_scenario, word) => {
    expect(dictionary.isWord(word)).toBe(true);
  });

  it.each([
    ["OCR garbage nspell's compound rules let through", "nédmndens"],
    ["a misread participle", "férebyggande"],
    ["a plain-vowel misreading that is no compound", "halsofrämjande"],
  ])("rejects %s: %s", (_scenario, word) => {
    expect(dictionary.isWord(word)).toBe(false);
  });

  it.each([
    ["arbetsmarknadsanställning", ["arbetsmarknad", "anställning"]],
    ["arbetssätt", ["arbets", "sätt"]],
    ["målområde", ["mål", "område"]],
    ["hälsofrämjande", ["hälso", "främjande"]],
    ["kultur-och-fritidsnämnden", ["kultur", "och", "fritidsnämnden"]],
    ["barn-", ["barn"]],
    ["överenskommelse", null],
  ])("splits %s into %j", (word, parts) => {
    expect(dictionary.compoundParts(word)).toEqual(parts);
  });

  it("tells headwords from inflections", () => {
    expect(
      ["mål", "målen", "stark", "stärk", "målområdet", "nédmndens"].map((word) => dictionary.listing(word)),
    ).toEqual(["headword", "inflection", "headword", "inflection", "inflection", null]);
  });

  it("answers quickly once loaded: ten thousand look-ups of document words well under a tenth of a second", () => {
    const words = [...new Set(seed("003_02981208924aacaa.txt").match(/\p{L}+/gu))];
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) dictionary.isWord(words[i % words.length]!);
    // 10–30 ms on a busy two-core machine; the bound leaves room for a slower one.
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("OCR repair of the seed documents", () => {
  let damaged: RepairedText;
  let milliseconds: number;
  beforeAll(() => {
    const started = performance.now();
    damaged = repairOcrText(seed("002_728f56d805e94fe3.txt"), dictionary);
    milliseconds = performance.now() - started;
  });
  const repairedTo = (from: string) => damaged.repairs.find((repair) => repair.from === from)?.to;

  it.each(["001_67a0e3e82ef46e51.txt", "003_02981208924aacaa.txt", "004_7be657bef05ac405.txt"])(
    "leaves the clean document %s byte for byte",
    (name) => {
      const text = seed(name);
      expect(repairOcrText(text, dictionary)).toEqual({ text, repairs: [], damage: 0 });
    },
  );

  it.each([
    ["Socialndmnden", "Socialnämnden"],
    ["férsérjningsstod", "försörjningsstöd"],
    ["Uppféljning", "Uppföljning"],
    ["6verenskommelse", "överenskommelse"],
    ["&r", "är"],
    ["n&mnden", "nämnden"],
    ["kdrnverksamhet", "kärnverksamhet"],
    ["dtagande", "åtagande"],
    ["Onskat", "Önskat"],
    ["Overenskommelsen", "Överenskommelsen"],
    ["f6r", "för"],
    ["pa", "på"],
    ["hélsa", "hälsa"],
    ["nédmndens", "nämndens"],
    ["férebyggande", "förebyggande"],
    ["Malomrade", "Målområde"],
    ["mal", "mål"],
    ["halsa", "hälsa"],
    ["for", "för"],
    ["satt", "sätt"],
    ["hallbar", "hållbar"],
    ["deldr", "delår"],
    ["UPPFOLJNING", "UPPFÖLJNING"],
    ["fér", "för"],
    ["stéd", "stöd"],
  ])("repairs %s in the damaged 002 as %s", (from, to) => {
    expect(repairedTo(from)).toBe(to);
  });

  it("reads the sentences the brief quotes", () => {
    expect(damaged.text).toContain("Uppföljning av nämndens\nsatsning i budget på tidigt\n\nförebyggande insatser");
    expect(damaged.text).toContain("I fokus mandatperioden 2022-2026");
    expect(damaged.text).toContain('"Nära vård”');
  });

  it.each([
    ["har", "both readings are function words"],
    ["var", "both readings are function words"],
    ["andra", "a function word as written"],
    ["behov", "only the verb behöva is attested"],
    ["stark", "the variant stärk would be a mere inflection"],
    ["starkt", "förstärkt is no evidence for stärkt"],
    ["anger", "nothing vouches for ånger"],
    ["utsatta", "nothing vouches for utsätta"],
    ["arligen", "ärligen and årligen are equally good"],
  ])("keeps %s as written (%s)", (word) => {
    expect(repairedTo(word)).toBeUndefined();
  });

  it("changes letters only (and parts a short word OCR ran into the next), keeping every line and every other character", () => {
    const original = seed("002_728f56d805e94fe3.txt");
    expect(damaged.text.split("\n").length).toBe(original.split("\n").length);
    const skeleton = (text: string) => text.replace(/[\p{L}&@0-9|]/gu, "").replace(/ /g, "");
    expect(skeleton(damaged.text)).toBe(skeleton(original));
    // Only words are parted, each by one space: "avimplementering" → "av implementering".
    const parted = damaged.repairs.filter((r) => r.to.includes(" "));
    expect(parted.every((r) => r.to.replace(" ", "") === r.from)).toBe(true);
    expect(damaged.damage).toBeGreaterThan(0.2);
  });

  it("repairs the 34 KB document in well under a second once the dictionary is loaded", () => {
    // 150–300 ms on a busy two-core machine.
    expect(milliseconds).toBeLessThan(1500);
  });
});
