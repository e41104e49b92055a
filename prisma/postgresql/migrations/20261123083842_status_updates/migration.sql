-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "teamsUserId" TEXT;

-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "aadObjectId" TEXT NOT NULL,
    "displayName" TEXT,
    "role" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "grantedBy" TEXT NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoleGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusUpdate" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "reportingItemKey" TEXT NOT NULL,
    "periodLabel" TEXT NOT NULL,
    "dueDate" TEXT,
    "status" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "indicatorValues" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "tenantId" TEXT NOT NULL,
    "authorAadObjectId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatusUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusRevision" (
    "id" TEXT NOT NULL,
    "statusUpdateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "indicatorValues" TEXT NOT NULL,
    "editorAadObjectId" TEXT NOT NULL,
    "editorName" TEXT NOT NULL,
    "editedAt" TIMESTAMP(3) NOT NULL,
    "idempotencyKey" TEXT NOT NULL,

    CONSTRAINT "StatusRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "id" TEXT NOT NULL,
    "deliveryKey" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "aadObjectId" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "daysBefore" INTEGER NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT,
    "activityId" TEXT,
    "error" TEXT,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "actorName" TEXT,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "detail" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoleGrant_role_scope_idx" ON "RoleGrant"("role", "scope");

-- CreateIndex
CREATE UNIQUE INDEX "RoleGrant_tenantId_aadObjectId_role_scope_key" ON "RoleGrant"("tenantId", "aadObjectId", "role", "scope");

-- CreateIndex
CREATE INDEX "StatusUpdate_agreementId_idx" ON "StatusUpdate"("agreementId");

-- CreateIndex
CREATE UNIQUE INDEX "StatusUpdate_assignmentId_reportingItemKey_key" ON "StatusUpdate"("assignmentId", "reportingItemKey");

-- CreateIndex
CREATE UNIQUE INDEX "StatusRevision_idempotencyKey_key" ON "StatusRevision"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "StatusRevision_statusUpdateId_version_key" ON "StatusRevision"("statusUpdateId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDelivery_deliveryKey_key" ON "ReminderDelivery"("deliveryKey");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_action_idx" ON "AuditEntry"("action");

-- CreateIndex
CREATE INDEX "Person_teamsUserId_idx" ON "Person"("teamsUserId");

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusRevision" ADD CONSTRAINT "StatusRevision_statusUpdateId_fkey" FOREIGN KEY ("statusUpdateId") REFERENCES "StatusUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
