// Builds the Next.js app when its sources changed since the last build (or always with --force).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const sourceDirs = ['app', 'components', 'contracts', 'features', 'lib', 'server', 'generated', 'public'];
const sourceFiles = ['next.config.js', 'postcss.config.mjs', 'proxy.ts', 'package-lock.json', 'tsconfig.json', 'tsconfig.app.json'];
const stampFile = path.join(root, '.next', 'source-hash');

function sourceHash(): string {
  const hash = createHash('sha256');
  const visit = (file: string) => {
    if (!existsSync(file)) return;
    const stat = statSync(file);
    if (stat.isDirectory())
      return readdirSync(file)
        .sort()
        .forEach((name) => visit(path.join(file, name)));
    if (/\.test\.tsx?$/.test(file)) return;
    hash.update(path.relative(root, file)).update(readFileSync(file));
  };
  [...sourceDirs, ...sourceFiles].forEach((name) => visit(path.join(root, name)));
  return hash.digest('hex');
}

export function buildIfStale({ force = false } = {}): void {
  const hash = sourceHash();
  const built = existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash;
  if (built && !force) return;
  console.log('Building the web app (next build)…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  writeFileSync(stampFile, hash);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) buildIfStale({ force: process.argv.includes('--force') });
