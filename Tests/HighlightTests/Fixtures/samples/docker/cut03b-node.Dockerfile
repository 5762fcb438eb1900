ARG NODE_VERSION=20
FROM node:${NODE_VERSION}-alpine AS deps
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev

FROM node:${NODE_VERSION}-alpine
ENV NODE_ENV=production PORT=3000
USER node
COPY --chown=node:node --from=deps /app/node_modul