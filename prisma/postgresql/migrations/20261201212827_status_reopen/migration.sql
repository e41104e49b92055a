-- AlterTable
ALTER TABLE "StatusUpdate" ADD COLUMN     "reopenedByName" TEXT,
ADD COLUMN     "reopenedUntil" TEXT;
