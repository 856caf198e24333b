import { defineConfig } from 'prisma/config';

// `prisma migrate deploy` reads DATABASE_URL from here where the CLI's engine can be downloaded;
// offline, scripts/migrate.ts applies the same migrations with Prisma's WebAssembly schema engine.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
