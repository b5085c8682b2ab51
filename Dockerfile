# syntax=docker/dockerfile:1
# Release Calendar as a container: the Next.js standalone server on PostgreSQL (DATABASE_URL),
# as a non-root user, with a health check. Two targets:
#   docker build -t release-calendar .                          the app (the last stage)
#   docker build --target migrate -t release-calendar-migrate .  applies pending migrations, exits
# The app needs DATABASE_URL and NEXTAUTH_SECRET (and NEXTAUTH_URL behind a proxy); see README.
ARG NODE_VERSION=22.12

# Every dependency, and the generated Prisma client (postinstall).
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm install --no-audit --no-fund

# The production build, standalone: .next/standalone holds server.js and the modules it traces.
FROM deps AS build
COPY . .
RUN NEXT_OUTPUT=standalone npm run build

# One-shot migration runner (Kubernetes Job, compose's migrate service): the full toolchain.
FROM build AS migrate
USER node
CMD ["npm", "run", "db:deploy"]

# The app: only the standalone output, the static assets and the migration list (/api/ready).
FROM node:${NODE_VERSION}-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/prisma/migrations ./prisma/migrations
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# next's server drains in-flight requests on SIGTERM; instrumentation.ts stops the worker.
CMD ["node", "server.js"]
