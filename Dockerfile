# ddbench's container image: `ddbench` on the PATH, running as the unprivileged `node` user.
# Used by `ddbench k8s` manifests (docs/distributed.md "On Kubernetes"); also fine for `docker run`.
#   docker build -t REGISTRY/ddbench:TAG .                          # Node 24, no Java (dynalite for --target local)
#   docker build --build-arg WITH_JAVA=true -t REGISTRY/ddbench:TAG . # adds Java 17 for DynamoDB Local
# Debian bookworm base: its archive has openjdk-17-jre-headless (DynamoDB Local needs Java 17+).
ARG NODE_VERSION=24

# Build stage: dev dependencies and the TypeScript compiler, then only the production tree is kept.
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY . .
# npm ci runs `prepare`, which compiles src/ (and the tests) into dist/
RUN npm ci --no-audit --no-fund \
 && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: Node, the compiled CLI, its production dependencies, the built-in scenarios.
FROM node:${NODE_VERSION}-bookworm-slim
ARG WITH_JAVA=false
RUN if [ "$WITH_JAVA" = "true" ]; then \
      apt-get update \
      && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
      && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /opt/ddbench
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/scenarios ./scenarios
COPY --from=build /app/schema ./schema
RUN ln -s /opt/ddbench/bin/ddbench.js /usr/local/bin/ddbench \
 && mkdir -p /reports && chown node:node /reports
# the official Node images' unprivileged user (uid 1000)
USER node
WORKDIR /home/node
CMD ["ddbench", "--help"]
