// Swedish spelling from the hunspell dictionary in `dictionary-sv`, expanded by nspell.
//
// nspell gets Swedish compounding wrong: COMPOUNDMIN 1 with the COMPOUNDRULEs lets garbage such as
// "nédmndens" pass, and merging the listed "förebyggande/XZ" (compound-only) into the participle
// of "förebygga" makes "förebyggande" fail. So the COMPOUND* settings are removed before nspell
// reads the affix file, nspell only expands the affix rules into word forms, and compounds are
// split here.
import dictionarySv from "dictionary-sv";
import nspell from "nspell";
import type { Listing, SpellingDictionary } from "../../agreements/reading/spelling-dictionary.ts";

const minPartLength = 3;
const maxParts = 4;
// Compounds checked so far; bounded because a long-running process reads many documents.
const maxRemembered = 200_000;

/**
 * What the dictionary knows, flattened: every allowed form, the headwords, the names and the forms
 * added here. nspell needs over a second to expand the affix rules; these four lists load in a
 * third of that, so they are what the on-disk cache holds (see `dictionary-cache.ts`).
 */
export interface CompiledForms {
  forms: string[];
  headwords: string[];
  names: string[];
  added: string[];
}

/** Loads the dictionary (about 0.5 s from the compiled forms, 1.5 s without them); call once per process. */
export function loadSwedishDictionary(compiled: CompiledForms = compileSwedishForms()): SpellingDictionary {
  return CompoundingDictionary.from(compiled);
}

/** Expands the hunspell dictionary with nspell and derives what it leaves out (1–2 s of CPU). */
export function compileSwedishForms(): CompiledForms {
  const affix = new TextDecoder().decode(dictionarySv.aff).replace(/^COMPOUND.*$/gm, "");
  const dic = new TextDecoder().decode(dictionarySv.dic);
  const spell = nspell(affix, dic);
  const flag = (name: string) => (spell.flags[name] === undefined ? null : String(spell.flags[name]));
  const forbidden = flag("FORBIDDENWORD");
  const compoundOnly = flag("ONLYINCOMPOUND");
  const needsAffix = flag("NEEDAFFIX");
  const has = (flags: string, wanted: string | null) => wanted !== null && flags.includes(wanted);
  const forms = Object.entries(spell.data as Record<string, string[]>)
    .filter(([, formFlags]) => forbidden === null || !formFlags.includes(forbidden))
    .map(([form]) => form);
  const dictionary = new CompoundingDictionary(new Set(forms));

  for (const line of dic.split("\n").slice(1)) {
    const slash = line.indexOf("/");
    const listed = (slash < 0 ? line : line.slice(0, slash)).trim();
    const lemma = listed.toLowerCase();
    const flags = slash < 0 ? "" : line.slice(slash + 1);
    if (!lemma || has(flags, needsAffix) || has(flags, forbidden)) continue;
    dictionary.markHeadword(lemma);
    if (listed !== lemma && /^\p{Lu}\p{Ll}/u.test(listed)) dictionary.markName(listed);
    // The dictionary lists "delårs" (as in "delårsrapport") but not "delår": a compound form with
    // a linking s implies its base, when that base is itself two known words.
    if (has(flags, compoundOnly) && lemma.endsWith("s")) {
      const base = lemma.slice(0, -1);
      if (!dictionary.listing(base) && dictionary.isTwoWords(base)) dictionary.addHeadword(base);
    }
    // Present participles: the dictionary lists most ("främjande") but not all ("tenderande").
    // Every verb has one: an -a form with a present and a past tense (tendera, tenderar, tenderade).
    if (lemma.endsWith("a") && isVerb(lemma, dictionary) && !dictionary.listing(`${lemma}nde`)) {
      dictionary.addInflection(`${lemma}nde`);
      dictionary.addInflection(`${lemma}ndes`);
    }
  }
  return { forms, ...dictionary.derived() };
}

/** The source of the expansion, so the cache can tell when it has changed. */
export function expansionCode(): string {
  return [compileSwedishForms, isVerb, CompoundingDictionary].map(String).join("\n");
}

function isVerb(infinitive: string, dictionary: CompoundingDictionary): boolean {
  const has = (form: string) => dictionary.listing(form) !== null;
  const stem = infinitive.slice(0, -1);
  return (
    (has(`${infinitive}r`) && has(`${infinitive}de`)) || (has(`${stem}er`) && (has(`${stem}de`) || has(`${stem}te`)))
  );
}

class CompoundingDictionary implements SpellingDictionary {
  private readonly compounds = new Map<string, string[] | null>();

  /**
   * `forms`: every form the affix rules produce, cased as listed ("Nyköping", "SCB"), forbidden
   * forms left out. Compound-only forms ("hälso", "arbetsmarknads") count as words: they stand
   * alone before a hyphen ("hälso- och sjukvård"), and repair looks at the words between hyphens.
   * `names` are in lower case ("nyköping", "nyköpings"): a small set, cheaper to ask than the whole table.
   */
  constructor(
    private readonly forms: Set<string>,
    private readonly headwords = new Set<string>(),
    private readonly names = new Set<string>(),
    private readonly added = new Set<string>(),
  ) {}

  static from(compiled: CompiledForms): CompoundingDictionary {
    return new CompoundingDictionary(
      new Set(compiled.forms),
      new Set(compiled.headwords),
      new Set(compiled.names),
      new Set(compiled.added),
    );
  }

  derived(): Omit<CompiledForms, "forms"> {
    return { headwords: [...this.headwords], names: [...this.names], added: [...this.added] };
  }

  isWord(word: string): boolean {
    return this.listing(word) !== null || this.compoundParts(word) !== null;
  }

  /** Also answers for a word as the dictionary spells it ("SCB", "FoU"); in lower case, it finds names ("nyköping") but not abbreviations. */
  listing(word: string): Listing | null {
    const lower = word.toLowerCase();
    if (this.headwords.has(lower)) return "headword";
    return this.has(lower, true) || (word !== lower && this.known(word)) ? "inflection" : null;
  }

  compoundParts(word: string): string[] | null {
    const lower = word.toLowerCase();
    let parts = this.compounds.get(lower);
    if (parts === undefined) {
      parts = lower.includes("-") ? this.hyphenated(lower) : this.fewestParts(lower);
      if (this.compounds.size >= maxRemembered) this.compounds.clear();
      this.compounds.set(lower, parts);
    }
    return parts;
  }

  /** `form` is listed, as a headword. */
  markHeadword(form: string): void {
    this.headwords.add(form);
  }

  markName(name: string): void {
    this.names.add(name.toLowerCase());
    if (this.known(`${name}s`)) this.names.add(`${name.toLowerCase()}s`);
  }

  addHeadword(form: string): void {
    this.headwords.add(form);
    this.added.add(form);
  }

  addInflection(form: string): void {
    this.added.add(form);
  }

  /** "del" + "år": only for deriving bases of compound forms, where a two-letter end is safe. */
  isTwoWords(word: string): boolean {
    for (let end = minPartLength; end <= word.length - 2; end++) {
      if (this.has(word.slice(0, end)) && this.has(word.slice(end))) return true;
    }
    return false;
  }

  /** A lower-case form listed as such, or as a name ("nyköping") when `name`: alone or first in a compound ("Nyköpingsbor"). */
  private has(lower: string, name = false): boolean {
    return this.known(lower) || this.added.has(lower) || (name && this.names.has(lower));
  }

  private known(form: string): boolean {
    return this.forms.has(form);
  }

  private hyphenated(word: string): string[] | null {
    const parts: string[] = [];
    // A trailing hyphen marks a first part standing alone: "hälso- och sjukvård".
    for (const piece of word.replace(/-$/, "").split("-")) {
      const pieceParts = this.has(piece, true) ? [piece] : piece ? this.fewestParts(piece) : null;
      if (!pieceParts) return null;
      parts.push(...pieceParts);
    }
    return parts;
  }

  // Fewest parts first: a split into two long words is far likelier than one into four short ones.
  // Breadth first over the places a part can end, trying the longest first part first
  // ("arbetsmarknad|anställning", not "arbets|marknad|anställning").
  private fewestParts(word: string): string[] | null {
    let frontier = new Map<number, string[]>([[0, []]]);
    for (let count = 2; count <= maxParts && frontier.size; count++) {
      const next = new Map<number, string[]>();
      for (const [start, parts] of frontier) {
        for (let end = word.length - minPartLength; end >= start + minPartLength; end--) {
          if (next.has(end)) continue;
          const head = this.leadingPart(word.slice(start, end), start === 0);
          if (head === null) continue;
          const last = word.slice(end);
          if (this.has(last)) return [...parts, head, last];
          next.set(end, [...parts, head]);
        }
      }
      frontier = next;
    }
    return null;
  }

  /**
   * A word that may start a compound, without its linking "s" or "e" ("arbetsmarknads" →
   * "arbetsmarknad"). A link never doubles a letter: "arbetssätt" is "arbets" + "sätt".
   */
  private leadingPart(head: string, first: boolean): string | null {
    const last = head.at(-1);
    const linked = (last === "s" || last === "e") && head.at(-2) !== last;
    if (linked && head.length > minPartLength && this.has(head.slice(0, -1), first)) return head.slice(0, -1);
    return this.has(head, first) ? head : null;
  }
}
