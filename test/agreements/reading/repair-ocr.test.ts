// The repair rules against a small in-memory dictionary: what is repaired, what evidence it takes,
// and what is never touched. The real dictionary and the seed documents are in
// test/adapters/spelling/hunspell-dictionary.test.ts.
import { describe, expect, it } from "vitest";
import { repairOcrText } from "../../../src/agreements/reading/repair-ocr.ts";
import type { SpellingDictionary } from "../../../src/agreements/reading/spelling-dictionary.ts";

const headwords = [
  "socialnämnd",
  "nämnd",
  "är",
  "för",
  "på",
  "och",
  "att",
  "det",
  "har",
  "här",
  "var",
  "vår",
  "andra",
  "ändra",
  "överenskommelse",
  "uppföljning",
  "implementering",
  "av",
  "avrapportering",
  "sker",
  "maj",
  "muntlig",
  "i",
  "försörjningsstöd",
  "nära",
  "relation",
  "mål",
  "mal",
  "område",
  "målområde",
  "hälsa",
  "halsa",
  "hälso",
  "främjande",
  "hållbar",
  "hall",
  "bar",
  "stark",
  "stärka",
  "ärligen",
  "årligen",
  "fokus",
  "ska",
  "i",
  "stöd",
  "stå",
  "redovisning",
  "arbete",
  "budget",
  "mar",
  "mår",
  "tidig",
  "ansvar",
  "for",
  "ar",
  "arbetsmarknad",
  "insats",
  "nåd",
  "å",
  "nyköping",
  "får",
];
const inflections = [
  "socialnämnden",
  "nämnden",
  "nämndens",
  "överenskommelsen",
  "målen",
  "uppföljningen",
  "stärk",
  "starkt",
  "relationer",
  "insatser",
  "tidigt",
];

/** Listed words, and compounds of two of them (with a linking s), like the real adapter. */
function fakeDictionary(): SpellingDictionary {
  const heads = new Set(headwords);
  const forms = new Set([...headwords, ...inflections]);
  const compoundParts = (word: string): string[] | null => {
    const lower = word.toLowerCase();
    for (let end = 3; end <= lower.length - 3; end++) {
      const head = lower.slice(0, end);
      const tail = lower.slice(end);
      const first = forms.has(head)
        ? head
        : head.endsWith("s") && forms.has(head.slice(0, -1))
          ? head.slice(0, -1)
          : null;
      if (first && forms.has(tail)) return [first, tail];
    }
    return null;
  };
  return {
    isWord: (word) => forms.has(word.toLowerCase()) || compoundParts(word) !== null,
    listing: (word) =>
      heads.has(word.toLowerCase()) ? "headword" : forms.has(word.toLowerCase()) ? "inflection" : null,
    compoundParts,
  };
}

const dictionary = fakeDictionary();
const repair = (text: string) => repairOcrText(text, dictionary);
// A sentence whose OCR damage is beyond doubt, to make a document damaged.
const damage = "Socialndmnden har en 6verenskommelse.";

describe("repairing OCR-damaged å/ä/ö", () => {
  it.each([
    ["a d read for ä", "Socialndmnden ska", "Socialnämnden ska"],
    ["an & read for ä", "Det &r bra", "Det är bra"],
    ["a 6 read for ö, also first in a word", "f6r 6verenskommelsen", "för överenskommelsen"],
    ["é read for ö, twice in a word", "férsérjningsstöd", "försörjningsstöd"],
    ["one letter read as two marks", "Né&ra nédmndens", "Nära nämndens"],
    ["a capital keeps its case", "Overenskommelsen", "Överenskommelsen"],
    ["an all-capital word stays in capitals", "UPPFOLJNING", "UPPFÖLJNING"],
    [
      "a listed word wins over a compound with fewer substitutions",
      `${damage} Malomrade`,
      `Socialnämnden har en överenskommelse. Målområde`,
    ],
    [
      "a pipe starting a sentence before a lower-case word is I",
      "| fokus mandatperioden\nMal. | fokus",
      "I fokus mandatperioden\nMal. I fokus",
    ],
  ])("when %s, it is repaired", (_scenario, text, expected) => {
    expect(repair(text).text).toBe(expected);
  });

  it.each([
    ["abbreviations in capitals", `${damage} DSO KAN MAL`],
    ["names with inner capitals", `${damage} BarnSakert SoL DSOs`],
    ["codes with digits other than a look-alike", `${damage} T1 4H 2026-05-14`],
    ["a look-alike digit that no letter follows", `${damage} 2026 mal6`],
    ["addresses", `${damage} https://nykoping.se/mal info@nykoping.se nykoping.se`],
    ["English the dictionary does not know", `${damage} the report was filed`],
    ["single letters", `${damage} e a o`],
    ["a pipe in a table", `${damage}\n| fokus | mal |\nsumma | 3,9%`],
    ["the halves of a word hyphenated at a line break", `${damage} arbetsmark-\nnadsinsatser`],
  ])("%s stay as they are", (_scenario, text) => {
    const repaired = repair(text).text;
    expect(repaired.slice(damage.length)).toBe(text.slice(damage.length));
  });

  it("changes only letters inside words: spaces, tabs, punctuation and line breaks stay where they are", () => {
    const text = "Uppféljning\tav  mål:\n\n\t- Socialndmnden (SN),\r\n&r  klar.\n";
    const repaired = repair(text).text;
    expect(repaired).toBe("Uppföljning\tav  mål:\n\n\t- Socialnämnden (SN),\r\när  klar.\n");
    expect(repaired.replace(/\p{L}+/gu, "")).toBe(text.replace(/[\p{L}&]+/gu, ""));
  });

  it("leaves a clean document exactly as it is, even words with a plain-vowel variant", () => {
    const text =
      "Socialnämnden har en överenskommelse om mal och halsa för hela året. Uppföljning (mar -19) görs i mars.\n";
    expect(repair(text)).toEqual({ text, repairs: [], damage: 0 });
  });

  it("repairs a word with a mark even in a clean document, but not one with only plain vowels", () => {
    const text = `${"Socialnämnden har en överenskommelse om uppföljning för arbete och stöd, budget och ansvar. ".repeat(10)}Uppféljning i mar.`;
    expect(repair(text).text).toBe(text.replace("Uppféljning", "Uppföljning"));
  });
});

describe("words that are Swedish both ways, in a damaged document", () => {
  it.each([
    ["the document uses the variant in a repaired compound", `${damage} malomrade: mal`, "målområde: mål"],
    ["the document spells the variant correctly elsewhere", `${damage} hälsa, halsa`, "hälsa, hälsa"],
    [
      "a repaired compound starts with the variant's compound form",
      `${damage} halsofrémjande, halsa`,
      "hälsofrämjande, hälsa",
    ],
    [
      "the variant is a function word and the written word is not",
      `${damage} stöd for arbete pa ar`,
      "stöd för arbete på är",
    ],
    ["the written word is only a guessed compound and the variant a listed word", `${damage} hallbar`, "hållbar"],
  ])("when %s, it takes the variant", (_scenario, text, expected) => {
    expect(repair(text).text).toBe(`Socialnämnden har en överenskommelse. ${expected}`);
  });

  it.each([
    ["nothing in the document vouches for the variant", `${damage} halsa`],
    ["both readings are function words", `${damage} här: har var`],
    ["the written word is a function word, whatever the document uses", `${damage} ändra andra`],
    [
      "the variant is only an inflection of a word the document uses, the written word a headword",
      `${damage} stärka stark`,
    ],
  ])("when %s, it keeps the written word", (_scenario, text) => {
    expect(repair(text).text).toBe(`Socialnämnden har en överenskommelse.${text.slice(damage.length)}`);
  });

  it("breaks a tie between repairs by what the look-alike stood for elsewhere in the document", () => {
    expect(repair(`${damage} Férsérjningsstöd ska fér alla`).text).toBe(
      "Socialnämnden har en överenskommelse. Försörjningsstöd ska för alla",
    );
    expect(repair(`${damage} Ocksé fér alla`).text).toBe("Socialnämnden har en överenskommelse. Ocksé fér alla");
  });

  it.each([
    ["misread one character for one letter, never two for one", `${damage} stöd, stå, stéd`, "stöd, stå, stöd"],
    [
      "split letters as often as it misread one character",
      `${damage} Né&ra nédmndens stöd, stå, stéd`,
      "Nära nämndens stöd, stå, stéd",
    ],
  ])("a split letter is as likely as the document makes it: where its OCR %s", (_scenario, text, expected) => {
    // "stéd" is "stöd" (é for ö) or "stå" (é and d for å), and the document vouches for both.
    expect(repair(text).text).toBe(`Socialnämnden har en överenskommelse. ${expected}`);
  });

  it("leaves a damaged word with two equally good repairs as it is: a guess would look right and mislead", () => {
    expect(repair(`${damage} arligen`).text).toBe("Socialnämnden har en överenskommelse. arligen");
  });

  it("keeps every word that is Swedish as written when the document is not damaged", () => {
    const text =
      "Överenskommelsen för socialnämnden har ett målområde, mal och halsa, for arbete. Uppföljning av redovisning, budget, ansvar, insatser och stöd för arbete i nämnden.";
    expect(repair(text).text).toBe(text);
  });
});

describe("the report of what was repaired", () => {
  it("lists each repair once with its count, the most frequent first, and the share of words repaired", () => {
    const result = repair("Socialndmnden &r klar. Socialndmnden &r nöjd. &r det?");
    expect(result.repairs).toEqual([
      { from: "&r", to: "är", count: 3 },
      { from: "Socialndmnden", to: "Socialnämnden", count: 2 },
    ]);
    expect(result.damage).toBeCloseTo(5 / 8);
  });
});

describe("a short word run into the next one", () => {
  it.each([
    // The document writes the two words apart elsewhere: the joined form is OCR's.
    [
      "Uppföljning avimplementering. Uppföljning av implementering.",
      "Uppföljning av implementering. Uppföljning av implementering.",
    ],
    // Never written apart: a compound of the document's own ("avrapportering") stays whole.
    [
      "Avrapportering sker i maj. Avrapporteringen är muntlig.",
      "Avrapportering sker i maj. Avrapporteringen är muntlig.",
    ],
  ])("%s", (text, expected) => {
    expect(repair(text).text).toBe(expected);
  });
});
