import { encodeFunctionData, erc20Abi } from "viem";
import { rewardRatePoolAbi } from "../../lib/abi/reward-rate-pool-abi";
import type { DevnetClients } from "./devnet-rpc";
import type { NetworkPlan } from "./network-plan";
import { seededAddress, seededRandom } from "./seeded-random";
import type { DevnetDeployment } from "./write-history";

/**
 * Keeps the devnet alive after its history: a block every `blockSeconds` of wall-clock time
 * with holders trading SESH, and the reward pool releasing funds every hundred blocks.
 */
export function runLiveNetwork(opts: {
  clients: DevnetClients;
  deployment: DevnetDeployment;
  plan: NetworkPlan;
  blockSeconds: number;
  log: (line: string) => void;
}): { stop(): Promise<void> } {
  const { clients, deployment, plan } = opts;
  const random = seededRandom(plan.config.seed, `live/${Date.now()}`);
  const keeper = seededAddress(plan.config.seed, "keeper", 0);
  let tick = 0;
  let running: Promise<void> = Promise.resolve();
  let failures = 0;
  const step = async () => {
    const latest = await clients.public.getBlock({ blockTag: "latest" });
    const now = Math.max(Number(latest.timestamp) + 1, Math.floor(Date.now() / 1000));
    const to = seededAddress(plan.config.seed, "holder", random.int(0, 199));
    await clients.wallet.sendTransaction({
      account: deployment.funding.holders,
      to: deployment.addresses.sesh,
      data: encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [to, BigInt(random.int(1, 5_000)) * 1_000_000_000n] }),
      gas: 200_000n,
      chain: null,
    });
    if (tick % 100 === 0) {
      await clients.test.setBalance({ address: keeper, value: 10n ** 21n });
      await clients.wallet.sendTransaction({
        account: keeper,
        to: deployment.addresses.rewardRatePool,
        data: encodeFunctionData({ abi: rewardRatePoolAbi, functionName: "payoutReleased" }),
        gas: 500_000n,
        chain: null,
      });
    }
    await clients.test.setNextBlockTimestamp({ timestamp: BigInt(now) });
    await clients.test.mine({ blocks: 1 });
    tick++;
  };
  const timer = setInterval(() => {
    running = running.then(step).then(
      () => { failures = 0; },
      (error: unknown) => {
        if (++failures === 1) opts.log(`devnet live network: ${(error as Error).message.split("\n")[0]}`);
      },
    );
  }, opts.blockSeconds * 1000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
