import type { PublicClient } from "viem";
import { readContributionContract } from "../../lib/chain/read-contribution-contract";
import type { IndexedEvent } from "../../lib/events/indexed-event";
import { applyRewardEvent, rewardAccountEventNames, type RewardAccountRecord } from "../../lib/rewards/reward-accounts";
import {
  applyContributionEvent,
  contributionContractOf,
  type ContributionContractDetails,
  type ContributionContractRecord,
} from "../../lib/staking/contribution-ledger";
import { applyTransfer, holdersInTransfers, type TokenBalanceRecord } from "../../lib/tokens/token-balances";
import { withRetry } from "../sources/fetch-log-ranges";
import { loadContributionContracts, saveContributionContracts } from "./contribution-contract-store";
import type { Sql } from "./database";
import { refreshOperators } from "./operator-store";
import { loadRewardAccounts, saveRewardAccounts } from "./reward-account-store";
import type { Tx } from "./service-node-store";
import { loadTokenBalances, saveTokenBalances } from "./token-balance-store";

// Derived state beyond ServiceNode/NodeContribution: token balances, reward accounts,
// contribution contracts and operators. Each table is a fold of raw ChainEvent rows, written
// in the batch's transaction; a rollback refolds the affected rows from the events that remain.

/** What the folds need from the chain besides the logs: contribution contracts' constructor settings, by address. */
export type ContributionContractSettings = Map<string, ContributionContractDetails>;

const isTransfer = (e: IndexedEvent) => e.contract === "SESH" && e.eventName === "Transfer";
const isRewardEvent = (e: IndexedEvent) => e.contract === "ServiceNodeRewards" && rewardAccountEventNames.has(e.eventName);
const isContractCreation = (e: IndexedEvent) => e.contract === "ServiceNodeContributionFactory" && e.eventName === "NewServiceNodeContributionContract";

// Reads of contract settings in flight at once: a backfill meets thousands of contracts.
const settingsReadConcurrency = 16;

/** Reads, before the batch's transaction opens, the settings of every contribution contract the events create. */
export async function readContributionSettings(client: PublicClient, events: IndexedEvent[], signal?: AbortSignal): Promise<ContributionContractSettings> {
  const creations = events.filter(isContractCreation);
  const settings: ContributionContractSettings = new Map();
  let next = 0;
  const worker = async () => {
    while (next < creations.length) {
      const e = creations[next++]!;
      const address = String(e.args.contributorContract);
      settings.set(address, await withRetry(`contribution contract ${address}`, () => readContributionContract(client, e), { signal }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(settingsReadConcurrency, creations.length) }, worker));
  return settings;
}

/**
 * What a transaction's batches folded but have not written yet: token balances (a holder
 * changes in most batches of a backfill, so each is written once per transaction) and the
 * operators whose rows to recompute. Written by flushDerivedState before the commit.
 */
export interface PendingDerivedState {
  balances: Map<string, TokenBalanceRecord>;
  operators: Set<string>;
}

export const newPendingDerivedState = (): PendingDerivedState => ({ balances: new Map(), operators: new Set() });

/** Applies a batch's events (chain order) to the derived tables; call after the batch's ServiceNode rows are saved. */
export async function writeDerivedState(tx: Tx, events: IndexedEvent[], settings: ContributionContractSettings, pending: PendingDerivedState): Promise<void> {
  const transfers = events.filter(isTransfer);
  const unloaded = [...holdersInTransfers(transfers)].filter((holder) => !pending.balances.has(holder));
  for (const [holder, balance] of await loadTokenBalances(tx, unloaded)) pending.balances.set(holder, balance);
  for (const e of transfers) applyTransfer(pending.balances, e);

  const rewardEvents = events.filter(isRewardEvent);
  const accounts = await loadRewardAccounts(tx, [...new Set(rewardEvents.map((e) => String(e.args.recipientAddress)))]);
  for (const e of rewardEvents) applyRewardEvent(accounts, e);
  await saveRewardAccounts(tx, [...accounts.values()]);

  const contractEvents = events.filter((e) => contributionContractOf(e) !== undefined);
  const contracts = await loadContributionContracts(tx, [...new Set(contractEvents.map((e) => contributionContractOf(e)!))]);
  for (const e of contractEvents) applyContributionEvent(contracts, e, settings.get(contributionContractOf(e)!));
  await saveContributionContracts(tx, [...contracts.values()]);

  const nodeIds = [...new Set(events.filter((e) => e.contract === "ServiceNodeRewards" && e.args.serviceNodeID !== undefined).map((e) => String(e.args.serviceNodeID)))];
  const nodeOperators = nodeIds.length === 0
    ? []
    : (await tx<{ operator: string }[]>`SELECT DISTINCT operator FROM "ServiceNode" WHERE id = ANY(${nodeIds}::bigint[])`).map((r) => r.operator);
  for (const operator of [...nodeOperators, ...[...contracts.values()].map((c) => c.operator)]) pending.operators.add(operator);
}

/** Writes what the transaction's batches left pending: the operators are recomputed from the rows they wrote. */
export async function flushDerivedState(tx: Tx, pending: PendingDerivedState): Promise<void> {
  await saveTokenBalances(tx, [...pending.balances.values()]);
  await refreshOperators(tx, [...pending.operators]);
}

/** The derived rows a rollback must refold, with the events (up to the fork) they are folded from. */
export interface DerivedRollback {
  holders: string[];
  transfers: IndexedEvent[];
  recipients: string[];
  rewardEvents: IndexedEvent[];
  contracts: string[];
  contractEvents: IndexedEvent[];
  settings: ContributionContractSettings;
}

const eventColumns = (sql: Sql) => sql`"blockNumber", "blockTime", "txHash", address, contract, "eventName", args`;

/** Reads what undoing the blocks after `fork` changes, before the rollback's transaction opens. */
export async function planDerivedRollback(sql: Sql, client: PublicClient, chainId: number, fork: bigint, signal?: AbortSignal): Promise<DerivedRollback> {
  const undone = await sql<IndexedEvent[]>`
    SELECT ${eventColumns(sql)} FROM "ChainEvent" WHERE "chainId" = ${chainId} AND "blockNumber" > ${fork}
      AND contract IN ('SESH', 'ServiceNodeRewards', 'ServiceNodeContributionFactory', 'ServiceNodeContribution')`;
  const holders = [...holdersInTransfers(undone.filter(isTransfer))];
  const recipients = [...new Set(undone.filter(isRewardEvent).map((e) => String(e.args.recipientAddress)))];
  const contracts = [...new Set(undone.map(contributionContractOf).filter((a) => a !== undefined))];
  const kept = sql`"chainId" = ${chainId} AND "blockNumber" <= ${fork}`;
  const transfers = holders.length === 0 ? [] : await sql<IndexedEvent[]>`
    SELECT ${eventColumns(sql)} FROM "ChainEvent" WHERE ${kept} AND contract = 'SESH' AND "eventName" = 'Transfer'
      AND (args->>'from' = ANY(${holders}::text[]) OR args->>'to' = ANY(${holders}::text[]))
    ORDER BY "blockNumber", "logIndex"`;
  const rewardEvents = recipients.length === 0 ? [] : await sql<IndexedEvent[]>`
    SELECT ${eventColumns(sql)} FROM "ChainEvent" WHERE ${kept} AND contract = 'ServiceNodeRewards'
      AND "eventName" = ANY(${[...rewardAccountEventNames]}::text[]) AND args->>'recipientAddress' = ANY(${recipients}::text[])
    ORDER BY "blockNumber", "logIndex"`;
  const contractEvents = contracts.length === 0 ? [] : await sql<IndexedEvent[]>`
    SELECT ${eventColumns(sql)} FROM "ChainEvent" WHERE ${kept} AND (
      (contract = 'ServiceNodeContributionFactory' AND "eventName" = 'NewServiceNodeContributionContract' AND args->>'contributorContract' = ANY(${contracts}::text[]))
      OR (contract = 'ServiceNodeContribution' AND address = ANY(${contracts}::text[]))
      OR (contract = 'ServiceNodeRewards' AND "eventName" = 'NewServiceNodeV2' AND args->>'initiator' = ANY(${contracts}::text[])))
    ORDER BY "blockNumber", "logIndex"`;
  const settings = await readContributionSettings(client, contractEvents, signal);
  return { holders, transfers, recipients, rewardEvents, contracts, contractEvents, settings };
}

/** Refolds the rows a rollback touched from the events that remain; every operator is recomputed (rollbacks are rare). */
export async function applyDerivedRollback(tx: Tx, plan: DerivedRollback): Promise<void> {
  await tx`DELETE FROM "TokenBalance" WHERE holder = ANY(${plan.holders}::text[])`;
  const tracked = new Set(plan.holders);
  const balances = new Map<string, TokenBalanceRecord>();
  for (const e of plan.transfers) applyTransfer(balances, e, (holder) => tracked.has(holder));
  await saveTokenBalances(tx, [...balances.values()]);

  await tx`DELETE FROM "RewardAccount" WHERE recipient = ANY(${plan.recipients}::text[])`;
  const accounts = new Map<string, RewardAccountRecord>();
  for (const e of plan.rewardEvents) applyRewardEvent(accounts, e);
  await saveRewardAccounts(tx, [...accounts.values()]);

  await tx`DELETE FROM "ContributionContract" WHERE address = ANY(${plan.contracts}::text[])`;
  const contracts = new Map<string, ContributionContractRecord>();
  for (const e of plan.contractEvents) applyContributionEvent(contracts, e, plan.settings.get(contributionContractOf(e)!));
  await saveContributionContracts(tx, [...contracts.values()]);

  await refreshOperators(tx);
}
