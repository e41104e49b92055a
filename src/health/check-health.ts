import type { Clock } from "../shared/clock.ts";

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

/** Whether the bot can do its work right now; the HTTP adapter maps "degraded" to 503. */
export async function checkHealth(deps: { database: DatabaseProbe; clock: Clock; version: string }): Promise<HealthReport> {
  const started = deps.clock.now().getTime();
  const base = { version: deps.version, checkedAt: new Date(started).toISOString() };
  try {
    await deps.database.ping();
    const latencyMs = Math.max(0, deps.clock.now().getTime() - started);
    const pendingMigrations = await deps.database.pendingMigrations();
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
