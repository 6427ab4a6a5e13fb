import { ActionIcon, AppShell, Badge, Button, Group, NavLink, Text, Title, Tooltip } from '@mantine/core';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../../shared/contract';
import { codedKey } from '../../../../shared/i18n/keys';
import { invoke } from '../../api';
import { useNavigation } from '../../navigation';
import { mayOpen, pageOf, SECTIONS } from '../../routes';
import { SessionContext, useCan } from '../../session';
import { useChannel } from '../../useChannel';
import { RollbackWarning } from '../RollbackWarning/RollbackWarning';
import { SafeReturnAlert } from '../SafeReturnAlert/SafeReturnAlert';
import { Reminders } from '../../pages/diary/Reminders';

/** The signed-in frame: header with the charity, Back and Forward, Switch user and Lock; the menu; the current page. */
export function Workspace(props: { state: AppState; onState: (s: AppState) => void; onSwitchUser: () => void }) {
  return (
    <SessionContext.Provider value={props.state}>
      <Frame {...props} />
    </SessionContext.Provider>
  );
}

function Frame({
  state,
  onState,
  onSwitchUser,
}: {
  state: AppState;
  onState: (s: AppState) => void;
  onSwitchUser: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const { route, visit, go, leaveFor, back, forward, canGoBack, canGoForward } = useNavigation();
  const charity = useChannel('charity.get', {});
  const [renamed, setCharityName] = useState<string | null>(null);
  const charityName = renamed ?? charity.data?.name ?? '';

  // A page the person may not see (e.g. after their role changed) falls back to the client list.
  const allowed = mayOpen(route, can);
  useEffect(() => {
    if (!allowed) go({ name: 'clients' });
  }, [allowed, go]);
  const section = pageOf(route).section;

  const lock = async () => {
    const r = await invoke('signIn.lock', {});
    if (r.ok) onState(r.value);
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Group gap={4} wrap="nowrap">
              <Tooltip label={t('shell.backHint')}>
                <ActionIcon
                  variant="subtle"
                  size="lg"
                  aria-label={t('shell.goBack')}
                  disabled={!canGoBack}
                  onClick={back}
                >
                  <span aria-hidden>←</span>
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('shell.forwardHint')}>
                <ActionIcon
                  variant="subtle"
                  size="lg"
                  aria-label={t('shell.goForward')}
                  disabled={!canGoForward}
                  onClick={forward}
                >
                  <span aria-hidden>→</span>
                </ActionIcon>
              </Tooltip>
            </Group>
            <Title order={2} size="h3" c="indigo.8">
              {t('app.name')}
            </Title>
            <Text c="dimmed" truncate>
              {charityName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm">{t('shell.signedInAs', { name: state.user?.name ?? '' })}</Text>
            {state.user && <Badge variant="light">{t(codedKey('roles', state.user.role))}</Badge>}
            <Button variant="subtle" onClick={onSwitchUser}>
              {t('account.switchUser')}
            </Button>
            <Button variant="default" onClick={lock}>
              {t('shell.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('shell.mainNav')}>
        {SECTIONS.filter((s) => !('gate' in s) || can(s.gate)).map((s) => (
          <NavLink
            key={s.name}
            component="button"
            label={t(s.label)}
            active={section === s.name}
            aria-current={section === s.name ? 'page' : undefined}
            onClick={() => leaveFor({ name: s.name })}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <RollbackWarning state={state} onState={onState} />
        <SafeReturnAlert visit={visit} />
        <Reminders visit={visit} />
        {allowed && (
          <Fragment key={visit}>
            {pageOf(route).render(route, { state, onState, onCharityName: setCharityName })}
          </Fragment>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
