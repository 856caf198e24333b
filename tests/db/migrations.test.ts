import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { diffMigrationsToSchema, migrationsDir, schemaPath } from '@/lib/db/schema-engine';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

// A diff takes about a second; a schema engine that panics never settles, so fail long before the runner's 120 s.
const engineTimeout = { timeout: 30_000 };

/**
 * The WebAssembly schema engine reports a Rust panic through this global and then traps; without it the panic
 * surfaces as an unrelated TypeError and the diff's promise never settles. With it, the test fails with the panic.
 */
function diffOrPanic(schemaFiles?: { path: string; content: string }[]): Promise<string> {
  const panicked = new Promise<never>((_, reject) => {
    (globalThis as any).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => reject(new Error(`the schema engine panicked: ${message.slice(0, 800)}`)),
    };
  });
  return Promise.race([diffMigrationsToSchema(app.database.url, schemaFiles), panicked]);
}

async function migrationFolders(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe('migrations', () => {
  test('prisma/migrations produce exactly prisma/schema.prisma (no drift)', engineTimeout, async () => {
    const diff = await diffOrPanic();
    assert.equal(diff, '', `schema.prisma and prisma/migrations disagree; a migration is missing:\n${diff}`);
  });

  test('the drift check fails for a schema with a model no migration creates', engineTimeout, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'paygate-drift-'));
    try {
      const drifted = path.join(dir, 'schema.prisma');
      const content = `${await readFile(schemaPath, 'utf8')}
model DriftProbe {
  id    String @id @db.Uuid
  label String

  @@map("drift_probe")
}
`;
      await writeFile(drifted, content);
      const diff = await diffOrPanic([{ path: drifted, content }]);
      assert.match(diff, /CREATE TABLE "drift_probe"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('the drift check leaves no shadow database behind', engineTimeout, async () => {
    await diffOrPanic();
    const shadows = await app.db.$queryRaw<{ datname: string }[]>`
      SELECT datname FROM pg_database WHERE datname LIKE ${`shadow\\_%\\_${process.pid}`}`;
    assert.deepEqual(shadows, []);
  });

  test('the database has applied every migration folder, finished and unchanged', async () => {
    const rows = await app.db.$queryRaw<
      { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }[]
    >`
      SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`;
    const folders = await migrationFolders();
    assert.ok(folders.length > 0);
    assert.deepEqual(
      rows.map((row) => row.migration_name),
      folders,
    );
    for (const row of rows) {
      assert.ok(row.finished_at, `${row.migration_name} did not finish`);
      assert.equal(row.rolled_back_at, null, `${row.migration_name} was rolled back`);
      const sql = await readFile(path.join(migrationsDir, row.migration_name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      assert.equal(row.checksum, checksum, `${row.migration_name}/migration.sql was edited after it was applied`);
    }
  });
});
