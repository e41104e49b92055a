-- AlterTable
ALTER TABLE "Document" ADD COLUMN "embeddedAt" DATETIME;
ALTER TABLE "Document" ADD COLUMN "embeddingModel" TEXT;

-- AlterTable
ALTER TABLE "Passage" ADD COLUMN "embedding" BLOB;
