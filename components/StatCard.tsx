import type { ReactNode } from "react";

export function StatCard({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId: string }) {
  return (
    <section className="card" aria-label={label}>
      <p className="stat-label">{label}</p>
      <p className="stat-value" data-testid={testId}>{value}</p>
      {hint ? <p className="stat-hint">{hint}</p> : null}
    </section>
  );
}
