import type { Metadata } from "next";
import Link from "next/link";
import { SeriesChart } from "../../components/charts/SeriesChart";
import { AddressLink, TxLink } from "../../components/EvidenceLinks";
import { ExportableTable } from "../../components/ExportableTable";
import { StatCard } from "../../components/StatCard";
import { readWebConfig } from "../../lib/config/web-config";
import { getSupplySeries, getTopHolders } from "../../lib/db/token-queries";
import { getTokenOverview } from "../../lib/db/token-overview";
import { formatSesh } from "../../lib/format/sesh-amount";
import { seshDecimal } from "../../lib/format/sesh-decimal";
import { formatPpmPercent, sharePpm } from "../../lib/rewards/annualised-yield";
import { parseRewardView, RewardViewError, TIME_BUCKETS, type TimeBucket } from "../../lib/rewards/reward-period";
import { genesisAllocation } from "../../lib/tokenomics/genesis-allocation";
import {
  categoryColumns,
  circulatingColumns,
  foundationColumns,
  holderColumns,
  projectionColumns,
  supplyColumns,
  supplyRows,
  unlockColumns,
  vestingColumns,
} from "../../lib/tokens/token-tables";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tokens" };

const sesh = (v: bigint) => formatSesh(v, { fractionDigits: 0 });
const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function TokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  let bucket: TimeBucket;
  try {
    bucket = parseRewardView({ bucket: params.bucket ?? "week" }).bucket;
  } catch (error) {
    if (!(error instanceof RewardViewError)) throw error;
    return (
      <>
        <h1>Tokens</h1>
        <div className="notice notice-warning" role="alert" data-testid="bad-params">
          <strong>Cannot show this view:</strong> {error.message}. <Link href="/tokens">Show the default view</Link>.
        </div>
      </>
    );
  }
  const config = readWebConfig();
  const o = await getTokenOverview(config);
  const [series, holders] = await Promise.all([getSupplySeries(o.contracts, bucket, o.asOf.time), getTopHolders(o.contracts)]);
  const { supply, pool } = o;
  const lockups = genesisAllocation().lockups;
  const now = o.asOf.time ?? new Date();
  const passed = o.unlocks.filter((p) => p.at <= now);
  const unlockData = o.unlocks.map((p) => ({
    date: day(p.at),
    A: seshDecimal(p.byLockup.A), B: seshDecimal(p.byLockup.B), C: seshDecimal(p.byLockup.C), D: seshDecimal(p.byLockup.D), F: seshDecimal(p.byLockup.F),
  }));
  const supplyData = series.map((r) => ({
    from: day(r.bucketStart),
    circulating: seshDecimal(r.circulating),
    staked: seshDecimal(r.staked),
    pool: seshDecimal(r.poolBalance),
    locked: seshDecimal(r.locked),
  }));
  const projectionData = o.projection.map((p) => ({ date: day(p.at), balance: seshDecimal(p.balanceAfter), released: seshDecimal(p.cumulative) }));
  const yearRelease = o.projection.at(-1)?.cumulative ?? 0n;
  const f = o.foundationCategory;

  return (
    <>
      <h1>Tokens: supply and allocations</h1>
      <p className="lede">
        SESH has a fixed supply of 240,000,000 (9 decimals), allocated at genesis by category. Where those tokens are now, what is
        still locked and when it unlocks, and what the staking reward pool will release. As of block{" "}
        <span data-testid="as-of-block">{o.asOf.block?.toString() ?? "–"}</span>
        {o.asOf.time ? ` (${o.asOf.time.toISOString().slice(0, 16).replace("T", " ")} UTC)` : ""}.
      </p>

      <div className="grid amount-grid">
        <StatCard label="Total supply" value={sesh(supply.totalSupply)} testId="total-supply" hint={`${supply.holderCount.toLocaleString("en-US")} holders`} />
        <StatCard label="Circulating" value={sesh(supply.circulating)} testId="circulating-supply" hint={`${formatPpmPercent(sharePpm(supply.circulating, supply.totalSupply))} of supply; definition below`} />
        <StatCard label="Staked" value={sesh(supply.staked)} testId="staked-supply" hint={`${formatPpmPercent(sharePpm(supply.staked, supply.totalSupply))} of supply · ${formatPpmPercent(sharePpm(supply.staked, supply.circulating))} of circulating`} />
        <StatCard label="Reward pool" value={sesh(supply.poolBalance)} testId="token-pool-balance" hint={`releases about ${sesh(yearRelease)} in the next year`} />
        <StatCard label="Locked by lockups" value={sesh(supply.locked)} testId="locked-supply" hint="genesis tranches A, B, D, F not yet unlocked" />
      </div>

      <section className="card section" aria-labelledby="supply-heading">
        <h2 id="supply-heading">Supply</h2>
        <p className="stat-hint" id="circulating-definition">
          <strong>Circulating supply</strong> = total supply − the staking reward pool&apos;s balance − genesis tranches still locked by
          their lockup (A, B, D and F, counted from the genesis mint{supply.genesisAt ? ` on ${day(supply.genesisAt)}` : ""}). Staked tokens count as circulating.
        </p>
        <ExportableTable caption="Supply now" columns={supplyColumns} rows={supplyRows(supply)} downloadHref="/api/tokens/supply" testId="supply-table" rowKey={(r) => r.figure} />
        {supply.holdersDisagreeing !== null ? (
          <p className="stat-hint" data-testid="holder-check">
            Holder balances: {supply.holdersDisagreeing === 0 ? "every indexed balance equals the sum of its transfers" : `${supply.holdersDisagreeing} indexed balances differ from the sum of their transfers`}
            {supply.sumOfHolderBalances !== null ? `; they add up to ${formatSesh(supply.sumOfHolderBalances, { fractionDigits: 9 })}` : ""}.
          </p>
        ) : null}
      </section>

      <section className="card section" aria-labelledby="circulating-heading">
        <h2 id="circulating-heading">Circulating, staked and pooled over time</h2>
        <nav className="view-picker" aria-label="Grouping">
          <span className="muted">By:</span>
          {TIME_BUCKETS.map((b) => <Link key={b} href={`/tokens?bucket=${b}`} aria-current={b === bucket ? "true" : undefined}>{b}</Link>)}
        </nav>
        <SeriesChart data={supplyData} xKey="from" unit="SESH" ariaLabel={`Circulating, staked and pool supply by ${bucket}`} series={[
          { key: "circulating", label: "Circulating", color: "#2f7fd1" },
          { key: "staked", label: "Staked", color: "#3aa76d" },
          { key: "pool", label: "Reward pool", color: "#d9822b" },
          { key: "locked", label: "Locked tranches", color: "#9b59b6" },
        ]} />
        <details>
          <summary>The numbers behind the chart</summary>
          <ExportableTable caption={`Supply at the end of each ${bucket}`} columns={circulatingColumns} rows={series} downloadHref={`/api/tokens/circulating?bucket=${bucket}`} testId="circulating-table" rowKey={(r) => r.bucketStart.toISOString()} />
        </details>
      </section>

      <section className="card section" aria-labelledby="categories-heading">
        <h2 id="categories-heading">Genesis allocation and where it is now</h2>
        <p className="stat-hint">
          Each category&apos;s genesis wallet is the one its mint paid. For each wallet, genesis = held now + sent to vesting + sent as
          stakes + released by the pool + transferred on − received back (claims of rewards and returned stakes, other transfers in).
        </p>
        <ExportableTable caption="Genesis categories" columns={categoryColumns} rows={o.categories} downloadHref="/api/tokens/categories" testId="categories-table" rowKey={(r) => r.id} />
        <dl className="facts lockup-legend">
          {Object.entries(lockups).map(([letter, text]) => (
            <div key={letter} style={{ display: "contents" }}><dt>{letter}</dt><dd>{text}</dd></div>
          ))}
        </dl>
      </section>

      <section className="card section" aria-labelledby="foundation-allocation-heading" id="foundation-allocation">
        <h2 id="foundation-allocation-heading">The foundation&apos;s allocation: Project Treasury (Session Nodes)</h2>
        {f ? (
          <>
            <p className="stat-hint">
              15,000,000 SESH that {f.note ?? "may only be used to operate up to 10% of the network's nodes"}. Genesis wallet{" "}
              {f.wallet ? <AddressLink address={f.wallet} /> : "unknown on this chain"}
              {f.mintTx ? <> (mint <TxLink hash={f.mintTx} block={f.mintBlock} />)</> : null}: holds{" "}
              <strong data-testid="foundation-allocation-held">{sesh(f.held)}</strong>, sent on {sesh(f.transferredOn + f.sentToStaking + f.sentToVesting)}.
              Below, every address it sent SESH to, whether that address is one of the configured foundation operators, and what it runs now.
            </p>
            <ExportableTable caption="Transfers out of the foundation's allocation" columns={foundationColumns} rows={o.foundationFlows} downloadHref="/api/tokens/foundation" testId="foundation-table" rowKey={(r) => r.recipient} empty="The allocation's wallet has sent nothing." />
          </>
        ) : <p className="muted">No such category in the allocation data.</p>}
      </section>

      <section className="card section" aria-labelledby="unlocks-heading">
        <h2 id="unlocks-heading">Unlock schedule</h2>
        <p className="stat-hint">
          Cumulative SESH unlocked by lockup since genesis; the dashed line is today ({passed.length} of {o.unlocks.length} points passed).
          The reward pool (E) is not on a schedule: it releases 15.1% a year of what it holds.
        </p>
        <SeriesChart data={unlockData} xKey="date" kind="area" stacked unit="SESH" ariaLabel="Cumulative unlocked SESH by lockup over 36 months" marker={passed.length > 0 ? { x: day(passed.at(-1)!.at), label: "now" } : undefined} series={[
          { key: "C", label: "C genesis", color: "#3aa76d" },
          { key: "F", label: "F 90 days", color: "#c0392b" },
          { key: "A", label: "A 24 months", color: "#2f7fd1" },
          { key: "B", label: "B months 13–24", color: "#d9822b" },
          { key: "D", label: "D months 13–36", color: "#9b59b6" },
        ]} />
        <details>
          <summary>The schedule, month by month</summary>
          <ExportableTable caption="Unlocked SESH by lockup" columns={unlockColumns} rows={o.unlocks} downloadHref="/api/tokens/unlocks" testId="unlocks-table" rowKey={(r) => r.label} />
        </details>
        <h3>Vesting contracts</h3>
        <ExportableTable caption="Vesting contracts" columns={vestingColumns} rows={o.vesting} downloadHref="/api/tokens/vesting" testId="vesting-table" rowKey={(r) => r.address} empty="No vesting contracts configured or seen." />
      </section>

      <section className="card section" aria-labelledby="pool-heading">
        <h2 id="pool-heading">The staking reward pool</h2>
        <p className="stat-hint">
          Holds <strong>{formatSesh(pool.balance, { fractionDigits: 9 })}</strong>
          {pool.lastReleaseTx ? <>; last release <TxLink hash={pool.lastReleaseTx} block={pool.lastReleaseBlock} /></> : null}. Projection: a payout
          every {Math.round(Math.max(pool.typicalIntervalSeconds ?? 7 * 86_400, 86_400) / 3600).toLocaleString("en-US")} hours (the usual gap between
          recent releases, at least a day), each 15.1%/year of the balance left, computed as the contract does; nothing else deposited.
        </p>
        <SeriesChart data={projectionData} xKey="date" unit="SESH" ariaLabel="Projected pool balance and releases over the next year" series={[
          { key: "balance", label: "Pool balance", color: "#d9822b" },
          { key: "released", label: "Released from now", color: "#2f7fd1" },
        ]} />
        <details>
          <summary>Each projected payout</summary>
          <ExportableTable caption="Projected pool payouts" columns={projectionColumns} rows={o.projection} downloadHref="/api/tokens/projection" testId="projection-table" rowKey={(r) => r.at.toISOString()} />
        </details>
      </section>

      <section className="card section" aria-labelledby="holders-heading">
        <h2 id="holders-heading">Largest holders</h2>
        <ExportableTable caption="Largest SESH holders" columns={holderColumns} rows={holders} downloadHref="/api/tokens/holders" testId="holders-table" rowKey={(r) => r.holder} empty="No balances indexed yet." />
      </section>
    </>
  );
}
