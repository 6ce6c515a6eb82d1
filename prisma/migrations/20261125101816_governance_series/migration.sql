-- CreateTable
CREATE TABLE "PledgeDay" (
    "day" DATE NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "totalNodes" INTEGER NOT NULL,
    "foundationNodes" INTEGER NOT NULL,
    "foundationContributedNodes" INTEGER NOT NULL,
    "totalStake" BIGINT NOT NULL,
    "foundationStake" BIGINT NOT NULL,
    "peakFoundationNodes" INTEGER NOT NULL,
    "peakTotalNodes" INTEGER NOT NULL,
    "status" TEXT NOT NULL,

    CONSTRAINT "PledgeDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "ConcentrationDay" (
    "dimension" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "entities" INTEGER NOT NULL,
    "total" BIGINT NOT NULL,
    "top1" BIGINT NOT NULL,
    "top5" BIGINT NOT NULL,
    "top10" BIGINT NOT NULL,
    "nakamoto33" INTEGER NOT NULL,
    "nakamoto50" INTEGER NOT NULL,
    "hhi" DOUBLE PRECISION NOT NULL,
    "gini" DOUBLE PRECISION NOT NULL,
    "largestId" TEXT,
    "largestWeight" BIGINT,

    CONSTRAINT "ConcentrationDay_pkey" PRIMARY KEY ("dimension","day")
);

-- CreateTable
CREATE TABLE "PledgeTransition" (
    "blockNumber" BIGINT NOT NULL,
    "blockTime" TIMESTAMP(3) NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "foundationNodes" INTEGER NOT NULL,
    "totalNodes" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,

    CONSTRAINT "PledgeTransition_pkey" PRIMARY KEY ("blockNumber")
);

-- CreateTable
CREATE TABLE "GovernanceAlert" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,

    CONSTRAINT "GovernanceAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "alertId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "httpStatus" INTEGER,
    "detail" TEXT,
    "payload" JSONB NOT NULL,
    "lastAttemptAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("alertId","url")
);

-- CreateTable
CREATE TABLE "GovernanceDerivation" (
    "source" TEXT NOT NULL,
    "sourceBlock" BIGINT,
    "sourceHash" TEXT,
    "openDay" DATE,
    "derivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GovernanceDerivation_pkey" PRIMARY KEY ("source")
);

-- CreateIndex
CREATE INDEX "GovernanceAlert_day_idx" ON "GovernanceAlert"("day");

