import { defineConfig } from "vitest/config";
import { classifyTests } from "./test/support/test-projects.ts";

// Three projects, sorted by what each test file reaches (test/support/test-projects.ts): unit tests run
// without a database (`npm run test:unit`), database tests and the end-to-end tests get the PostgreSQL
// global setup. `vitest run` runs all three.
const tests = classifyTests(import.meta.dirname);
// Starts one PostgreSQL server and prepares migrated template databases for the whole run.
const databaseSetup = ["test/support/global-setup.ts"];

export default defineConfig({
  test: {
    // Native modules (better-sqlite3) and child processes behave best in forked workers.
    pool: "forks",
    // restify pulls in spdy, which touches a deprecated Node internal on import; the warning is noise.
    execArgv: ["--disable-warning=DEP0111"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Test names in reports read as scenarios; keep stack traces pointing at the test files.
    reporters: ["default"],
    projects: [
      { extends: true, test: { name: "unit", include: tests.unit } },
      { extends: true, test: { name: "database", include: tests.database, globalSetup: databaseSetup } },
      { extends: true, test: { name: "end-to-end", include: tests.endToEnd, globalSetup: databaseSetup } },
    ],
  },
});
