-- CreateTable
CREATE TABLE "ActivityClaim" (
    "key" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "reply" TEXT,

    CONSTRAINT "ActivityClaim_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ActivityClaim_claimedAt_idx" ON "ActivityClaim"("claimedAt");
