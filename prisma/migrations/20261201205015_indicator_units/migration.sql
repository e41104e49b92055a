-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN "unit" TEXT;
