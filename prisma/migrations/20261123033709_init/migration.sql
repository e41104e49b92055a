-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "aadObjectId" TEXT NOT NULL,
    "displayName" TEXT,
    "language" TEXT,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConversationReference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "conversationType" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "teamId" TEXT,
    "serviceUrl" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "personId" TEXT,
    "installedAt" DATETIME NOT NULL,
    "lastActivityAt" DATETIME NOT NULL,
    "uninstalledAt" DATETIME,
    CONSTRAINT "ConversationReference_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_tenantId_aadObjectId_key" ON "Person"("tenantId", "aadObjectId");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationReference_conversationId_key" ON "ConversationReference"("conversationId");

-- CreateIndex
CREATE INDEX "ConversationReference_personId_idx" ON "ConversationReference"("personId");
