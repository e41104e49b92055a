import type { Language } from "../language.ts";
import { en } from "./en.ts";
import { sv, type MessageKey } from "./sv.ts";

export type { MessageKey };

const tables: Record<Language, Record<MessageKey, string>> = { sv, en };

/** The user-facing text for `key` in `language`, with {placeholders} filled from `params`. */
export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return tables[language][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}
