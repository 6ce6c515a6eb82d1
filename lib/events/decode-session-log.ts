import { decodeEventLog, toEventSelector, type Abi, type AbiParameter, type Hex } from "viem";
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

type EventAbiItem = Extract<Abi[number], { type: "event" }>;

/** Reads one argument: from its topic, or from the data starting at a word offset. */
type ArgumentReader = (topics: readonly Hex[], data: string) => JsonArgValue;

/** One event of a watched ABI, prepared once: its selector and how to read each argument. */
interface PreparedEvent {
  name: string;
  /** the ABI item alone: viem, when it decodes this event, then hashes no other item's signature */
  item: EventAbiItem;
  indexedCount: number;
  /** readers in argument order, or undefined when the data needs viem (dynamic arguments) */
  readers: { name: string; read: ArgumentReader }[] | undefined;
  /** arguments are unnamed: viem then gives an array */
  unnamed: boolean;
  dataWords: number;
}

const isTupleParameter = (p: AbiParameter): p is AbiParameter & { components: readonly AbiParameter[] } => p.type === "tuple" && "components" in p;
const elementary = /^(address|bool|u?int\d*|bytes([1-9]|[12]\d|3[0-2]))$/;

/** Words of a static parameter read by slicing; undefined for types left to viem (dynamic, arrays). */
function staticWords(p: AbiParameter): number | undefined {
  if (elementary.test(p.type)) return 1;
  if (!isTupleParameter(p)) return undefined;
  let words = 0;
  for (const c of p.components) {
    const w = staticWords(c);
    if (w === undefined) return undefined;
    words += w;
  }
  return words;
}

const zeroOrOne = /^0{63}[01]$/;

/** Reads one 32-byte word (64 hex digits, no 0x) of an elementary type as viem would, made JSON-safe. */
function wordReader(type: string): (word: string) => JsonArgValue {
  if (type === "address") return (word) => `0x${word.slice(24)}`.toLowerCase();
  if (type === "bool") {
    return (word) => {
      if (zeroOrOne.test(word)) return word.endsWith("1");
      throw new Error(`${word} is not a boolean`);
    };
  }
  if (type.startsWith("uint")) return (word) => BigInt(`0x${word}`).toString();
  if (type.startsWith("int")) return (word) => BigInt.asIntN(256, BigInt(`0x${word}`)).toString();
  const bytes = 2 * Number(type.slice(5)); // bytesN
  return (word) => `0x${word.slice(0, bytes)}`.toLowerCase();
}

/** Reads a static parameter from the data at word `at`: tuples become objects (arrays when unnamed), as viem does. */
function dataReader(p: AbiParameter, at: number): (data: string) => JsonArgValue {
  if (!isTupleParameter(p)) {
    const read = wordReader(p.type);
    return (data) => read(data.slice(at * 64, at * 64 + 64));
  }
  const unnamed = p.components.length === 0 || p.components.some((c) => !c.name);
  const parts: { name: string; read: (data: string) => JsonArgValue }[] = [];
  for (const c of p.components) {
    parts.push({ name: c.name ?? "", read: dataReader(c, at) });
    at += staticWords(c)!;
  }
  if (unnamed) return (data) => parts.map((part) => part.read(data));
  return (data) => {
    const value: Record<string, JsonArgValue> = {};
    for (const part of parts) value[part.name] = part.read(data);
    return value;
  };
}

/** An array of static elements (`tuple[]`, `address[]`): one head word, the offset of its length and elements. */
function arrayElement(p: AbiParameter): AbiParameter | undefined {
  const match = /^(.*)\[\]$/.exec(p.type);
  if (!match) return undefined;
  const element = { ...p, type: match[1]! } as AbiParameter;
  return staticWords(element) === undefined ? undefined : element;
}

/** Words a parameter takes in the head of the data: its own, or one (the offset) for an array of static elements. */
const headWords = (p: AbiParameter) => staticWords(p) ?? (arrayElement(p) ? 1 : undefined);

/** Reads an array of static elements whose offset is in the head word `at`, bounds checked as viem's decoder does. */
function arrayReader(element: AbiParameter, at: number): (data: string) => JsonArgValue {
  const read = dataReader(element, 0);
  const words = staticWords(element)!;
  const wordAt = (data: string, index: number) => {
    if (data.length < (index + 1) * 64) throw new Error(`the data ends before word ${index}`);
    return Number(BigInt(`0x${data.slice(index * 64, index * 64 + 64)}`));
  };
  return (data) => {
    const offset = wordAt(data, at);
    if (offset % 32 !== 0) throw new Error(`array offset ${offset} is not a whole word`);
    const start = offset / 32;
    const length = wordAt(data, start);
    if (data.length < (start + 1 + length * words) * 64) throw new Error(`an array of ${length} elements runs past the data`);
    const elements: JsonArgValue[] = [];
    for (let i = 0; i < length; i++) {
      const from = (start + 1 + i * words) * 64;
      elements.push(read(data.slice(from, from + words * 64)));
    }
    return elements;
  };
}

function prepareEvent(item: EventAbiItem): PreparedEvent {
  const nonIndexed = item.inputs.filter((i) => !("indexed" in i && i.indexed));
  const words = nonIndexed.map(headWords);
  const dataWords = words.reduce<number>((total, w) => total + (w ?? 0), 0);
  const indexedCount = item.inputs.length - nonIndexed.length;
  let readers: PreparedEvent["readers"];
  if (words.every((w) => w !== undefined)) {
    readers = [];
    let topic = 1;
    let at = 0;
    for (const input of item.inputs) {
      let read: ArgumentReader;
      if ("indexed" in input && input.indexed) {
        const index = topic++;
        // Dynamic and struct arguments are indexed as their hash: the topic is all there is.
        if (staticWords(input) === 1) {
          const word = wordReader(input.type);
          read = (topics) => word(topics[index]!.slice(2));
        } else {
          read = (topics) => topics[index]!.toLowerCase();
        }
      } else {
        const element = arrayElement(input);
        const fromData = element ? arrayReader(element, at) : dataReader(input, at);
        at += headWords(input)!;
        read = (_topics, data) => fromData(data);
      }
      readers.push({ name: input.name ?? "", read });
    }
  }
  return { name: item.name, item, indexedCount, readers, unnamed: item.inputs.some((i) => !i.name), dataWords };
}

const preparedByContract = new Map<WatchedContract, Map<string, PreparedEvent>>();

function preparedEvents(contract: WatchedContract): Map<string, PreparedEvent> {
  let prepared = preparedByContract.get(contract);
  if (prepared) return prepared;
  prepared = new Map();
  for (const item of watchedContractAbis[contract] as Abi) {
    if (item.type === "event" && !item.anonymous) prepared.set(toEventSelector(item).toLowerCase(), prepareEvent(item));
  }
  preparedByContract.set(contract, prepared);
  return prepared;
}

/**
 * Decodes one log against the reference ABI of the contract that emitted it, into what
 * viem's strict decodeEventLog gives made JSON-safe (decode-session-log.test.ts checks every
 * event of every watched ABI against it). Events whose data is all static words (Transfer,
 * Approval and most others) are read by slicing the hex with readers prepared once per event:
 * viem's generic decoder, which checksums every address, was the indexer's largest CPU cost.
 */
export function decodeSessionLog(
  contract: WatchedContract,
  log: { topics: readonly Hex[]; data: Hex; transactionHash: Hex | null; logIndex: number | null },
): DecodedSessionLog {
  try {
    const topic0 = log.topics[0];
    const event = topic0 ? preparedEvents(contract).get(topic0.toLowerCase()) : undefined;
    if (!event) throw new Error(`no event with selector ${topic0 ?? "(none)"}`);
    if (log.topics.length < event.indexedCount + 1) throw new Error(`${event.name} has ${event.indexedCount} indexed arguments, the log ${log.topics.length - 1} topics`);
    if (!event.readers) return decodeWithViem(contract, log, [event.item]);
    const data = log.data.slice(2);
    if (data.length < event.dataWords * 64) throw new Error(`${event.name} needs ${event.dataWords * 32} bytes of data, the log has ${data.length / 2}`);
    if (event.unnamed) return { contract, eventName: event.name, args: event.readers.map((r) => r.read(log.topics, data)) as unknown as Record<string, JsonArgValue> };
    const args: Record<string, JsonArgValue> = {};
    for (const reader of event.readers) args[reader.name] = reader.read(log.topics, data);
    return { contract, eventName: event.name, args };
  } catch (error) {
    if (error instanceof UndecodableLogError) throw error;
    throw new UndecodableLogError(contract, log, error);
  }
}

/** viem's strict decoder: the reference for every event, and the reader of dynamic ones. */
export function decodeWithViem(
  contract: WatchedContract,
  log: { topics: readonly Hex[]; data: Hex; transactionHash: Hex | null; logIndex: number | null },
  abi: Abi = watchedContractAbis[contract],
): DecodedSessionLog {
  try {
    const decoded = decodeEventLog({
      abi,
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
