import type { Clock } from "../shared/clock.ts";
import { withDeadline } from "../shared/deadline.ts";

export interface HealthReport {
  status: "ok" | "degraded";
  version: string;
  checkedAt: string;
  database: { reachable: boolean; provider: string; latencyMs?: number; error?: string; pendingMigrations?: number };
}

export interface DatabaseProbe {
  provider: string;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  pendingMigrations(): Promise<number>;
}

/**
 * Whether the bot can do its work right now; the HTTP adapter maps "degraded" to 503. A database that
 * does not answer within `timeoutMs` is as good as unreachable: a turn could not use it either.
 */
export async function checkHealth(deps: {
  database: DatabaseProbe;
  clock: Clock;
  version: string;
  timeoutMs: number;
}): Promise<HealthReport> {
  const started = deps.clock.now().getTime();
  const base = { version: deps.version, checkedAt: new Date(started).toISOString() };
  try {
    // Both questions at once: one round trip, not two, counts against the limit.
    const pinged = deps.database.ping().then(() => Math.max(0, deps.clock.now().getTime() - started));
    const [latencyMs, pendingMigrations] = await withDeadline(
      Promise.all([pinged, deps.database.pendingMigrations()]),
      deps.timeoutMs,
      () => new Error(`the database did not answer within ${deps.timeoutMs} ms`),
    );
    return {
      ...base,
      status: pendingMigrations === 0 ? "ok" : "degraded",
      database: { reachable: true, provider: deps.database.provider, latencyMs, pendingMigrations },
    };
  } catch (error) {
    return {
      ...base,
      status: "degraded",
      database: { reachable: false, provider: deps.database.provider, error: (error as Error).message },
    };
  }
}
