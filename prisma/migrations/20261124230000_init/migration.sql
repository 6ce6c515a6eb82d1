-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "ChainEvent" (
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "blockHash" TEXT NOT NULL,
    "blockTime" TIMESTAMP(3) NOT NULL,
    "txHash" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "contract" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "args" JSONB NOT NULL,

    CONSTRAINT "ChainEvent_pkey" PRIMARY KEY ("chainId","blockNumber","logIndex")
);

-- CreateTable
CREATE TABLE "IndexedBlock" (
    "chainId" INTEGER NOT NULL,
    "number" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndexedBlock_pkey" PRIMARY KEY ("chainId","number")
);

-- CreateTable
CREATE TABLE "IndexerCheckpoint" (
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndexerCheckpoint_pkey" PRIMARY KEY ("chainId")
);

-- CreateTable
CREATE TABLE "ServiceNode" (
    "id" BIGINT NOT NULL,
    "blsPubkey" TEXT NOT NULL,
    "ed25519Pubkey" TEXT NOT NULL,
    "operator" TEXT NOT NULL,
    "fee" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "seeded" BOOLEAN NOT NULL DEFAULT false,
    "totalStaked" BIGINT NOT NULL,
    "registeredBlock" BIGINT NOT NULL,
    "registeredTx" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL,
    "exitRequestedAt" TIMESTAMP(3),
    "exitRequestBlock" BIGINT,
    "exitRequestTx" TEXT,
    "endedAt" TIMESTAMP(3),
    "endedBlock" BIGINT,
    "endedTx" TEXT,
    "returnedAmount" BIGINT,

    CONSTRAINT "ServiceNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NodeContribution" (
    "nodeId" BIGINT NOT NULL,
    "position" INTEGER NOT NULL,
    "staker" TEXT NOT NULL,
    "beneficiary" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "NodeContribution_pkey" PRIMARY KEY ("nodeId","position")
);

-- CreateTable
CREATE TABLE "NodeHeartbeat" (
    "ed25519Pubkey" TEXT NOT NULL,
    "serviceNodeId" BIGINT,
    "blsPubkey" TEXT,
    "operatorAddress" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "funded" BOOLEAN NOT NULL,
    "lastUptimeProof" TIMESTAMP(3),
    "version" TEXT NOT NULL,
    "publicIp" TEXT NOT NULL,
    "storagePort" INTEGER NOT NULL,
    "swarmId" TEXT NOT NULL,
    "stateHeight" BIGINT NOT NULL,
    "requestedUnlockHeight" BIGINT NOT NULL,
    "earnedDowntimeBlocks" INTEGER NOT NULL,
    "totalContributed" BIGINT NOT NULL,
    "stakingRequirement" BIGINT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NodeHeartbeat_pkey" PRIMARY KEY ("ed25519Pubkey")
);

-- CreateTable
CREATE TABLE "IndexerStatus" (
    "component" TEXT NOT NULL,
    "lastSuccessAt" TIMESTAMP(3),
    "lastErrorAt" TIMESTAMP(3),
    "lastError" TEXT,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "height" BIGINT,
    "headHeight" BIGINT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndexerStatus_pkey" PRIMARY KEY ("component")
);

-- CreateIndex
CREATE INDEX "ChainEvent_contract_eventName_blockNumber_idx" ON "ChainEvent"("contract", "eventName", "blockNumber");

-- CreateIndex
CREATE INDEX "ChainEvent_txHash_idx" ON "ChainEvent"("txHash");

-- CreateIndex
CREATE INDEX "ServiceNode_operator_idx" ON "ServiceNode"("operator");

-- CreateIndex
CREATE INDEX "ServiceNode_state_idx" ON "ServiceNode"("state");

-- CreateIndex
CREATE INDEX "ServiceNode_ed25519Pubkey_idx" ON "ServiceNode"("ed25519Pubkey");

-- CreateIndex
CREATE INDEX "NodeContribution_staker_idx" ON "NodeContribution"("staker");

-- CreateIndex
CREATE INDEX "NodeHeartbeat_serviceNodeId_idx" ON "NodeHeartbeat"("serviceNodeId");

-- AddForeignKey
ALTER TABLE "NodeContribution" ADD CONSTRAINT "NodeContribution_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "ServiceNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

