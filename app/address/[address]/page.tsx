import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "../../../components/DataTable";
import { DownloadLinks } from "../../../components/DownloadLinks";
import { AddressLink, TxLink } from "../../../components/EvidenceLinks";
import { NodeStatusBadge } from "../../../components/NodeStatusBadge";
import { StatCard } from "../../../components/StatCard";
import { readWebConfig } from "../../../lib/config/web-config";
import { getAddressTokenSummary, getContractName, listAddressContributions, listAddressTransfers } from "../../../lib/db/address-queries";
import { listNodes } from "../../../lib/db/node-list-queries";
import { listRecipientRewards } from "../../../lib/db/node-queries";
import { formatSesh } from "../../../lib/format/sesh-amount";
import { addressParamSchema } from "../../../lib/nodes/address-param";
import { parseNodeListQuery } from "../../../lib/nodes/node-list-query";
import { addressContributionColumns, tokenTransferColumns } from "../../../lib/tables/address-columns";
import { nodeListColumns } from "../../../lib/tables/node-list-columns";
import { recipientRewardsColumns } from "../../../lib/tables/node-detail-columns";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ address: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Address ${(await params).address.slice(0, 10)}…` };
}

const OPERATED_COLUMNS = new Set(["id", "status", "total_staked", "contributors", "country", "version"]);

export default async function AddressPage({ params }: Props) {
  const parsed = addressParamSchema.safeParse((await params).address);
  if (!parsed.success) {
    return (
      <>
        <h1>Address</h1>
        <div className="notice notice-warning" role="alert" data-testid="query-error">
          <strong>Not an address:</strong> {parsed.error.issues[0]?.message}.
        </div>
      </>
    );
  }
  const address = parsed.data;
  const config = readWebConfig();
  const operatedQuery = parseNodeListQuery({ operator: address, size: "100" });
  const [operated, contributions, rewards, token, transfers, contract] = await Promise.all([
    listNodes(operatedQuery, config.foundationAddresses),
    listAddressContributions(address),
    listRecipientRewards([address]),
    getAddressTokenSummary(address),
    listAddressTransfers(address),
    getContractName(address),
  ]);
  const reward = rewards[0];
  const foundation = config.foundationAddresses.includes(address as `0x${string}`);
  const api = `/api/address/${address}`;

  return (
    <>
      <h1>Address</h1>
      <p className="lede"><code data-testid="address">{address}</code>{contract ? <> · the {contract} contract</> : null}{foundation ? <> · counted as the foundation</> : null}</p>

      <div className="grid">
        <StatCard label="SESH balance" value={<>{formatSesh(token.balance, { fractionDigits: 0, unit: false })} <span className="stat-unit">SESH</span></>} testId="sesh-balance" hint={`from ${token.transferCount.toLocaleString("en-US")} indexed transfers`} />
        <StatCard label="Nodes operated" value={operated.total.toLocaleString("en-US")} testId="operated-count" hint="registered by this address" />
        <StatCard label="Stakes" value={contributions.length.toLocaleString("en-US")} testId="contribution-count" hint="as staker or beneficiary" />
        <StatCard label="Rewards credited" value={<>{formatSesh(reward?.credited ?? 0n, { fractionDigits: 0, unit: false })} <span className="stat-unit">SESH</span></>} testId="rewards-credited" hint={`${formatSesh(reward?.claimed ?? 0n, { fractionDigits: 0 })} claimed`} />
      </div>

      <section className="section" aria-labelledby="operated-heading">
        <h2 id="operated-heading">Nodes operated</h2>
        <DataTable
          caption={operated.total > operated.rows.length ? `First ${operated.rows.length} of ${operated.total} nodes` : `${operated.total} nodes registered by this address`}
          columns={nodeListColumns.filter((c) => OPERATED_COLUMNS.has(c.key))}
          rows={operated.rows}
          rowKey={(r) => r.id.toString()}
          seshColumns={["total_staked"]}
          testId="operated-table"
          empty="This address operates no node."
          render={{ id: (r) => <Link href={`/nodes/${r.id}`}>{r.id.toString()}</Link>, status: (r) => <NodeStatusBadge status={r.status} /> }}
        />
        {operated.total > operated.rows.length ? <p className="section-note"><Link href={`/nodes?operator=${address}`}>All {operated.total} nodes in the node list</Link></p> : null}
        <DownloadLinks href={`${api}?table=nodes`} label="nodes operated" />
      </section>

      <section className="section" aria-labelledby="contributions-heading">
        <h2 id="contributions-heading">Stakes</h2>
        <DataTable
          caption="Stakes this address made or receives rewards for"
          columns={addressContributionColumns}
          rows={contributions}
          rowKey={(r) => `${r.nodeId}-${r.position}`}
          seshColumns={["amount"]}
          testId="contributions-table"
          empty="No stake."
          render={{
            node_id: (r) => <Link href={`/nodes/${r.nodeId}`}>{r.nodeId.toString()}</Link>,
            staker: (r) => <AddressLink address={r.staker} />,
            beneficiary: (r) => <AddressLink address={r.beneficiary} />,
          }}
        />
        <DownloadLinks href={`${api}?table=contributions`} label="stakes" />
      </section>

      <section className="section" aria-labelledby="rewards-heading">
        <h2 id="rewards-heading">Rewards</h2>
        <p className="section-note">The contract keeps one lifetime balance per recipient, covering all its nodes and stakes returned on exit.</p>
        <DataTable
          caption="Credited and claimed"
          columns={recipientRewardsColumns}
          rows={reward && (reward.credited > 0n || reward.claimed > 0n) ? [reward] : []}
          rowKey={(r) => r.recipient}
          seshColumns={["credited", "claimed"]}
          testId="address-rewards-table"
          empty="No rewards credited to this address."
          render={{ last_credit_tx: (r) => (r.lastCreditTx ? <TxLink hash={r.lastCreditTx} /> : "—"), last_credit_block: (r) => r.lastCreditBlock?.toString() ?? "—" }}
        />
        <DownloadLinks href={`${api}?table=rewards`} label="rewards" />
      </section>

      <section className="section" aria-labelledby="transfers-heading">
        <h2 id="transfers-heading">SESH transfers</h2>
        <DataTable
          caption={token.transferCount > transfers.length ? `Latest ${transfers.length} of ${token.transferCount} transfers` : `${transfers.length} transfers`}
          columns={tokenTransferColumns}
          rows={transfers}
          rowKey={(r) => `${r.blockNumber}-${r.logIndex}`}
          seshColumns={["value"]}
          testId="transfers-table"
          empty="No SESH transfer."
          render={{
            from: (r) => (r.from === address ? "this address" : <AddressLink address={r.from} />),
            to: (r) => (r.to === address ? "this address" : <AddressLink address={r.to} />),
            tx_hash: (r) => <TxLink hash={r.txHash} />,
          }}
        />
        <DownloadLinks href={`${api}?table=transfers`} label="transfers" />
      </section>
    </>
  );
}
