import { PrismaPg } from "@prisma/adapter-pg6";

// Config for the Prisma 6 CLI (alias `prisma6`) that prisma/schema-sql.ts runs for
// `migrate diff`: engine "js" selects its Wasm schema engine, which needs a driver adapter.
const migrateConfig = {
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
};

export default migrateConfig;
