# The API image; it also serves the built web app. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t mih-api .
FROM node:20.20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false NX_SKIP_NX_CACHE=true npx nx run-many -t build compress -p api web --configuration=production

# Only the API's runtime dependencies, from the package.json and lockfile the build generates.
FROM node:20.20-bookworm-slim AS deps
WORKDIR /app
COPY --from=build /src/dist/apps/api/package.json /src/dist/apps/api/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 WEB_DIST=/app/web
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/dist/apps/api ./
COPY --from=build /src/dist/apps/web/browser ./web
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "--enable-source-maps", "main.js"]
