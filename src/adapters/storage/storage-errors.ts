// Recognises database failures by their codes, whichever driver raised them, so callers can tell
// "the database is briefly unreachable" (ask the user to retry) from a bug.
import type { ErrorCode } from "../../shared/app-error.ts";
import { isAppError } from "../../shared/app-error.ts";

/** The schema cannot be brought up to date, or is not: the message names what to do. Declared here, not in
 * the migrator, so the CLI can recognise it without loading the database drivers. */
export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

const UNREACHABLE_CODES = new Set([
  // Prisma
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  // Node sockets (PostgreSQL over TCP)
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, too many connections,
  // statement_timeout (query_canceled), lock_timeout, idle-in-transaction timeout
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "57014",
  "55P03",
  "25P03",
  // SQLite: locked by another writer for longer than the busy timeout, or the file is unreadable
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_CANTOPEN",
  "SQLITE_IOERR",
]);

/** Thrown by our own storage code when it knows the database cannot be reached. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}

function codesOf(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 4) return [];
  const e = error as { code?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown };
  const own = [e.code, e.originalCode, e.kind].filter((c): c is string => typeof c === "string");
  const fromMessage =
    typeof e.message === "string"
      ? (e.message.match(/\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|SQLITE_BUSY|P10\d\d)\b/g) ?? [])
      : [];
  return [...own, ...fromMessage, ...codesOf(e.cause, depth + 1)];
}

/** Raised by Prisma, a driver adapter or a database driver (and not, say, by the Teams connector). */
function comesFromDatabase(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as { name?: unknown; clientVersion?: unknown; cause?: unknown; severity?: unknown };
  const name = typeof e.name === "string" ? e.name : "";
  if (/^Prisma|DriverAdapterError|SqliteError|DatabaseError/.test(name) || e.clientVersion !== undefined) return true;
  if (typeof e.severity === "string") return true; // pg's server errors
  return comesFromDatabase(e.cause, depth + 1);
}

/** Our own marker, on the error or anywhere in its causes (Prisma sometimes wraps what the driver threw). */
function markedUnavailable(error: unknown, depth = 0): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (!error || typeof error !== "object" || depth > 4) return false;
  return markedUnavailable((error as { cause?: unknown }).cause, depth + 1);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (markedUnavailable(error)) return true;
  if (!comesFromDatabase(error)) return false;
  const codes = codesOf(error);
  if (codes.some((code) => UNREACHABLE_CODES.has(code))) return true;
  const message = error instanceof Error ? error.message : "";
  // P2028: an interactive transaction that could not start, or ran out of time, in its limits.
  if (codes.includes("P2028") && /time|expired/i.test(message)) return true;
  return /Can't reach database server|Connection terminated|connection is closed|Timed out fetching a new connection|database system is (starting up|shutting down)/i.test(
    message,
  );
}

export function isUniqueViolation(error: unknown): boolean {
  const codes = codesOf(error);
  return (
    codes.includes("P2002") ||
    codes.includes("23505") ||
    codes.includes("SQLITE_CONSTRAINT_UNIQUE") ||
    codes.includes("UniqueConstraintViolation")
  );
}

/** The user-facing error code for any thrown value. */
export function classifyError(error: unknown): ErrorCode {
  if (isAppError(error)) return error.code;
  if (isDatabaseUnavailable(error)) return "database_unavailable";
  return "internal";
}
