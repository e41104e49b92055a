-- CreateTable
CREATE TABLE "DigestDelivery" (
    "id" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "recipientKey" TEXT NOT NULL,
    "recipientName" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT,
    "activityId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "finishedAt" TIMESTAMP(3),
    "summary" TEXT,

    CONSTRAINT "DigestDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestPreference" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "aadObjectId" TEXT NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "skipQuiet" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestPreference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestChannel" (
    "id" TEXT NOT NULL,
    "committeeCode" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "addedBy" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestChannel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DigestDelivery_recipientKey_claimedAt_idx" ON "DigestDelivery"("recipientKey", "claimedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DigestDelivery_week_recipientKey_key" ON "DigestDelivery"("week", "recipientKey");

-- CreateIndex
CREATE UNIQUE INDEX "DigestPreference_tenantId_aadObjectId_key" ON "DigestPreference"("tenantId", "aadObjectId");

-- CreateIndex
CREATE UNIQUE INDEX "DigestChannel_committeeCode_conversationId_key" ON "DigestChannel"("committeeCode", "conversationId");
