import type { LifecycleTask } from '@/contracts/lifecycle';
import { reconcileBills } from '@/server/reconciliation/reconcile-bills';
import { checkSettledDays } from '@/server/settlements/check-settled-days';
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
    const checked = await checkSettledDays({ db });
    const settled = days.filter((day) => day.outcome === 'settled');
    return {
      examined: days.length + checked.length,
      outcomes: {
        days_settled: settled.length,
        days_already_settled: days.length - settled.length,
        days_checked: checked.length,
        settlement_mismatches: checked.reduce((total, day) => total + day.differences, 0),
      },
      items: [
        ...settled.flatMap((day) => day.settlementIds.map((id) => ({ id, outcome: `settled:${day.date}` }))),
        ...checked.flatMap((day) => day.alertIds.map((id) => ({ id, outcome: `settlement_mismatch:${day.date}` }))),
      ],
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
