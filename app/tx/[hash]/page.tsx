import type { Metadata } from "next";
import Link from "next/link";
import { DownloadLinks } from "../../../components/DownloadLinks";
import { AddressLink } from "../../../components/EvidenceLinks";
import { getTransactionEvents } from "../../../lib/db/transaction-queries";
import { txHashParamSchema } from "../../../lib/nodes/address-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ hash: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Transaction ${(await params).hash.slice(0, 10)}…` };
}

const ADDRESS = /^0x[0-9a-f]{40}$/;

// Decoded arguments as the indexer stored them: addresses link to their page, node ids to the node.
function ArgValue({ name, value }: { name: string; value: unknown }) {
  if (typeof value === "string" && ADDRESS.test(value)) return <AddressLink address={value} />;
  if (typeof value === "string" && name === "serviceNodeID") return <Link href={`/nodes/${value}`}>{value}</Link>;
  if (typeof value === "string") return <code>{value}</code>;
  return <code>{JSON.stringify(value)}</code>;
}

export default async function TransactionPage({ params }: Props) {
  const parsed = txHashParamSchema.safeParse((await params).hash);
  if (!parsed.success) {
    return (
      <>
        <h1>Transaction</h1>
        <div className="notice notice-warning" role="alert" data-testid="query-error"><strong>Not a transaction hash:</strong> {parsed.error.issues[0]?.message}.</div>
      </>
    );
  }
  const tx = await getTransactionEvents(parsed.data);
  if (!tx) {
    return (
      <>
        <h1>Transaction</h1>
        <p className="lede"><code>{parsed.data}</code></p>
        <div className="notice notice-warning" role="status" data-testid="tx-not-found">
          No event of the watched contracts comes from this transaction. It may not touch them, or the indexer has not reached its block yet.
        </div>
      </>
    );
  }
  return (
    <>
      <h1>Transaction</h1>
      <p className="lede"><code data-testid="tx-hash" style={{ overflowWrap: "anywhere" }}>{tx.txHash}</code></p>
      <section className="card" aria-labelledby="block-heading" style={{ marginBottom: "1.5rem" }}>
        <h2 id="block-heading">Block</h2>
        <dl className="facts">
          <dt>Number</dt><dd data-testid="tx-block">{tx.blockNumber.toString()}</dd>
          <dt>Hash</dt><dd><code>{tx.blockHash}</code></dd>
          <dt>Time</dt><dd><time dateTime={tx.blockTime.toISOString()}>{tx.blockTime.toISOString().replace("T", " ").slice(0, 19)} UTC</time></dd>
          <dt>Events</dt><dd>{tx.events.length}</dd>
        </dl>
      </section>
      <section className="section" aria-labelledby="events-heading">
        <h2 id="events-heading">Decoded events</h2>
        <div className="explorer-table-scroll" role="region" aria-label="Decoded events" tabIndex={0}>
          <table className="explorer-table" data-testid="tx-events-table">
            <caption>Events of the watched contracts, in log order</caption>
            <thead>
              <tr><th scope="col" className="num">Log</th><th scope="col">Contract</th><th scope="col">Event</th><th scope="col">Arguments</th></tr>
            </thead>
            <tbody>
              {tx.events.map((e) => (
                <tr key={e.logIndex} style={{ verticalAlign: "top" }}>
                  <td className="num">{e.logIndex}</td>
                  <td>{e.contract}<br /><AddressLink address={e.address} /></td>
                  <td><strong>{e.eventName}</strong></td>
                  <td style={{ whiteSpace: "normal", minWidth: "18rem" }}>
                    <dl className="event-args">
                      {Object.entries(e.args).map(([k, v]) => (
                        <div key={k}><dt>{k}</dt><dd><ArgValue name={k} value={v} /></dd></div>
                      ))}
                    </dl>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <DownloadLinks href={`/api/tx/${tx.txHash}`} label="events" />
      </section>
    </>
  );
}
