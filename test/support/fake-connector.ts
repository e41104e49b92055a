// A stand-in for the Bot Framework connector service on loopback: the bot posts its replies here.
import { createServer, type Server } from "node:http";
import type { Activity } from "botbuilder";

export interface FakeConnector {
  serviceUrl: string;
  received: { path: string; activity: Partial<Activity> }[];
  /** Resolves once `count` activities have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** How the fake answers the n-th post (1-based); default 200 with an id. */
export type FakeResponse = (n: number) => { status: number; headers?: Record<string, string> };

export async function startFakeConnector(
  options: { respond?: FakeResponse } = {},
): Promise<FakeConnector & { attempts: number }> {
  let attempts = 0;
  const received: FakeConnector["received"] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.method === "POST" && req.url?.startsWith("/v3/conversations/")) {
        attempts += 1;
        const answer = options.respond?.(attempts) ?? { status: 200 };
        if (answer.status !== 200) {
          res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
          res.end(JSON.stringify({ error: { code: "Throttled", message: "slow down" } }));
          return;
        }
        received.push({ path: req.url, activity: JSON.parse(body) as Partial<Activity> });
        for (const wake of waiters.splice(0)) wake();
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: `reply-${received.length}` }));
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    get attempts() {
      return attempts;
    },
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} activities at the fake connector, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
