import { Progress, type MantineColor, type MantineSize } from '@mantine/core';

/**
 * A progress bar that tells a screen reader what it shows in words ("Checking the copy… 63%"),
 * not only a number: the words go on the bar itself, where they are allowed.
 */
export function ProgressBar({
  value,
  label,
  words,
  color,
  size,
  animated,
}: {
  value: number;
  label: string;
  words: string;
  color?: MantineColor;
  size?: MantineSize;
  animated?: boolean;
}) {
  return (
    <Progress.Root size={size}>
      <Progress.Section
        value={value}
        color={color}
        animated={animated}
        withAria={false}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(value)}
        aria-valuetext={words}
      />
    </Progress.Root>
  );
}
