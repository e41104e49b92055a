// The package ships without types; this is the part of its API we use.
declare module "stopword" {
  /** English function words, lower case. */
  export const eng: readonly string[];
}
