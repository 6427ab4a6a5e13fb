import { AppShell, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../../shared/contract';
import { invoke } from '../../api';
import { ClientDetailPage } from '../../pages/ClientDetail.page';
import { ClientFormPage } from '../../pages/ClientForm.page';
import { ClientListPage } from '../../pages/ClientList.page';
import { SettingsPage } from '../../pages/Settings.page';

export type Route =
  | { name: 'clients'; query?: string }
  | { name: 'client'; id: number }
  | { name: 'clientNew' }
  | { name: 'clientEdit'; id: number }
  | { name: 'settings' };

/** The signed-in frame: header with the charity and the Lock button, the menu, and the current page. */
export function Workspace({ state, onState, route, go }: { state: AppState; onState: (s: AppState) => void; route: Route; go: (r: Route) => void }) {
  const { t } = useTranslation();
  const [charityName, setCharityName] = useState('');
  useEffect(() => {
    void invoke('charity.get', {}).then((r) => r.ok && setCharityName(r.value.name));
  }, [route.name]);

  const lock = async () => {
    const r = await invoke('session.lock', {});
    if (r.ok) onState(r.value);
  };

  const inClients = route.name !== 'settings';
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Title order={2} size="h3" c="indigo.8">
              {t('app.name')}
            </Title>
            <Text c="dimmed">{charityName}</Text>
          </Group>
          <Group gap="md">
            <Text size="sm">{t('shell.signedInAs', { name: state.user?.name })}</Text>
            <Button variant="default" onClick={lock}>
              {t('shell.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('shell.mainNav')}>
        <NavLink component="button" label={t('shell.clients')} active={inClients} aria-current={inClients ? 'page' : undefined} onClick={() => go({ name: 'clients' })} />
        <NavLink
          component="button"
          label={t('shell.settings')}
          active={!inClients}
          aria-current={!inClients ? 'page' : undefined}
          onClick={() => go({ name: 'settings' })}
        />
      </AppShell.Navbar>
      <AppShell.Main>
        {route.name === 'clients' && <ClientListPage initialQuery={route.query ?? ''} go={go} />}
        {route.name === 'client' && <ClientDetailPage id={route.id} go={go} />}
        {route.name === 'clientNew' && <ClientFormPage go={go} />}
        {route.name === 'clientEdit' && <ClientFormPage id={route.id} go={go} />}
        {route.name === 'settings' && <SettingsPage state={state} onState={onState} onCharity={setCharityName} />}
      </AppShell.Main>
    </AppShell>
  );
}
