import type { GovernanceAlertRecord } from "./governance-alerts";

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/**
 * The alerts as an Atom feed (RFC 4287), newest first. Entry ids are tag URIs built from the
 * alert's stable id, so a reader never shows the same alert twice after a rebuild.
 */
export function atomFeed(opts: { siteUrl: string; alerts: GovernanceAlertRecord[]; updated: Date }): string {
  const base = opts.siteUrl.replace(/\/$/, "");
  const entries = [...opts.alerts]
    .sort((a, b) => (a.day === b.day ? a.id.localeCompare(b.id) : a.day < b.day ? 1 : -1))
    .map((alert) => {
      const evidence = alert.evidence.map((e) => `block ${e.block}, tx ${e.tx}: ${base}/tx/${e.tx}`).join("\n");
      const body = evidence ? `${alert.summary}\n\nEvidence:\n${evidence}` : alert.summary;
      return [
        "  <entry>",
        `    <id>tag:session-network-explorer,2026:alert:${escapeXml(alert.id)}</id>`,
        `    <title>${escapeXml(alert.title)}</title>`,
        `    <updated>${alert.day}T00:00:00Z</updated>`,
        `    <link rel="alternate" href="${escapeXml(`${base}/foundation#day-${alert.day}`)}"/>`,
        `    <category term="${escapeXml(alert.kind)}" label="${escapeXml(alert.severity)}"/>`,
        `    <content type="text">${escapeXml(body)}</content>`,
        "  </entry>",
      ].join("\n");
    });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    "  <title>Session Network: foundation pledge and concentration alerts</title>",
    `  <id>${escapeXml(`${base}/foundation/alerts.xml`)}</id>`,
    `  <link rel="self" href="${escapeXml(`${base}/foundation/alerts.xml`)}"/>`,
    `  <link rel="alternate" href="${escapeXml(`${base}/foundation`)}"/>`,
    `  <updated>${opts.updated.toISOString()}</updated>`,
    "  <author><name>Session Network Explorer</name></author>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
