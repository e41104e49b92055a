// The expanded Swedish dictionary, kept on disk between processes. Expanding the hunspell affix
// rules with nspell takes over a second and happens again in every process that imports a
// document; reading the expanded forms back takes about a third of that. The cache is an
// optimisation only: when it cannot be read or written, the dictionary is expanded as before.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import dictionarySv from "dictionary-sv";
import { type CompiledForms, compileSwedishForms, expansionCode } from "./hunspell-dictionary.ts";

const sectionBreak = "\u0000";

/** `node_modules/.cache/uppfoljningsboten`, beside the dictionary package, as build tools keep theirs. */
export function defaultCacheDirectory(): string {
  const packageEntry = createRequire(import.meta.url).resolve("dictionary-sv");
  return join(dirname(dirname(packageEntry)), ".cache", "uppfoljningsboten");
}

/**
 * The file name carries a hash of the dictionary's bytes and of the code that expands them, so a
 * new dictionary release or a change to the expansion never reads a stale file.
 */
export function cacheFileName(): string {
  const hash = createHash("sha256")
    .update(dictionarySv.aff)
    .update(dictionarySv.dic)
    .update(expansionCode())
    .digest("hex")
    .slice(0, 16);
  return `sv-forms-${hash}.txt`;
}

export function serialiseForms(compiled: CompiledForms): string {
  return [compiled.forms, compiled.headwords, compiled.names, compiled.added]
    .map((list) => list.join("\n"))
    .join(sectionBreak);
}

export function parseForms(text: string): CompiledForms | null {
  const sections = text.split(sectionBreak);
  if (sections.length !== 4) return null;
  const [forms, headwords, names, added] = sections.map((section) => (section ? section.split("\n") : []));
  if (!forms?.length || !headwords || !names || !added) return null;
  return { forms, headwords, names, added };
}

export interface CacheOutcome {
  compiled: CompiledForms;
  /** "read" from the cache, or "compiled" (and written when `written`). */
  source: "read" | "compiled";
  written: boolean;
}

export function cachedSwedishForms(directory: string | null = defaultCacheDirectory()): CacheOutcome {
  const path = directory ? join(directory, cacheFileName()) : null;
  if (path) {
    const cached = readCache(path);
    if (cached) return { compiled: cached, source: "read", written: false };
  }
  const compiled = compileSwedishForms();
  return { compiled, source: "compiled", written: path !== null && writeCache(path, compiled) };
}

function readCache(path: string): CompiledForms | null {
  try {
    return parseForms(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

// Written to a temporary name and renamed, so a process reading at the same moment never sees half a file.
function writeCache(path: string, compiled: CompiledForms): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, serialiseForms(compiled));
    renameSync(temporary, path);
    return true;
  } catch {
    return false;
  }
}
