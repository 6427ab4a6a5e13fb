import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentDetails, DocumentLinkKind } from '../../../../../shared/domain/document';
import { inLanguage } from '../../../../../shared/domain/eligibility';
import { formatDate } from '../../../format';
import { useChannel } from '../../../useChannel';

/** A link as the "Goes with" list holds it: "caseNote:12", or '' for none. */
export const linkValue = (link: DocumentDetails['link'] | { kind: string; id: number } | null): string =>
  link ? `${link.kind}:${link.id}` : '';

export function linkOf(value: string | null): DocumentDetails['link'] {
  const m = /^(caseNote|referral|letter|eligibilityCheck):(\d+)$/.exec(value ?? '');
  return m ? { kind: m[1] as DocumentLinkKind, id: Number(m[2]) } : null;
}

/** What a document of this client can go with: their latest case notes, their referrals and letters. */
export function useLinkOptions(clientId: number): ComboboxItemGroup<ComboboxItem>[] {
  const { t, i18n } = useTranslation();
  const notes = useChannel('timeline.get', { clientId, types: ['note'], limit: 100, offset: 0 }).data;
  const referrals = useChannel('referrals.forClient', { clientId }).data;
  const letters = useChannel('letters.forClient', { clientId }).data;
  const checks = useChannel('eligibility.forClient', { clientId }).data;
  const date = (d: string) => formatDate(d.slice(0, 10), i18n.language);
  return [
    {
      group: t('clients.tabs.timeline'),
      items: (notes?.items ?? [])
        .filter((n) => n.event === 'note')
        .map((n) => ({
          value: `caseNote:${n.refId}`,
          label: `${t('documents.linkCaseNote', { label: date(n.at) })}${n.text ? `: ${n.text.slice(0, 60)}` : ''}`,
        })),
    },
    {
      group: t('referrals.tab'),
      items: (referrals ?? []).map((r) => ({
        value: `referral:${r.id}`,
        label: `${t('documents.linkReferral', { label: r.agencyName })} (${date(r.createdOn)})`,
      })),
    },
    {
      group: t('letters.tab'),
      items: (letters ?? []).map((l) => ({
        value: `letter:${l.id}`,
        label: t('documents.linkLetter', { label: `${l.content.subject} (${date(l.content.date)})` }),
      })),
    },
    {
      group: t('eligibility.tab'),
      items: (checks ?? []).map((c) => ({
        value: `eligibilityCheck:${c.id}`,
        label: `${t('documents.linkEligibilityCheck', { label: inLanguage(c.serviceName, c.serviceNamePl, i18n.language) })} (${date(c.checkedOn)})`,
      })),
    },
  ].filter((g) => g.items.length > 0);
}
