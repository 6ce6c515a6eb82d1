// The staking contracts' custom errors (ABIs in lib/abi/reference), in words an operator can act
// on. Arguments arrive as viem decodes them: bigints for amounts (SESH, 9 decimals) and times.
import { formatSesh } from "../format/sesh-amount";

const sesh = (v: unknown) => (typeof v === "bigint" ? formatSesh(v, { fractionDigits: 9 }).replace(/\.?0+ SESH$/, " SESH") : "?");
const date = (v: unknown) => (typeof v === "bigint" ? `${new Date(Number(v) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC` : "later");
const nodeId = (v: unknown) => (typeof v === "bigint" ? `#${v}` : "");

type Explainer = (args: readonly unknown[]) => string;

const explanations: Record<string, Explainer> = {
  // SESH (ERC-20)
  ERC20InsufficientBalance: (a) => `Your wallet holds ${sesh(a[1])} but this needs ${sesh(a[2])}. Add SESH to this wallet first.`,
  ERC20InsufficientAllowance: (a) =>
    `The staking contract is allowed to spend ${sesh(a[1])} from this wallet and this needs ${sesh(a[2])}. Approve the amount first.`,
  ERC20InvalidReceiver: () => "The token transfer has no valid receiver.",
  ERC20InvalidSpender: () => "The approval names no valid spender.",
  // ServiceNodeRewards
  EnforcedPause: () => "The staking contract is paused by its owner: nothing can be staked, claimed or exited until it is unpaused.",
  ContractNotStarted: () => "The staking contract has not started yet: registrations open when it does.",
  BLSPubkeyAlreadyExists: (a) => `This node's BLS key is already registered (node ${nodeId(a[0])}). Each node registers once.`,
  Ed25519PubkeyAlreadyExists: (a) => `This node's ed25519 key is already registered (node ${nodeId(a[0])}). Each node registers once.`,
  InvalidBLSProofOfPossession: () =>
    "The node's proof of possession does not match: it was prepared for a different operator wallet or the values were altered. Prepare the registration again for the wallet you are using.",
  NullBLSPubkey: () => "The BLS public key is empty.",
  NullEd25519Pubkey: () => "The ed25519 public key is empty.",
  InsufficientContributors: () => "A node needs at least its operator as contributor.",
  MaxContributorsExceeded: (a) =>
    a.length > 0 ? `A node may have at most ${String(a[0])} contributors and this one is full.` : "Too many contributors: a node may have at most 10.",
  ContributionTotalMismatch: (a) => `The stakes add up to ${sesh(a[1])} but a node needs exactly ${sesh(a[0])}.`,
  InsufficientOperatorContribution: (a) => `The operator's stake of ${sesh(a[0])} is below the minimum of a quarter of the staking requirement.`,
  ServiceNodeDoesntExist: (a) => `Node ${nodeId(a[0])} is not registered (it may have exited already).`,
  CallerNotContributor: (a) => `This wallet has no stake in node ${nodeId(a[0])}: only its contributors can request its exit.`,
  ExitTooEarly: (a) => `Node ${nodeId(a[0])} is too young to exit: an exit can be requested 2 hours after registration, from ${date(typeof a[1] === "bigint" ? a[1] + 7_200n : undefined)}.`,
  SmallContributorLeaveTooEarly: (a) =>
    `Your stake in node ${nodeId(a[0])} is under 25%, so you can request an exit only once the node is 30 days old.`,
  LeaveRequestTooEarly: (a) => `Too early: this becomes possible on ${date(a[1])}.`,
  LeaveRequestNotInitiatedYet: (a) => `No exit was requested for node ${nodeId(a[0])} yet: request the exit first.`,
  SignatureExpired: () => "The network's signature expired before the transaction was mined. Try again to get a fresh one.",
  InvalidBLSSignature: () => "The network's signature does not match the current set of nodes (a node joined or left meanwhile). Try again to get a fresh one.",
  InsufficientBLSSignatures: () => "Too few nodes signed this request. Try again in a few minutes.",
  BLSPubkeyDoesNotExist: () => "This node is not registered on chain (it may have exited already).",
  RecipientRewardsTooLow: () => "Your on-chain balance is already up to date with what the network has signed: there is nothing new to add yet.",
  MaxClaimExceeded: () => "There is nothing to claim: your whole balance was already claimed.",
  ClaimThresholdExceeded: () =>
    "The network-wide claim limit for this 12-hour period is reached (1M SESH per 12 hours). Your rewards are safe: try again after the period ends.",
  // ServiceNodeContribution
  ContributionBelowMinAmount: (a) => `${sesh(a[0])} is below this node's minimum contribution of ${sesh(a[1])}.`,
  ContributionBelowReservedAmount: (a) => `${sesh(a[0])} is below the ${sesh(a[1])} reserved for you.`,
  ContributionExceedsStakingRequirement: (a) =>
    `That would take the node over its staking requirement of ${sesh(a[2])} (already contributed ${sesh(a[0])}, reserved ${sesh(a[1])}). Contribute less.`,
  ContributeFundsNotPossible: () => "This node no longer accepts contributions (it is full, finalized or reset).",
  FirstContributionMustBeOperator: () => "The operator must contribute first: this node is waiting for its operator's stake.",
  WithdrawTooEarly: (a) =>
    typeof a[0] === "bigint" && typeof a[2] === "bigint" ? `Contributions can be withdrawn from ${date(a[0] + a[2])}, a day after they were made.` : "Contributions can be withdrawn a day after they were made.",
  OnlyOperatorIsAuthorised: () => "Only the node's operator can do this (and the operator cannot withdraw: reset the node instead).",
  FinalizeNotPossible: () => "The node cannot be finalized yet: it is not fully funded.",
  FeeExceedsPossibleValue: (a) => `The operator fee cannot exceed ${typeof a[1] === "number" || typeof a[1] === "bigint" ? Number(a[1]) / 100 : 100}%.`,
  TooManyReservedContributors: (a) => `Too many reserved contributors: at most ${String(a[1])}.`,
  DuplicateAddressInReservedContributor: () => "The same address appears twice among the reserved contributors.",
  FirstReservedContributorMustBeOperator: () => "The first reserved contributor must be the operator.",
  ReservedContributionBelowMinAmount: (a) => `Reserved contributor ${Number(a[0]) + 1} would stake ${sesh(a[1])}, below the minimum of ${sesh(a[2])}.`,
  ReservedContributionExceedsStakingRequirement: (a) => `Reserved contributor ${Number(a[0]) + 1} would stake ${sesh(a[1])}, more than the ${sesh(a[2])} left.`,
  ReservedContributorHasZeroAddress: (a) => `Reserved contributor ${Number(a[0]) + 1} has no address.`,
  NonContributorUpdatedBeneficiary: () => "This wallet has not contributed to this node.",
  RewardsContractStakingRequirementChanged: () => "The network's staking requirement changed since this node was opened: it has to be reset.",
  RewardsContractMaxContributorsChanged: () => "The network's contributor limit changed since this node was opened: it has to be reset.",
};

/** The plain-words reason of a contract's custom error, or a generic one naming it. */
export function explainContractError(errorName: string, args: readonly unknown[] = []): string {
  const explain = explanations[errorName];
  return explain ? explain(args) : `The contract refused the transaction (${errorName}).`;
}

export const explainedContractErrors = Object.keys(explanations);
