// Run as its own process by tests that need two real processes migrating one database at once.
import { applyMigrations } from "../../src/adapters/storage/migrator.ts";

const applied = await applyMigrations(process.argv[2]!);
process.stdout.write(JSON.stringify(applied));
