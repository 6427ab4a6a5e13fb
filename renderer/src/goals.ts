import { type PlansView } from '../../shared/domain/supportPlan';

/** The goals of the active plan, for linking a note or a task to one. */
export function goalOptions(view: PlansView | null): { value: string; label: string }[] {
  return (view?.active?.goals ?? []).map((g) => ({ value: String(g.id), label: g.description }));
}
