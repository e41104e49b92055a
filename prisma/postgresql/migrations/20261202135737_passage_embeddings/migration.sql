-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "embeddedAt" TIMESTAMP(3),
ADD COLUMN     "embeddingModel" TEXT;

-- AlterTable
ALTER TABLE "Passage" ADD COLUMN     "embedding" BYTEA;
