// Prisma's own schema engine, as WebAssembly: migrations are created, applied and checked for drift
// without downloading the CLI's native engine.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine as Engine } from '@prisma/schema-engine-wasm';

export const schemaPath = path.resolve(import.meta.dirname, '../../prisma/schema.prisma');
export const migrationsDir = path.resolve(import.meta.dirname, '../../prisma/migrations');
export const noFilters = { externalTables: [], externalEnums: [] };

export async function readSchemaFiles() {
  return [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }];
}

/** Reads prisma/migrations the way the Prisma CLI does. */
export async function loadMigrationsList(baseDir = migrationsDir): Promise<MigrationList> {
  const lockPath = 'migration_lock.toml';
  const lockContent = await readFile(path.join(baseDir, lockPath), 'utf8').catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: await readFile(path.join(baseDir, dir, 'migration.sql'), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: Error) => ({ tag: 'error' as const, value: error.message }),
        ),
      },
    })),
  );
  return { baseDir, lockfile: { path: lockPath, content: lockContent }, shadowDbInitScript: '', migrationDirectories };
}

type SchemaFile = { path: string; content: string };

export async function withSchemaEngine<T>(
  databaseUrl: string,
  work: (engine: Engine) => Promise<T>,
  schemaFiles?: SchemaFile[],
): Promise<T> {
  const { SchemaEngine } = await import('@prisma/schema-engine-wasm');
  const factory = introspectableFactory(databaseUrl);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const datamodels = (schemaFiles ?? (await readSchemaFiles())).map((file): [string, string] => [file.path, file.content]);
  const engine = await SchemaEngine.new({ datamodels }, () => {}, adapter);
  try {
    return await work(engine);
  } finally {
    engine.free();
    await factory.disposeAll();
  }
}

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  return withSchemaEngine(databaseUrl, async (engine) => {
    const migrationsList = await loadMigrationsList();
    const result = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return result.appliedMigrationNames;
  });
}

type Connection = Awaited<ReturnType<PrismaPg['connect']>>;
type RawResult = { fields: { dataTypeID: number }[]; rows: object };
const pgCharOid = 18;
const pgTextOid = 25;

/**
 * Two gaps between the pg adapter and the engine, closed here:
 * - the adapter knows no column of PostgreSQL's internal one-byte `"char"` type, which the engine's
 *   catalog queries return (relkind, contype, …); they are read as text and reported as characters,
 *   which is what the engine expects of them;
 * - the adapter splits scripts on every `;`, which breaks function bodies; PostgreSQL takes a whole
 *   multi-statement script in one simple query, as the native engine sends it.
 */
function introspectable(connection: Connection): Connection {
  const io = connection as unknown as {
    performIO: (query: unknown) => Promise<RawResult>;
    queryRaw: (query: unknown) => Promise<{ columnTypes: number[]; rows: unknown[] }>;
    executeScript: (script: string) => Promise<void>;
    client: { query: (sql: string) => Promise<unknown> };
  };
  const charColumns = new WeakMap<object, number[]>();
  const performIO = io.performIO.bind(connection);
  io.performIO = async (query) => {
    const result = await performIO(query);
    const positions = result.fields.flatMap((field, index) => (field.dataTypeID === pgCharOid ? [index] : []));
    for (const index of positions) result.fields[index].dataTypeID = pgTextOid;
    if (positions.length) charColumns.set(result.rows, positions);
    return result;
  };
  const queryRaw = io.queryRaw.bind(connection);
  io.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  io.executeScript = async (script) => {
    await io.client.query(script);
  };
  return connection;
}

function introspectableFactory(databaseUrl: string) {
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const opened: Connection[] = [];
  const track = (connection: Connection) => {
    opened.push(connection);
    return introspectable(connection);
  };
  return {
    provider: 'postgres' as const,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
    // The engine does not close what it opened; a template database must have no one left connected.
    disposeAll: async () => {
      await Promise.all(opened.splice(0).map((connection) => connection.dispose().catch(() => {})));
    },
  };
}

/**
 * The SQL that would take a database built from prisma/migrations to schema.prisma (or to the schema
 * files given): empty when the two agree. Runs in a throwaway shadow database on the same server as `databaseUrl`.
 */
export async function diffMigrationsToSchema(databaseUrl: string, schemaFiles?: SchemaFile[]): Promise<string> {
  const { default: pg } = await import('pg');
  const shadow = `shadow_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${shadow}"`);
  const shadowUrl = new URL(databaseUrl);
  shadowUrl.pathname = `/${shadow}`;
  try {
    await applyMigrations(shadowUrl.toString());
    const files = schemaFiles ?? (await readSchemaFiles());
    return await withSchemaEngine(
      shadowUrl.toString(),
      async (engine) => {
        const result = await engine.diff({
          from: { tag: 'schemaDatasource', files, configDir: path.dirname(schemaPath) },
          to: { tag: 'schemaDatamodel', files },
          script: true,
          exitCode: null,
          filters: noFilters,
        });
        const script = result.stdout ?? '';
        return /^\s*(-- This is an empty migration\.)?\s*$/.test(script) ? '' : script;
      },
      files,
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${shadow}" WITH (FORCE)`);
    await admin.end();
  }
}
