// Unauthenticated memory pressure: 300 unsigned 2 MB bodies posted at /api/messages of a bot that has
// credentials (50 at a time, half without a token, half with a token that is not even for this bot).
// The bot runs as its own process (src/main.ts); its RSS is read from /proc before and after, with
// the peak (VmHWM). Target from issue 16: the bodies are not read before the token is checked, so
// the RSS barely moves.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { freePort } from "../scripts/local-postgres.ts";
import { round, type BenchReport } from "./bench-kit.ts";

const root = join(import.meta.dirname, "..");

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

/** Posts `bytes` of JSON-ish body and resolves with the status (or the error code when the bot closed the connection). */
function post(port: number, bytes: Buffer, authorization?: string): Promise<string> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/messages",
        headers: {
          "content-type": "application/json",
          "content-length": bytes.length,
          ...(authorization ? { authorization } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(String(res.statusCode)));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    req.end(bytes);
  });
}

export async function run(): Promise<BenchReport> {
  const folder = mkdtempSync(join(tmpdir(), "uppfoljning-bench-bodies-"));
  const port = await freePort();
  const bot = spawn(process.execPath, ["--disable-warning=DEP0111", "--import", "tsx", join(root, "src", "main.ts")], {
    cwd: root,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: `file:${join(folder, "bot.db")}`,
      MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555",
      MICROSOFT_APP_PASSWORD: "not-used",
      MICROSOFT_APP_TENANT_ID: "tenant-bench",
      REMINDER_SCHEDULE: "off",
      DIGEST_SCHEDULE: "off",
      LOG_LEVEL: "silent",
    },
    stdio: "ignore",
  });
  try {
    for (let i = 0; i < 300; i++) {
      if (
        await fetch(`http://127.0.0.1:${port}/healthz`)
          .then((r) => r.ok)
          .catch(() => false)
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = memoryOf(bot.pid!);
    const body = Buffer.alloc(2 * 1024 * 1024, 0x20);
    body.write('{"type":"message","text":"');
    body.write('"}', body.length - 2);
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const claims = Buffer.from(
      JSON.stringify({ aud: "someone-else", exp: Math.floor(Date.now() / 1000) + 600 }),
    ).toString("base64url");
    const unsigned = `Bearer ${header}.${claims}.c2lnbmF0dXJl`;
    const statuses = new Map<string, number>();
    const started = performance.now();
    for (let batch = 0; batch < 6; batch++) {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => post(port, body, i % 2 === 0 ? undefined : unsigned)),
      );
      for (const status of results) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const ms = performance.now() - started;
    const after = memoryOf(bot.pid!);
    return {
      name: "300 unsigned 2 MB bodies at /api/messages (bot with credentials)",
      figures: {
        answers: [...statuses].map(([status, count]) => `${count}× ${status}`).join(", "),
        "time for all (ms)": round(ms, 0),
        "bot RSS before (MB)": round(before.rssMb, 0),
        "bot RSS after (MB)": round(after.rssMb, 0),
        "bot RSS peak (MB)": round(after.peakMb, 0),
      },
      target: {
        description: "the bodies are not read: RSS grows by less than 30 MB",
        met: after.peakMb - before.rssMb < 30,
      },
    };
  } finally {
    bot.kill("SIGTERM");
    await new Promise((resolve) => bot.once("exit", resolve));
    rmSync(folder, { recursive: true, force: true });
  }
}
