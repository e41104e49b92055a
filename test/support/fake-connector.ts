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

export async function startFakeConnector(): Promise<FakeConnector> {
  const received: FakeConnector["received"] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.method === "POST" && req.url?.startsWith("/v3/conversations/")) {
        received.push({ path: req.url, activity: JSON.parse(body) as Partial<Activity> });
        waiters.splice(0).forEach((wake) => wake());
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
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} activities at the fake connector, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
