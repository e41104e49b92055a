-- CreateTable
CREATE TABLE "Passage" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    CONSTRAINT "Passage_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportingItemCorrection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agreementId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actorName" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "ReportingItemCorrection_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "encoding" TEXT,
    "pageCount" INTEGER,
    "text" TEXT NOT NULL,
    "cleanText" TEXT NOT NULL DEFAULT '',
    "repairedWords" INTEGER NOT NULL DEFAULT 0,
    "readerVersion" INTEGER NOT NULL DEFAULT 1,
    "municipality" TEXT,
    "importedAt" DATETIME NOT NULL
);
INSERT INTO "new_Document" ("byteSize", "contentHash", "encoding", "id", "importedAt", "kind", "mediaType", "pageCount", "sourceName", "text", "title") SELECT "byteSize", "contentHash", "encoding", "id", "importedAt", "kind", "mediaType", "pageCount", "sourceName", "text", "title" FROM "Document";
DROP TABLE "Document";
ALTER TABLE "new_Document" RENAME TO "Document";
CREATE UNIQUE INDEX "Document_contentHash_key" ON "Document"("contentHash");
CREATE INDEX "Document_sourceName_idx" ON "Document"("sourceName");
CREATE TABLE "new_ReportingItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agreementId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "key" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "evidence" TEXT NOT NULL,
    "date" TEXT,
    "precision" TEXT NOT NULL DEFAULT 'day',
    "recurrence" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'read',
    "confirmedAt" DATETIME,
    "meetingDate" TEXT,
    "submissionDate" TEXT,
    "submissionRule" TEXT,
    "form" TEXT,
    "recipient" TEXT,
    "period" TEXT,
    "periodCode" TEXT,
    "occasion" TEXT,
    "channel" TEXT,
    "section" TEXT,
    CONSTRAINT "ReportingItem_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportingItem_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ReportingItem" ("agreementId", "assignmentId", "channel", "date", "evidence", "form", "id", "key", "meetingDate", "occasion", "ordinal", "period", "periodCode", "recipient", "section", "submissionDate", "submissionRule", "title") SELECT "agreementId", "assignmentId", "channel", "date", "evidence", "form", "id", "key", "meetingDate", "occasion", "ordinal", "period", "periodCode", "recipient", "section", "submissionDate", "submissionRule", "title" FROM "ReportingItem";
DROP TABLE "ReportingItem";
ALTER TABLE "new_ReportingItem" RENAME TO "ReportingItem";
CREATE INDEX "ReportingItem_date_idx" ON "ReportingItem"("date");
CREATE UNIQUE INDEX "ReportingItem_agreementId_key_key" ON "ReportingItem"("agreementId", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Passage_documentId_ordinal_key" ON "Passage"("documentId", "ordinal");

-- CreateIndex
CREATE INDEX "ReportingItemCorrection_agreementId_idx" ON "ReportingItemCorrection"("agreementId");
