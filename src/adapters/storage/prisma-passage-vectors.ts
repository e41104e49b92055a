// Passage vectors in the database: a nullable Bytes column beside each passage (Float32,
// little-endian) and, on the document, the model they are of and when they were stored.
import { encodeVector, type PassageToEmbed, type PassageVectorStore } from "../../questions/passage-vectors.ts";
import type { PrismaDb } from "./database.ts";

export class PrismaPassageVectors implements PassageVectorStore {
  constructor(private readonly prisma: PrismaDb) {}

  async documentsNeedingVectors(model: string): Promise<string[]> {
    const documents = await this.prisma.document.findMany({
      where: { OR: [{ embeddingModel: null }, { embeddingModel: { not: model } }] },
      orderBy: { importedAt: "asc" },
      select: { id: true },
    });
    return documents.map((d) => d.id);
  }

  async passagesToEmbed(documentId: string): Promise<PassageToEmbed[] | null> {
    const document = await this.prisma.document.findUnique({
      where: { id: documentId },
      select: {
        sections: { select: { ordinal: true, heading: true } },
        passages: {
          orderBy: { ordinal: "asc" },
          select: { ordinal: true, section: true, kind: true, text: true, label: true, context: true },
        },
      },
    });
    if (!document) return null;
    const headings = new Map(document.sections.map((s) => [s.ordinal, s.heading]));
    return document.passages.map((p) => ({
      ordinal: p.ordinal,
      kind: p.kind as PassageToEmbed["kind"],
      text: p.text,
      label: p.label,
      context: p.context,
      heading: headings.get(p.section) ?? null,
    }));
  }

  async saveVectors(
    documentId: string,
    model: string,
    vectors: Array<{ ordinal: number; vector: Float32Array }>,
    at: Date,
  ): Promise<void> {
    await this.prisma.$transaction(
      async (tx) => {
        // Vectors of another model are not comparable with the new ones: none survive a model change.
        await tx.passage.updateMany({ where: { documentId }, data: { embedding: null } });
        for (const { ordinal, vector } of vectors)
          await tx.passage.updateMany({ where: { documentId, ordinal }, data: { embedding: encodeVector(vector) } });
        // A document deleted meanwhile (a newer version imported) has nothing left to mark.
        await tx.document.updateMany({ where: { id: documentId }, data: { embeddingModel: model, embeddedAt: at } });
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }

  async vectorCounts(model: string): Promise<{ embedded: number; pending: number }> {
    const [embedded, all] = await Promise.all([
      this.prisma.document.count({ where: { embeddingModel: model } }),
      this.prisma.document.count(),
    ]);
    return { embedded, pending: all - embedded };
  }
}
