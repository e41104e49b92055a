// Serves the bot over HTTP: the Bot Framework endpoint and a health check. Nothing else lives here.
import restify from "restify";
import type { Application, TeamsAdapter } from "@microsoft/teams-ai";
import type { HealthReport } from "../../health/check-health.ts";
import type { Logger } from "../../shared/logger.ts";
import type { SummaryDownloads } from "./summary-downloads.ts";

export interface HttpServerDependencies {
  adapter: TeamsAdapter;
  app: Application;
  health(): Promise<HealthReport>;
  logger: Logger;
  version: string;
  /** Files behind signed links in cards (summaries). */
  summaryDownloads?: SummaryDownloads;
}

export function createHttpServer(deps: HttpServerDependencies): restify.Server {
  const server = restify.createServer({ name: "uppfoljningsboten", version: deps.version, handleUncaughtExceptions: false });
  // Activities are small; a generous cap still stops someone posting 100 MB at the endpoint.
  server.use(restify.plugins.bodyParser({ maxBodySize: 2 * 1024 * 1024, mapParams: false }));

  server.post("/api/messages", async (req, res) => {
    refuseBadTokensAs401(res, deps.logger);
    await deps.adapter.process(req, res, (context) => deps.app.run(context).then(() => undefined));
  });

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
      res.end("Sammanfattningen kunde inte skapas just nu. Försök igen om en stund. / The summary could not be made right now; try again shortly.");
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

/** Messages of the token library (jsonwebtoken) for a token that is forged, altered, expired or not for us. */
const tokenRejection = /^(invalid (signature|token|algorithm)|jwt [a-z ]+)/i;

/**
 * botbuilder answers 401 for the token problems it recognises, but lets the token library's own errors
 * (a bad signature, say) through as 500 with the library's message as the body. Such a request is
 * refused either way; it should say 401. And no 401 tells the caller why (the reason goes to the log).
 */
function refuseBadTokensAs401(res: restify.Response, logger: Logger): void {
  const send = res.send.bind(res) as (body?: unknown) => unknown;
  (res as { send: (body?: unknown) => unknown }).send = (body?: unknown) => {
    const refusedToken = res.statusCode === 500 && typeof body === "string" && tokenRejection.test(body);
    if (refusedToken || res.statusCode === 401) {
      logger.warn({ reason: body }, "request refused: token not valid");
      res.statusCode = 401;
      return send("Unauthorized");
    }
    return send(body);
  };
}

export async function listen(server: restify.Server, host: string, port: number): Promise<{ host: string; port: number }> {
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
