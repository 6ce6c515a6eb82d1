import { z } from "zod";

/** ?table= of the /distribution downloads. */
export const distributionTableSchema = z.enum(["country", "provider", "version", "swarm", "versions-by-day"], {
  error: "table must be one of country, provider, version, swarm, versions-by-day",
});
export type DistributionTable = z.infer<typeof distributionTableSchema>;

/** Days of upgrade history the page charts. */
export const VERSION_HISTORY_DAYS = 90;
