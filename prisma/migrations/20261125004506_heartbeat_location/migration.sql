-- AlterTable
ALTER TABLE "NodeHeartbeat" ADD COLUMN     "asn" INTEGER,
ADD COLUMN     "country" TEXT,
ADD COLUMN     "provider" TEXT;

