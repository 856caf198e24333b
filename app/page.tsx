import { HealthStatus } from '@/features/system/components/health-status';

export default function HomePage() {
  return (
    <main>
      <h1>Paygate</h1>
      <p>Payment notifications from WeChat Pay, Alipay and the sandbox, stored durably and delivered to every merchant.</p>
      <section className="card">
        <HealthStatus />
      </section>
      <section className="card">
        <p>
          API reference: <a href="/api/openapi.json">/api/openapi.json</a>
        </p>
      </section>
    </main>
  );
}
