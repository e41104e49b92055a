// Generates the Prisma client for each database (runs on `npm install`). The PostgreSQL client is
// generated with a PostgreSQL URL so prisma.config.ts picks the PostgreSQL schema; nothing connects.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const prisma = join(root, "node_modules", "prisma", "build", "index.js");
const targets = [
  { name: "SQLite", url: "file:./data/uppfoljning.db" },
  { name: "PostgreSQL", url: "postgresql://generate@127.0.0.1:5432/generate" },
];
for (const target of targets) {
  execFileSync(process.execPath, [prisma, "generate"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: target.url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  console.log(`generated the Prisma client for ${target.name}`);
}
