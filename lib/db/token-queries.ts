import { genesisAllocation, SESH_UNIT, type Lockup } from "../tokenomics/genesis-allocation";
import { circulatingSupply } from "../tokens/circulating-supply";
import { genesisWalletsFromMints, MINT_ADDRESS } from "../tokens/transfer-ledger";
import { UNLOCK_RULES } from "../tokens/unlock-schedule";
import type { TimeBucket } from "../rewards/reward-period";
import type { DeploymentContracts } from "./deployment-contracts";
import { prisma } from "./prisma-client";

const big = (v: string | null | undefined) => BigInt(v ?? "0");

/** Every genesis tranche in atomic units, for the supply arithmetic. */
export function genesisTranches(): { lockup: Lockup; amount: bigint }[] {
  return genesisAllocation().categories.flatMap((c) => c.tranches.map((t) => ({ lockup: t.lockup, amount: t.amount * SESH_UNIT })));
}

export interface TokenSupply {
  /** minted less burned, from the Transfer events */
  totalSupply: bigint;
  /** the first mint's time: the clock of the lockups */
  genesisAt: Date | null;
  genesisBlock: bigint | null;
  poolBalance: bigint;
  rewardsContractBalance: bigint;
  vestingBalance: bigint;
  /** stakes of live nodes (active or exit requested) */
  staked: bigint;
  circulating: bigint;
  /** genesis tranches still locked by their lockup now */
  locked: bigint;
  holderCount: number;
  /** Σ of the TokenBalance table (the indexer's per-holder balances); null when the indexer has not filled it */
  sumOfHolderBalances: bigint | null;
  /** holders whose TokenBalance differs from the sum of their transfers: 0 when the indexer is right */
  holdersDisagreeing: number | null;
}

/** Supply, pool, vesting and staked totals, as of the last indexed block. */
export async function getTokenSupply(contracts: DeploymentContracts, asOf: Date | null): Promise<TokenSupply> {
  const [row] = await prisma().$queryRaw<
    {
      minted: string; burned: string; genesis_at: Date | null; genesis_block: bigint | null; pool: string; snr: string; vesting: string; staked: string;
      holders: bigint; table_sum: string | null; disagreeing: bigint | null;
    }[]
  >`
    WITH transfers AS (
      SELECT args->>'from' AS sender, args->>'to' AS receiver, (args->>'value')::numeric AS value, "blockTime", "blockNumber"
      FROM "ChainEvent" WHERE contract = 'SESH' AND "eventName" = 'Transfer'
    ), balances AS (
      SELECT holder, sum(delta) AS balance FROM (
        SELECT receiver AS holder, value AS delta FROM transfers
        UNION ALL SELECT sender, -value FROM transfers
      ) d WHERE holder <> ${MINT_ADDRESS} GROUP BY holder
    )
    SELECT
      (SELECT coalesce(sum(value), 0)::text FROM transfers WHERE sender = ${MINT_ADDRESS}) AS minted,
      (SELECT coalesce(sum(value), 0)::text FROM transfers WHERE receiver = ${MINT_ADDRESS}) AS burned,
      (SELECT min("blockTime") FROM transfers WHERE sender = ${MINT_ADDRESS}) AS genesis_at,
      (SELECT min("blockNumber") FROM transfers WHERE sender = ${MINT_ADDRESS}) AS genesis_block,
      (SELECT coalesce(sum(balance), 0)::text FROM balances WHERE holder = ${contracts.rewardRatePool ?? ""}) AS pool,
      (SELECT coalesce(sum(balance), 0)::text FROM balances WHERE holder = ${contracts.serviceNodeRewards ?? ""}) AS snr,
      (SELECT coalesce(sum(balance), 0)::text FROM balances WHERE holder = ANY(${contracts.vesting}::text[])) AS vesting,
      (SELECT coalesce(sum("totalStaked"), 0)::text FROM "ServiceNode" WHERE state IN ('active', 'exit_requested')) AS staked,
      (SELECT count(*) FROM balances WHERE balance > 0) AS holders,
      (SELECT sum(balance)::text FROM "TokenBalance") AS table_sum,
      (SELECT CASE WHEN EXISTS (SELECT 1 FROM "TokenBalance") THEN count(*) END FROM balances b FULL JOIN "TokenBalance" t ON t.holder = b.holder
        WHERE coalesce(b.balance, 0) <> coalesce(t.balance, 0)) AS disagreeing`;
  const totalSupply = big(row?.minted) - big(row?.burned);
  const poolBalance = big(row?.pool);
  const genesisAt = row?.genesis_at ?? null;
  const seconds = genesisAt && asOf ? Math.max(0, (asOf.getTime() - genesisAt.getTime()) / 1000) : 0;
  const supply = circulatingSupply({ totalSupply, poolBalance, tranches: genesisTranches(), secondsSinceGenesis: seconds });
  return {
    totalSupply,
    genesisAt,
    genesisBlock: row?.genesis_block ?? null,
    poolBalance,
    rewardsContractBalance: big(row?.snr),
    vestingBalance: big(row?.vesting),
    staked: big(row?.staked),
    circulating: supply.circulating,
    locked: supply.locked,
    holderCount: Number(row?.holders ?? 0n),
    sumOfHolderBalances: row?.table_sum == null ? null : big(row.table_sum),
    holdersDisagreeing: row?.disagreeing == null ? null : Number(row.disagreeing),
  };
}

export interface CategoryPosition {
  id: string;
  name: string;
  note: string | undefined;
  lockups: string;
  /** genesis allocation, atomic units */
  allocation: bigint;
  /** the wallet the genesis mint paid; null when the chain's mints do not follow the table */
  wallet: string | null;
  mintTx: string | null;
  mintBlock: bigint | null;
  /** the wallet's balance now */
  held: bigint;
  /** staked now in live nodes by the wallet itself or by vesting contracts it funded */
  stakedNow: bigint;
  /** sent to vesting contracts; of it, still there now and released to beneficiaries */
  sentToVesting: bigint;
  inVestingNow: bigint;
  releasedFromVesting: bigint;
  /** sent as stakes to ServiceNodeRewards or contribution contracts */
  sentToStaking: bigint;
  /** the pool's releases (the reward pool only) */
  releasedByPool: bigint;
  /** sent anywhere else */
  transferredOn: bigint;
  /** received after genesis: claims paid back (rewards, returned stakes) and other transfers in */
  receivedBack: bigint;
}

/**
 * Each genesis category and where its tokens are now. For each category wallet,
 * allocation = held + sentToVesting + sentToStaking + releasedByPool + transferredOn − receivedBack,
 * to the unit (checked in the reconciliation test).
 */
export async function getCategoryPositions(contracts: DeploymentContracts): Promise<CategoryPosition[]> {
  const mints = await prisma().$queryRaw<{ to: string; value: string; tx: string; block: bigint }[]>`
    SELECT args->>'to' AS to, args->>'value' AS value, "txHash" AS tx, "blockNumber" AS block FROM "ChainEvent"
    WHERE contract = 'SESH' AND "eventName" = 'Transfer' AND args->>'from' = ${MINT_ADDRESS}
    ORDER BY "blockNumber", "logIndex"`;
  const allocation = genesisAllocation();
  const wallets = genesisWalletsFromMints(
    allocation.categories.map((c) => ({ id: c.id, amount: c.amount * SESH_UNIT })),
    mints.map((m) => ({ to: m.to, value: BigInt(m.value) })),
  );
  const walletList = [...new Set(wallets.values())];
  const staking = [contracts.serviceNodeRewards ?? "", ...contracts.contributionContracts];
  const flows = await prisma().$queryRaw<
    { wallet: string; held: string; to_vesting: string; to_staking: string; to_other: string; received: string; staked_self: string }[]
  >`
    WITH transfers AS (
      SELECT args->>'from' AS sender, args->>'to' AS receiver, (args->>'value')::numeric AS value
      FROM "ChainEvent" WHERE contract = 'SESH' AND "eventName" = 'Transfer'
    )
    SELECT w AS wallet,
      (SELECT coalesce(sum(value) FILTER (WHERE receiver = w), 0) - coalesce(sum(value) FILTER (WHERE sender = w), 0) FROM transfers)::text AS held,
      (SELECT coalesce(sum(value), 0) FROM transfers WHERE sender = w AND receiver = ANY(${contracts.vesting}::text[]))::text AS to_vesting,
      (SELECT coalesce(sum(value), 0) FROM transfers WHERE sender = w AND receiver = ANY(${staking}::text[]))::text AS to_staking,
      (SELECT coalesce(sum(value), 0) FROM transfers WHERE sender = w AND receiver <> ALL(${staking}::text[]) AND receiver <> ALL(${contracts.vesting}::text[]))::text AS to_other,
      (SELECT coalesce(sum(value), 0) FROM transfers WHERE receiver = w AND sender <> ${MINT_ADDRESS})::text AS received,
      (SELECT coalesce(sum(c.amount), 0) FROM "NodeContribution" c JOIN "ServiceNode" n ON n.id = c."nodeId" WHERE c.staker = w AND n.state IN ('active', 'exit_requested'))::text AS staked_self
    FROM unnest(${walletList}::text[]) AS w`;
  const vesting = await getVestingContracts(contracts, null);
  return allocation.categories.map((c) => {
    const wallet = wallets.get(c.id) ?? null;
    const mint = wallet ? mints.find((m) => m.to === wallet) : undefined;
    const f = flows.find((r) => r.wallet === wallet);
    const funded = vesting.filter((v) => v.fundedBy !== null && v.fundedBy === wallet);
    const isPool = wallet !== null && wallet === contracts.rewardRatePool;
    const toOther = big(f?.to_other);
    return {
      id: c.id,
      name: c.name,
      note: c.note,
      lockups: c.tranches.map((t) => `${t.lockup} ${t.amount.toLocaleString("en-US")}`).join(" · "),
      allocation: c.amount * SESH_UNIT,
      wallet,
      mintTx: mint?.tx ?? null,
      mintBlock: mint?.block ?? null,
      held: big(f?.held),
      stakedNow: big(f?.staked_self) + funded.reduce((t, v) => t + v.stakedNow, 0n),
      sentToVesting: big(f?.to_vesting),
      inVestingNow: funded.reduce((t, v) => t + v.balance, 0n),
      releasedFromVesting: funded.reduce((t, v) => t + v.released, 0n),
      sentToStaking: big(f?.to_staking),
      // The pool's transfers out are its releases to ServiceNodeRewards (a staking address here).
      releasedByPool: isPool ? big(f?.to_staking) : 0n,
      transferredOn: toOther,
      receivedBack: big(f?.received),
    };
  }).map((p) => (p.releasedByPool > 0n ? { ...p, sentToStaking: 0n } : p));
}

export interface VestingContractRow {
  address: string;
  /** the wallet whose transfer funded it first, and that wallet's category */
  fundedBy: string | null;
  category: string | null;
  lockup: "A" | "F" | null;
  received: bigint;
  balance: bigint;
  released: bigint;
  stakedNow: bigint;
  unlockAt: Date | null;
  fundedTx: string | null;
}

/**
 * The vesting contracts: who funded them, what they hold, stake and released. Their unlock
 * follows their category's staking-enabled lockup (A: 24 months, F: 90 days) from genesis.
 */
export async function getVestingContracts(contracts: DeploymentContracts, genesisAt: Date | null): Promise<VestingContractRow[]> {
  if (contracts.vesting.length === 0) return [];
  const rows = await prisma().$queryRaw<
    { address: string; funder: string | null; funded_tx: string | null; received: string; sent: string; released: string; staked: string }[]
  >`
    WITH transfers AS (
      SELECT args->>'from' AS sender, args->>'to' AS receiver, (args->>'value')::numeric AS value, "txHash", "blockNumber", "logIndex"
      FROM "ChainEvent" WHERE contract = 'SESH' AND "eventName" = 'Transfer'
    )
    SELECT v AS address,
      (SELECT sender FROM transfers WHERE receiver = v ORDER BY "blockNumber", "logIndex" LIMIT 1) AS funder,
      (SELECT "txHash" FROM transfers WHERE receiver = v ORDER BY "blockNumber", "logIndex" LIMIT 1) AS funded_tx,
      (SELECT coalesce(sum(value), 0) FROM transfers WHERE receiver = v)::text AS received,
      (SELECT coalesce(sum(value), 0) FROM transfers WHERE sender = v)::text AS sent,
      (SELECT coalesce(sum((args->>'amount')::numeric), 0) FROM "ChainEvent" WHERE address = v AND "eventName" = 'TokensReleased')::text AS released,
      (SELECT coalesce(sum(c.amount), 0) FROM "NodeContribution" c JOIN "ServiceNode" n ON n.id = c."nodeId" WHERE c.staker = v AND n.state IN ('active', 'exit_requested'))::text AS staked
    FROM unnest(${contracts.vesting}::text[]) AS v
    ORDER BY v`;
  const mints = await prisma().$queryRaw<{ to: string; value: string }[]>`
    SELECT args->>'to' AS to, args->>'value' AS value FROM "ChainEvent"
    WHERE contract = 'SESH' AND "eventName" = 'Transfer' AND args->>'from' = ${MINT_ADDRESS} ORDER BY "blockNumber", "logIndex"`;
  const categories = genesisAllocation().categories;
  const wallets = genesisWalletsFromMints(categories.map((c) => ({ id: c.id, amount: c.amount * SESH_UNIT })), mints.map((m) => ({ to: m.to, value: BigInt(m.value) })));
  const categoryOf = new Map([...wallets].map(([id, w]) => [w, id]));
  return rows.map((r) => {
    const categoryId = r.funder ? (categoryOf.get(r.funder) ?? null) : null;
    const category = categories.find((c) => c.id === categoryId);
    const lockup = (category?.tranches.find((t) => t.lockup === "A" || t.lockup === "F")?.lockup ?? null) as "A" | "F" | null;
    return {
      address: r.address,
      fundedBy: r.funder,
      category: category?.name ?? null,
      lockup,
      received: big(r.received),
      balance: big(r.received) - big(r.sent),
      released: big(r.released),
      stakedNow: big(r.staked),
      unlockAt: lockup && genesisAt ? new Date(genesisAt.getTime() + UNLOCK_RULES[lockup].toSeconds * 1000) : null,
      fundedTx: r.funded_tx,
    };
  });
}

export interface SupplySeriesRow {
  bucketStart: Date;
  /** at the end of the bucket */
  totalSupply: bigint;
  poolBalance: bigint;
  staked: bigint;
  locked: bigint;
  circulating: bigint;
}

/** Circulating, staked and pool supply at the end of each day/week/month since genesis. */
export async function getSupplySeries(contracts: DeploymentContracts, bucket: TimeBucket, asOf: Date | null): Promise<SupplySeriesRow[]> {
  if (!asOf) return [];
  const rows = await prisma().$queryRaw<{ bucket: Date; bucket_end: Date; genesis: Date; supply: string; pool: string; staked: string }[]>`
    WITH transfers AS (
      SELECT args->>'from' AS sender, args->>'to' AS receiver, (args->>'value')::numeric AS value, "blockTime"
      FROM "ChainEvent" WHERE contract = 'SESH' AND "eventName" = 'Transfer'
    ), genesis AS (SELECT min("blockTime") AS at FROM transfers WHERE sender = ${MINT_ADDRESS}),
    buckets AS (
      SELECT b AS bucket, least(b + ('1 ' || ${bucket})::interval, ${asOf}::timestamptz) AS bucket_end
      FROM genesis, generate_series(date_trunc(${bucket}, genesis.at, 'UTC'), ${asOf}::timestamptz, ('1 ' || ${bucket})::interval) AS b
    )
    SELECT b.bucket, b.bucket_end, (SELECT at FROM genesis) AS genesis,
      (SELECT coalesce(sum(value) FILTER (WHERE sender = ${MINT_ADDRESS}), 0) - coalesce(sum(value) FILTER (WHERE receiver = ${MINT_ADDRESS}), 0) FROM transfers WHERE "blockTime" <= b.bucket_end)::text AS supply,
      (SELECT coalesce(sum(value) FILTER (WHERE receiver = ${contracts.rewardRatePool ?? ""}), 0) - coalesce(sum(value) FILTER (WHERE sender = ${contracts.rewardRatePool ?? ""}), 0) FROM transfers WHERE "blockTime" <= b.bucket_end)::text AS pool,
      (SELECT coalesce(sum("totalStaked"), 0) FROM "ServiceNode" WHERE "registeredAt" <= b.bucket_end AND ("endedAt" IS NULL OR "endedAt" > b.bucket_end))::text AS staked
    FROM buckets b WHERE (SELECT at FROM genesis) IS NOT NULL ORDER BY b.bucket`;
  const tranches = genesisTranches();
  return rows.map((r) => {
    const totalSupply = big(r.supply);
    const poolBalance = big(r.pool);
    const { circulating, locked } = circulatingSupply({ totalSupply, poolBalance, tranches, secondsSinceGenesis: Math.max(0, (r.bucket_end.getTime() - r.genesis.getTime()) / 1000) });
    return { bucketStart: r.bucket, totalSupply, poolBalance, staked: big(r.staked), locked, circulating };
  });
}

export interface PoolState {
  balance: bigint;
  lastReleaseAt: Date | null;
  lastReleaseTx: string | null;
  lastReleaseBlock: bigint | null;
  /** median seconds between the last releases (what the projection assumes) */
  typicalIntervalSeconds: number | null;
}

/** The pool's balance and release rhythm, for the projection. */
export async function getPoolState(contracts: DeploymentContracts): Promise<PoolState> {
  const pool = contracts.rewardRatePool ?? "";
  const [[balance], releases] = await Promise.all([
    prisma().$queryRaw<{ balance: string }[]>`
      SELECT (coalesce(sum((args->>'value')::numeric) FILTER (WHERE args->>'to' = ${pool}), 0) - coalesce(sum((args->>'value')::numeric) FILTER (WHERE args->>'from' = ${pool}), 0))::text AS balance
      FROM "ChainEvent" WHERE contract = 'SESH' AND "eventName" = 'Transfer' AND (args->>'to' = ${pool} OR args->>'from' = ${pool})`,
    prisma().$queryRaw<{ at: Date; tx: string; block: bigint }[]>`
      SELECT "blockTime" AS at, "txHash" AS tx, "blockNumber" AS block FROM "ChainEvent"
      WHERE contract = 'RewardRatePool' AND "eventName" = 'FundsReleased' ORDER BY "blockNumber" DESC, "logIndex" DESC LIMIT 13`,
  ]);
  const gaps = releases.slice(1).map((r, i) => (releases[i]!.at.getTime() - r.at.getTime()) / 1000).filter((g) => g > 0).sort((a, b) => a - b);
  return {
    balance: big(balance?.balance),
    lastReleaseAt: releases[0]?.at ?? null,
    lastReleaseTx: releases[0]?.tx ?? null,
    lastReleaseBlock: releases[0]?.block ?? null,
    typicalIntervalSeconds: gaps.length > 0 ? Math.round(gaps[Math.floor(gaps.length / 2)]!) : null,
  };
}

export interface HolderRow {
  holder: string;
  balance: bigint;
  /** what the explorer knows the address is */
  label: string | null;
  updatedBlock: bigint;
  updatedTx: string;
}

/** The largest holders (the indexer's TokenBalance), labelled when they are contracts or genesis wallets. */
export async function getTopHolders(contracts: DeploymentContracts, limit = 20): Promise<HolderRow[]> {
  const rows = await prisma().tokenBalance.findMany({ orderBy: [{ balance: "desc" }, { holder: "asc" }], take: limit });
  const mints = await prisma().$queryRaw<{ to: string; value: string }[]>`
    SELECT args->>'to' AS to, args->>'value' AS value FROM "ChainEvent"
    WHERE contract = 'SESH' AND "eventName" = 'Transfer' AND args->>'from' = ${MINT_ADDRESS} ORDER BY "blockNumber", "logIndex"`;
  const categories = genesisAllocation().categories;
  const wallets = genesisWalletsFromMints(categories.map((c) => ({ id: c.id, amount: c.amount * SESH_UNIT })), mints.map((m) => ({ to: m.to, value: BigInt(m.value) })));
  const labels = new Map<string, string>();
  for (const [id, w] of wallets) labels.set(w, `genesis: ${categories.find((c) => c.id === id)!.name}`);
  if (contracts.rewardRatePool) labels.set(contracts.rewardRatePool, "RewardRatePool (staking reward pool)");
  if (contracts.serviceNodeRewards) labels.set(contracts.serviceNodeRewards, "ServiceNodeRewards (stakes and unclaimed rewards)");
  for (const v of contracts.vesting) labels.set(v, "vesting contract");
  return rows.map((r) => ({ holder: r.holder, balance: r.balance, label: labels.get(r.holder) ?? null, updatedBlock: r.updatedBlock, updatedTx: r.updatedTx }));
}

export interface FoundationTransferRow {
  recipient: string;
  /** sent by the foundation's genesis wallet, atomic units */
  sent: bigint;
  transfers: number;
  firstTx: string;
  firstBlock: bigint;
  /** the recipient is one of the configured foundation operator addresses */
  isFoundationOperator: boolean;
  liveNodesOperated: number;
  /** its own stake now in live nodes */
  stakedNow: bigint;
  balanceNow: bigint;
}

/** Where the Project Treasury (Session Nodes) wallet's tokens went, recipient by recipient. */
export async function getFoundationAllocationFlows(wallet: string, foundationAddresses: string[]): Promise<FoundationTransferRow[]> {
  const rows = await prisma().$queryRaw<
    { recipient: string; sent: string; transfers: bigint; first_tx: string; first_block: bigint; live_nodes: bigint; staked: string; balance: string }[]
  >`
    WITH transfers AS (
      SELECT args->>'from' AS sender, args->>'to' AS receiver, (args->>'value')::numeric AS value, "txHash", "blockNumber", "logIndex"
      FROM "ChainEvent" WHERE contract = 'SESH' AND "eventName" = 'Transfer'
    ), sent AS (
      SELECT receiver AS recipient, sum(value) AS sent, count(*) AS transfers,
             (array_agg("txHash" ORDER BY "blockNumber", "logIndex"))[1] AS first_tx, min("blockNumber") AS first_block
      FROM transfers WHERE sender = ${wallet} GROUP BY receiver
    )
    SELECT s.recipient, s.sent::text, s.transfers, s.first_tx, s.first_block,
      (SELECT count(*) FROM "ServiceNode" n WHERE n.operator = s.recipient AND n.state IN ('active', 'exit_requested')) AS live_nodes,
      (SELECT coalesce(sum(c.amount), 0) FROM "NodeContribution" c JOIN "ServiceNode" n ON n.id = c."nodeId" WHERE c.staker = s.recipient AND n.state IN ('active', 'exit_requested'))::text AS staked,
      (SELECT coalesce(sum(value) FILTER (WHERE receiver = s.recipient), 0) - coalesce(sum(value) FILTER (WHERE sender = s.recipient), 0) FROM transfers)::text AS balance
    FROM sent s ORDER BY s.sent DESC, s.recipient`;
  return rows.map((r) => ({
    recipient: r.recipient,
    sent: big(r.sent),
    transfers: Number(r.transfers),
    firstTx: r.first_tx,
    firstBlock: r.first_block,
    isFoundationOperator: foundationAddresses.includes(r.recipient),
    liveNodesOperated: Number(r.live_nodes),
    stakedNow: big(r.staked),
    balanceNow: big(r.balance),
  }));
}
