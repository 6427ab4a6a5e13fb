import { BarChart, type BarChartProps } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';

/**
 * A bar chart of counts (people, contacts, items given): whole numbers only on its value axis (no
 * "0.75 of a food parcel"), written as the reader's language writes numbers, in the tooltip too.
 */
export function CountChart(props: BarChartProps) {
  const { i18n } = useTranslation();
  const wholeNumbers = { allowDecimals: false };
  const vertical = props.orientation === 'vertical';
  return (
    <BarChart
      valueFormatter={(v) => formatNumber(v, i18n.language)}
      {...props}
      xAxisProps={vertical ? { ...wholeNumbers, ...props.xAxisProps } : props.xAxisProps}
      yAxisProps={vertical ? props.yAxisProps : { ...wholeNumbers, ...props.yAxisProps }}
    />
  );
}
