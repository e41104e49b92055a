-- AlterTable
ALTER TABLE "StatusUpdate" ADD COLUMN "reopenedByName" TEXT;
ALTER TABLE "StatusUpdate" ADD COLUMN "reopenedUntil" TEXT;
