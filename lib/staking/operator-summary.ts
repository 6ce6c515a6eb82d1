import { isLiveNode, type NodeContributionRecord, type ServiceNodeLifecycle } from "./service-node-ledger";

/** What an operator's summary needs of one of its nodes (a ServiceNode row). */
export interface OperatorNode {
  operator: string;
  state: ServiceNodeLifecycle;
  totalStaked: bigint;
  /** its contributors' stakes (the operator's own among them); needed only for live nodes */
  contributors: readonly Pick<NodeContributionRecord, "staker" | "amount">[];
  registeredBlock: bigint;
  registeredTx: string;
  exitRequestBlock: bigint | null;
  exitRequestTx: string | null;
  endedBlock: bigint | null;
  endedTx: string | null;
}

/** What it needs of one of its contribution contracts (a ContributionContract row). */
export interface OperatorContract {
  operator: string;
  status: string;
  updatedBlock: bigint;
  updatedTx: string;
}

/** One operator's row: its nodes by state, the stake in its live ones, and its newest change. */
export interface OperatorSummary {
  address: string;
  awaitingContributors: number;
  activeNodes: number;
  exitRequestedNodes: number;
  exitedNodes: number;
  liquidatedNodes: number;
  stakedInLiveNodes: bigint;
  ownStakeInLiveNodes: bigint;
  updatedBlock: bigint;
  updatedTx: string;
}

/**
 * Summarises every operator that has a node or a contribution contract among the rows given
 * (all of each operator's rows must be given). The newest change is the latest block among
 * registrations, exit requests, ends and contract updates; within a block, the greater tx hash.
 */
export function summariseOperators(nodes: readonly OperatorNode[], contracts: readonly OperatorContract[]): OperatorSummary[] {
  const summaries = new Map<string, OperatorSummary>();
  const summaryOf = (address: string, block: bigint, tx: string): OperatorSummary => {
    let summary = summaries.get(address);
    if (!summary) {
      summary = { address, awaitingContributors: 0, activeNodes: 0, exitRequestedNodes: 0, exitedNodes: 0, liquidatedNodes: 0, stakedInLiveNodes: 0n, ownStakeInLiveNodes: 0n, updatedBlock: block, updatedTx: tx };
      summaries.set(address, summary);
    }
    if (block > summary.updatedBlock || (block === summary.updatedBlock && tx > summary.updatedTx)) {
      summary.updatedBlock = block;
      summary.updatedTx = tx;
    }
    return summary;
  };
  for (const node of nodes) {
    const summary = summaryOf(node.operator, node.registeredBlock, node.registeredTx);
    if (node.exitRequestBlock !== null && node.exitRequestTx !== null) summaryOf(node.operator, node.exitRequestBlock, node.exitRequestTx);
    if (node.endedBlock !== null && node.endedTx !== null) summaryOf(node.operator, node.endedBlock, node.endedTx);
    if (node.state === "active") summary.activeNodes++;
    else if (node.state === "exit_requested") summary.exitRequestedNodes++;
    else if (node.state === "exited") summary.exitedNodes++;
    else summary.liquidatedNodes++;
    if (isLiveNode(node.state)) {
      summary.stakedInLiveNodes += node.totalStaked;
      for (const c of node.contributors) if (c.staker === node.operator) summary.ownStakeInLiveNodes += c.amount;
    }
  }
  for (const contract of contracts) {
    const summary = summaryOf(contract.operator, contract.updatedBlock, contract.updatedTx);
    if (contract.status !== "finalized") summary.awaitingContributors++;
  }
  return [...summaries.values()];
}
