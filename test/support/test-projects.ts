// Sorts the test files into vitest projects by what they reach, read from their imports: a file that
// reaches the test databases (test-database.ts, `inject`), the storage adapters or the composition root
// is a database test and gets the PostgreSQL global setup; test/e2e is end-to-end; the rest are unit
// tests, which run without any database. Read from the imports rather than listed by hand, so a new test
// lands in the right project by what it does.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

// Value imports only: `import type` reaches nothing at run time.
const importPattern = /(?:import|export)\s(?!type\s)[^"'`;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Files whose reach makes a test a database test (paths from the project root). */
const databaseMarkers = [
  "test/support/test-database.ts",
  "src/adapters/storage/database.ts",
  "src/adapters/storage/migrator.ts",
  "src/composition-root.ts",
];

function listTests(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...listTests(path));
    else if (entry.name.endsWith(".test.ts")) files.push(path);
  }
  return files;
}

export function classifyTests(root: string): { unit: string[]; database: string[]; endToEnd: string[] } {
  const reaches = new Map<string, boolean>();
  const reachesDatabase = (file: string, seen: Set<string>): boolean => {
    const known = reaches.get(file);
    if (known !== undefined) return known;
    if (seen.has(file)) return false;
    seen.add(file);
    const path = relative(root, file);
    if (databaseMarkers.includes(path)) return true;
    const text = readFileSync(file, "utf8");
    let found = /\binject\(\s*["']testDatabases["']/.test(text);
    for (const match of text.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2] ?? "";
      if (found || !specifier.startsWith(".")) continue;
      const target = resolve(dirname(file), specifier);
      if (existsSync(target) && target.endsWith(".ts")) found = reachesDatabase(target, seen);
    }
    reaches.set(file, found);
    return found;
  };
  const unit: string[] = [];
  const database: string[] = [];
  const endToEnd: string[] = [];
  for (const file of listTests(join(root, "test"))) {
    const path = relative(root, file);
    if (path.startsWith("test/e2e/")) endToEnd.push(path);
    else if (reachesDatabase(file, new Set())) database.push(path);
    else unit.push(path);
  }
  return { unit, database, endToEnd };
}
