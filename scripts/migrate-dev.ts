// Creates a new migration in prisma/migrations from the change in schema.prisma, then applies it.
// Usage: npm run db:migrate:dev -- --name add_something
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { applyMigrations, diffMigrationsToSchema, migrationsDir } from '@/lib/db/schema-engine';
import { withDatabase } from './with-database';

const { values } = parseArgs({ options: { name: { type: 'string' } } });
if (!values.name || !/^[a-z0-9_]+$/.test(values.name)) {
  console.error('Give the migration a name: npm run db:migrate:dev -- --name snake_case_name');
  process.exit(2);
}

await withDatabase(async (databaseUrl) => {
  const script = await diffMigrationsToSchema(databaseUrl);
  if (!script) {
    console.log('schema.prisma and prisma/migrations already agree: nothing to create.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${values.name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), script);
  await writeFile(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  const applied = await applyMigrations(databaseUrl);
  console.log(`Created ${path.relative(process.cwd(), dir)}; applied: ${applied.join(', ') || 'none'}`);
});
