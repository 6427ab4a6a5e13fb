import { z } from 'zod';
import { codedKey } from '../i18n/keys';
import type { TFunction } from 'i18next';
import { optionalText, pastOrTodayDate, requiredText } from './validation';

/** The areas a needs assessment scores when Casebook is new; administrators rename, add and retire them. */
export const BUILTIN_NEED_AREAS = [
  'housing',
  'money',
  'physicalHealth',
  'mentalHealth',
  'safety',
  'family',
  'workLearning',
  'substanceUse',
  'practical',
] as const;

export const SCORE_MIN = 1;
export const SCORE_MAX = 10;

export const needAreaSchema = z.object({
  id: z.number().int(),
  /** For the areas Casebook came with: its translated name is used unless `name` renames it. */
  builtinKey: z.string().nullable(),
  name: z.string().nullable(),
  position: z.number().int(),
  retired: z.boolean(),
});
export type NeedArea = z.infer<typeof needAreaSchema>;

/** An area's name: the administrator's own name for it, or the translated name it came with. */
export function needAreaName(t: TFunction, area: Pick<NeedArea, 'builtinKey' | 'name'>): string {
  return area.name ?? t(codedKey('needAreas.builtin', area.builtinKey ?? ''));
}

export const saveNeedAreaSchema = z.object({
  id: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  name: requiredText(80),
  retired: z.boolean().default(false),
});

export const scoreInputSchema = z.object({
  areaId: z.number().int().positive(),
  score: z
    .number({ error: 'scoreRange' })
    .int({ error: 'scoreRange' })
    .min(SCORE_MIN, { error: 'scoreRange' })
    .max(SCORE_MAX, { error: 'scoreRange' }),
  notes: optionalText(4000, { lines: true }),
  strengths: optionalText(4000, { lines: true }),
});

export const assessmentInputSchema = z
  .object({
    assessedOn: pastOrTodayDate(),
    sensitive: z.boolean().default(false),
    summary: optionalText(8000, { lines: true }),
    scores: z.array(scoreInputSchema).max(100),
  })
  .superRefine((a, ctx) => {
    if (a.scores.length === 0) ctx.addIssue({ code: 'custom', path: ['scores'], message: 'atLeastOneScore' });
    const seen = new Set<number>();
    a.scores.forEach((s, i) => {
      if (seen.has(s.areaId)) ctx.addIssue({ code: 'custom', path: ['scores', i, 'areaId'], message: 'invalid' });
      seen.add(s.areaId);
    });
  });
export type AssessmentInput = z.input<typeof assessmentInputSchema>;

export const scoreSchema = z.object({
  areaId: z.number().int(),
  score: z.number().int(),
  notes: z.string().nullable(),
  strengths: z.string().nullable(),
});

export const assessmentSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  kind: z.enum(['assessment', 'review']),
  assessedOn: z.string(),
  sensitive: z.boolean(),
  /** True when the reader may not see a sensitive assessment's content (volunteers): scores and text are left out. */
  withheld: z.boolean(),
  summary: z.string().nullable(),
  assessedByName: z.string().nullable(),
  version: z.number().int(),
  scores: z.array(scoreSchema),
  /** A scored form that recorded this score (changed only by changing the form): its name. */
  fromForm: z.object({ name: z.string(), namePl: z.string().nullable() }).nullable(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export interface AreaProgress {
  areaId: number;
  /** Oldest first: the first assessment, then every review that scored this area. */
  points: { on: string; score: number; kind: 'assessment' | 'review' }[];
  first: number;
  latest: number;
  /** Latest minus first: above zero is an improvement (10 means no need for help). */
  change: number;
}

/**
 * Each area's scores over time, from the assessments and reviews this reader may see, with the change
 * since the first score. Areas come in the order of their first score.
 */
export function areaProgress(assessments: readonly Assessment[]): AreaProgress[] {
  const ordered = assessments
    .filter((a) => !a.withheld)
    .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.id - b.id);
  const byArea = new Map<number, AreaProgress['points']>();
  for (const a of ordered)
    for (const s of a.scores) {
      const points = byArea.get(s.areaId) ?? [];
      points.push({ on: a.assessedOn, score: s.score, kind: a.kind });
      byArea.set(s.areaId, points);
    }
  return [...byArea].map(([areaId, points]) => {
    const first = points[0]!.score;
    const latest = points[points.length - 1]!.score;
    return { areaId, points, first, latest, change: latest - first };
  });
}

/** One assessment or review as a column of the progress chart and its table: each area's score in it. */
export interface ProgressColumn {
  id: number;
  on: string;
  kind: Assessment['kind'];
  /** More than one assessment or review on this day: the column says which. */
  sameDay: boolean;
  scores: Record<number, number>;
}

/**
 * Every assessment and review the reader may see, oldest first, one column each: an assessment and
 * a review on the same day stay two columns, so neither set of scores hides the other.
 */
export function progressColumns(assessments: readonly Assessment[]): ProgressColumn[] {
  const ordered = assessments
    .filter((a) => !a.withheld && a.scores.length)
    .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.id - b.id);
  const perDay = new Map<string, number>();
  for (const a of ordered) perDay.set(a.assessedOn, (perDay.get(a.assessedOn) ?? 0) + 1);
  return ordered.map((a) => ({
    id: a.id,
    on: a.assessedOn,
    kind: a.kind,
    sameDay: perDay.get(a.assessedOn)! > 1,
    scores: Object.fromEntries(a.scores.map((s) => [s.areaId, s.score])),
  }));
}
