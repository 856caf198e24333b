// Applies prisma/migrations to DATABASE_URL (or the embedded database), offline.
import { applyMigrations } from '@/lib/db/schema-engine';
import { withDatabase } from './with-database';

await withDatabase(async (databaseUrl) => {
  const applied = await applyMigrations(databaseUrl);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
});
