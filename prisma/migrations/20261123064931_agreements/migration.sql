-- CreateTable
CREATE TABLE "Document" (
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
    "importedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Section" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "number" TEXT,
    "heading" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "startLine" INTEGER NOT NULL,
    "endLine" INTEGER NOT NULL,
    CONSTRAINT "Section_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seriesKey" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "committeeName" TEXT,
    "committeeCode" TEXT,
    "divisionName" TEXT,
    "divisionCode" TEXT,
    "year" INTEGER,
    "diarienummer" TEXT,
    "decisionDate" TEXT,
    "version" INTEGER NOT NULL,
    "importedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Agreement_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgreementVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agreementId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL,
    "summary" TEXT NOT NULL,
    CONSTRAINT "AgreementVersion_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agreementId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "section" TEXT,
    "startDate" TEXT,
    "endDate" TEXT,
    "committees" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assignment_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agreementId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT,
    "splitBySex" BOOLEAN NOT NULL,
    "section" TEXT,
    CONSTRAINT "Indicator_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Indicator_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportingItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agreementId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "key" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "date" TEXT,
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

-- CreateTable
CREATE TABLE "EconomyLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agreementId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "activity" TEXT NOT NULL,
    "amountTkr" REAL,
    "amounts" TEXT NOT NULL,
    "isTotal" BOOLEAN NOT NULL,
    "section" TEXT,
    CONSTRAINT "EconomyLine_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_contentHash_key" ON "Document"("contentHash");

-- CreateIndex
CREATE INDEX "Document_sourceName_idx" ON "Document"("sourceName");

-- CreateIndex
CREATE UNIQUE INDEX "Section_documentId_ordinal_key" ON "Section"("documentId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_seriesKey_key" ON "Agreement"("seriesKey");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_documentId_key" ON "Agreement"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementVersion_agreementId_version_key" ON "AgreementVersion"("agreementId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_agreementId_key_key" ON "Assignment"("agreementId", "key");

-- CreateIndex
CREATE INDEX "Indicator_agreementId_idx" ON "Indicator"("agreementId");

-- CreateIndex
CREATE INDEX "ReportingItem_date_idx" ON "ReportingItem"("date");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingItem_agreementId_key_key" ON "ReportingItem"("agreementId", "key");

-- CreateIndex
CREATE INDEX "EconomyLine_agreementId_idx" ON "EconomyLine"("agreementId");
