import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root: the nearest folder above this file with a package.json. Found from the file's
 * location, so it depends neither on the working directory nor on whether this runs from src/ or from
 * a chunk of the compiled build in dist/.
 */
export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "package.json"))) return folder;
    if (dirname(folder) === folder) throw new Error(`No package.json above ${start}: cannot find the project's files.`);
  }
}

export const paths = {
  cards: join(projectRoot, "cards"),
  appPackage: join(projectRoot, "appPackage"),
  sqliteMigrations: join(projectRoot, "prisma", "migrations"),
  postgresqlMigrations: join(projectRoot, "prisma", "postgresql", "migrations"),
  packageJson: join(projectRoot, "package.json"),
};
