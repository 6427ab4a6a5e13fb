import { notifications } from '@mantine/notifications';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { wallClockInstant } from '../../../../shared/clock';
import * as clock from '../../clock';
import { useSession } from '../../session';
import { useChannel } from '../../useChannel';

/** How often the reminders look at the clock. */
const CHECK_MS = 15_000;

/** The appointments each person has been reminded of in this window: once each, even after a lock. */
const reminded = new Map<number, Set<number>>();

/**
 * Reminders inside Casebook: before each of today's appointments of the signed-in person (by the
 * minutes they chose in Settings › My diary; 15 unless changed), a notice that stays until closed.
 * The start is the appointment's wall-clock time on this computer's calendar, so a reminder on the
 * day summer time starts still comes the chosen minutes before. Casebook must be open: it sends nothing.
 */
export function Reminders({ visit }: { visit: number }) {
  const { t } = useTranslation();
  const me = useSession().user!;
  const today = clock.today();
  const minutes = useChannel('diary.myDetails', {}).data?.reminderMinutes;
  const { data, reload } = useChannel(
    'diary.list',
    { from: today, to: today, staffId: me.id },
    { keepWhileLoading: true },
  );
  const shown = useMemo(() => {
    let set = reminded.get(me.id);
    if (!set) reminded.set(me.id, (set = new Set()));
    return set;
  }, [me.id]);
  // Locking or switching user takes this person's reminders off the screen: they name clients.
  useEffect(() => () => shown.forEach((id) => notifications.hide(`reminder-${id}`)), [shown]);
  useEffect(() => {
    const timer = setInterval(reload, CHECK_MS * 4);
    return () => clearInterval(timer);
  }, [reload]);
  // A new page looks again at once: an appointment may have been booked since.
  useEffect(reload, [visit, reload]);
  useEffect(() => {
    if (!data || !minutes) return;
    const check = () => {
      const now = clock.now().getTime();
      for (const a of data) {
        if (a.cancelled || shown.has(a.id)) continue;
        const start = wallClockInstant(a.date, a.startsAt).getTime();
        if (now < start - minutes * 60_000 || now > start) continue;
        shown.add(a.id);
        const left = Math.max(0, Math.ceil((start - now) / 60_000));
        const args = {
          minutes: left,
          kind: t(`diary.kinds.${a.kind}`),
          clients: a.clients.map((c) => c.name).join(', ') || t('diary.busy'),
        };
        notifications.show({
          id: `reminder-${a.id}`,
          color: 'indigo',
          autoClose: false,
          // At the top, where it covers no Save button of a form being filled in.
          position: 'top-center',
          title: `${a.startsAt}–${a.endsAt}`,
          message: left > 0 ? t('diary.reminder', args) : t('diary.reminderNow', args),
        });
      }
    };
    check();
    const timer = setInterval(check, CHECK_MS);
    return () => clearInterval(timer);
  }, [data, minutes, t, visit, shown]);
  return null;
}
