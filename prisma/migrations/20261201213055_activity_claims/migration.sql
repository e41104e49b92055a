-- CreateTable
CREATE TABLE "ActivityClaim" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "claimedAt" DATETIME NOT NULL,
    "reply" TEXT
);

-- CreateIndex
CREATE INDEX "ActivityClaim_claimedAt_idx" ON "ActivityClaim"("claimedAt");
