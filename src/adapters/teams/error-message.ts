// The one translation of a failure into what the person reads: an AppError may name its own
// message (details.reply, with its details as the placeholders); otherwise the message for its code.
import type { ErrorCode } from "../../shared/app-error.ts";
import { isAppError } from "../../shared/app-error.ts";
import type { Language } from "../../shared/language.ts";
import { translate, type MessageKey } from "../../shared/messages/translate.ts";

export function userMessageFor(language: Language, error: unknown, code: ErrorCode): string {
  if (isAppError(error) && typeof error.details?.reply === "string") {
    const params = Object.fromEntries(
      Object.entries(error.details).filter(
        (entry): entry is [string, string | number] => typeof entry[1] === "string" || typeof entry[1] === "number",
      ),
    );
    return translate(language, error.details.reply as MessageKey, params);
  }
  return translate(language, `error.${code}`, { detail: (error as Error).message });
}
