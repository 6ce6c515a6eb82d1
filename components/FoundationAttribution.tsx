import type { Attribution } from "../lib/governance/entity-attribution";
import { AddressLink } from "./EvidenceLinks";

/** Which addresses count as the foundation and why; shown on every governance page. */
export function FoundationAttribution({ attribution, open = false }: { attribution: Attribution; open?: boolean }) {
  const { foundationAddresses, labelledEntities, foundation } = attribution;
  return (
    <details className="card attribution" open={open} data-testid="foundation-attribution">
      <summary>
        Counted as the foundation: {foundationAddresses.length} address{foundationAddresses.length === 1 ? "" : "es"}
        {foundation.simulated ? " (simulated devnet foundation)" : ""}
      </summary>
      {foundationAddresses.length === 0 ? (
        <p className="stat-hint">No foundation addresses are configured (FOUNDATION_ADDRESSES) or labelled: nothing is attributed to the foundation.</p>
      ) : (
        <table className="gov-table compact">
          <caption className="visually-hidden">Addresses counted as the foundation</caption>
          <thead>
            <tr><th scope="col">Address</th><th scope="col">Why it counts</th></tr>
          </thead>
          <tbody>
            {foundationAddresses.map((f) => (
              <tr key={f.address}>
                <td><AddressLink address={f.address} /></td>
                <td>{f.reasons.join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {labelledEntities.length > 0 ? (
        <>
          <p className="stat-hint">Other labelled entities (their addresses are counted together):</p>
          <ul className="address-list">
            {labelledEntities.map((e) => (
              <li key={e.entity.id}>
                <strong>{e.entity.name}</strong>:{" "}
                {e.addresses.map((a, i) => (
                  <span key={a.address}>{i > 0 ? ", " : ""}<AddressLink address={a.address} /> <span className="stat-hint">({a.source})</span></span>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="stat-hint">{attribution.labelsDescription} Every other address counts on its own: nothing is inferred from behaviour.</p>
    </details>
  );
}
