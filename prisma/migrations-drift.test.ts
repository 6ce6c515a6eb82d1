import postgres from "postgres";
import { afterAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { diffSchemasToSql, readSchema } from "./schema-sql";

const created: TestDatabase[] = [];
afterAll(async () => {
  for (const db of created) await db.drop();
});

/** Tables, columns, constraints and indexes of the public schema, in a comparable form. */
async function describeSchema(url: string): Promise<string[]> {
  const sql = postgres(url, { max: 1 });
  try {
    const columns = await sql<{ d: string }[]>`
      SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
             coalesce(column_default, '') || ' ' || coalesce(character_maximum_length::text, '') ||
             ' ' || coalesce(numeric_precision::text, '') || ' ' || coalesce(datetime_precision::text, '') AS d
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
    const constraints = await sql<{ d: string }[]>`
      SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')`;
    const indexes = await sql<{ d: string }[]>`
      SELECT indexdef AS d FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
    return [...columns, ...constraints, ...indexes].map((r) => r.d).sort();
  } finally {
    await sql.end();
  }
}

it("the committed migrations produce exactly the schema in prisma/schema.prisma", async () => {
  const migrated = await createTestDatabase();
  const fromSchema = await createTestDatabase({ migrate: false });
  created.push(migrated, fromSchema);

  const sql = await diffSchemasToSql({ to: await readSchema(), databaseUrl: fromSchema.url });
  const client = postgres(fromSchema.url, { max: 1, onnotice: () => {} });
  await client.unsafe(sql);
  await client.end();

  const expected = await describeSchema(fromSchema.url);
  expect(expected.length).toBeGreaterThan(20);
  expect(await describeSchema(migrated.url)).toEqual(expected);
});
