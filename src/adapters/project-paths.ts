import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file's location so it does not depend on the working directory. */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const paths = {
  cards: join(projectRoot, "cards"),
  appPackage: join(projectRoot, "appPackage"),
  sqliteMigrations: join(projectRoot, "prisma", "migrations"),
  postgresqlMigrations: join(projectRoot, "prisma", "postgresql", "migrations"),
  packageJson: join(projectRoot, "package.json"),
};
