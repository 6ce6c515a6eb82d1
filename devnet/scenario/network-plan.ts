import { seededAddress, seededRandom } from "./seeded-random";

export interface ScenarioConfig {
  seed: string;
  nodeCount: number;
  months: number;
  /** the foundation's usual share of nodes; the history crosses 10% once on purpose */
  foundationShare: number;
  /** unix seconds at which the simulated history ends (the live network continues from there) */
  endTime: number;
}

export const defaultScenarioConfig = (endTime: number): ScenarioConfig => ({
  seed: "session-devnet",
  nodeCount: 2_000,
  months: 6,
  foundationShare: 0.085,
  endTime,
});

export const DAY = 86_400;
const SESH = 1_000_000_000n;
/** Session's mainnet requirement: 25,000 SESH per node. */
export const MAINNET_STAKING_REQUIREMENT = 25_000n * SESH;

/**
 * The devnet's staking requirement: mainnet's, unless the network is too large for the genesis
 * wallets that fund operators (60M SESH) to stake it, as in the 20,000-node benchmark.
 */
export function stakingRequirementFor(nodeCount: number): bigint {
  const affordable = (55_000_000n * SESH) / BigInt(nodeCount) / SESH * SESH;
  return affordable < MAINNET_STAKING_REQUIREMENT ? affordable : MAINNET_STAKING_REQUIREMENT;
}

export interface PlannedContributor {
  address: `0x${string}`;
  amount: bigint;
}

export interface PlannedNode {
  /** index of the node's keys: devnet/bls derives them from (seed, index) */
  index: number;
  operator: `0x${string}`;
  foundation: boolean;
  /** seeded at launch with seedPublicKeyList, as the nodes migrated from Oxen were */
  seeded: boolean;
  /** contributors after the operator (empty for a solo node); the operator's own stake comes first */
  contributors: PlannedContributor[];
  operatorStake: bigint;
  fee: number;
  registerAt: number;
  /** exit requested by its owner, completed with the network's signature 15 days later */
  exit?: { requestAt: number; exitAt: number; afterWaitTime: boolean };
  /** went down for good: decommissioned, then deregistered and liquidated on chain */
  failure?: { downAt: number; liquidateAt: number };
  /** a temporary outage: decommissioned for a while, then back */
  outage?: { from: number; to: number };
  profile: { ipIndex: number; storagePort: number; versionUpgradeAt: number };
}

export interface NetworkPlan {
  config: ScenarioConfig;
  startTime: number;
  /** SESH atomic units per node */
  stakingRequirement: bigint;
  foundationAddresses: `0x${string}`[];
  operators: `0x${string}`[];
  nodes: PlannedNode[];
  /** the foundation's burst of registrations that takes its share above 10% (then exits bring it back) */
  crossing: { from: number; nodesAdded: number };
  /**
   * SESH holders who trade among themselves every day, as the token's real transfer traffic
   * does; both grow with the network, so a 20,000-node history has ~1M events like mainnet's.
   */
  trading: { holders: `0x${string}`[]; transfersPerDay: number };
}

function splitStake(random: ReturnType<typeof seededRandom>, stakingRequirement: bigint, contributors: number): bigint[] {
  // Operator ≥ 25%; the rest split in whole SESH among the others.
  const operatorShare = BigInt(random.int(25, 60));
  // Rounded up to whole SESH: rounding down could leave the operator just under 25%.
  const operatorStake = ((stakingRequirement * operatorShare) / 100n + SESH - 1n) / SESH * SESH;
  let remaining = stakingRequirement - operatorStake;
  const stakes = [operatorStake];
  for (let i = 0; i < contributors; i++) {
    const left = BigInt(contributors - i);
    const amount = i === contributors - 1 ? remaining : remaining / left / SESH * SESH;
    stakes.push(amount);
    remaining -= amount;
  }
  return stakes;
}

/** `count` different contributors: a reserved list may not name anyone twice. */
function distinctContributors(random: ReturnType<typeof seededRandom>, pool: `0x${string}`[], count: number): `0x${string}`[] {
  const chosen = new Set<`0x${string}`>();
  while (chosen.size < count) chosen.add(random.pick(pool));
  return [...chosen];
}

/** The whole simulated history, decided up front from the seed: same seed, same network. */
export function planNetwork(config: ScenarioConfig): NetworkPlan {
  const startTime = config.endTime - config.months * 30 * DAY;
  const stakingRequirement = stakingRequirementFor(config.nodeCount);
  const random = seededRandom(config.seed, "plan");
  const foundationAddresses = [0, 1, 2].map((i) => seededAddress(config.seed, "foundation", i));
  const operatorCount = Math.max(4, Math.round(config.nodeCount * 0.3));
  const operators = Array.from({ length: operatorCount }, (_, i) => seededAddress(config.seed, "operator", i));
  const contributorPool = Array.from({ length: Math.max(10, Math.round(config.nodeCount * 0.4)) }, (_, i) =>
    seededAddress(config.seed, "contributor", i),
  );

  const crossingFrom = startTime + Math.round(config.months * 0.55 * 30) * DAY;
  const span = config.endTime - startTime;
  const nodes: PlannedNode[] = [];
  const baseFoundation = Math.round(config.nodeCount * config.foundationShare);
  const crossingNodes = Math.max(2, Math.round(config.nodeCount * 0.03));

  for (let index = 0; index < config.nodeCount; index++) {
    const foundation = index % Math.round(config.nodeCount / baseFoundation) === 0 && nodes.filter((n) => n.foundation).length < baseFoundation;
    const seeded = random.chance(0.3);
    // Registrations thin out over time after the launch wave.
    const registerAt = seeded ? startTime : startTime + Math.floor(span * 0.95 * random.float() ** 1.6);
    const multi = !foundation && random.chance(0.2);
    const stakes = multi ? splitStake(random, stakingRequirement, random.int(1, 5)) : [stakingRequirement];
    const operator = foundation ? random.pick(foundationAddresses) : operators[random.zipf(operators.length, 1.05)]!;
    const node: PlannedNode = {
      index,
      operator,
      foundation,
      seeded,
      contributors: distinctContributors(random, contributorPool, stakes.length - 1).map((address, i) => ({ address, amount: stakes[i + 1]! })),
      operatorStake: stakes[0]!,
      fee: multi ? random.pick([0, 500, 1000, 1500, 2000]) : 0,
      registerAt,
      profile: { ipIndex: random.int(0, 1_000_000), storagePort: random.pick([22021, 22020, 22104, 22100]), versionUpgradeAt: 0 },
    };
    const fate = random.float();
    const earliestLeave = registerAt + 3 * DAY;
    if (!foundation && fate < 0.08 && earliestLeave < config.endTime - 20 * DAY) {
      const requestAt = earliestLeave + Math.floor(random.float() * (config.endTime - 20 * DAY - earliestLeave));
      const afterWaitTime = random.chance(0.2);
      // After the 30-day wait anyone may complete the exit; a day's margin keeps it past the
      // wait whatever block the request and the exit land in.
      node.exit = { requestAt, exitAt: requestAt + (afterWaitTime ? 31 : 15) * DAY + random.int(60, 3_600), afterWaitTime };
    } else if (!foundation && fate < 0.1 && earliestLeave < config.endTime - 5 * DAY) {
      const downAt = earliestLeave + Math.floor(random.float() * (config.endTime - 5 * DAY - earliestLeave));
      node.failure = { downAt, liquidateAt: downAt + 2 * DAY + random.int(0, DAY) };
    } else if (fate < 0.115 && registerAt < config.endTime - DAY) {
      // Down right now: the live network has decommissioned nodes to show.
      node.outage = { from: config.endTime - random.int(3_600, DAY), to: config.endTime + random.int(DAY, 30 * DAY) };
    } else if (fate < 0.14) {
      const from = registerAt + Math.floor(random.float() * Math.max(DAY, config.endTime - registerAt - DAY));
      node.outage = { from, to: from + random.int(3_600, 3 * DAY) };
    }
    // The new version rolls out over the last month, most nodes upgrading within two weeks.
    node.profile.versionUpgradeAt = config.endTime - 30 * DAY + Math.floor(random.float() ** 0.7 * 40 * DAY);
    nodes.push(node);
  }

  // The crossing: the foundation adds a burst of nodes, then exits them ~3 weeks later.
  for (let i = 0; i < crossingNodes; i++) {
    const index = nodes.length;
    const registerAt = crossingFrom + i * 600;
    const requestAt = crossingFrom + 4 * DAY + i * 600;
    nodes.push({
      index,
      operator: foundationAddresses[i % foundationAddresses.length]!,
      foundation: true,
      seeded: false,
      contributors: [],
      operatorStake: stakingRequirement,
      fee: 0,
      registerAt,
      exit: { requestAt, exitAt: requestAt + 15 * DAY + 3_600, afterWaitTime: false },
      profile: { ipIndex: random.int(0, 1_000_000), storagePort: 22021, versionUpgradeAt: config.endTime - 20 * DAY },
    });
  }
  const trading = {
    holders: Array.from({ length: Math.max(50, config.nodeCount) }, (_, i) => seededAddress(config.seed, "trader", i)),
    transfersPerDay: Math.max(10, Math.round(config.nodeCount / 4)),
  };
  return { config, startTime, stakingRequirement, foundationAddresses, operators, nodes, crossing: { from: crossingFrom, nodesAdded: crossingNodes }, trading };
}
