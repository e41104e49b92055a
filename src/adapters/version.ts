import { readFileSync } from "node:fs";
import { paths } from "./project-paths.ts";

export const appVersion: string = (JSON.parse(readFileSync(paths.packageJson, "utf8")) as { version: string }).version;
