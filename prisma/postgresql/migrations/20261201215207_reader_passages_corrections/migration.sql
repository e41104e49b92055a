-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "cleanText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "municipality" TEXT,
ADD COLUMN     "readerVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "repairedWords" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ReportingItem" ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'read',
ADD COLUMN     "precision" TEXT NOT NULL DEFAULT 'day',
ADD COLUMN     "recurrence" TEXT;

-- CreateTable
CREATE TABLE "Passage" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "section" INTEGER NOT NULL,
    "block" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "label" TEXT,
    "context" TEXT,
    "terms" TEXT NOT NULL,

    CONSTRAINT "Passage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingItemCorrection" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actorName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportingItemCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Passage_documentId_ordinal_key" ON "Passage"("documentId", "ordinal");

-- CreateIndex
CREATE INDEX "ReportingItemCorrection_agreementId_idx" ON "ReportingItemCorrection"("agreementId");

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingItemCorrection" ADD CONSTRAINT "ReportingItemCorrection_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
