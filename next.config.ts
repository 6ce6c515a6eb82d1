import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The database driver stays a Node dependency rather than being bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
