import { getNetworkOverview, isStale } from "../../../lib/db/overview-queries";

export const dynamic = "force-dynamic";

const text = (v: bigint | null) => (v === null ? null : v.toString());

/** The indexer's health for monitors: 200 while the database answers, 503 when it does not. */
export async function GET() {
  try {
    const { freshness } = await getNetworkOverview();
    const stale = isStale(freshness);
    return Response.json({
      status: stale.chain || stale.heartbeats ? "stale" : "ok",
      database: "ok",
      chain: {
        lastBlock: text(freshness.lastIndexedBlock),
        headBlock: text(freshness.headBlock),
        lagBlocks: freshness.headBlock !== null && freshness.lastIndexedBlock !== null ? text(freshness.headBlock - freshness.lastIndexedBlock) : null,
        lastSuccessAt: freshness.chainCheckedAt,
        errorCount: freshness.chainErrorCount,
        lastError: freshness.chainLastError,
        stale: stale.chain,
      },
      heartbeats: {
        lastSuccessAt: freshness.lastHeartbeatAt,
        height: text(freshness.heartbeatHeight),
        errorCount: freshness.heartbeatErrorCount,
        lastError: freshness.heartbeatLastError,
        stale: stale.heartbeats,
      },
    });
  } catch (error) {
    return Response.json({ status: "error", database: "unreachable", error: (error as Error).message.split("\n")[0] }, { status: 503 });
  }
}
