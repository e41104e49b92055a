// Configuration for the Prisma CLI only (generate, migrate diff/status). The application never
// loads this file: it connects through src/adapters/storage and applies migrations itself.
//
// Prisma 7 cannot migrate without downloading a native engine, so we pin Prisma 6.19.3 and run its
// bundled WASM schema engine through a driver adapter (engine: "js"). The shims below each fix a
// concrete failure of that combination; see ../shared/recipes/prisma-offline.md for the background.
import path from "node:path";
import pg from "pg";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// Must resolve before Prisma reads the schema's env("DATABASE_URL"), or Prisma 6.19 falls back to
// downloading a native engine. Same default as src/config/config.ts.
process.env.DATABASE_URL ??= "file:./data/uppfoljning.db";
const databaseUrl = process.env.DATABASE_URL;
const isPostgres = /^postgres(ql)?:\/\//.test(databaseUrl);

// The WASM engine arms setTimeout guards it never clears, so the CLI would linger 10-60 s after
// finishing. Timers created from WebAssembly frames must not keep the process alive.
const nativeSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = Object.assign(function (this: unknown, ...args: Parameters<typeof setTimeout>) {
  const timer = Reflect.apply(nativeSetTimeout, this, args) as NodeJS.Timeout;
  if (new Error().stack?.includes("wasm://")) timer.unref();
  return timer;
}, nativeSetTimeout) as typeof setTimeout;

function sqliteAdapter(): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url: databaseUrl });
  // The engine replays whole migration files on the shadow database through executeRaw, which
  // better-sqlite3 runs as a single prepared statement; route argument-less SQL through the script path.
  const connectShadow = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectShadow();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      if (query.args.length > 0) return executeRaw(query);
      await shadow.executeScript(query.sql);
      return 0;
    };
    return shadow;
  };
  return factory;
}

// prisma/orm#27403: catalog columns of type "char" (18) and name (19) cannot be deserialised by
// adapter-pg 6.19; report them as text (25). This patches pg inside the CLI process only.
const textLikeOids = new Set([18, 19]);
function asText<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as Array<{ fields?: { dataTypeID: number }[] }>) {
    for (const field of r?.fields ?? []) if (textLikeOids.has(field.dataTypeID)) field.dataTypeID = 25;
  }
  return result;
}
const pgQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const callback = args[args.length - 1];
  if (typeof callback === "function") {
    args[args.length - 1] = (err: unknown, res: unknown) => callback(err, err ? res : asText(res));
  }
  const result = pgQuery.apply(this, args);
  return result instanceof Promise ? result.then(asText) : result;
};

function postgresAdapter(): PrismaPg {
  const url = new URL(databaseUrl);
  // Discrete fields, not a connection string: adapter-pg derives the shadow database config by
  // overriding `database`, which a connection string would silently win over.
  const config: pg.PoolConfig = {
    host: decodeURIComponent(url.hostname),
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    allowExitOnIdle: true,
  };
  const connect = async (poolConfig: pg.PoolConfig) => {
    const adapter = await new PrismaPg(poolConfig).connect();
    const internals = adapter as unknown as { client: pg.Pool; onError(error: unknown): never };
    // adapter-pg splits scripts on every ";" which breaks $$ bodies; send them whole instead.
    adapter.executeScript = async (script: string) => {
      try {
        await internals.client.query(script);
      } catch (error) {
        internals.onError(error);
      }
    };
    return adapter;
  };
  const factory = new PrismaPg(config);
  factory.connect = () => connect(config);
  // The stock shadow database cleanup drops the database while its own pool is still connected.
  factory.connectToShadowDb = async () => {
    const main = await connect(config);
    const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = await connect({ ...config, database: name });
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await main.dispose();
    };
    return shadow;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? path.join("prisma", "postgresql", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: {
    path: isPostgres ? path.join("prisma", "postgresql", "migrations") : path.join("prisma", "migrations"),
  },
  async adapter() {
    return isPostgres ? postgresAdapter() : sqliteAdapter();
  },
});
