// `npm run build`: the server, the CLI and the extraction worker as JavaScript in dist/, bundled by
// esbuild (it comes with tsx). Bundled because most of a cold start was Node resolving and reading the
// thousands of small CommonJS files under teams-ai and botbuilder; one file per entry is read at once.
// Split into chunks, so what the CLI imports on demand (Teams, PDF, Word) stays out of a command that
// does not need it. Packages that find files next to themselves, native ones and the Prisma runtime stay
// in node_modules. Cards, migrations and the app package are read from the project root, as from the
// sources (src/adapters/project-paths.ts).
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist");

const external = [
  "better-sqlite3", // native
  "pg",
  "@prisma/*", // the query compiler is loaded by the Prisma runtime from its own files
  "pdfjs-dist", // loads its fonts and worker from its own folder
  "dictionary-sv", // reads index.aff/index.dic next to itself
  "pino", // transports run in worker threads that load files by path
  "restify", // optional native dtrace probes resolved by path
  "tsx",
  "typescript",
];

// A clean build: a file deleted from src/ must not live on in dist/.
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    main: "src/main.ts",
    cli: "src/cli.ts",
    // Beside the chunks: bounded-text-extractor.ts starts it as ./extraction-worker.js.
    "extraction-worker": "src/adapters/extraction/extraction-worker.ts",
  },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external,
  sourcemap: true,
  chunkNames: "[name]-[hash]",
  // CommonJS packages in an ES module bundle still call require() for Node's built-ins.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
writeFileSync(join(outdir, ".build-stamp"), `${new Date().toISOString()}\n`);
