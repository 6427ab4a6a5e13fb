import { createTranslator } from '../../../shared/i18n';
import type { Work } from '../domain';
import type { Handlers } from '../rpc';
import { askWhereToSave, writeFileAtomic } from '../storage/files';
import { anchoredAuditHead, readKeySlots } from '../vault/keySlots';
import { iterateAudit, listAudit, verifyAudit } from './audit';
import { spreadsheetCsv } from '../storage/csv';

/** This PC's local time, as a spreadsheet reads it: 2026-11-23 10:05:09. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function auditHandlers(cb: Work): Pick<Handlers, 'audit.list' | 'audit.exportCsv' | 'audit.verify'> {
  return {
    'audit.list': ({ limit, offset, ...filters }) => cb.read((db) => listAudit(db, filters, limit, offset)),

    'audit.verify': () =>
      cb.read((db, s) => verifyAudit(db, anchoredAuditHead(readKeySlots(cb.paths.keySlots), s.dbKey))),

    'audit.exportCsv': async (filters) => {
      const t = createTranslator(cb.language()).t;
      const path = await askWhereToSave(cb.platform, {
        title: t('audit.export'),
        defaultName: `${t('audit.fileName')} ${localDateTime(cb.now().toISOString()).slice(0, 10)}.csv`,
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      const rows: string[][] = [];
      cb.read((db) => {
        for (const e of iterateAudit(db, filters))
          rows.push([
            localDateTime(e.at),
            e.userName ?? '',
            t(`audit.actions.${e.action}`),
            e.action,
            e.clientReference ?? '',
            e.detail ? JSON.stringify(e.detail) : '',
          ]);
      });
      const header = [
        t('audit.when'),
        t('audit.user'),
        t('audit.action'),
        t('audit.actionCode'),
        t('audit.client'),
        t('audit.detail'),
      ];
      const csv = spreadsheetCsv([header, ...rows], cb.language());
      writeFileAtomic(path, csv);
      cb.write((db, s) => cb.audit(db, s, 'audit.exported', { detail: { rows: rows.length } }));
      return { path, rows: rows.length };
    },
  };
}
