// A throw-away PostgreSQL server from Debian's `postgresql` package, for the test suite and for
// creating migrations. Listens on 127.0.0.1 only, on a free port, with its data in a temporary folder.
// As root it runs the server as the `postgres` system user, since initdb and postgres refuse root.
//
//   tsx scripts/local-postgres.ts start [--dir .pg] [--port 54329]   keeps running; prints DATABASE_URL
//   tsx scripts/local-postgres.ts stop  [--dir .pg]
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, chmodSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export interface LocalPostgres {
  /** postgresql:// URL of the application role (LOGIN CREATEDB) and its database. */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  dir: string;
  /** Superuser connection over the unix socket, for creating and dropping databases. */
  admin(): pg.Client;
  stop(options?: { keepData?: boolean }): void;
}

const APP_USER = "app";
const APP_PASSWORD = "app";
const APP_DATABASE = "app";

export function findPostgresBin(): string {
  const override = process.env.PG_BIN;
  if (override) return override;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", "pg_ctl")))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  const newest = versions.at(-1);
  if (!newest) {
    throw new Error(
      "PostgreSQL server binaries were not found under /usr/lib/postgresql. Install them with: " +
        "sudo apt-get install -y postgresql   (or set PG_BIN to the folder holding pg_ctl)",
    );
  }
  return join(root, newest, "bin");
}

const isRoot = () => process.getuid?.() === 0;

function run(bin: string, args: string[]): string {
  const [command, fullArgs] = isRoot() ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  try {
    return execFileSync(command, fullArgs, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${bin} ${args.join(" ")} failed: ${e.stderr || e.message}`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Starts (or reuses, when `dir` already holds a running cluster) a PostgreSQL server on loopback. */
export async function startLocalPostgres(
  options: { dir?: string; port?: number; fast?: boolean } = {},
): Promise<LocalPostgres> {
  const bin = findPostgresBin();
  const dir = options.dir ? resolve(options.dir) : mkdtempSync(join(tmpdir(), "uppfoljning-pg-"));
  mkdirSync(dir, { recursive: true });
  // The postgres system user must be able to reach and own the folder.
  chmodSync(dir, 0o755);
  if (isRoot()) execFileSync("chown", ["postgres:postgres", dir]);
  const data = join(dir, "data");
  const socketDir = dir;
  if (!existsSync(join(data, "PG_VERSION"))) {
    run(join(bin, "initdb"), [
      "-D",
      data,
      "-U",
      "postgres",
      "--auth-local=trust",
      "--auth-host=scram-sha-256",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ]);
  }
  const port = options.port ?? (await freePort());
  const settings = [
    "-c listen_addresses=127.0.0.1",
    `-p ${port}`,
    `-k ${socketDir}`,
    // Durability is pointless for a throw-away test cluster and costs seconds per test run.
    ...(options.fast ? ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"] : []),
  ].join(" ");
  let running = true;
  try {
    run(join(bin, "pg_ctl"), ["-D", data, "status"]);
  } catch {
    running = false;
  }
  if (!running) {
    run(join(bin, "pg_ctl"), ["-D", data, "-l", join(dir, "postgres.log"), "-w", "-t", "60", "-o", settings, "start"]);
  }
  const actualPort = running ? readRunningPort(data) : port;
  const admin = () => new pg.Client({ host: socketDir, port: actualPort, user: "postgres", database: "postgres" });
  const client = admin();
  await client.connect();
  try {
    const role = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_USER]);
    if (role.rowCount === 0) await client.query(`CREATE ROLE "${APP_USER}" LOGIN CREATEDB PASSWORD '${APP_PASSWORD}'`);
    const db = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [APP_DATABASE]);
    if (db.rowCount === 0) await client.query(`CREATE DATABASE "${APP_DATABASE}" OWNER "${APP_USER}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://${APP_USER}:${APP_PASSWORD}@127.0.0.1:${actualPort}/${APP_DATABASE}`,
    host: "127.0.0.1",
    port: actualPort,
    user: APP_USER,
    password: APP_PASSWORD,
    database: APP_DATABASE,
    dir,
    admin,
    stop({ keepData = false } = {}) {
      stopLocalPostgres(dir);
      if (!keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readRunningPort(data: string): number {
  // postmaster.pid: line 4 holds the port.
  const lines = run("/bin/cat", [join(data, "postmaster.pid")]).split("\n");
  return Number(lines[3]);
}

export function stopLocalPostgres(dir: string): void {
  const data = join(resolve(dir), "data");
  if (!existsSync(join(data, "PG_VERSION"))) return;
  try {
    run(join(findPostgresBin(), "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
  } catch {
    // not running
  }
}

async function cli(argv: string[]): Promise<void> {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dir = flag("--dir") ?? ".pg";
  if (argv[0] === "stop") {
    stopLocalPostgres(dir);
    console.log("stopped");
    return;
  }
  if (argv[0] !== "start") {
    console.error("usage: tsx scripts/local-postgres.ts start|stop [--dir .pg] [--port 54329]");
    process.exitCode = 2;
    return;
  }
  const server = await startLocalPostgres({ dir, port: Number(flag("--port") ?? 54329) });
  console.log(`DATABASE_URL=${server.url}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  cli(process.argv.slice(2)).catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
