// One error type for everything a person can act on. The code picks the user-facing message
// (see messages/); `details` is for the log only and never shown to users.

export type ErrorCode =
  | "database_unavailable"
  | "database_outdated"
  | "not_found"
  | "invalid_input"
  | "forbidden"
  | "internal";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
