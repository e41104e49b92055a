// A short, stable reference to a reporting item for people to type ("r3f9a2c"): the item's key is
// long and made for matching, not for command lines.
import { createHash } from "node:crypto";

export function itemRef(key: string): string {
  return `r${createHash("sha1").update(key).digest("hex").slice(0, 6)}`;
}
