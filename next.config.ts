import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own module URL; bundling breaks that.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "nodemailer",
    "pino",
    "pino-pretty",
  ],
  poweredByHeader: false,
  // The container image (Dockerfile) runs the self-contained server, `node server.js`, with only
  // the files it traces; `npm start` keeps `next start` on the full checkout.
  ...(process.env.NEXT_OUTPUT === "standalone" && { output: "standalone" as const }),
  // forbidden() and app/forbidden.tsx for pages a role may not see.
  experimental: { authInterrupts: true },
};

export default nextConfig;
