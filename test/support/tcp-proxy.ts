// A loopback TCP proxy in front of the test PostgreSQL server that a test can cut, restore or slow
// down, to see the bot survive a database that is briefly gone (dropped connections, refused new
// ones) or far away (every round trip takes longer).
import { createServer, connect, type Socket } from "node:net";

export interface TcpProxy {
  port: number;
  /** Drops every open connection and refuses new ones until `up()`. */
  down(): void;
  up(): void;
  /** Adds `ms` to every round trip from now on (half each way), on open and new connections; 0 removes it. */
  delay(ms: number): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let available = true;
  let roundTripMs = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  // Chunks keep their order: each is written no earlier than the one before it.
  const forward = (from: Socket, to: Socket) => {
    let lastDue = 0;
    from.on("data", (chunk) => {
      if (roundTripMs === 0 && lastDue <= Date.now()) return void to.write(chunk);
      const due = Math.max(Date.now() + roundTripMs / 2, lastDue);
      lastDue = due;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!to.destroyed) to.write(chunk);
      }, due - Date.now());
      timers.add(timer);
    });
  };

  const server = createServer((client) => {
    if (!available) return void client.destroy();
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => socket.destroy());
    }
    forward(client, upstream);
    forward(upstream, client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    down() {
      available = false;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      available = true;
    },
    delay(ms) {
      roundTripMs = ms;
    },
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
