// Imports the public seed documents into a test database through the real import use case,
// so question tests read exactly what a user's import would store.
import { readFileSync, readdirSync } from "node:fs";
import { importDocument } from "../../src/agreements/import-document.ts";
import type { Services } from "../../src/composition-root.ts";
import { seedPath, seedsFolder } from "./seeds.ts";

export const seedFiles = readdirSync(seedsFolder)
  .filter((name) => /\.(txt|md|pdf|docx)$/i.test(name))
  .sort();

export async function importSeeds(services: Services): Promise<void> {
  for (const name of seedFiles) {
    const result = await importDocument({ name, bytes: readFileSync(seedPath(name)) }, services.importDependencies);
    if (!result.ok) throw new Error(`Seed ${name} did not import: ${result.message}`);
  }
}
