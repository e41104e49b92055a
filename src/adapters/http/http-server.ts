// Serves the bot over HTTP: the Bot Framework endpoint, a health check and summary downloads.
import restify from "restify";
import type { Application, TeamsAdapter } from "@microsoft/teams-ai";
import type { HealthReport } from "../../health/check-health.ts";
import type { Logger } from "../../shared/logger.ts";
import { withDeadline } from "../../shared/deadline.ts";
import type { SummaryDownloads } from "./summary-downloads.ts";

export interface HttpServerDependencies {
  adapter: TeamsAdapter;
  app: Application;
  health(): Promise<HealthReport>;
  logger: Logger;
  version: string;
  /** The bot's Microsoft app id; without it requests are not authenticated (local development on loopback). */
  appId?: string;
  /**
   * Longest a request to /api/messages may take, the turn included (a little over the turn's budget).
   * A key server that does not answer must not hold the request until Teams gives up.
   */
  requestTimeoutMs?: number;
  /** Files behind signed links in cards (summaries). */
  summaryDownloads?: SummaryDownloads;
}

/** Teams activities are a few kilobytes (a message holds at most about 28 KB); anything far bigger is not one. */
export const maxActivityBytes = 256 * 1024;

export function createHttpServer(deps: HttpServerDependencies): restify.Server {
  const server = restify.createServer({
    name: "uppfoljningsboten",
    version: deps.version,
    handleUncaughtExceptions: false,
  });
  const authenticated = Boolean(deps.appId);

  // Cheap checks first, in order: the request head (size, token shape), then the body, then the
  // activity's shape. Only a request that could be served reaches botbuilder, which fetches signing
  // keys and later replies to the activity's service URL: both can be slow.
  server.post(
    "/api/messages",
    (req, res, next) => {
      const refusal = refuseBeforeBody(req, deps.appId);
      if (!refusal) return next();
      deps.logger.info(
        { reason: refusal.reason, length: req.headers["content-length"] },
        "request refused before its body was read",
      );
      // The body was never read: close the connection rather than drain it.
      res.setHeader("connection", "close");
      res.send(refusal.status, refusal.status === 401 ? "Unauthorized" : "Payload Too Large");
      return next(false);
    },
    restify.plugins.bodyParser({ maxBodySize: maxActivityBytes, mapParams: false }),
    async (req, res) => {
      const problem = activityShapeProblem(req.body, { allowLoopback: !authenticated });
      if (problem) {
        deps.logger.info({ reason: problem }, "request refused: not a Teams activity");
        return void res.send(400, "Bad Request");
      }
      await processActivity(deps, req, res);
    },
  );

  server.get("/downloads/summary", async (req, res) => {
    if (!deps.summaryDownloads) return void res.send(404);
    const query = Object.fromEntries(new URL(req.url ?? "", "http://localhost").searchParams);
    try {
      const file = await deps.summaryDownloads(query);
      res.writeHead(file.status, {
        "content-type": file.contentType,
        "cache-control": "no-store",
        ...(file.filename ? { "content-disposition": `attachment; filename="${file.filename}"` } : {}),
      });
      res.end(file.body);
    } catch (error) {
      deps.logger.warn({ err: error, agreement: query.agreement }, "summary download failed");
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
      res.end(
        "Sammanfattningen kunde inte skapas just nu. Försök igen om en stund. / The summary could not be made right now; try again shortly.",
      );
    }
  });

  server.get("/healthz", async (_req, res) => {
    const report = await deps.health();
    res.json(report.status === "ok" ? 200 : 503, report);
  });

  server.on("restifyError", (req, _res, error, callback) => {
    deps.logger.warn({ err: error, method: req.method, url: req.url }, "http request failed");
    return callback();
  });
  return server;
}

/**
 * A refusal that needs no body: too large to be an activity, or (with credentials) a token that is
 * missing, not a JWT, not for this bot, or expired. The signature is checked later by botbuilder; this
 * only keeps senders who cannot even name the bot from making it read their bodies.
 */
function refuseBeforeBody(
  req: restify.Request,
  appId: string | undefined,
): { status: 401 | 413; reason: string } | undefined {
  const length = Number(req.headers["content-length"] ?? 0);
  if (appId) {
    const problem = tokenShapeProblem(String(req.headers.authorization ?? ""), appId, Date.now());
    if (problem) return { status: 401, reason: problem };
  }
  if (length > maxActivityBytes)
    return { status: 413, reason: `body of ${length} bytes; activities are at most ${maxActivityBytes}` };
  return undefined;
}

/** Why an Authorization header cannot hold a Bot Framework token for `appId`, read without verifying it; undefined when it might. */
export function tokenShapeProblem(header: string, appId: string, nowMs: number): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(header.trim());
  if (!match) return header ? "authorization is not a bearer JWT" : "no authorization header";
  let claims: { aud?: unknown; exp?: unknown };
  try {
    const head = JSON.parse(Buffer.from(match[1]!, "base64url").toString("utf8")) as { alg?: unknown };
    if (typeof head.alg !== "string" || head.alg.toLowerCase() === "none") return "token is not signed";
    claims = JSON.parse(Buffer.from(match[2]!, "base64url").toString("utf8")) as typeof claims;
  } catch {
    return "token is not readable";
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(appId)) return "token is for another app";
  // botbuilder allows five minutes of clock skew; so does this.
  if (typeof claims.exp !== "number" || claims.exp * 1000 < nowMs - 5 * 60 * 1000) return "token has expired";
  return undefined;
}

/** Hosts Teams sends activities from: the public cloud, GCC, GCC High / DoD, and Teams operated by 21Vianet. */
const teamsServiceHosts = [
  /^smba\.trafficmanager\.net$/,
  /\.teams\.microsoft\.com$/,
  /\.teams\.microsoft\.us$/,
  /\.teams\.microsoftonline\.cn$/,
];

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * Why a body is not an activity the bot can serve; undefined when it is. The service URL is where the
 * reply goes, so it must be Teams' (or loopback, for the local Agents Playground without credentials).
 */
export function activityShapeProblem(body: unknown, options: { allowLoopback: boolean }): string | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) return "body is not an object";
  const activity = body as {
    type?: unknown;
    serviceUrl?: unknown;
    conversation?: { id?: unknown };
    from?: { id?: unknown };
  };
  if (typeof activity.type !== "string" || !activity.type) return "no type";
  if (typeof activity.conversation?.id !== "string" || !activity.conversation.id) return "no conversation id";
  if (typeof activity.from?.id !== "string" || !activity.from.id) return "no sender id";
  if (typeof activity.serviceUrl !== "string") return "no service URL";
  let url: URL;
  try {
    url = new URL(activity.serviceUrl);
  } catch {
    return "service URL is not a URL";
  }
  if (options.allowLoopback && isLoopback(url.hostname) && (url.protocol === "http:" || url.protocol === "https:"))
    return undefined;
  if (url.protocol !== "https:") return `service URL is not https (${url.protocol})`;
  if (!teamsServiceHosts.some((host) => host.test(url.hostname)))
    return `service URL host ${url.hostname} is not Teams'`;
  return undefined;
}

/** Messages of the token library (jsonwebtoken) for a token that is forged, altered, expired or not for us. */
const tokenRejection = /^(invalid (signature|token|algorithm)|jwt [a-z ]+)/i;

/**
 * Runs the activity through botbuilder and writes its answer, but never botbuilder's error text: it
 * answers 401 for tokens it refuses (and 500 with the library's message for a bad signature), and 500
 * with the error message for everything else that can fail before the turn runs, such as the key
 * server being unreachable. Errors inside the turn are handled by the bot and never reach here.
 */
async function processActivity(
  deps: HttpServerDependencies,
  req: restify.Request,
  res: restify.Response,
): Promise<void> {
  const answer: { status: number; body?: unknown } = { status: 200 };
  const collector = {
    status(code: number) {
      answer.status = code;
      return collector;
    },
    send(body?: unknown) {
      answer.body = body;
      return collector;
    },
    header() {
      return collector;
    },
    end() {
      return collector;
    },
  };
  const processed = deps.adapter.process(req, collector as unknown as restify.Response, (context) =>
    deps.app.run(context).then(() => undefined),
  );
  try {
    await withDeadline(processed, deps.requestTimeoutMs ?? 10_000, () => new Error("no answer in time"));
  } catch {
    // Still authenticating (the key server hangs) or still in the turn: Teams may try again; the turn
    // gate recognises a re-sent activity.
    deps.logger.error({ timeoutMs: deps.requestTimeoutMs ?? 10_000 }, "request took too long; answered 503");
    res.setHeader("retry-after", "5");
    return void res.send(503, "Service Unavailable");
  }
  const reason = typeof answer.body === "string" ? answer.body : undefined;
  if (answer.status === 401 || (answer.status === 500 && reason !== undefined && tokenRejection.test(reason))) {
    deps.logger.warn({ reason }, "request refused: token not valid");
    return void res.send(401, "Unauthorized");
  }
  if (answer.status >= 500 && answer.status !== 501) {
    // The request may be fine; what it needs (the signing keys, say) is not there. Teams tries again.
    deps.logger.error({ reason, status: answer.status }, "request could not be authenticated or processed");
    res.setHeader("retry-after", "5");
    return void res.send(503, "Service Unavailable");
  }
  if (answer.body === undefined) return void res.send(answer.status);
  res.send(answer.status, answer.body);
}

export async function listen(
  server: restify.Server,
  host: string,
  port: number,
): Promise<{ host: string; port: number }> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.removeListener("error", reject);
      resolve();
    });
  });
  const address = server.address();
  return { host, port: address.port };
}
