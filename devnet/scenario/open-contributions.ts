import { erc20Abi, type Abi, type Address } from "viem";
import { serviceNodeContributionAbi } from "../../lib/abi/service-node-contribution-abi";
import { serviceNodeContributionFactoryAbi } from "../../lib/abi/service-node-contribution-factory-abi";
import { DAY, type NetworkPlan } from "./network-plan";
import type { ScenarioSigner } from "./scenario-signer";
import { seededAddress, seededRandom } from "./seeded-random";

const SESH = 1_000_000_000n;

/**
 * How a contribution contract still open at the end of the history got there, as on the real
 * network: an operator waiting for contributors, a partly funded stake, reserved slots not yet
 * taken, a manual-finalize stake that is full but not finalized, and one a contributor left.
 */
export type OpenContributionKind = "operatorOnly" | "partlyFilled" | "reservedSlots" | "filledNotFinalized" | "contributorWithdrew";

export interface OpenContribution {
  /** index of the node's keys: past the plan's nodes and the vesting wallets' (index + 1_000) */
  keyIndex: number;
  kind: OpenContributionKind;
  operator: Address;
  fee: number;
  manualFinalize: boolean;
  /** the operator first, then the contributors, in the order they contribute */
  stakes: { address: Address; amount: bigint }[];
  /** the reserved list the contract is deployed with (empty: open to anyone) */
  reserved: { addr: Address; amount: bigint }[];
  /** the contributor who withdrew after the 1-day delay, if any */
  withdrawn?: Address;
}

export type OpenContributionStep =
  | { kind: "deploy"; contribution: OpenContribution }
  | { kind: "contribute"; contribution: OpenContribution; staker: Address; amount: bigint }
  | { kind: "withdraw"; contribution: OpenContribution; staker: Address };

const kinds: OpenContributionKind[] = ["operatorOnly", "partlyFilled", "reservedSlots", "filledNotFinalized", "contributorWithdrew"];

/** ~0.5% of the nodes (every kind at least once), decided from the seed on a stream of their own. */
export function planOpenContributions(plan: NetworkPlan): OpenContribution[] {
  const random = seededRandom(plan.config.seed, "open-contributions");
  const requirement = plan.stakingRequirement;
  const count = Math.max(kinds.length, Math.round(plan.config.nodeCount * 0.005));
  // Rounded up to whole SESH: at 20,000 nodes the requirement is 2,750 SESH, and 25% of it
  // (687.5) rounded down would fall below the operator's minimum of a quarter.
  const percent = (p: number) => ((requirement * BigInt(p) + 100n * SESH - 1n) / (100n * SESH)) * SESH;
  let nextContributor = 0;
  const contributor = () => seededAddress(plan.config.seed, "open-contributor", nextContributor++);
  return Array.from({ length: count }, (_, i): OpenContribution => {
    const kind = kinds[i] ?? (i % 2 === 0 ? "operatorOnly" : "partlyFilled");
    const operator = plan.operators[random.zipf(plan.operators.length, 1.05)]!;
    const operatorStake = percent(random.int(25, 50));
    const stakes = [{ address: operator, amount: operatorStake }];
    // 10-20% each stays above the contract's minimum (the open stake over the open slots).
    if (kind === "partlyFilled" || kind === "reservedSlots") {
      for (let c = random.int(1, 2); c > 0; c--) stakes.push({ address: contributor(), amount: percent(random.int(10, 20)) });
    }
    if (kind === "filledNotFinalized" || kind === "contributorWithdrew") {
      const contributors = random.int(2, 3);
      let left = requirement - operatorStake;
      for (let c = contributors; c > 0; c--) {
        const amount = c === 1 ? left : left / BigInt(c) / SESH * SESH;
        stakes.push({ address: contributor(), amount });
        left -= amount;
      }
    }
    // Reserved slots: the operator and the first contributor have paid, one reserved contributor has not.
    const reserved = kind === "reservedSlots" ? [...stakes, { address: contributor(), amount: percent(random.int(10, 20)) }].map((s) => ({ addr: s.address, amount: s.amount })) : [];
    return {
      keyIndex: plan.nodes.length + 2_000 + i,
      kind,
      operator,
      fee: random.pick([0, 500, 1000, 1500, 2000]),
      manualFinalize: kind === "filledNotFinalized" || kind === "contributorWithdrew",
      stakes,
      reserved,
      withdrawn: kind === "contributorWithdrew" ? stakes[stakes.length - 1]!.address : undefined,
    };
  });
}

/**
 * The steps that leave those contracts open, timed over the history's last three days: the
 * withdrawal comes a day and a half after the contributions, past the contract's 1-day delay
 * whichever block of their 6-hour bucket each lands in.
 */
export function openContributionSteps(plan: NetworkPlan): { t: number; step: OpenContributionStep }[] {
  const steps: { t: number; step: OpenContributionStep }[] = [];
  planOpenContributions(plan).forEach((contribution, i) => {
    const deployAt = plan.config.endTime - 3 * DAY + ((i * 1_800) % (DAY / 2));
    steps.push({ t: deployAt, step: { kind: "deploy", contribution } });
    contribution.stakes.forEach((s, k) => {
      steps.push({ t: deployAt + k * 3_600, step: { kind: "contribute", contribution, staker: s.address, amount: s.amount } });
    });
    if (contribution.withdrawn) steps.push({ t: deployAt + DAY + DAY / 2, step: { kind: "withdraw", contribution, staker: contribution.withdrawn } });
  });
  return steps;
}

type WriteTransaction = (what: string, from: Address, to: Address, abi: Abi, functionName: string, args: readonly unknown[]) => Promise<void>;

/** Sends one step's transactions through the history's writer. */
export function openContributionWriter(opts: {
  write: WriteTransaction;
  signer: ScenarioSigner;
  sesh: Address;
  contributionFactory: Address;
  /** funds each staker's SESH, as the operators' registrations are funded */
  funding: Address[];
  /** the address the factory's next deployment gets (CREATE: from its nonce) */
  nextContractAddress: () => Address;
}): (step: OpenContributionStep) => Promise<void> {
  const { write, signer } = opts;
  const contracts = new Map<OpenContribution, Address>();
  return async (step) => {
    const { contribution } = step;
    if (step.kind === "deploy") {
      const keys = signer.nodeKeys(contribution.keyIndex);
      const params = {
        serviceNodePubkey: keys.ed25519Pubkey,
        serviceNodeSignature1: keys.serviceNodeSignature1,
        serviceNodeSignature2: keys.serviceNodeSignature2,
        fee: contribution.fee,
      };
      contracts.set(contribution, opts.nextContractAddress());
      await write("open factory.deploy", contribution.operator, opts.contributionFactory, serviceNodeContributionFactoryAbi, "deploy", [
        keys.blsPubkey, signer.proofOfPossession(contribution.keyIndex, contribution.operator), params, contribution.reserved, contribution.manualFinalize,
      ]);
      return;
    }
    const contract = contracts.get(contribution)!;
    if (step.kind === "withdraw") {
      await write("withdrawContribution", step.staker, contract, serviceNodeContributionAbi, "withdrawContribution", []);
      return;
    }
    const source = opts.funding[contribution.keyIndex % opts.funding.length]!;
    await write("fund open contribution", source, opts.sesh, erc20Abi, "transfer", [step.staker, step.amount]);
    await write("approve open contribution", step.staker, opts.sesh, erc20Abi, "approve", [contract, step.amount]);
    await write("open contributeFunds", step.staker, contract, serviceNodeContributionAbi, "contributeFunds", [step.amount, step.staker]);
  };
}
