// Preloaded (NODE_OPTIONS=--require) into the Agents Playground, which listens on every interface:
// forces each server it starts onto 127.0.0.1 so tests never open a port to the network.
const net = require("node:net");

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" || (typeof args[0] === "string" && /^\d+$/.test(args[0]))) {
    const port = Number(args[0]);
    const callback = args.find((a) => typeof a === "function");
    const backlog = typeof args[2] === "number" ? args[2] : undefined;
    return listen.call(this, { port, host: "127.0.0.1", backlog }, callback);
  }
  if (args[0] && typeof args[0] === "object" && !("path" in args[0])) {
    args[0] = { ...args[0], host: "127.0.0.1" };
  }
  return listen.apply(this, args);
};
