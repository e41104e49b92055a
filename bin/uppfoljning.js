#!/usr/bin/env node
// The `uppfoljning` command: the compiled CLI (dist/, built on install). In a checkout without a
// build it runs the TypeScript through tsx instead, slower to start but the same program.
import { existsSync } from "node:fs";

const compiled = new URL("../dist/cli.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli.ts");
}
