import { formNameOf } from './customForm';
import type { TFunction } from 'i18next';
import { needAreaName } from './assessment';
import { languageName, localeOf } from './languages';
import { GENDER_WITHHELD, NOT_RECORDED, suppressed, type FunderReport } from './report';
import { formatMoney, helpTypeName, type Currency } from './helpGiven';
import { inLanguage } from './eligibility';
import { labelOf } from './customField';

/** A cell: a number, a word, or a group too small to show. Money is kept in minor units with its currency. */
export type ReportCell = number | string | { money: number } | { suppressed: true };

export interface ReportTable {
  /** Stable key of the section (for CSV and tests). */
  key: string;
  title: string;
  columns: string[];
  rows: ReportCell[][];
  /** A sentence under the table, such as what "improved" means. */
  note?: string;
}

type T = TFunction;

const pct = (part: number, whole: number, language: string) =>
  whole
    ? new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 0 }).format(part / whole)
    : '–';

const languageLabel = (code: string, t: T, language: string) =>
  code === NOT_RECORDED ? t('report.notRecorded') : languageName(code, language);

const genderLabel = (g: string, t: T) =>
  g === GENDER_WITHHELD
    ? t('report.genderWithheld')
    : g === NOT_RECORDED
      ? t('report.notRecorded')
      : g.charAt(0).toUpperCase() + g.slice(1);
const count = (n: number | null): ReportCell => (n === null ? { suppressed: true } : n);
/** A count of people: 1 to 4 is shown as "<5" (nobody can be picked out); 0 and 5 or more as they are. Counts of things (contacts, sessions, parcels) stay numbers. */
const people = (n: number): ReportCell => count(suppressed(n));
const isHidden = (c: ReportCell | undefined) => typeof c === 'object' && c !== null && 'suppressed' in c;
/** A count or the words for a hidden one, for sentences under a table. */
const countText = (n: number, language: string) =>
  suppressed(n) === null ? '<5' : new Intl.NumberFormat(localeOf(language)).format(n);

/**
 * Secondary suppression over cells that add up to a published total: with exactly one hidden, it
 * could be worked out from the total and the others. Then the smallest other shown count (the first
 * of equals) is hidden too, so at least two are, and neither can be.
 */
function hideSecond(cells: ReportCell[]): ReportCell[] {
  if (cells.filter(isHidden).length !== 1) return cells;
  const next = cells
    .map((n, i) => ({ i, n }))
    .filter((x): x is { i: number; n: number } => typeof x.n === 'number' && x.n > 0)
    .sort((a, b) => a.n - b.n || a.i - b.i)[0];
  return next ? cells.map((c, i) => (i === next.i ? { suppressed: true as const } : c)) : cells;
}

/** `hideSecond` down one column of a table, when the column's total is published. */
function hideSecondCell(rows: ReportCell[][], column: number, totalShown: boolean): ReportCell[][] {
  if (!totalShown) return rows;
  const cells = hideSecond(rows.map((r) => r[column]!));
  return rows.map((r, i) => r.map((c, j) => (j === column ? cells[i]! : c)));
}

/**
 * The report as titled tables, in the reader's language: the one layout the screen, the PDF and the
 * CSV all show, so the three never disagree.
 */
export function reportTables(r: FunderReport, t: T, language: string): ReportTable[] {
  const area = (a: { areaKey: string | null; areaName: string | null }) =>
    needAreaName(t, { builtinKey: a.areaKey, name: a.areaName });
  const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
  const totalContacts = r.contacts.reduce((n, c) => n + c.count, 0);
  const totalMinutes = r.contacts.reduce((n, c) => n + c.minutes, 0);
  const o = r.outcomes;
  return [
    {
      key: 'cases',
      title: t('report.cases'),
      columns: [t('report.item'), t('report.number')],
      rows: [
        [t('report.newClients'), people(r.cases.newClients)],
        [t('report.active'), people(r.cases.active)],
        [t('report.closed'), people(r.cases.closed)],
        [t('report.reopened'), people(r.cases.reopened)],
      ],
    },
    {
      key: 'closedByReason',
      title: t('report.closedByReason'),
      columns: [t('status.reason'), t('report.number')],
      // The reasons add up to "cases closed", which is shown unless it is small itself.
      rows: hideSecondCell(
        r.closedByReason.map((c) => [
          c.reason ? t(`status.reasons.${c.reason}`) : t('report.notRecorded'),
          people(c.count),
        ]),
        1,
        suppressed(r.cases.closed) !== null,
      ),
      note: r.closedByReason.length ? t('report.smallNote') : undefined,
    },
    {
      key: 'contacts',
      title: t('report.contacts'),
      columns: [t('report.contactKind'), t('report.contactCount'), t('report.hours')],
      rows: [
        ...r.contacts.map((c): ReportCell[] => [t(`notes.kinds.${c.kind}`), c.count, hours(c.minutes)]),
        [t('report.total'), totalContacts, hours(totalMinutes)],
      ],
    },
    {
      key: 'referrals',
      title: t('report.referrals'),
      columns: [t('referrals.agency'), t('report.outcome'), t('report.number')],
      rows: r.referrals.map((x) => [x.agencyName, t(`referrals.status.${x.status}`), people(x.count)]),
      note: r.referrals.length ? t('report.smallNote') : undefined,
    },
    {
      key: 'incoming',
      title: t('report.incoming'),
      columns: [
        t('incoming.source'),
        t('report.incomingReceived'),
        t('incoming.statuses.accepted'),
        t('incoming.statuses.declined'),
        t('report.incomingOpen'),
      ],
      rows: r.incoming.bySource.map((s) => [
        t(`incoming.sources.${s.source}`),
        people(s.received),
        people(s.accepted),
        people(s.declined),
        people(s.open),
      ]),
      note: r.incoming.bySource.length ? t('report.smallNote') : undefined,
    },
    {
      key: 'signposting',
      title: t('report.signposting'),
      columns: [t('signposting.needArea'), t('report.contactCount')],
      rows: r.signposting.byNeed.length
        ? [
            ...r.signposting.byNeed.map((n): ReportCell[] => [
              n.areaId === null ? t('report.otherNeed') : area({ areaKey: n.areaKey, areaName: n.areaName }),
              n.count,
            ]),
            [t('report.total'), r.signposting.contacts],
          ]
        : [],
    },
    {
      key: 'signpostingTo',
      title: t('report.signpostingTo'),
      columns: [t('signposting.to'), t('report.contactCount')],
      rows: r.signposting.byPlace.map((p): ReportCell[] => [p.place, p.count]),
    },
    {
      key: 'waitingTimes',
      title: t('report.waitingTimes'),
      columns: [t('report.item'), t('report.people'), t('report.medianDays'), t('report.longestDays')],
      // Days over fewer than five people could give one person's wait away: hidden with them.
      rows: (['takenIn', 'stillWaiting'] as const).map((k) => {
        const w = r.incoming[k];
        const hidden = suppressed(w.people) === null;
        const days = (n: number | null): ReportCell => (hidden ? { suppressed: true } : n === null ? '–' : n);
        return [t(`report.${k}`), people(w.people), days(w.medianDays), days(w.longestDays)];
      }),
      note: t('report.waitingNote'),
    },
    {
      key: 'eligibility',
      title: t('report.eligibility'),
      columns: [t('eligibility.service'), t('eligibility.decisions.eligible'), t('eligibility.decisions.notEligible')],
      rows: r.eligibility.map((e) => [
        inLanguage(e.serviceName, e.serviceNamePl, language),
        people(e.eligible),
        people(e.notEligible),
      ]),
      note: r.eligibility.length ? t('report.eligibilityNote') : undefined,
    },
    {
      key: 'appointments',
      title: t('report.appointments'),
      columns: [
        t('diary.kind'),
        t('diary.outcomes.attended'),
        t('diary.outcomes.missed'),
        t('diary.outcomes.booked'),
        t('diary.cancelled'),
      ],
      rows: r.appointments.length
        ? [
            ...r.appointments.map((a): ReportCell[] => [
              t(`diary.kinds.${a.kind}`),
              a.attended,
              a.missed,
              a.notRecorded,
              a.cancelled,
            ]),
            [
              t('report.total'),
              ...(['attended', 'missed', 'notRecorded', 'cancelled'] as const).map((k) =>
                r.appointments.reduce((n, a) => n + a[k], 0),
              ),
            ],
          ]
        : [],
      note: r.appointments.length ? t('report.appointmentsNote') : undefined,
    },
    {
      key: 'needsAtIntake',
      title: t('report.needsAtIntake'),
      columns: [t('report.area'), t('report.assessed'), t('report.inNeed'), t('report.averageScore')],
      // An average over fewer than five people could give one person's score away: hidden with them.
      rows: r.needsAtIntake.map((n) => [
        area(n),
        people(n.assessed),
        people(n.inNeed),
        suppressed(n.assessed) === null ? { suppressed: true } : n.averageScore,
      ]),
      note: t('report.needsNote'),
    },
    {
      key: 'outcomes',
      title: t('report.outcomes'),
      columns: [t('report.area'), t('report.improved'), t('report.same'), t('report.worse')],
      // Improved, same and worse add up to the area's people: a row with one hidden cell hides a second.
      rows: o.areas.map((a) => [area(a), ...hideSecond([people(a.improved), people(a.same), people(a.worse)])]),
      note: t('report.outcomesNote', {
        clients: countText(o.clients, language),
        improved: countText(o.improvedClients, language),
        share:
          suppressed(o.clients) === null || suppressed(o.improvedClients) === null
            ? '–'
            : pct(o.improvedClients, o.clients, language),
      }),
    },
    {
      key: 'goals',
      title: t('report.goals'),
      columns: [t('report.item'), t('report.number')],
      rows: [
        [t('report.goalsSet'), r.goals.set],
        [t('report.goalsAchieved'), r.goals.achieved],
        [t('report.goalsPartly'), r.goals.partlyAchieved],
        [t('report.goalsNotAchieved'), r.goals.notAchieved],
      ],
    },
    {
      key: 'helpGiven',
      title: t('helpGiven.title'),
      columns: [
        t('helpGiven.help'),
        t('helpGiven.times'),
        t('helpGiven.items'),
        t('helpGiven.valueTotal'),
        t('helpGiven.people'),
      ],
      rows: [
        ...r.helpGiven.byType.map((b): ReportCell[] => [
          helpTypeName(t, { builtinKey: b.typeKey, name: b.typeName }),
          b.times,
          b.quantity,
          { money: b.value },
          people(b.people),
        ]),
        [t('report.total'), r.helpGiven.times, '', { money: r.helpGiven.value }, people(r.helpGiven.people)],
      ],
    },
    {
      key: 'attendance',
      title: t('report.attendance'),
      columns: [
        t('programmes.programme'),
        t('programmes.figures.sessionsHeld'),
        t('programmes.figures.attendances'),
        t('programmes.figures.walkInAttendances'),
        t('programmes.figures.headcount'),
        t('programmes.figures.uniquePeople'),
      ],
      rows: [
        ...r.attendance.byProgramme.map((p): ReportCell[] => [
          p.name,
          p.sessionsHeld,
          p.attendances,
          p.walkInAttendances,
          p.headcount,
          people(p.uniquePeople),
        ]),
        [
          t('report.total'),
          r.attendance.overall.sessionsHeld,
          r.attendance.overall.attendances,
          r.attendance.overall.walkInAttendances,
          r.attendance.overall.headcount,
          people(r.attendance.overall.uniquePeople),
        ],
      ],
    },
    {
      key: 'ages',
      title: t('report.ages'),
      columns: [t('report.ageBand'), t('report.people')],
      // The groups add up to the clients supported, given in the note unless small itself.
      rows: hideSecondCell(
        r.demographics.ageBands.map((b) => [t(`ageBands.${b.band}`), count(b.count)]),
        1,
        suppressed(r.demographics.people) !== null,
      ),
      note: t('report.suppressedNote', { people: countText(r.demographics.people, language) }),
    },
    {
      key: 'genders',
      title: t('report.genders'),
      columns: [t('report.gender'), t('report.people')],
      rows: hideSecondCell(
        r.demographics.genders.map((g) => [genderLabel(g.gender, t), count(g.count)]),
        1,
        suppressed(r.demographics.people) !== null,
      ),
    },
    {
      key: 'languages',
      title: t('report.languages'),
      columns: [t('report.language'), t('report.people')],
      rows: hideSecondCell(
        r.demographics.languages.map((l) => [languageLabel(l.language, t, language), count(l.count)]),
        1,
        suppressed(r.demographics.people) !== null,
      ),
    },
    // The charity's own questions: one answer each adds up to the people (so a second cell is
    // hidden with a lone small one); several answers each do not.
    ...r.byQuestion.map((q): ReportTable => {
      const question = labelOf(q, language);
      const rows: ReportCell[][] = [
        ...q.groups.map((g): ReportCell[] => [
          q.type === 'yesNo' ? t(g.key === '1' ? 'common.yes' : 'common.no') : labelOf(g, language),
          count(g.count),
        ]),
        [t('report.notRecorded'), count(q.notRecorded)],
      ];
      return {
        key: `question-${q.fieldId}`,
        title: t('report.byQuestion', { question }),
        columns: [question, t('report.people')],
        rows: q.type === 'severalOf' ? rows : hideSecondCell(rows, 1, suppressed(r.demographics.people) !== null),
        note: t(q.type === 'severalOf' ? 'report.severalNote' : 'report.smallNote'),
      };
    }),
    // The charity's own forms: how often filled in, and a scored form's bands at first and latest.
    ...(r.byForm.length
      ? [
          {
            key: 'forms',
            title: t('report.forms'),
            columns: [t('report.form'), t('report.timesFilled'), t('report.people')],
            rows: r.byForm.map((f): ReportCell[] => [formNameOf(f, language), f.filled, count(f.people)]),
          },
        ]
      : []),
    ...r.byForm
      .filter((f) => f.bands.length)
      .map((f): ReportTable => {
        const rows = f.bands.map((b): ReportCell[] => [labelOf(b, language), count(b.first), count(b.latest)]);
        const shown = f.people !== null;
        return {
          key: `form-${f.formId}`,
          title: t('report.byForm', { form: formNameOf(f, language) }),
          columns: [t('report.band'), t('report.atFirst'), t('report.atLatest')],
          rows: hideSecondCell(hideSecondCell(rows, 1, shown), 2, shown),
          note: t('report.formBandsNote'),
        };
      }),
  ];
}

/** A cell as text: "<5" for a suppressed group, money in the charity's currency, numbers in the reader's way. */
export function cellText(c: ReportCell, currency: Currency, language: string): string {
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(c);
  if ('money' in c) return formatMoney(c.money, currency, language);
  return '<5';
}
