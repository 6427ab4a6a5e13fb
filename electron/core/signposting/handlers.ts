import { localToday } from '../../../shared/clock';
import { createTranslator } from '../../../shared/i18n';
import { readAgency } from '../agencies/agencies';
import { getCharity } from '../charity/queries';
import type { Paper } from '../domain';
import type { Handlers } from '../rpc';
import { askWhereToSavePdf, writeFileAtomic } from '../storage/files';
import { renderAgencySheet } from './agencySheet';
import { listSignposting, readSignpost, recordSignpost } from './signposting';

type SignpostingChannels =
  | 'signposting.list'
  | 'signposting.get'
  | 'signposting.record'
  | 'signposting.agencySheetPdf'
  | 'signposting.agencySheetPrint';

export function signpostingHandlers(cb: Paper): Pick<Handlers, SignpostingChannels> {
  /** The agency sheet, in the language of the person it is handed to. */
  const sheet = async ({ agencyId, language }: { agencyId: number; language: string }) => {
    const { agency, charity } = cb.read((db) => ({ agency: readAgency(db, agencyId), charity: getCharity(db) }));
    const now = cb.now();
    const pdf = await renderAgencySheet(cb.resourcesDir, {
      language,
      charity: { name: charity.name, phone: charity.phone },
      agency,
      date: localToday(now),
      createdAt: now,
    });
    const fileName = createTranslator(cb.language()).t('signposting.sheetFile', { agency: agency.name });
    return { pdf, fileName };
  };
  return {
    'signposting.list': ({ limit }) => cb.read((db) => listSignposting(db, limit)),
    'signposting.get': ({ id }) => cb.read((db) => readSignpost(db, id)),
    'signposting.record': (contact) =>
      cb.write((db, s) => {
        const id = recordSignpost(db, contact, s.user.id, cb.now());
        cb.audit(db, s, 'signposting.recorded', { detail: { signpostId: id, named: contact.named } });
        return readSignpost(db, id);
      }),
    // The sheet names nobody: saved or printed like any leaflet, without a record of where.
    'signposting.agencySheetPdf': async (q) => {
      const { pdf, fileName } = await sheet(q);
      const path = await askWhereToSavePdf(
        cb.platform,
        createTranslator(cb.language()).t('signposting.sheetSave'),
        fileName,
      );
      writeFileAtomic(path, pdf);
      return { path };
    },
    'signposting.agencySheetPrint': async (q) => {
      const { pdf, fileName } = await sheet(q);
      return cb.printouts.prepare(pdf, fileName, () => {});
    },
  };
}
