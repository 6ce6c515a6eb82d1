import { decodeEventLog, type Abi, type Hex } from "viem";
import { rewardRatePoolAbi } from "../abi/reward-rate-pool-abi";
import { serviceNodeContributionAbi } from "../abi/service-node-contribution-abi";
import { serviceNodeContributionFactoryAbi } from "../abi/service-node-contribution-factory-abi";
import { serviceNodeRewardsAbi } from "../abi/service-node-rewards-abi";
import { seshl2Abi } from "../abi/seshl2-abi";
import { tokenVestingStakingAbi } from "../abi/token-vesting-staking-abi";

/** The contracts of a Session deployment whose events the explorer keeps. */
export const watchedContractAbis = {
  SESH: seshl2Abi,
  ServiceNodeRewards: serviceNodeRewardsAbi,
  RewardRatePool: rewardRatePoolAbi,
  ServiceNodeContributionFactory: serviceNodeContributionFactoryAbi,
  ServiceNodeContribution: serviceNodeContributionAbi,
  TokenVestingStaking: tokenVestingStakingAbi,
} as const satisfies Record<string, Abi>;

export type WatchedContract = keyof typeof watchedContractAbis;

/** JSON-safe event arguments: integers as decimal strings, addresses and bytes lower-case hex. */
export type JsonArgValue = string | boolean | JsonArgValue[] | { [key: string]: JsonArgValue };

export interface DecodedSessionLog {
  contract: WatchedContract;
  eventName: string;
  args: Record<string, JsonArgValue>;
}

export class UndecodableLogError extends Error {
  constructor(contract: string, log: { topics: readonly Hex[]; transactionHash: Hex | null; logIndex: number | null }, cause: unknown) {
    super(
      `log ${log.transactionHash}#${log.logIndex} from ${contract} does not match its ABI ` +
        `(topic0 ${log.topics[0] ?? "none"}): ${(cause as Error).message?.split("\n")[0]}`,
    );
    this.name = "UndecodableLogError";
  }
}

export function toJsonArg(value: unknown): JsonArgValue {
  if (typeof value === "bigint" || typeof value === "number") return value.toString();
  if (typeof value === "string") return value.startsWith("0x") ? value.toLowerCase() : value;
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(toJsonArg);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonArg(v)]));
  }
  throw new TypeError(`cannot represent ${String(value)} as an event argument`);
}

/** Decodes one log against the reference ABI of the contract that emitted it. */
export function decodeSessionLog(
  contract: WatchedContract,
  log: { topics: readonly Hex[]; data: Hex; transactionHash: Hex | null; logIndex: number | null },
): DecodedSessionLog {
  try {
    const decoded = decodeEventLog({
      abi: watchedContractAbis[contract] as Abi,
      topics: log.topics as [Hex, ...Hex[]],
      data: log.data,
      strict: true,
    });
    return {
      contract,
      eventName: decoded.eventName ?? "unknown",
      args: toJsonArg(decoded.args ?? {}) as Record<string, JsonArgValue>,
    };
  } catch (error) {
    throw new UndecodableLogError(contract, log, error);
  }
}
