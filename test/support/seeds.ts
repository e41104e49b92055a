// The public sample documents live next to the repository (../shared/seeds), not in it.
// UPPFOLJNING_SEEDS points elsewhere when the checkout is not a sibling of shared/.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const seedsFolder = resolve(process.env.UPPFOLJNING_SEEDS ?? join(import.meta.dirname, "../../../shared/seeds"));

if (!existsSync(seedsFolder)) {
  throw new Error(
    `The seed documents are missing at ${seedsFolder}. Check out shared/ next to the repository or set UPPFOLJNING_SEEDS.`,
  );
}

export const seedPath = (name: string) => join(seedsFolder, name);
