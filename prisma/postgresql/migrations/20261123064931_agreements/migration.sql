-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "encoding" TEXT,
    "pageCount" INTEGER,
    "text" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "number" TEXT,
    "heading" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "startLine" INTEGER NOT NULL,
    "endLine" INTEGER NOT NULL,

    CONSTRAINT "Section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" TEXT NOT NULL,
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
    "importedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementVersion" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL,
    "summary" TEXT NOT NULL,

    CONSTRAINT "AgreementVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT,
    "splitBySex" BOOLEAN NOT NULL,
    "section" TEXT,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingItem" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "ReportingItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EconomyLine" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "activity" TEXT NOT NULL,
    "amountTkr" DOUBLE PRECISION,
    "amounts" TEXT NOT NULL,
    "isTotal" BOOLEAN NOT NULL,
    "section" TEXT,

    CONSTRAINT "EconomyLine_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Section" ADD CONSTRAINT "Section_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementVersion" ADD CONSTRAINT "AgreementVersion_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingItem" ADD CONSTRAINT "ReportingItem_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingItem" ADD CONSTRAINT "ReportingItem_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EconomyLine" ADD CONSTRAINT "EconomyLine_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
