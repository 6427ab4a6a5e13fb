import { addressShortened } from './letterPdf';
import { createTranslator } from '../../../shared/i18n';
import { localToday } from '../../../shared/clock';
import type { Paper } from '../domain';
import { getCharityLogo } from '../charity/queries';
import { requireClient } from '../clients/queries';
import type { Handlers } from '../rpc';
import { rememberSavedFile } from '../savedFiles/savedFiles';
import { askWhereToSavePdf, safeFileName, writeFileAtomic } from '../storage/files';
import { renderLetterPdf } from './letterPdf';
import { composeLetter, keepLetter, listClientLetters, readLetter } from './letters';
import { listTemplates, saveTemplate, setTemplateActive } from './templates';

type LetterChannels =
  | 'templates.list'
  | 'templates.save'
  | 'templates.setActive'
  | 'letters.preview'
  | 'letters.keep'
  | 'letters.forClient'
  | 'letters.get'
  | 'letters.savePdf'
  | 'letters.print';

export function letterHandlers(cb: Paper): Pick<Handlers, LetterChannels> {
  const today = () => localToday(cb.now());
  /** A kept letter, its logo, and the name its file or print job goes by. */
  const letterOnFile = (id: number) =>
    cb.read((db) => {
      const letter = readLetter(db, id);
      const reference = requireClient(db, letter.clientId).reference;
      return {
        letter: { ...letter, logo: getCharityLogo(db) },
        fileName: safeFileName(`${letter.templateName} - ${reference} - ${letter.content.date}`),
      };
    });
  const pdfOf = (letter: ReturnType<typeof letterOnFile>['letter']) =>
    renderLetterPdf(cb.resourcesDir, letter.content, letter.logo);
  return {
    'templates.list': ({ includeArchived }) => cb.read((db) => listTemplates(db, includeArchived)),
    'templates.save': ({ target, template }) =>
      cb.write((db, s) => {
        const id = saveTemplate(db, target ?? null, template, s.user.id, cb.now());
        cb.audit(db, s, target ? 'template.changed' : 'template.added', {
          detail: { templateId: id, kind: template.kind, language: template.language },
        });
        return { id, templates: listTemplates(db, true) };
      }),
    'templates.setActive': ({ id, active }) =>
      cb.write((db, s) => {
        setTemplateActive(db, id, active, cb.now());
        cb.audit(db, s, active ? 'template.restored' : 'template.archived', { detail: { templateId: id } });
        return listTemplates(db, true);
      }),

    'letters.preview': (req) =>
      cb.read((db, s) => {
        const { content } = composeLetter(db, req, s.user.id, today());
        return { ...content, addressShortened: addressShortened(cb.resourcesDir, content.recipient) };
      }),
    'letters.keep': ({ request, edits }) =>
      cb.write((db, s) => {
        const { content, templateName } = composeLetter(db, request, s.user.id, today());
        const kept = { ...content, subject: edits.subject, body: edits.body.replace(/\r\n/g, '\n') };
        const id = keepLetter(db, request, kept, templateName, s.user.id, cb.now());
        cb.audit(db, s, 'letter.written', {
          clientId: request.clientId,
          detail: {
            letterId: id,
            templateId: request.templateId,
            ...(request.referralId ? { referralId: request.referralId } : {}),
            reworded: kept.subject !== content.subject || kept.body !== content.body,
          },
        });
        return readLetter(db, id);
      }),
    'letters.forClient': ({ clientId }) =>
      cb.read((db) => {
        requireClient(db, clientId);
        return listClientLetters(db, clientId);
      }),
    'letters.get': ({ id }) => cb.read((db) => readLetter(db, id)),
    'letters.savePdf': async ({ id }) => {
      const t = createTranslator(cb.language()).t;
      const { letter, fileName } = letterOnFile(id);
      const path = await askWhereToSavePdf(cb.platform, t('letters.savePdf'), fileName);
      writeFileAtomic(path, await pdfOf(letter));
      cb.write((db, s) => {
        cb.audit(db, s, 'letter.saved', { clientId: letter.clientId, detail: { letterId: id } });
        rememberSavedFile(db, 'letter', [path], [letter.clientId], s.user.id, cb.now());
      });
      return { path };
    },
    'letters.print': async ({ id }) => {
      const { letter, fileName } = letterOnFile(id);
      return cb.printouts.prepare(await pdfOf(letter), fileName, () =>
        cb.write((db, s) => cb.audit(db, s, 'letter.printed', { clientId: letter.clientId, detail: { letterId: id } })),
      );
    },
  };
}
