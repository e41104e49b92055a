// The extraction worker's entry: worker threads do not inherit the parent's TypeScript loader, so the
// worker registers tsx itself before loading its TypeScript body.
import { register } from "tsx/esm/api";

register();
await import("./extraction-worker.ts");
