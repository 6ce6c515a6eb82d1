import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "../../../components/DataTable";
import { DownloadLinks } from "../../../components/DownloadLinks";
import { AddressLink, TxLink } from "../../../components/EvidenceLinks";
import { NodeStatusBadge } from "../../../components/NodeStatusBadge";
import { UptimeTimeline } from "../../../components/UptimeTimeline";
import { getNodeDetail, listNodeChainEvents, listNodeStateChanges, listNodeUptimeDays, listRecipientRewards } from "../../../lib/db/node-queries";
import { lastDays } from "../../../lib/domain/daily-network-series";
import { uptimeTimeline } from "../../../lib/domain/uptime-hours";
import { countryName } from "../../../lib/format/country-name";
import { formatAge } from "../../../lib/format/relative-time";
import { formatSesh } from "../../../lib/format/sesh-amount";
import { nodeIdSchema, uptimeDaysSchema } from "../../../lib/nodes/node-page-params";
import { nodeChainEventColumns, nodeContributionColumns, nodeStateChangeColumns, recipientRewardsColumns } from "../../../lib/tables/node-detail-columns";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Node ${(await params).id}` };
}

const EVENT_LABELS: Record<string, string> = {
  NewServiceNodeV2: "registered",
  NewSeededServiceNode: "seeded at launch (migrated from Oxen)",
  ServiceNodeExitRequest: "exit requested",
  ServiceNodeExit: "exited, stake returned",
  ServiceNodeLiquidated: "liquidated",
};

export default async function NodePage({ params, searchParams }: Props) {
  const idParse = nodeIdSchema.safeParse((await params).id);
  if (!idParse.success) notFound();
  const id = idParse.data;
  const rawDays = (await searchParams).days;
  const daysParse = uptimeDaysSchema.safeParse(Array.isArray(rawDays) ? rawDays[0] : rawDays);
  const now = new Date();
  const days = daysParse.success ? daysParse.data : 30;
  const window = lastDays(now, days);
  // No read cache here: the page cache (web-cache/) renders this page once per few seconds, and
  // a second layer would add its age to the page's.
  const node = await getNodeDetail(id);
  if (!node) notFound();
  const recipients = [...new Set(node.contributions.map((c) => c.beneficiary))];
  const [events, changes, uptimeRows, rewards] = await Promise.all([
    listNodeChainEvents(id),
    listNodeStateChanges(node.ed25519Pubkey),
    listNodeUptimeDays(node.ed25519Pubkey, window.from),
    listRecipientRewards(recipients),
  ]);
  const uptime = uptimeTimeline(uptimeRows, window.from, window.to);
  const hb = node.heartbeat;
  const api = `/api/nodes/${id}`;

  return (
    <>
      <p className="section-note"><Link href="/nodes">← All nodes</Link></p>
      <h1>Node {id.toString()} <NodeStatusBadge status={node.status} /></h1>
      <p className="lede">
        {node.seeded ? "Seeded at launch from the Oxen network. " : null}
        Registered {node.registeredAt.toISOString().slice(0, 10)} by <AddressLink address={node.operator} />, {formatSesh(node.totalStaked, { fractionDigits: 0 })} staked, operator fee {(node.feeBasisPoints / 100).toFixed(2)}%.
      </p>
      {!daysParse.success ? <div className="notice notice-warning" role="alert">{daysParse.error.issues[0]?.message}; showing 30 days.</div> : null}

      <div className="two-col">
        <section className="card keys" aria-labelledby="keys-heading">
          <h2 id="keys-heading">Keys and registration</h2>
          <dl className="facts">
            <dt>BLS key</dt><dd><code data-testid="bls-key">{node.blsPubkey}</code></dd>
            <dt>ed25519 key</dt><dd><code data-testid="ed25519-key">{node.ed25519Pubkey}</code></dd>
            <dt>Operator</dt><dd><AddressLink address={node.operator} /></dd>
            <dt>Registered</dt><dd><TxLink hash={node.registeredTx} block={node.registeredBlock} /></dd>
            {node.exitRequestedAt ? <><dt>Exit requested</dt><dd>{node.exitRequestedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</dd></> : null}
            {node.endedAt ? <><dt>Ended</dt><dd>{node.endedAt.toISOString().slice(0, 16).replace("T", " ")} UTC{node.returnedAmount !== null ? `, ${formatSesh(node.returnedAmount, { fractionDigits: 0 })} returned` : ""}</dd></> : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="where-heading">
          <h2 id="where-heading">Where and what it runs</h2>
          {hb ? (
            <dl className="facts">
              <dt>State</dt><dd>{hb.active ? "active" : hb.funded ? "decommissioned (funded, not serving)" : "awaiting funding"}</dd>
              <dt>Version</dt><dd data-testid="node-version">{hb.version}</dd>
              <dt>IP</dt><dd>{hb.publicIp}:{hb.storagePort}</dd>
              <dt>Country</dt><dd>{hb.country ? `${countryName(hb.country)} (${hb.country})` : "unknown"}</dd>
              <dt>Network</dt><dd>{hb.provider ?? "unknown"}{hb.asn ? ` (AS${hb.asn})` : ""}</dd>
              <dt>Swarm</dt><dd><code>{hb.swarmId}</code></dd>
              <dt>Last uptime proof</dt><dd>{hb.lastUptimeProof ? <time dateTime={hb.lastUptimeProof.toISOString()}>{formatAge(hb.lastUptimeProof, now)}</time> : "none"}</dd>
              <dt>Heartbeat seen</dt><dd>first {formatAge(hb.firstSeenAt, now)}, last {formatAge(hb.lastSeenAt, now)}</dd>
            </dl>
          ) : (
            <p className="stat-hint">The network&apos;s heartbeats do not report this node{node.endedAt ? " (it has left the network)" : ""}.</p>
          )}
        </section>
      </div>

      <section className="section" aria-labelledby="contributors-heading">
        <h2 id="contributors-heading">Contributors and stakes</h2>
        <DataTable
          caption={`${node.contributions.length} contributor${node.contributions.length === 1 ? "" : "s"}, in registration order`}
          columns={nodeContributionColumns}
          rows={node.contributions}
          rowKey={(r) => String(r.position)}
          seshColumns={["amount"]}
          testId="contributors-table"
          render={{ staker: (r) => <AddressLink address={r.staker} />, beneficiary: (r) => <AddressLink address={r.beneficiary} /> }}
        />
        <DownloadLinks href={`${api}?table=contributors`} label="contributors" />
      </section>

      <section className="section" aria-labelledby="history-heading">
        <h2 id="history-heading">On-chain history</h2>
        <p className="section-note">Each change of the node&apos;s state in the staking contract and the transaction behind it. Exits signed by the network can be sent by anyone: &ldquo;sent by&rdquo; is not necessarily the owner.</p>
        <DataTable
          caption="Staking contract events for this node"
          columns={nodeChainEventColumns}
          rows={events}
          rowKey={(r) => `${r.blockNumber}-${r.logIndex}`}
          seshColumns={["returned_amount"]}
          testId="events-table"
          render={{
            event: (r) => EVENT_LABELS[r.eventName] ?? r.eventName,
            initiator: (r) => (r.initiator ? <AddressLink address={r.initiator} /> : "—"),
            tx_hash: (r) => <TxLink hash={r.txHash} />,
            returned_amount: (r) => (r.returnedAmount === null ? "—" : formatSesh(r.returnedAmount, { unit: false })),
          }}
        />
        <DownloadLinks href={`${api}?table=events`} label="on-chain history" />
      </section>

      <section className="section" aria-labelledby="uptime-heading">
        <h2 id="uptime-heading">Uptime, last {days} days</h2>
        <p className="section-note">
          From the explorer&apos;s own heartbeat polls: an hour counts as up when a poll saw the node active.{" "}
          {days === 30 ? <Link href={`/nodes/${id}?days=90`}>Show 90 days</Link> : <Link href={`/nodes/${id}`}>Show 30 days</Link>}
        </p>
        <UptimeTimeline summary={uptime} />
        <DownloadLinks href={`${api}?table=uptime&days=${days}`} label="hourly uptime" />
      </section>

      <section className="section" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Version and state history</h2>
        <p className="section-note">Each heartbeat in which the node&apos;s state, version, IP or swarm changed (newest first, up to 200).</p>
        <DataTable
          caption="Heartbeat changes"
          columns={nodeStateChangeColumns}
          rows={changes}
          rowKey={(r) => r.observedAt.toISOString()}
          testId="state-changes-table"
          empty="No heartbeat recorded for this node."
        />
        <DownloadLinks href={`${api}?table=state-changes`} label="heartbeat changes" />
      </section>

      <section className="section" aria-labelledby="rewards-heading">
        <h2 id="rewards-heading">Rewards of its contributors</h2>
        <p className="section-note" data-testid="rewards-note">
          On chain, rewards are kept per recipient address, not per node: each figure below covers every node the address receives rewards from, and
          the credited total also includes stakes returned on exit (the contract credits both through one balance).
        </p>
        <DataTable
          caption="Credited and claimed, per beneficiary of this node"
          columns={recipientRewardsColumns}
          rows={rewards}
          rowKey={(r) => r.recipient}
          seshColumns={["credited", "claimed"]}
          testId="rewards-table"
          render={{
            recipient: (r) => <AddressLink address={r.recipient} />,
            last_credit_tx: (r) => (r.lastCreditTx ? <TxLink hash={r.lastCreditTx} /> : "—"),
            last_credit_block: (r) => r.lastCreditBlock?.toString() ?? "—",
          }}
        />
        <DownloadLinks href={`${api}?table=rewards`} label="rewards" />
      </section>
    </>
  );
}
