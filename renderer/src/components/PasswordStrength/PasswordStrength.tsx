import { Text } from '@mantine/core';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../ProgressBar/ProgressBar';

let factory: ZxcvbnFactory | null = null;
const zxcvbn = () => (factory ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs }));

const COLOURS = ['red', 'red', 'orange', 'teal', 'green'] as const;

/** Shows how hard a password would be to guess (0–4), checking it against common passwords and the person's own words. */
export function PasswordStrength({ password, userInputs }: { password: string; userInputs: string[] }) {
  const { t } = useTranslation();
  const score = useMemo(
    () => (password ? zxcvbn().check(password.slice(0, 100), userInputs).score : 0),
    [password, userInputs],
  );
  if (!password) return null;
  const label = t(`strength.${score}`);
  return (
    <div>
      <ProgressBar
        value={(score + 1) * 20}
        color={COLOURS[score]}
        size="sm"
        label={t('strength.label')}
        words={label}
      />
      <Text size="sm" c="dimmed" mt={4}>
        {t('strength.label')}: {label}
      </Text>
    </div>
  );
}
