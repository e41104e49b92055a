// Writes prisma/postgresql/schema.prisma from the one source schema, prisma/schema.prisma.
// Prisma needs one schema file per provider; everything but the provider and the client's output
// folder is identical, so the PostgreSQL variant is derived rather than maintained by hand.
// Usage: tsx scripts/prisma-schemas.ts [--check]   (--check: exit 1 if the file is out of date)
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const sourceSchemaPath = join(root, "prisma", "schema.prisma");
export const postgresqlSchemaPath = join(root, "prisma", "postgresql", "schema.prisma");

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:schemas`. Do not edit: edit the source and regenerate.\n";

export function postgresqlVariant(source: string): string {
  // The source's leading comment speaks about the source; the variant gets its own header instead.
  const body = source.replace(/^(\/\/.*\n)+\n?/, "");
  const replaced = body
    .replace(/(provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(output\s*=\s*)"\.\.\/src\/generated\/sqlite"/, '$1"../../src/generated/postgresql"');
  if (replaced.includes('"sqlite"') || !replaced.includes("generated/postgresql")) {
    throw new Error("prisma/schema.prisma no longer has the provider/output lines this script rewrites");
  }
  return HEADER + replaced;
}

function main(check: boolean): number {
  const expected = postgresqlVariant(readFileSync(sourceSchemaPath, "utf8"));
  let current = "";
  try {
    current = readFileSync(postgresqlSchemaPath, "utf8");
  } catch {
    // missing: treated as out of date
  }
  if (current === expected) return 0;
  if (check) {
    console.error("prisma/postgresql/schema.prisma is out of date: run `npm run db:schemas`");
    return 1;
  }
  mkdirSync(dirname(postgresqlSchemaPath), { recursive: true });
  writeFileSync(postgresqlSchemaPath, expected);
  console.log("wrote prisma/postgresql/schema.prisma");
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.includes("--check"));
}
