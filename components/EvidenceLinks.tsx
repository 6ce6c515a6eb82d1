import Link from "next/link";

const short = (hex: string) => (hex.length > 14 ? `${hex.slice(0, 8)}…${hex.slice(-6)}` : hex);

/** A transaction as evidence: links to the explorer's transaction page (its events, block, time). */
export function TxLink({ hash, block }: { hash: string; block?: bigint | number | string | null }) {
  return (
    <span className="evidence">
      <Link href={`/tx/${hash}`} title={hash}><code>{short(hash)}</code></Link>
      {block !== undefined && block !== null ? <span className="evidence-block"> block {block.toString()}</span> : null}
    </span>
  );
}

/** An address: links to everything it does on the network. */
export function AddressLink({ address, label }: { address: string; label?: string | null }) {
  return (
    <Link href={`/address/${address}`} title={address}>
      {label ? <>{label} <code>{short(address)}</code></> : <code>{short(address)}</code>}
    </Link>
  );
}
