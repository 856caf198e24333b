import type { LifecycleTask } from '@/contracts/lifecycle';
import { reconcileBills } from '@/server/reconciliation/reconcile-bills';
import { settleDueDays } from '@/server/settlements/settle-due-days';
import { closeExpired } from './close-expired';
import { confirmRefunds } from '@/server/refunds/confirm-refunds';
import { confirmPending } from './confirm-pending';
import { findDuplicates } from './find-duplicates';
import type { SweepContext, SweepResult } from './sweep-attempts';

/** `date`: the reconcile task's bill day. */
type TaskContext = SweepContext & { date?: string };

/** Every scheduler pass by its task name; a new scheduler adds its name to the contract's enum and its pass here. */
export const lifecycleTasks: Record<LifecycleTask, (context: TaskContext) => Promise<SweepResult>> = {
  'confirm-pending': confirmPending,
  'close-expired': closeExpired,
  'find-duplicates': findDuplicates,
  'confirm-refunds': confirmRefunds,
  settle: async ({ db }) => {
    const days = await settleDueDays({ db });
    const settled = days.filter((day) => day.outcome === 'settled');
    return {
      examined: days.length,
      outcomes: { days_settled: settled.length, days_already_settled: days.length - settled.length },
      items: settled.flatMap((day) => day.settlementIds.map((id) => ({ id, outcome: `settled:${day.date}` }))),
    };
  },
  reconcile: ({ db, boss, date }) => reconcileBills({ db, boss, date }),
};

/** Runs one pass of a scheduler now (POST /api/lifecycle/run, and each scheduled run) and says what it did. */
export async function runLifecycleTask({ task, ...context }: TaskContext & { task: LifecycleTask }) {
  const startedAt = new Date();
  const result = await lifecycleTasks[task](context);
  return { task, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), ...result };
}
