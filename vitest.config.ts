import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starts one PostgreSQL server and prepares migrated template databases for the whole run.
    globalSetup: ["test/support/global-setup.ts"],
    // Native modules (better-sqlite3) and child processes behave best in forked workers.
    pool: "forks",
    // restify pulls in spdy, which touches a deprecated Node internal on import; the warning is noise.
    execArgv: ["--disable-warning=DEP0111"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Test names in reports read as scenarios; keep stack traces pointing at the test files.
    reporters: ["default"],
  },
});
