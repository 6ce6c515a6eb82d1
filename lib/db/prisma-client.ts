import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/generated/client";
import { readWebConfig } from "../config/web-config";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** One client per server process (Next's dev server reloads modules: keep it on globalThis). */
export function prisma(): PrismaClient {
  globalForPrisma.prisma ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: readWebConfig().databaseUrl, max: 10 }) });
  return globalForPrisma.prisma;
}
