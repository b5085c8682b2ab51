import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own module URL; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "nodemailer"],
  poweredByHeader: false,
  // forbidden() and app/forbidden.tsx for pages a role may not see.
  experimental: { authInterrupts: true },
};

export default nextConfig;
