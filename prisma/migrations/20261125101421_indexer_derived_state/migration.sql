-- CreateTable
CREATE TABLE "ContributionContract" (
    "address" TEXT NOT NULL,
    "operator" TEXT NOT NULL,
    "blsPubkey" TEXT NOT NULL,
    "ed25519Pubkey" TEXT NOT NULL,
    "fee" INTEGER NOT NULL,
    "manualFinalize" BOOLEAN NOT NULL,
    "stakingRequirement" BIGINT NOT NULL,
    "maxContributors" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "totalContributed" BIGINT NOT NULL,
    "contributorCount" INTEGER NOT NULL,
    "serviceNodeId" BIGINT,
    "createdBlock" BIGINT NOT NULL,
    "createdTx" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedBlock" BIGINT NOT NULL,
    "updatedTx" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContributionContract_pkey" PRIMARY KEY ("address")
);

-- CreateTable
CREATE TABLE "ContributionContractStake" (
    "contractAddress" TEXT NOT NULL,
    "contributor" TEXT NOT NULL,
    "beneficiary" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "updatedBlock" BIGINT NOT NULL,
    "updatedTx" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContributionContractStake_pkey" PRIMARY KEY ("contractAddress","contributor")
);

-- CreateTable
CREATE TABLE "ContributionReservation" (
    "contractAddress" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "contributor" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "received" BOOLEAN NOT NULL,

    CONSTRAINT "ContributionReservation_pkey" PRIMARY KEY ("contractAddress","position")
);

-- CreateTable
CREATE TABLE "RewardAccount" (
    "recipient" TEXT NOT NULL,
    "credited" BIGINT NOT NULL,
    "claimed" BIGINT NOT NULL,
    "unclaimed" BIGINT NOT NULL,
    "creditCount" INTEGER NOT NULL,
    "claimCount" INTEGER NOT NULL,
    "lastCreditBlock" BIGINT,
    "lastCreditTx" TEXT,
    "lastClaimBlock" BIGINT,
    "lastClaimTx" TEXT,
    "updatedBlock" BIGINT NOT NULL,
    "updatedTx" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RewardAccount_pkey" PRIMARY KEY ("recipient")
);

-- CreateTable
CREATE TABLE "TokenBalance" (
    "holder" TEXT NOT NULL,
    "balance" BIGINT NOT NULL,
    "transferCount" INTEGER NOT NULL,
    "updatedBlock" BIGINT NOT NULL,
    "updatedTx" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TokenBalance_pkey" PRIMARY KEY ("holder")
);

-- CreateTable
CREATE TABLE "Operator" (
    "address" TEXT NOT NULL,
    "awaitingContributors" INTEGER NOT NULL,
    "activeNodes" INTEGER NOT NULL,
    "exitRequestedNodes" INTEGER NOT NULL,
    "exitedNodes" INTEGER NOT NULL,
    "liquidatedNodes" INTEGER NOT NULL,
    "stakedInLiveNodes" BIGINT NOT NULL,
    "ownStakeInLiveNodes" BIGINT NOT NULL,
    "updatedBlock" BIGINT NOT NULL,
    "updatedTx" TEXT NOT NULL,

    CONSTRAINT "Operator_pkey" PRIMARY KEY ("address")
);

-- CreateIndex
CREATE INDEX "ContributionContract_status_idx" ON "ContributionContract"("status");

-- CreateIndex
CREATE INDEX "ContributionContract_operator_idx" ON "ContributionContract"("operator");

-- CreateIndex
CREATE INDEX "ContributionContractStake_contributor_idx" ON "ContributionContractStake"("contributor");

-- CreateIndex
CREATE INDEX "ContributionReservation_contributor_idx" ON "ContributionReservation"("contributor");

-- CreateIndex
CREATE INDEX "RewardAccount_unclaimed_idx" ON "RewardAccount"("unclaimed");

-- CreateIndex
CREATE INDEX "TokenBalance_balance_idx" ON "TokenBalance"("balance");

-- AddForeignKey
ALTER TABLE "ContributionContractStake" ADD CONSTRAINT "ContributionContractStake_contractAddress_fkey" FOREIGN KEY ("contractAddress") REFERENCES "ContributionContract"("address") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionReservation" ADD CONSTRAINT "ContributionReservation_contractAddress_fkey" FOREIGN KEY ("contractAddress") REFERENCES "ContributionContract"("address") ON DELETE CASCADE ON UPDATE CASCADE;

