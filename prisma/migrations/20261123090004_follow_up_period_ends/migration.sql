-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN "delarEnd" TEXT;
ALTER TABLE "Agreement" ADD COLUMN "helarEnd" TEXT;
ALTER TABLE "Agreement" ADD COLUMN "varEnd" TEXT;
