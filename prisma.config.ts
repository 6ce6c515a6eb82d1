import { defineConfig } from "prisma/config";

// Prisma 7 reads this for `prisma generate`; migrations are produced and applied by our own
// scripts (see README, "Database migrations") because Prisma's native schema engine cannot be
// downloaded on an offline machine.
export default defineConfig({ schema: "prisma/schema.prisma" });
