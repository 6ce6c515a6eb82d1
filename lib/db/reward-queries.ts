import { Prisma } from "../../prisma/generated/client";
import { annualisedYieldPpm } from "../rewards/annualised-yield";
import { estimateAccrual } from "../rewards/estimate-accrual";
import { cumulativeSeries } from "../rewards/cumulative-series";
import { periodStart, type RewardView } from "../rewards/reward-period";
import {
  obligationsTotal,
  rewardsContractBalance,
  rewardsContractObligations,
  type RewardsContractFlows,
  type RewardsContractObligations,
} from "../rewards/rewards-contract-reconciliation";
import type { DeploymentContracts } from "./deployment-contracts";
import { prisma } from "./prisma-client";

// Amounts leave Postgres as numeric text and become bigint here: never a float on the way.
const big = (v: string | null | undefined) => BigInt(v ?? "0");

/**
 * Every RewardsBalanceUpdated with its increment and what it was: a stake returned on exit, a
 * liquidated stake's return (the same transaction exited or liquidated a node: the contract
 * credits returned stakes through the reward balance) or a network-signed reward.
 */
const creditsCte = Prisma.sql`
  credits AS (
    SELECT e."blockNumber", e."blockTime", e."txHash", e."logIndex",
           e.args->>'recipientAddress' AS recipient,
           (e.args->>'amount')::numeric - (e.args->>'previousBalance')::numeric AS delta,
           CASE
             WHEN EXISTS (SELECT 1 FROM "ChainEvent" x WHERE x."txHash" = e."txHash" AND x.contract = 'ServiceNodeRewards' AND x."eventName" = 'ServiceNodeLiquidated') THEN 'liquidation'
             WHEN EXISTS (SELECT 1 FROM "ChainEvent" x WHERE x."txHash" = e."txHash" AND x.contract = 'ServiceNodeRewards' AND x."eventName" = 'ServiceNodeExit') THEN 'exit'
             ELSE 'reward'
           END AS kind
    FROM "ChainEvent" e
    WHERE e.contract = 'ServiceNodeRewards' AND e."eventName" = 'RewardsBalanceUpdated'
  )`;

export interface AsOf {
  block: bigint | null;
  time: Date | null;
}

/** The last indexed block and its time: every figure on the reward and token pages is as of it. */
export async function getAsOf(): Promise<AsOf> {
  const [row] = await prisma().$queryRaw<{ block: bigint | null; time: Date | null }[]>`
    SELECT c."blockNumber" AS block,
           coalesce(b.timestamp, (SELECT max("blockTime") FROM "ChainEvent")) AS time
    FROM (SELECT 1) one
    LEFT JOIN "IndexerCheckpoint" c ON true
    LEFT JOIN "IndexedBlock" b ON b."chainId" = c."chainId" AND b.number = c."blockNumber"
    ORDER BY c."blockNumber" DESC NULLS LAST LIMIT 1`;
  return { block: row?.block ?? null, time: row?.time ?? null };
}

export interface RewardTotals {
  released: bigint;
  rewardCredits: bigint;
  exitCredits: bigint;
  liquidationCredits: bigint;
  claimed: bigint;
  releaseCount: number;
  claimCount: number;
}

export interface RewardReconciliation {
  pool: { deposits: bigint; transfersOut: bigint; releases: bigint; balanceFromTransfers: bigint; balanceByIdentity: bigint };
  rewardsContract: {
    flows: RewardsContractFlows;
    /** transfers in neither from the pool nor matched by a registered stake, and out other than claims and liquidation payouts */
    otherOutflows: bigint;
    balanceFromTransfers: bigint;
    balanceByFlows: bigint;
    obligations: RewardsContractObligations;
    obligationsTotal: bigint;
  };
  /** Σ unclaimed over recipients: from the events here; the same sum from the RewardAccount table */
  unclaimedFromEvents: bigint;
  unclaimedFromAccounts: bigint | null;
  recipientCount: number;
}

export interface RewardFlowSummary {
  asOf: AsOf;
  allTime: RewardTotals;
  period: RewardTotals & { from: Date | null; to: Date | null };
  reconciliation: RewardReconciliation;
}

/** Released, credited and claimed, all-time and over the chosen period, and the reconciliation of both contracts' balances. */
export async function getRewardFlowSummary(contracts: DeploymentContracts, view: RewardView): Promise<RewardFlowSummary> {
  const asOf = await getAsOf();
  const from = asOf.time ? periodStart(view.period, asOf.time) : null;
  const pool = contracts.rewardRatePool ?? "";
  const snr = contracts.serviceNodeRewards ?? "";
  const totals = (since: Date | null) => prisma().$queryRaw<
    { released: string; release_count: bigint; reward: string; exit: string; liquidation: string; claimed: string; claim_count: bigint }[]
  >`
    WITH ${creditsCte}
    SELECT
      (SELECT coalesce(sum((args->>'amount')::numeric), 0)::text FROM "ChainEvent" WHERE contract = 'RewardRatePool' AND "eventName" = 'FundsReleased' AND (${since}::timestamptz IS NULL OR "blockTime" > ${since}::timestamptz)) AS released,
      (SELECT count(*) FROM "ChainEvent" WHERE contract = 'RewardRatePool' AND "eventName" = 'FundsReleased' AND (${since}::timestamptz IS NULL OR "blockTime" > ${since}::timestamptz)) AS release_count,
      (SELECT coalesce(sum(delta) FILTER (WHERE kind = 'reward'), 0)::text FROM credits WHERE ${since}::timestamptz IS NULL OR "blockTime" > ${since}::timestamptz) AS reward,
      (SELECT coalesce(sum(delta) FILTER (WHERE kind = 'exit'), 0)::text FROM credits WHERE ${since}::timestamptz IS NULL OR "blockTime" > ${since}::timestamptz) AS exit,
      (SELECT coalesce(sum(delta) FILTER (WHERE kind = 'liquidation'), 0)::text FROM credits WHERE ${since}::timestamptz IS NULL OR "blockTime" > ${since}::timestamptz) AS liquidation,
      (SELECT coalesce(sum((args->>'amount')::numeric), 0)::text FROM "ChainEvent" WHERE contract = 'ServiceNodeRewards' AND "eventName" = 'RewardsClaimed' AND (${since}::timestamptz IS NULL OR "blockTime" > ${since}::timestamptz)) AS claimed,
      (SELECT count(*) FROM "ChainEvent" WHERE contract = 'ServiceNodeRewards' AND "eventName" = 'RewardsClaimed' AND (${since}::timestamptz IS NULL OR "blockTime" > ${since}::timestamptz)) AS claim_count`;
  const toTotals = (r: Awaited<ReturnType<typeof totals>>[number] | undefined): RewardTotals => ({
    released: big(r?.released),
    rewardCredits: big(r?.reward),
    exitCredits: big(r?.exit),
    liquidationCredits: big(r?.liquidation),
    claimed: big(r?.claimed),
    releaseCount: Number(r?.release_count ?? 0n),
    claimCount: Number(r?.claim_count ?? 0n),
  });
  const [[all], [inPeriod], [flows]] = await Promise.all([
    totals(null),
    from ? totals(from) : totals(null),
    prisma().$queryRaw<
      {
        pool_in: string; pool_out: string; snr_in: string; snr_in_from_pool: string; snr_out: string;
        liquidator_out: string; liquidation_pool_out: string; live: string; exited: string; liquidated: string;
        unclaimed_accounts: string | null; recipients: bigint;
      }[]
    >`
      WITH transfers AS (
        SELECT "txHash", args->>'from' AS sender, args->>'to' AS receiver, (args->>'value')::numeric AS value
        FROM "ChainEvent" WHERE contract = 'SESH' AND "eventName" = 'Transfer'
      ), liquidations AS (
        SELECT "txHash", args->>'initiator' AS liquidator FROM "ChainEvent" WHERE contract = 'ServiceNodeRewards' AND "eventName" = 'ServiceNodeLiquidated'
      )
      SELECT
        (SELECT coalesce(sum(value), 0)::text FROM transfers WHERE receiver = ${pool}) AS pool_in,
        (SELECT coalesce(sum(value), 0)::text FROM transfers WHERE sender = ${pool}) AS pool_out,
        (SELECT coalesce(sum(value), 0)::text FROM transfers WHERE receiver = ${snr}) AS snr_in,
        (SELECT coalesce(sum(value), 0)::text FROM transfers WHERE receiver = ${snr} AND sender = ${pool}) AS snr_in_from_pool,
        (SELECT coalesce(sum(value), 0)::text FROM transfers WHERE sender = ${snr}) AS snr_out,
        (SELECT coalesce(sum(t.value), 0)::text FROM transfers t JOIN liquidations l USING ("txHash") WHERE t.sender = ${snr} AND t.receiver = l.liquidator AND t.receiver <> ${pool}) AS liquidator_out,
        (SELECT coalesce(sum(t.value), 0)::text FROM transfers t WHERE t.sender = ${snr} AND t.receiver = ${pool} AND t."txHash" IN (SELECT "txHash" FROM liquidations)) AS liquidation_pool_out,
        (SELECT coalesce(sum("totalStaked"), 0)::text FROM "ServiceNode" WHERE state IN ('active', 'exit_requested')) AS live,
        (SELECT coalesce(sum((args->>'returnedAmount')::numeric), 0)::text FROM "ChainEvent" WHERE contract = 'ServiceNodeRewards' AND "eventName" = 'ServiceNodeExit') AS exited,
        (SELECT coalesce(sum("totalStaked"), 0)::text FROM "ServiceNode" WHERE state = 'liquidated') AS liquidated,
        (SELECT sum(unclaimed)::text FROM "RewardAccount") AS unclaimed_accounts,
        (SELECT count(DISTINCT args->>'recipientAddress') FROM "ChainEvent" WHERE contract = 'ServiceNodeRewards' AND "eventName" = 'RewardsBalanceUpdated') AS recipients`,
  ]);
  const allTime = toTotals(all);
  const poolIn = big(flows?.pool_in);
  const poolOut = big(flows?.pool_out);
  const liveStakes = big(flows?.live);
  const exitedStakes = big(flows?.exited);
  const liquidatedStakes = big(flows?.liquidated);
  const releasesReceived = big(flows?.snr_in_from_pool);
  const snrIn = big(flows?.snr_in);
  const snrOut = big(flows?.snr_out);
  const liquidatorPayouts = big(flows?.liquidator_out);
  const poolPayouts = big(flows?.liquidation_pool_out);
  const rewardFlows: RewardsContractFlows = {
    liveStakes,
    exitedStakes,
    liquidatedStakes,
    releasesReceived,
    otherInflows: snrIn - releasesReceived - liveStakes - exitedStakes - liquidatedStakes,
    claimsPaid: allTime.claimed,
    liquidatorPayouts,
    poolPayouts,
  };
  const obligations = rewardsContractObligations(rewardFlows, { rewardCredits: allTime.rewardCredits, liquidationCredits: allTime.liquidationCredits });
  return {
    asOf,
    allTime,
    period: { ...toTotals(inPeriod), from, to: asOf.time },
    reconciliation: {
      pool: { deposits: poolIn, transfersOut: poolOut, releases: allTime.released, balanceFromTransfers: poolIn - poolOut, balanceByIdentity: poolIn - allTime.released },
      rewardsContract: {
        flows: rewardFlows,
        otherOutflows: snrOut - allTime.claimed - liquidatorPayouts - poolPayouts,
        balanceFromTransfers: snrIn - snrOut,
        balanceByFlows: rewardsContractBalance(rewardFlows),
        obligations,
        obligationsTotal: obligationsTotal(obligations),
      },
      unclaimedFromEvents: allTime.rewardCredits + allTime.exitCredits + allTime.liquidationCredits - allTime.claimed,
      unclaimedFromAccounts: flows?.unclaimed_accounts == null ? null : big(flows.unclaimed_accounts),
      recipientCount: Number(flows?.recipients ?? 0n),
    },
  };
}

export interface RewardSeriesRow {
  bucketStart: Date;
  released: bigint;
  rewardCredited: bigint;
  stakeReturned: bigint;
  claimed: bigint;
  /** time-weighted stake in live nodes over the bucket: Σ stake × seconds */
  stakeSeconds: bigint;
  /** Σ live nodes × seconds over the bucket */
  nodeSeconds: bigint;
  bucketSeconds: number;
  cumulative: { released: bigint; rewardCredited: bigint; stakeReturned: bigint; claimed: bigint };
  /** false for the bucket the data ends in: its sums cover only part of it */
  complete: boolean;
  /** pool releases ÷ time-weighted stake, annualised (ppm); null for an incomplete bucket (payouts come in lumps) */
  releasedYieldPpm: bigint | null;
  /** rewards credited on chain ÷ time-weighted stake, annualised (ppm) */
  creditedYieldPpm: bigint | null;
  /** pool releases per node-day (atomic units) */
  releasedPerNodeDay: bigint | null;
}

/** Released, credited and claimed per day/week/month of the period, with running totals since the start and yields on stake. */
export async function getRewardSeries(view: RewardView): Promise<RewardSeriesRow[]> {
  const asOf = await getAsOf();
  if (!asOf.time) return [];
  const from = periodStart(view.period, asOf.time);
  const to = asOf.time;
  const bucket = view.bucket;
  const rows = await prisma().$queryRaw<
    { bucket: Date; bucket_end: Date; complete: boolean; released: string; reward: string; returned: string; claimed: string; stake_seconds: string; node_seconds: string }[]
  >`
    WITH ${creditsCte},
    buckets AS (
      SELECT b AS bucket, least(b + ('1 ' || ${bucket})::interval, ${to}::timestamptz) AS bucket_end
      FROM generate_series(
        date_trunc(${bucket}, (SELECT min("blockTime") FROM "ChainEvent"), 'UTC'),
        ${to}::timestamptz,
        ('1 ' || ${bucket})::interval
      ) AS b
    ),
    released AS (
      SELECT date_trunc(${bucket}, "blockTime", 'UTC') AS bucket, sum((args->>'amount')::numeric) AS amount
      FROM "ChainEvent" WHERE contract = 'RewardRatePool' AND "eventName" = 'FundsReleased' GROUP BY 1
    ),
    credited AS (
      SELECT date_trunc(${bucket}, "blockTime", 'UTC') AS bucket,
             sum(delta) FILTER (WHERE kind = 'reward') AS reward,
             sum(delta) FILTER (WHERE kind <> 'reward') AS returned
      FROM credits GROUP BY 1
    ),
    claimed AS (
      SELECT date_trunc(${bucket}, "blockTime", 'UTC') AS bucket, sum((args->>'amount')::numeric) AS amount
      FROM "ChainEvent" WHERE contract = 'ServiceNodeRewards' AND "eventName" = 'RewardsClaimed' GROUP BY 1
    ),
    staked AS (
      SELECT b.bucket,
             sum(n."totalStaked"::numeric * extract(epoch FROM least(b.bucket_end, coalesce(n."endedAt", ${to}::timestamptz)) - greatest(b.bucket, n."registeredAt"))) AS stake_seconds,
             sum(extract(epoch FROM least(b.bucket_end, coalesce(n."endedAt", ${to}::timestamptz)) - greatest(b.bucket, n."registeredAt"))) AS node_seconds
      FROM buckets b
      JOIN "ServiceNode" n ON n."registeredAt" < b.bucket_end AND coalesce(n."endedAt", ${to}::timestamptz) > b.bucket
      GROUP BY b.bucket
    )
    SELECT b.bucket, b.bucket_end, b.bucket + ('1 ' || ${bucket})::interval <= ${to}::timestamptz AS complete,
           coalesce(r.amount, 0)::text AS released,
           coalesce(c.reward, 0)::text AS reward,
           coalesce(c.returned, 0)::text AS returned,
           coalesce(cl.amount, 0)::text AS claimed,
           coalesce(floor(s.stake_seconds), 0)::text AS stake_seconds,
           coalesce(floor(s.node_seconds), 0)::text AS node_seconds
    FROM buckets b
    LEFT JOIN released r USING (bucket)
    LEFT JOIN credited c USING (bucket)
    LEFT JOIN claimed cl USING (bucket)
    LEFT JOIN staked s USING (bucket)
    ORDER BY b.bucket`;
  const series = cumulativeSeries(
    rows.map((r) => ({
      bucketStart: r.bucket,
      bucketSeconds: Math.round((r.bucket_end.getTime() - r.bucket.getTime()) / 1000),
      complete: r.complete,
      released: big(r.released),
      rewardCredited: big(r.reward),
      stakeReturned: big(r.returned),
      claimed: big(r.claimed),
      stakeSeconds: big(r.stake_seconds),
      nodeSeconds: big(r.node_seconds),
    })),
    ["released", "rewardCredited", "stakeReturned", "claimed"] as const,
  );
  return series
    // A bucket belongs to the period when it ends after the period's start.
    .filter((r) => !from || r.bucketStart.getTime() + r.bucketSeconds * 1000 > from.getTime())
    .map((r) => ({
      ...r,
      releasedYieldPpm: r.complete ? annualisedYieldPpm(r.released, r.stakeSeconds) : null,
      creditedYieldPpm: r.complete ? annualisedYieldPpm(r.rewardCredited, r.stakeSeconds) : null,
      releasedPerNodeDay: !r.complete || r.nodeSeconds === 0n ? null : (r.released * 86_400n) / r.nodeSeconds,
    }));
}

export interface RewardGroupFlow {
  group: string;
  kind: "foundation" | "top_operator" | "rest" | "uncredited";
  /** the recipient, for a single top operator */
  address: string | null;
  amount: bigint;
}

export interface RewardSankey {
  from: Date | null;
  to: Date | null;
  released: bigint;
  /** credits of the period paid from releases before it (credits lag releases until someone claims) */
  fromEarlierReleases: bigint;
  groups: RewardGroupFlow[];
}

/**
 * Where the period's pool releases went: rewards credited to the foundation's addresses, to the
 * top operators (by rewards credited in the period), to everyone else, and what is not yet
 * credited on chain. Both sides add up: released + fromEarlierReleases = Σ groups.
 */
export async function getRewardSankey(view: RewardView, foundationAddresses: string[], topOperators = 5): Promise<RewardSankey> {
  const asOf = await getAsOf();
  const from = asOf.time ? periodStart(view.period, asOf.time) : null;
  const [rows, [released]] = await Promise.all([
    prisma().$queryRaw<{ recipient: string; amount: string; is_operator: boolean; is_foundation: boolean }[]>`
      WITH ${creditsCte}
      SELECT c.recipient, sum(c.delta)::text AS amount,
             EXISTS (SELECT 1 FROM "ServiceNode" n WHERE n.operator = c.recipient) AS is_operator,
             c.recipient = ANY(${foundationAddresses}::text[]) AS is_foundation
      FROM credits c
      WHERE c.kind = 'reward' AND (${from}::timestamptz IS NULL OR c."blockTime" > ${from}::timestamptz)
      GROUP BY c.recipient
      ORDER BY sum(c.delta) DESC, c.recipient`,
    prisma().$queryRaw<{ amount: string }[]>`
      SELECT coalesce(sum((args->>'amount')::numeric), 0)::text AS amount FROM "ChainEvent"
      WHERE contract = 'RewardRatePool' AND "eventName" = 'FundsReleased' AND (${from}::timestamptz IS NULL OR "blockTime" > ${from}::timestamptz)`,
  ]);
  const groups: RewardGroupFlow[] = [];
  const foundation = rows.filter((r) => r.is_foundation).reduce((t, r) => t + big(r.amount), 0n);
  if (foundation > 0n) groups.push({ group: "Foundation", kind: "foundation", address: null, amount: foundation });
  const operators = rows.filter((r) => !r.is_foundation && r.is_operator).slice(0, topOperators);
  for (const r of operators) groups.push({ group: `Operator ${r.recipient.slice(0, 8)}…`, kind: "top_operator", address: r.recipient, amount: big(r.amount) });
  const top = new Set(operators.map((r) => r.recipient));
  const rest = rows.filter((r) => !r.is_foundation && !top.has(r.recipient)).reduce((t, r) => t + big(r.amount), 0n);
  if (rest > 0n) groups.push({ group: "Other operators and contributors", kind: "rest", address: null, amount: rest });
  const credited = groups.reduce((t, g) => t + g.amount, 0n);
  const releasedAmount = big(released?.amount);
  if (releasedAmount > credited) groups.push({ group: "Released, not yet credited on chain", kind: "uncredited", address: null, amount: releasedAmount - credited });
  return { from, to: asOf.time, released: releasedAmount, fromEarlierReleases: credited > releasedAmount ? credited - releasedAmount : 0n, groups };
}

export interface RecipientRewardRow {
  recipient: string;
  isOperator: boolean;
  isFoundation: boolean;
  credited: bigint;
  rewards: bigint;
  returnedStakes: bigint;
  claimed: bigint;
  unclaimed: bigint;
  /** stake as beneficiary in live nodes now */
  liveStake: bigint;
  /** lifetime rewards ÷ time-weighted stake as beneficiary up to the last reward credit, annualised */
  yieldPpm: bigint | null;
  lastCreditBlock: bigint | null;
  lastCreditTx: string | null;
}

/**
 * Recipients with the largest credited balances (RewardAccount, the indexer's per-recipient
 * ledger), their rewards split from returned stakes, and their effective yield.
 */
export async function getRecipientRewards(foundationAddresses: string[], limit = 25): Promise<{ rows: RecipientRewardRow[]; total: number }> {
  const asOf = await getAsOf();
  const to = asOf.time ?? new Date(0);
  const [rows, [count]] = await Promise.all([
    prisma().$queryRaw<
      {
        recipient: string; credited: string; claimed: string; unclaimed: string; rewards: string; returned: string; last_reward_at: Date | null;
        live_stake: string; stake_seconds: string; is_operator: boolean; is_foundation: boolean; last_credit_block: bigint | null; last_credit_tx: string | null;
      }[]
    >`
      WITH ${creditsCte},
      top AS (SELECT * FROM "RewardAccount" ORDER BY credited DESC, recipient LIMIT ${limit}),
      split AS (
        SELECT recipient, sum(delta) FILTER (WHERE kind = 'reward') AS rewards, sum(delta) FILTER (WHERE kind <> 'reward') AS returned,
               max("blockTime") FILTER (WHERE kind = 'reward') AS last_reward_at
        FROM credits WHERE recipient IN (SELECT recipient FROM top) GROUP BY recipient
      )
      SELECT t.recipient, t.credited::text, t.claimed::text, t.unclaimed::text,
             coalesce(s.rewards, 0)::text AS rewards, coalesce(s.returned, 0)::text AS returned, s.last_reward_at,
             (SELECT coalesce(sum(c.amount), 0)::text FROM "NodeContribution" c JOIN "ServiceNode" n ON n.id = c."nodeId"
               WHERE c.beneficiary = t.recipient AND n.state IN ('active', 'exit_requested')) AS live_stake,
             (SELECT coalesce(floor(sum(c.amount::numeric * greatest(0, extract(epoch FROM least(coalesce(n."endedAt", ${to}::timestamptz), coalesce(s.last_reward_at, n."registeredAt")) - n."registeredAt")))), 0)::text
               FROM "NodeContribution" c JOIN "ServiceNode" n ON n.id = c."nodeId" WHERE c.beneficiary = t.recipient) AS stake_seconds,
             EXISTS (SELECT 1 FROM "ServiceNode" n WHERE n.operator = t.recipient) AS is_operator,
             t.recipient = ANY(${foundationAddresses}::text[]) AS is_foundation,
             t."lastCreditBlock" AS last_credit_block, t."lastCreditTx" AS last_credit_tx
      FROM top t LEFT JOIN split s USING (recipient)
      ORDER BY t.credited DESC, t.recipient`,
    prisma().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "RewardAccount"`,
  ]);
  return {
    total: Number(count?.n ?? 0n),
    rows: rows.map((r) => ({
      recipient: r.recipient,
      isOperator: r.is_operator,
      isFoundation: r.is_foundation,
      credited: big(r.credited),
      rewards: big(r.rewards),
      returnedStakes: big(r.returned),
      claimed: big(r.claimed),
      unclaimed: big(r.unclaimed),
      liveStake: big(r.live_stake),
      yieldPpm: annualisedYieldPpm(big(r.rewards), big(r.stake_seconds)),
      lastCreditBlock: r.last_credit_block,
      lastCreditTx: r.last_credit_tx,
    })),
  };
}

export interface LiquidationRow {
  nodeId: bigint;
  block: bigint;
  txHash: string;
  at: Date;
  liquidator: string;
  deposit: bigint;
  /** credited back to the contributors' reward balances */
  returnedToContributors: bigint;
  toLiquidator: bigint;
  toPool: bigint;
  /** deposit − returned − liquidator − pool: what the split's floors left in the contract */
  dust: bigint;
}

/** Every liquidation, its penalty and where it went, with its transaction. */
export async function getLiquidations(contracts: DeploymentContracts): Promise<LiquidationRow[]> {
  const snr = contracts.serviceNodeRewards ?? "";
  const pool = contracts.rewardRatePool ?? "";
  const rows = await prisma().$queryRaw<
    { node_id: string; block: bigint; tx: string; at: Date; liquidator: string; deposit: string; returned: string; to_liquidator: string; to_pool: string }[]
  >`
    SELECT l.args->>'serviceNodeID' AS node_id, l."blockNumber" AS block, l."txHash" AS tx, l."blockTime" AS at, l.args->>'initiator' AS liquidator,
           coalesce((SELECT n."totalStaked" FROM "ServiceNode" n WHERE n.id = (l.args->>'serviceNodeID')::bigint), 0)::text AS deposit,
           (SELECT coalesce(sum((u.args->>'amount')::numeric - (u.args->>'previousBalance')::numeric), 0) FROM "ChainEvent" u
             WHERE u."txHash" = l."txHash" AND u.contract = 'ServiceNodeRewards' AND u."eventName" = 'RewardsBalanceUpdated')::text AS returned,
           (SELECT coalesce(sum((t.args->>'value')::numeric), 0) FROM "ChainEvent" t
             WHERE t."txHash" = l."txHash" AND t.contract = 'SESH' AND t."eventName" = 'Transfer' AND t.args->>'from' = ${snr} AND t.args->>'to' = l.args->>'initiator' AND t.args->>'to' <> ${pool})::text AS to_liquidator,
           (SELECT coalesce(sum((t.args->>'value')::numeric), 0) FROM "ChainEvent" t
             WHERE t."txHash" = l."txHash" AND t.contract = 'SESH' AND t."eventName" = 'Transfer' AND t.args->>'from' = ${snr} AND t.args->>'to' = ${pool})::text AS to_pool
    FROM "ChainEvent" l
    WHERE l.contract = 'ServiceNodeRewards' AND l."eventName" = 'ServiceNodeLiquidated'
    ORDER BY l."blockNumber" DESC, l."logIndex" DESC`;
  return rows.map((r) => {
    const deposit = big(r.deposit);
    const returned = big(r.returned);
    const toLiquidator = big(r.to_liquidator);
    const toPool = big(r.to_pool);
    return {
      nodeId: BigInt(r.node_id),
      block: r.block,
      txHash: r.tx,
      at: r.at,
      liquidator: r.liquidator,
      deposit,
      returnedToContributors: returned,
      toLiquidator,
      toPool,
      dust: deposit - returned - toLiquidator - toPool,
    };
  });
}

export interface RecipientSeriesRow {
  bucketStart: Date;
  bucketSeconds: number;
  complete: boolean;
  /** estimated from the release and the recipient's nodes (split by fee, then stake) */
  estimatedAccrued: bigint;
  rewardCredited: bigint;
  stakeReturned: bigint;
  claimed: bigint;
  /** time-weighted stake as beneficiary ÷ the bucket's length */
  averageStake: bigint;
  /** estimated accrual ÷ time-weighted stake, annualised; null for an incomplete bucket */
  yieldPpm: bigint | null;
}

export interface RecipientNodeRow {
  nodeId: bigint;
  state: string;
  operator: string;
  fee: number;
  stake: bigint;
  /** estimated accrual from this node over the period */
  estimatedAccrued: bigint;
  registeredTx: string;
}

/**
 * One recipient (operator or contributor) over time: what it accrued by estimate from its nodes,
 * what the contract credited and what it claimed, per bucket, and its nodes.
 */
export async function getRecipientRewardHistory(recipient: string, view: RewardView): Promise<{ series: RecipientSeriesRow[]; nodes: RecipientNodeRow[] }> {
  const network = await getRewardSeries(view);
  const [nodeRows, own] = await Promise.all([
    prisma().$queryRaw<{ id: bigint; state: string; operator: string; fee: number; registered_at: Date; ended_at: Date | null; registered_tx: string; stakes: { beneficiary: string; amount: string }[] }[]>`
      SELECT n.id, n.state, n.operator, n.fee, n."registeredAt" AS registered_at, n."endedAt" AS ended_at, n."registeredTx" AS registered_tx,
             (SELECT json_agg(json_build_object('beneficiary', c.beneficiary, 'amount', c.amount::text) ORDER BY c.position) FROM "NodeContribution" c WHERE c."nodeId" = n.id) AS stakes
      FROM "ServiceNode" n
      WHERE EXISTS (SELECT 1 FROM "NodeContribution" c WHERE c."nodeId" = n.id AND c.beneficiary = ${recipient})
      ORDER BY n.id`,
    prisma().$queryRaw<{ bucket: Date; reward: string; returned: string; claimed: string }[]>`
      WITH ${creditsCte}
      SELECT bucket, sum(reward)::text AS reward, sum(returned)::text AS returned, sum(claimed)::text AS claimed FROM (
        SELECT date_trunc(${view.bucket}, "blockTime", 'UTC') AS bucket,
               CASE WHEN kind = 'reward' THEN delta ELSE 0 END AS reward, CASE WHEN kind <> 'reward' THEN delta ELSE 0 END AS returned, 0 AS claimed
        FROM credits WHERE recipient = ${recipient}
        UNION ALL
        SELECT date_trunc(${view.bucket}, "blockTime", 'UTC'), 0, 0, (args->>'amount')::numeric
        FROM "ChainEvent" WHERE contract = 'ServiceNodeRewards' AND "eventName" = 'RewardsClaimed' AND args->>'recipientAddress' = ${recipient}
      ) x GROUP BY bucket`,
  ]);
  const nodes = nodeRows.map((n) => ({
    id: n.id,
    feeBasisPoints: n.fee,
    stakes: (n.stakes ?? []).map((s) => ({ address: s.beneficiary, amount: BigInt(s.amount) })),
    from: n.registered_at,
    to: n.ended_at,
  }));
  const byBucket = new Map(own.map((r) => [r.bucket.getTime(), r]));
  const perNode = new Map<bigint, bigint>();
  const series = network.map((b) => {
    const to = new Date(b.bucketStart.getTime() + b.bucketSeconds * 1000);
    const estimate = estimateAccrual({ recipient, nodes, released: b.released, networkNodeSeconds: b.nodeSeconds, from: b.bucketStart, to });
    for (const [id, v] of estimate.byNode) perNode.set(id, (perNode.get(id) ?? 0n) + v);
    const mine = byBucket.get(b.bucketStart.getTime());
    return {
      bucketStart: b.bucketStart,
      bucketSeconds: b.bucketSeconds,
      complete: b.complete,
      estimatedAccrued: estimate.accrued,
      rewardCredited: big(mine?.reward),
      stakeReturned: big(mine?.returned),
      claimed: big(mine?.claimed),
      averageStake: b.bucketSeconds > 0 ? estimate.stakeSeconds / BigInt(b.bucketSeconds) : 0n,
      yieldPpm: b.complete ? annualisedYieldPpm(estimate.accrued, estimate.stakeSeconds) : null,
    };
  });
  return {
    series,
    nodes: nodeRows.map((n, i) => ({
      nodeId: n.id,
      state: n.state,
      operator: n.operator,
      fee: n.fee,
      stake: nodes[i]!.stakes.filter((s) => s.address === recipient).reduce((t, s) => t + s.amount, 0n),
      estimatedAccrued: perNode.get(n.id) ?? 0n,
      registeredTx: n.registered_tx,
    })),
  };
}
