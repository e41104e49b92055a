// Load on /api/messages over loopback HTTP (autocannon): questions and status submits as Teams
// sends them, through restify, the Bot Framework adapter, teams-ai and the database, with replies
// posted to a local stand-in for the connector. Once on SQLite, once on PostgreSQL. First, in the same
// process and run, the ceiling: a bare restify endpoint that parses the same activity JSON and answers
// 200. The bot's figures are reported as shares of it, since absolute figures differ by machine.
import { createServer } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import restify from "restify";
import { importDocument } from "../src/agreements/import-document.ts";
import { loadConfig } from "../src/config/config.ts";
import { composeServices, prepareDatabase } from "../src/composition-root.ts";
import { composeTeams, httpDependencies } from "../src/teams-composition.ts";
import { createHttpServer, listen } from "../src/adapters/http/http-server.ts";
import { grantRole } from "../src/people/manage-roles.ts";
import { fixedClock } from "../src/shared/clock.ts";
import { silentLogger } from "../src/shared/logger.ts";
import { startLocalPostgres } from "../scripts/local-postgres.ts";
import { round, type BenchReport } from "./bench-kit.ts";

const seeds = resolve(process.env.UPPFOLJNING_SEEDS ?? join(import.meta.dirname, "../../shared/seeds"));
const tenant = "tenant-load";
const questions = [
  "vad ska redovisas i maj 2025?",
  "när ska grunduppdraget arbetsmarknadsverksamhet redovisas?",
  "vad är målgruppen för Jobbtorg?",
  "what is due before 2025-05-28?",
  "hur mycket får ekonomiskt bistånd?",
  "vad ska redovisas de kommande 3 veckorna?",
];

/** Concurrent clients and seconds per database: LOAD_CONNECTIONS, LOAD_SECONDS (LOAD_DATABASE=sqlite|postgresql for one). */
const connections = Number(process.env.LOAD_CONNECTIONS ?? 8);
const seconds = Number(process.env.LOAD_SECONDS ?? 15);

type Target = { assignmentId: string; period: string };

/** The activities of the run: one in five a status submit (new, or refused as already reported), the rest questions. */
function activities(serviceUrl: string, targets: readonly Target[], chiefs: number) {
  let n = 0;
  return () => {
    n += 1;
    const user = n % chiefs;
    const base = {
      id: `load-${n}`,
      channelId: "msteams",
      serviceUrl,
      from: {
        id: `29:u${user}`,
        aadObjectId: `00000000-0000-0000-0000-${String(user).padStart(12, "0")}`,
        name: `Chief ${user}`,
      },
      recipient: { id: "28:bot", name: "Uppföljningsboten" },
      conversation: { id: `a:personal-${user}`, conversationType: "personal", tenantId: tenant },
      channelData: { tenant: { id: tenant } },
      locale: "sv-SE",
    };
    if (n % 5 === 0 && targets.length > 0) {
      const target = targets[n % targets.length]!;
      return {
        ...base,
        type: "invoke",
        name: "adaptiveCard/action",
        value: {
          action: {
            type: "Action.Execute",
            verb: "status.submit",
            data: {
              ...target,
              idempotencyKey: `load-key-${n}`,
              baseVersion: 0,
              status: "on_track",
              text: "Enligt plan.",
            },
          },
        },
      };
    }
    return { ...base, type: "message", text: questions[n % questions.length] };
  };
}

interface Measured {
  messagesPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  ok: number;
  non2xx: number;
  errors: number;
}

async function measure(port: number, activity: () => object): Promise<Measured> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    connections,
    duration: seconds,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(activity()) }) }],
  });
  return {
    messagesPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** The ceiling: restify reading and parsing the same activities, with nothing behind it. */
async function ceiling(): Promise<Measured> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.post("/api/messages", (req, res, next) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const activity = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { type?: string };
      res.send(200, { type: activity.type });
      next();
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
  try {
    const activity = activities("https://smba.trafficmanager.net/emea/", [{ assignmentId: "a", period: "p" }], 20);
    return await measure((server.address() as { port: number }).port, activity);
  } finally {
    server.close();
  }
}

async function loadOn(databaseUrl: string, label: string, top: Measured): Promise<BenchReport> {
  // The connector stand-in answers every reply at once.
  const connector = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"id":"r"}');
    });
  });
  await new Promise<void>((done) => connector.listen(0, "127.0.0.1", done));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as { port: number }).port}/`;

  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    DATABASE_AUTO_MIGRATE: "always",
    REMINDER_SCHEDULE: "off",
    DIGEST_SCHEDULE: "off",
    LOG_LEVEL: "silent",
  });
  const step = (what: string) => process.stderr.write(`  [${label}] ${what}\n`);
  await prepareDatabase(config, silentLogger);
  step("migrated");
  const services = await composeServices(config, {
    logger: silentLogger,
    clock: fixedClock(new Date("2025-04-28T08:00:00Z")),
  });
  for (const name of readdirSync(seeds).sort())
    await importDocument({ name, bytes: readFileSync(join(seeds, name)) }, services.importDependencies);
  step("seeds imported");
  const chiefs = 20;
  for (let i = 0; i < chiefs; i++) {
    await grantRole(
      services,
      { kind: "operator", name: "bench" },
      {
        tenantId: tenant,
        aadObjectId: `00000000-0000-0000-0000-${String(i).padStart(12, "0")}`,
        role: "chief",
        scope: "DSO",
      },
    );
  }
  const targets = (await services.status.reportableAssignments({ agreementId: "kan-dso-2025" })).flatMap((a) =>
    a.points.map((p) => ({ assignmentId: a.id, period: p.key })),
  );
  const server = createHttpServer(httpDependencies(services, composeTeams(services)));
  const { port } = await listen(server, "127.0.0.1", 0);

  const activity = activities(serviceUrl, targets, chiefs);

  try {
    step("warming up");
    // Warm the question index and the connection pools before measuring.
    await autocannon({
      url: `http://127.0.0.1:${port}/api/messages`,
      connections: 4,
      amount: 200,
      method: "POST",
      headers: { "content-type": "application/json" },
      requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(activity()) }) }],
    });
    step("measuring");
    const bot = await measure(port, activity);
    const share = bot.messagesPerSecond / top.messagesPerSecond;
    const p99Ratio = bot.p99 / Math.max(1, top.p99);
    return {
      name: `load on /api/messages (${label}; 80 % questions, 20 % status submits; ${connections} connections, ${seconds} s)`,
      figures: {
        "messages/s (mean)": round(bot.messagesPerSecond, 0),
        "share of the ceiling's messages/s": `${round(share * 100, 0)} %`,
        "p50 ms": bot.p50,
        "p99 ms": bot.p99,
        "p99 × the ceiling's p99": round(p99Ratio, 1),
        "max ms": bot.max,
        "ceiling messages/s (bare restify, same run)": round(top.messagesPerSecond, 0),
        "ceiling p99 ms": top.p99,
        "2xx": bot.ok,
        "non-2xx": bot.non2xx,
        errors: bot.errors,
        "status updates stored": await services.database.prisma.statusUpdate.count(),
      },
      target: {
        description: "≥ 50 % of the ceiling's messages/s, p99 ≤ 3× the ceiling's",
        met: share >= 0.5 && p99Ratio <= 3,
      },
    };
  } finally {
    server.close();
    connector.close();
    await services.close();
  }
}

export async function run(): Promise<BenchReport[]> {
  const folder = mkdtempSync(join(tmpdir(), "bench-load-"));
  const reports: BenchReport[] = [];
  try {
    process.stderr.write("  [ceiling] measuring a bare restify endpoint\n");
    const top = await ceiling();
    if (process.env.LOAD_DATABASE !== "postgresql")
      reports.push(await loadOn(`file:${join(folder, "load.db")}`, "SQLite", top));
    if (process.env.LOAD_DATABASE === "sqlite") return reports;
    const postgres = await startLocalPostgres({ fast: true });
    try {
      reports.push(await loadOn(postgres.url, "PostgreSQL", top));
    } finally {
      postgres.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return reports;
}
