import type { Address, PublicClient } from "viem";
import { readSeededNode } from "../lib/chain/read-seeded-node";
import type { IndexerConfig } from "../lib/config/indexer-config";
import { decodeSessionLog, type DecodedSessionLog, type WatchedContract } from "../lib/events/decode-session-log";
import {
  applyServiceNodeEvent,
  serviceNodeEventNames,
  type LedgerEvent,
  type SeededNodeDetails,
} from "../lib/staking/service-node-ledger";
import { abortableSleep } from "./abortable-sleep";
import { readAhead } from "./read-ahead";
import { fetchLogRanges, getChainLogs, withRetry, type FetchedRange, type LogRangeState } from "./sources/fetch-log-ranges";
import { buildChainEventIndexes, dropChainEventIndexes, missingChainEventIndexes } from "./store/chain-event-indexes";
import { copyChainEvents } from "./store/copy-chain-events";
import type { Sql } from "./store/database";
import {
  flushDerivedState,
  newPendingDerivedState,
  readContributionSettings,
  writeDerivedState,
  type ContributionContractSettings,
  type PendingDerivedState,
} from "./store/derived-state";
import { recordFailure, recordSuccess } from "./store/indexer-status-store";
import { linkHeartbeatsToNodes } from "./store/link-heartbeats";
import { rollBackTo } from "./store/roll-back";
import { loadServiceNodes, saveServiceNodes, type Tx } from "./store/service-node-store";

export interface ChainProgress {
  fromBlock: bigint;
  toBlock: bigint;
  /** first block the indexer had to cover when this run started */
  startBlock: bigint;
  targetBlock: bigint;
  events: number;
}

interface StoredEvent extends DecodedSessionLog {
  blockNumber: bigint;
  logIndex: number;
  blockHash: string;
  blockTime: Date;
  txHash: string;
  address: string;
}

/** Which contract each watched address is; contribution contracts are added as the factory deploys them. */
async function loadWatchedAddresses(sql: Sql, config: IndexerConfig): Promise<Map<string, WatchedContract>> {
  const watched = new Map<string, WatchedContract>([
    [config.contracts.sesh, "SESH"],
    [config.contracts.serviceNodeRewards, "ServiceNodeRewards"],
  ]);
  if (config.contracts.rewardRatePool) watched.set(config.contracts.rewardRatePool, "RewardRatePool");
  if (config.contracts.contributionFactory) watched.set(config.contracts.contributionFactory, "ServiceNodeContributionFactory");
  for (const vesting of config.contracts.vesting) watched.set(vesting, "TokenVestingStaking");
  const children = await sql<{ address: string }[]>`
    SELECT args->>'contributorContract' AS address FROM "ChainEvent"
    WHERE "chainId" = ${config.chainId} AND "eventName" = 'NewServiceNodeContributionContract'`;
  for (const child of children) watched.set(child.address.toLowerCase(), "ServiceNodeContribution");
  return watched;
}

/**
 * undefined while the last indexed block is still on the chain; otherwise the newest stored
 * block that is (the fork point), or startBlock − 1 when none is.
 */
async function findForkPoint(sql: Sql, client: PublicClient, chainId: number, startBlock: bigint, head: bigint, signal: AbortSignal): Promise<bigint | undefined> {
  const stored = await sql<{ number: bigint; hash: string }[]>`
    SELECT number, hash FROM "IndexedBlock" WHERE "chainId" = ${chainId} ORDER BY number DESC LIMIT 200`;
  for (const [i, block] of stored.entries()) {
    const onChain = block.number > head
      ? undefined
      : await withRetry(`eth_getBlockByNumber ${block.number}`, () => client.getBlock({ blockNumber: block.number }), { signal });
    if (onChain?.hash === block.hash) return i === 0 ? undefined : block.number;
  }
  // Nothing recent survived: start over.
  return stored.length === 0 ? undefined : startBlock - 1n;
}

/** Follows the chain from the checkpoint to head − finality, one atomic transaction of consecutive ranges at a time. */
export async function runChainIndexer(opts: {
  config: IndexerConfig;
  sql: Sql;
  client: PublicClient;
  signal: AbortSignal;
  onProgress?: (progress: ChainProgress) => void;
  onError?: (error: unknown) => void;
  /** called after a reorg was undone back to `fork` */
  onReorg?: (reorg: { fork: bigint; removedEvents: number; rebuiltNodes: number }) => void;
  /** called each time the indexer finds nothing new up to head − finality */
  onCaughtUp?: (block: bigint) => void;
}): Promise<void> {
  const { config, sql, client, signal } = opts;
  const rangeState: LogRangeState = { range: config.logRange, minRange: 1, maxRange: config.logRangeMax, targetLogs: LOGS_PER_BATCH };
  const watched = await loadWatchedAddresses(sql, config);
  const [checkpoint] = await sql<{ blockNumber: bigint }[]>`
    SELECT "blockNumber" FROM "IndexerCheckpoint" WHERE "chainId" = ${config.chainId}`;
  let next = checkpoint ? checkpoint.blockNumber + 1n : config.startBlock;
  const runStart = next;
  let statusAt = Date.now();
  // Set while ChainEvent's secondary indexes are dropped for a long backfill; a crash mid-backfill leaves them so.
  let indexesDeferred = (await missingChainEventIndexes(sql)).length > 0;
  let caughtUp = false;

  while (!signal.aborted) {
    try {
      const head = await withRetry("eth_blockNumber", () => client.getBlockNumber({ cacheTime: 0 }), { signal });
      const fork = await findForkPoint(sql, client, config.chainId, config.startBlock, head, signal);
      if (fork !== undefined) {
        const undone = await rollBackTo(sql, client, config.chainId, fork);
        opts.onReorg?.({ fork, ...undone });
        watched.clear();
        for (const [address, contract] of await loadWatchedAddresses(sql, config)) watched.set(address, contract);
        next = fork < config.startBlock ? config.startBlock : fork + 1n;
        continue;
      }
      const target = head - BigInt(config.finalityDepth);
      if (next > target) {
        if (indexesDeferred) {
          await buildChainEventIndexes(sql);
          indexesDeferred = false;
        }
        caughtUp = true;
        await recordSuccess(sql, "chain", next - 1n, head);
        opts.onCaughtUp?.(next - 1n);
        await abortableSleep(config.pollIntervalMs, signal);
        continue;
      }
      if (!indexesDeferred && !caughtUp && (await isLongBackfill(client, next, head, signal))) {
        await dropChainEventIndexes(sql);
        indexesDeferred = true;
      }
      // Up to `target` every block is final: ranges are fetched ahead, in parallel, decoded (and
      // their chain reads done) one ahead of the writer, and written in chain order, several
      // consecutive ranges to a transaction. Reorgs are looked for again after the pass.
      const ranges = fetchLogRanges(client, rangeState, {
        addresses: () => [...watched.keys()] as Address[],
        fromBlock: next,
        toBlock: target,
        concurrency: config.logConcurrency,
        signal,
      });
      const batches = readAhead(prepareBatches(client, watched, ranges, signal));
      try {
        let batch = await batches.next();
        while (!batch.done && !signal.aborted) {
          const written: WrittenRange[] = [];
          let fetchError: unknown;
          await sql.begin(async (tx) => {
            // Safe for exactly-once: a PostgreSQL crash may lose the last commits, but each
            // commit holds its events together with their derived rows and checkpoint, so what
            // survives is a consistent prefix and the indexer resumes from its checkpoint.
            await tx`SET LOCAL synchronous_commit = off`;
            const pending = newPendingDerivedState();
            const opened = Date.now();
            for (;;) {
              await writeBatch(tx, config.chainId, batch.value, pending);
              written.push(writtenRange(batch.value));
              if (written.length >= config.rangesPerCommit || Date.now() - opened >= TRANSACTION_MS || batch.value.toBlock === target) break;
              try {
                batch = await batches.next();
              } catch (error) {
                // What is written so far is whole: commit it, then report the failure.
                fetchError = error;
                break;
              }
              if (batch.done || signal.aborted) break;
            }
            await commitBatches(tx, config.chainId, written, pending);
          });
          for (const b of written) {
            opts.onProgress?.({ fromBlock: b.fromBlock, toBlock: b.toBlock, startBlock: runStart, targetBlock: target, events: b.events });
          }
          const last = written.at(-1)!;
          next = last.toBlock + 1n;
          if (Date.now() - statusAt > 5_000 || last.toBlock === target) {
            await recordSuccess(sql, "chain", last.toBlock, head);
            statusAt = Date.now();
          }
          if (fetchError !== undefined) throw fetchError;
          if (!batch.done && batch.value.toBlock === last.toBlock) batch = await batches.next();
        }
      } finally {
        await batches.return(undefined);
      }
    } catch (error) {
      if (signal.aborted) break;
      opts.onError?.(error);
      await recordFailure(sql, "chain", error).catch(() => {});
      await abortableSleep(Math.min(30_000, config.pollIntervalMs * 5), signal);
    }
  }
}

/**
 * Behind the head by more than this (block time) when a run starts, the backfill runs without
 * ChainEvent's secondary indexes. Asked only until the run first catches up: live, never.
 */
const LONG_BACKFILL_SECONDS = 3_600;

async function isLongBackfill(client: PublicClient, next: bigint, head: bigint, signal: AbortSignal): Promise<boolean> {
  const [from, to] = await Promise.all([next, head].map((blockNumber) =>
    withRetry(`eth_getBlockByNumber ${blockNumber}`, () => client.getBlock({ blockNumber }), { signal })));
  return to!.timestamp - from!.timestamp > LONG_BACKFILL_SECONDS;
}

/** Logs per eth_getLogs answer the ranges adapt towards: each batch and the memory held stay bounded. */
const LOGS_PER_BATCH = 5_000;

/**
 * Consecutive ranges written in one transaction, at most RANGES_PER_COMMIT or for this long: each
 * holder's balance and each operator is written once per transaction rather than once per
 * range, and there is one commit per transaction. Live, a pass ends at the head: it commits then.
 * On the 20,000-node bench, 10 s and 64 ranges rather than 3 s and 16 took the backfill from
 * 43.3 s to 39.7 s (PostgreSQL 14.5 to 12.1 CPU seconds); a crash costs at most that much work again.
 */
const TRANSACTION_MS = 10_000;

/** A range's decoded events with what their folds need from the chain, read before any transaction opens. */
interface PreparedBatch {
  fromBlock: bigint;
  toBlock: bigint;
  end: { number: bigint; hash: string; timestamp: bigint };
  events: StoredEvent[];
  nodeEvents: StoredEvent[];
  seeded: Map<bigint, SeededNodeDetails>;
  contributionSettings: ContributionContractSettings;
}

async function* prepareBatches(
  client: PublicClient,
  watched: Map<string, WatchedContract>,
  ranges: AsyncIterable<FetchedRange>,
  signal: AbortSignal,
): AsyncGenerator<PreparedBatch> {
  for await (const range of ranges) {
    const events = await decodeBatch(client, watched, range, signal);
    const nodeEvents = events.filter((e) => e.contract === "ServiceNodeRewards" && serviceNodeEventNames.has(e.eventName));
    const seeded = new Map<bigint, SeededNodeDetails>();
    const seedingTransactions = new Map();
    for (const e of nodeEvents.filter((e) => e.eventName === "NewSeededServiceNode")) {
      const id = BigInt(String(e.args.serviceNodeID));
      seeded.set(id, await withRetry(`seeded node ${id}`, () => readSeededNode(client, e.address as Address, e, seedingTransactions), { signal }));
    }
    const contributionSettings = await readContributionSettings(client, events, signal);
    yield { fromBlock: range.fromBlock, toBlock: range.toBlock, end: { number: range.toBlock, ...range.endBlock }, events, nodeEvents, seeded, contributionSettings };
  }
}
/**
 * Decodes a range in chain order. Contribution contracts the factory deployed in this range, or
 * in an earlier one after this range was asked for, were not in its request: their logs are
 * fetched now, in one more call.
 */
async function decodeBatch(
  client: PublicClient,
  watched: Map<string, WatchedContract>,
  range: FetchedRange,
  signal: AbortSignal,
): Promise<StoredEvent[]> {
  const all = range.logs;
  for (const log of range.logs) {
    const contract = watched.get(log.address.toLowerCase());
    if (contract !== "ServiceNodeContributionFactory") continue;
    const decoded = decodeSessionLog(contract, log);
    if (decoded.eventName === "NewServiceNodeContributionContract") {
      watched.set(String(decoded.args.contributorContract).toLowerCase(), "ServiceNodeContribution");
    }
  }
  const missing = [...watched.keys()].filter((address) => !range.addresses.has(address)) as Address[];
  if (missing.length > 0) {
    const childLogs = await withRetry(`eth_getLogs ${missing.length} new contracts ${range.fromBlock}-${range.toBlock}`, () =>
      getChainLogs(client, { address: missing, fromBlock: range.fromBlock, toBlock: range.toBlock }), { signal });
    if (childLogs.length > 0) {
      all.push(...childLogs);
      all.sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1));
    }
  }

  const blockTimes = new Map<bigint, Date>();
  for (const log of all) {
    // anvil and many RPCs put blockTimestamp on logs; otherwise ask for the block.
    const stamp = log.blockTimestamp;
    if (stamp != null && !blockTimes.has(log.blockNumber)) blockTimes.set(log.blockNumber, new Date(Number(BigInt(stamp)) * 1000));
  }
  const unstamped = [...new Set(all.map((l) => l.blockNumber))].filter((number) => !blockTimes.has(number));
  for (let i = 0; i < unstamped.length; i += 8) {
    await Promise.all(unstamped.slice(i, i + 8).map(async (number) => {
      const block = await withRetry(`eth_getBlockByNumber ${number}`, () => client.getBlock({ blockNumber: number }), { signal });
      blockTimes.set(number, new Date(Number(block.timestamp) * 1000));
    }));
  }
  return all.map((log) => {
    const address = log.address.toLowerCase();
    const { contract, eventName, args } = decodeSessionLog(watched.get(address)!, log);
    return {
      contract,
      eventName,
      args,
      blockNumber: log.blockNumber,
      logIndex: log.logIndex,
      blockHash: log.blockHash,
      blockTime: blockTimes.get(log.blockNumber)!,
      txHash: log.transactionHash,
      address,
    };
  });
}

/** A range's raw events, the nodes they change and their other derived rows, inside the caller's transaction. */
async function writeBatch(tx: Tx, chainId: number, batch: PreparedBatch, pending: PendingDerivedState): Promise<void> {
  const { events, nodeEvents, seeded } = batch;
  await copyChainEvents(tx, chainId, events);
  if (nodeEvents.length > 0) {
    const ids = [...new Set(nodeEvents.map((e) => BigInt(String(e.args.serviceNodeID))))];
    const nodes = await loadServiceNodes(tx, ids);
    const registered = new Set<bigint>();
    for (const e of nodeEvents) {
      const ledgerEvent: LedgerEvent = { eventName: e.eventName, args: e.args, blockNumber: e.blockNumber, blockTime: e.blockTime, txHash: e.txHash };
      const id = applyServiceNodeEvent(nodes, ledgerEvent, seeded.get(BigInt(String(e.args.serviceNodeID))));
      if (e.eventName === "NewServiceNodeV2" || e.eventName === "NewSeededServiceNode") registered.add(id);
    }
    await saveServiceNodes(tx, [...nodes.values()].filter((n) => ids.includes(n.id)), registered);
    if (registered.size > 0) await linkHeartbeatsToNodes(tx, [...registered]);
  }
  await writeDerivedState(tx, events, batch.contributionSettings, pending);
}

/** What a transaction keeps of each range it wrote until it commits: not the events, which it has written. */
interface WrittenRange {
  fromBlock: bigint;
  toBlock: bigint;
  end: PreparedBatch["end"];
  events: number;
}

const writtenRange = (batch: PreparedBatch): WrittenRange => ({ fromBlock: batch.fromBlock, toBlock: batch.toBlock, end: batch.end, events: batch.events.length });

/** Ends a transaction of consecutive batches: the derived rows they left pending, each range's end block, and the checkpoint. */
async function commitBatches(tx: Tx, chainId: number, batches: WrittenRange[], pending: PendingDerivedState): Promise<void> {
  await flushDerivedState(tx, pending);
  const ends = batches.map((b) => b.end);
  await tx`
    INSERT INTO "IndexedBlock" ("chainId", number, hash, timestamp)
    SELECT ${chainId}, * FROM unnest(${ends.map((e) => e.number.toString())}::bigint[], ${ends.map((e) => e.hash)}::text[],
      ${ends.map((e) => new Date(Number(e.timestamp) * 1000).toISOString())}::timestamptz[])
    ON CONFLICT ("chainId", number) DO UPDATE SET hash = excluded.hash, timestamp = excluded.timestamp`;
  const end = ends.at(-1)!;
  await tx`
    INSERT INTO "IndexerCheckpoint" ("chainId", "blockNumber", "blockHash", "updatedAt")
    VALUES (${chainId}, ${end.number}, ${end.hash}, now())
    ON CONFLICT ("chainId") DO UPDATE SET "blockNumber" = excluded."blockNumber",
      "blockHash" = excluded."blockHash", "updatedAt" = now()`;
}
