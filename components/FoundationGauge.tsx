import type { FoundationShare } from "../lib/domain/foundation-share";

const statusText = { ok: "Within the pledge", warning: "Close to the 10% line", breach: "Above the 10% pledge" } as const;
// The gauge spans 0–20% so the 10% line sits in the middle.
const SCALE_MAX = 0.2;

const percent = (share: number) => `${(share * 100).toFixed(2)}%`;

export function FoundationGauge({ share }: { share: FoundationShare }) {
  const fill = Math.min(share.share / SCALE_MAX, 1) * 100;
  return (
    <div>
      <p className="stat-value" data-testid="foundation-share">{percent(share.share)}</p>
      <p className="stat-hint" data-testid="foundation-count">
        {share.foundationNodes.toLocaleString("en-US")} of {share.totalNodes.toLocaleString("en-US")} nodes on chain (registered, not exited) · ceiling{" "}
        {share.ceilingNodes.toLocaleString("en-US")} nodes
      </p>
      <div
        className="gauge"
        role="meter"
        aria-label="Foundation share of active nodes"
        aria-valuemin={0}
        aria-valuemax={SCALE_MAX * 100}
        aria-valuenow={Number((share.share * 100).toFixed(2))}
        aria-valuetext={`${percent(share.share)} of nodes; the pledge is at most 10%`}
      >
        <div className="gauge-track">
          <div className="gauge-fill" data-status={share.status} style={{ width: `${fill}%` }} />
          <div className="gauge-line" style={{ left: "50%" }} aria-hidden="true">
            <span className="gauge-line-label">10% pledge</span>
          </div>
        </div>
        <div className="gauge-scale" aria-hidden="true"><span>0%</span><span>20%</span></div>
      </div>
      <span className="badge" data-status={share.status} data-testid="pledge-status">{statusText[share.status]}</span>
    </div>
  );
}
