-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "aadObjectId" TEXT NOT NULL,
    "displayName" TEXT,
    "language" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationReference" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "conversationType" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "teamId" TEXT,
    "serviceUrl" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "personId" TEXT,
    "installedAt" TIMESTAMP(3) NOT NULL,
    "lastActivityAt" TIMESTAMP(3) NOT NULL,
    "uninstalledAt" TIMESTAMP(3),

    CONSTRAINT "ConversationReference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_tenantId_aadObjectId_key" ON "Person"("tenantId", "aadObjectId");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationReference_conversationId_key" ON "ConversationReference"("conversationId");

-- CreateIndex
CREATE INDEX "ConversationReference_personId_idx" ON "ConversationReference"("personId");

-- AddForeignKey
ALTER TABLE "ConversationReference" ADD CONSTRAINT "ConversationReference_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
