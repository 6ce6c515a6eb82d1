-- A database that indexed the chain before the derived tables (20261125101421) existed holds no
-- token balances, reward accounts or contribution contracts, and those are folds of every event
-- since the start block. Start the chain index over so the indexer refolds every table from the
-- chain; heartbeats and their history are kept (they relink as nodes are indexed again).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "ChainEvent") AND NOT EXISTS (SELECT 1 FROM "TokenBalance") THEN
    UPDATE "NodeHeartbeat" SET "serviceNodeId" = NULL;
    TRUNCATE "ChainEvent", "IndexedBlock", "IndexerCheckpoint", "NodeContribution", "ServiceNode", "Operator",
      "ContributionContractStake", "ContributionReservation", "ContributionContract", "RewardAccount";
    DELETE FROM "IndexerStatus" WHERE component = 'chain';
  END IF;
END $$;
