import postgres from "postgres";

export type Sql = postgres.Sql<{ bigint: bigint }>;

/** The indexer's connection pool: bigint columns come back as bigint, never as rounded numbers. */
export function connectDatabase(databaseUrl: string, max = 4): Sql {
  return postgres(databaseUrl, {
    max,
    types: { bigint: postgres.BigInt },
    onnotice: () => {},
  }) as unknown as Sql;
}
