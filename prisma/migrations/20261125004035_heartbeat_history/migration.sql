-- CreateTable
CREATE TABLE "NodeStateChange" (
    "id" BIGSERIAL NOT NULL,
    "ed25519Pubkey" TEXT NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL,
    "active" BOOLEAN NOT NULL,
    "funded" BOOLEAN NOT NULL,
    "version" TEXT NOT NULL,
    "publicIp" TEXT NOT NULL,
    "storagePort" INTEGER NOT NULL,
    "swarmId" TEXT NOT NULL,
    "requestedUnlockHeight" BIGINT NOT NULL,

    CONSTRAINT "NodeStateChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NodeUptimeDay" (
    "ed25519Pubkey" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "activeHours" INTEGER NOT NULL DEFAULT 0,
    "inactiveHours" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "NodeUptimeDay_pkey" PRIMARY KEY ("ed25519Pubkey","day")
);

-- CreateIndex
CREATE INDEX "NodeStateChange_ed25519Pubkey_observedAt_idx" ON "NodeStateChange"("ed25519Pubkey", "observedAt");

-- CreateIndex
CREATE INDEX "NodeStateChange_observedAt_idx" ON "NodeStateChange"("observedAt");

-- CreateIndex
CREATE INDEX "NodeUptimeDay_day_idx" ON "NodeUptimeDay"("day");

