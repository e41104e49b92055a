// People choose their display names, and a name can carry invisible characters: a right-to-left
// override makes "\u202Enosredna annA" read as "Anna Andersson" in a role confirmation or an audit
// line; zero-width characters make two different names look the same. Names are stored as Teams
// sent them (the audit keeps the original), and shown and compared only through these functions.

/**
 * Invisible characters: Unicode format characters (bidi embeddings, overrides, isolates and marks,
 * zero-width spaces and joiners, the byte-order mark, tags), control characters, variation selectors,
 * combining grapheme joiner, and the Hangul fillers that render as blank letters.
 */
// Marks that combine (the grapheme joiner, Khmer inherent vowels, Mongolian and other variation selectors)
// are alternatives of their own rather than members of a class: each is removed on its own.
const invisible =
  /[\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0]|\u034F|[\u17B4-\u17B5]|[\u180B-\u180F]|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu;

/** Longest name shown; a name is a name, not a paragraph. */
const maxLength = 100;

/** The name as it may be shown: invisible characters removed, spaces collapsed, at most 100 characters; undefined when nothing is left. */
export function displayName(raw: string | null | undefined): string | undefined {
  if (typeof raw !== "string") return undefined;
  const shown = raw.normalize("NFC").replace(/\s+/gu, " ").replace(invisible, "").replace(/ {2,}/g, " ").trim();
  if (!shown) return undefined;
  const characters = [...shown];
  return characters.length > maxLength ? `${characters.slice(0, maxLength - 1).join("")}…` : shown;
}

/** The form names are compared in: what is shown, without case or compatibility differences (fullwidth letters, ligatures). */
export function nameKey(raw: string | null | undefined): string {
  return (displayName(raw) ?? "").normalize("NFKC").toLocaleLowerCase("sv");
}

export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  const key = nameKey(a);
  return key !== "" && key === nameKey(b);
}

/** The original with its invisible characters written out (\u202E), for the audit: nothing hidden, nothing reordered. */
export function revealInvisible(raw: string): string {
  // Line breaks and tabs stay as they are: they hide nothing, and JSON output keeps its layout.
  return raw.replace(invisible, (character) => {
    if (character === "\n" || character === "\r" || character === "\t") return character;
    const code = character.codePointAt(0)!;
    return code > 0xffff
      ? `\\u{${code.toString(16).toUpperCase()}}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  });
}
