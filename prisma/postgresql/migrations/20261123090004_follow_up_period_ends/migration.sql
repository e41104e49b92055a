-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN     "delarEnd" TEXT,
ADD COLUMN     "helarEnd" TEXT,
ADD COLUMN     "varEnd" TEXT;
