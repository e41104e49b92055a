// The package ships without types; this is the part of its API we use.
declare module "stopword" {
  /** Swedish stop words (function words), lower case. */
  export const swe: string[];
}
