// embeddings: the optional semantic vectors (EMBEDDINGS_ENDPOINT): how many documents have them, and
// filling in those an import could not compute because the embeddings server was down.
import type { Command } from "commander";
import { CliFailure, type CliContext } from "./cli-context.ts";

const notConfigured =
  "Embeddings are off: set EMBEDDINGS_ENDPOINT (and EMBEDDINGS_MODEL) to the OpenAI-compatible server that computes them.";

export function registerEmbeddingsCommands(program: Command, context: CliContext): void {
  const embeddings = program
    .command("embeddings")
    .description("semantic vectors of the passages (with EMBEDDINGS_ENDPOINT)");

  embeddings
    .command("status")
    .description("how many documents have vectors of the configured model, and how many wait for them")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const services = await context.services();
      if (!services.vectors) throw new CliFailure(notConfigured, 2);
      const { store, embedder } = services.vectors.dependencies;
      const counts = await store.vectorCounts(embedder.model);
      if (options.json) return void context.out(JSON.stringify({ model: embedder.model, ...counts }, null, 2));
      context.out(`Model ${embedder.model}: ${counts.embedded} document(s) with vectors, ${counts.pending} without.`);
      if (counts.pending > 0) context.out("Fill them in with: npm run cli -- embeddings backfill");
    });

  embeddings
    .command("backfill")
    .description("compute the vectors that are missing or of another model (the bot also does this on its own)")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const services = await context.services();
      if (!services.vectors) throw new CliFailure(notConfigured, 2);
      const result = await services.vectors.backfill();
      const error = result.error instanceof Error ? result.error.message : result.error ? String(result.error) : null;
      if (options.json)
        context.out(
          JSON.stringify(
            { documents: result.documents, passages: result.passages, pending: result.pending, error },
            null,
            2,
          ),
        );
      else
        context.out(
          `Vectors stored for ${result.documents} document(s) (${result.passages} passages); ${result.pending} still without.`,
        );
      if (error) throw new CliFailure(`The embeddings server failed: ${error}`);
    });
}
