// The package ships without types; this is the part of its API we use.
declare module "nspell" {
  interface NSpell {
    /** Every word form the affix rules produce, with the flags of listed entries (undocumented but stable since 2.1.5). */
    data: Record<string, string[]>;
    /** Flag settings from the affix file, such as FORBIDDENWORD. */
    flags: Record<string, string | number | undefined>;
    correct(word: string): boolean;
  }
  function nspell(aff: string | Uint8Array, dic?: string | Uint8Array): NSpell;
  export default nspell;
}
