import { ActionIcon, Button, Group, Paper, SimpleGrid, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormAlert } from '../FormAlert/FormAlert';

/**
 * A list a charity writes in English and Polish, row by row (a service's criteria, a question's
 * choices): each row's two boxes and a button to remove it, the list's own message, and a button to
 * add a row. A row keeps whatever else it carries (an id or key, so rewording keeps old answers).
 */
export function BilingualList<R extends Record<E | P, string>, E extends string, P extends string>({
  rows,
  setRows,
  en,
  pl,
  path,
  errors,
  labels,
  min,
  max,
  maxLength,
  blank,
  extra,
}: {
  rows: R[];
  setRows: (rows: R[]) => void;
  /** The row's English and Polish text. */
  en: E;
  pl: P;
  /** Where the form's messages are: `<path>.<i>.<field>` for a row, `<path>` for the list. */
  path: string;
  errors: Record<string, string>;
  labels: { en: (n: number) => string; pl: (n: number) => string; remove: (n: number) => string; add: string };
  min: number;
  max: number;
  maxLength: number;
  blank: () => R;
  /** More for each row after its two boxes (a choice's points on a scored form). */
  extra?: (row: R, i: number, set: (change: Partial<R>) => void) => ReactNode;
}) {
  const set = (i: number, change: Partial<R>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <>
      {rows.map((r, i) => (
        <Paper key={i} withBorder p="xs">
          <Group align="flex-start" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
              <TextInput
                label={labels.en(i + 1)}
                required
                value={r[en]}
                onChange={(e) => set(i, { [en]: e.currentTarget.value } as Partial<R>)}
                error={errors[`${path}.${i}.${en}`]}
                maxLength={maxLength}
              />
              <TextInput
                label={labels.pl(i + 1)}
                value={r[pl]}
                onChange={(e) => set(i, { [pl]: e.currentTarget.value } as Partial<R>)}
                error={errors[`${path}.${i}.${pl}`]}
                maxLength={maxLength}
              />
            </SimpleGrid>
            {extra?.(r, i, (change) => set(i, change))}
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              aria-label={labels.remove(i + 1)}
              disabled={rows.length <= min}
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      {errors[path] && <FormAlert message={errors[path]} />}
      <Button
        variant="default"
        w="fit-content"
        disabled={rows.length >= max}
        onClick={() => setRows([...rows, blank()])}
      >
        {labels.add}
      </Button>
    </>
  );
}
