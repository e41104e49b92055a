// Imports the public seed documents into a test database through the real import use case,
// so question tests read exactly what a user's import would store.
import { readFileSync, readdirSync } from "node:fs";
import { importDocument } from "../../src/agreements/import-document.ts";
import type { Services } from "../../src/composition-root.ts";
import { grantRole } from "../../src/people/manage-roles.ts";
import { seedPath, seedsFolder } from "./seeds.ts";
import { anna, cecilia, TENANT } from "./teams-activities.ts";

export const seedFiles = readdirSync(seedsFolder)
  .filter((name) => /\.(txt|md|pdf|docx)$/i.test(name))
  .sort();

export async function importSeeds(services: Services): Promise<void> {
  for (const name of seedFiles) {
    const result = await importDocument({ name, bytes: readFileSync(seedPath(name)) }, services.importDependencies);
    if (!result.ok) throw new Error(`Seed ${name} did not import: ${result.message}`);
  }
}

/** The roles most status tests start from: Anna reports for DSO, Cecilia is KAN's expert. */
export async function grantSeedRoles(services: Services): Promise<void> {
  const operator = { kind: "operator" as const, name: "test" };
  await grantRole(services, operator, { tenantId: TENANT, aadObjectId: anna.aadObjectId, role: "chief", scope: "DSO" });
  await grantRole(services, operator, {
    tenantId: TENANT,
    aadObjectId: cecilia.aadObjectId,
    role: "expert",
    scope: "KAN",
  });
}
