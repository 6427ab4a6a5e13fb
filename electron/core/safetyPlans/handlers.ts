import { requireContactDetails } from '../clients/contactDetails';
import { createTranslator } from '../../../shared/i18n';
import { CasebookError } from '../../../shared/result';
import type { Paper } from '../domain';
import { getCharity } from '../charity/queries';
import { letterDate, mergeText, type MergeValues } from '../../../shared/domain/letter';
import type { UiLanguage } from '../../../shared/domain/languages';
import { safetyPlanTemplate } from '../letters/templates';
import { recordMergeValues } from '../letters/letters';
import { DEFAULT_TEMPLATES } from '../letters/defaultTemplates';

/** Only if the charity's own page in this language was removed from the database by hand. */
const fallbackPage = (language: UiLanguage) =>
  DEFAULT_TEMPLATES.find((d) => d.kind === 'safetyPlan' && d.language === language)!;
import { requireClient } from '../clients/queries';
import type { Handlers } from '../rpc';
import { rememberSavedFile } from '../savedFiles/savedFiles';
import { askWhereToSavePdf, writeFileAtomic } from '../storage/files';
import { currentSafetyPlan, saveSafetyPlan } from './safetyPlans';
import { renderSafetyPlanSheet } from './safetyPlanSheet';

export function safetyPlanHandlers(
  cb: Paper,
): Pick<Handlers, 'safetyPlans.get' | 'safetyPlans.save' | 'safetyPlans.savePdf' | 'safetyPlans.print'> {
  return {
    'safetyPlans.get': ({ clientId }) =>
      cb.read((db, s) => {
        requireContactDetails(s);
        requireClient(db, clientId);
        return currentSafetyPlan(db, clientId);
      }),
    'safetyPlans.save': ({ clientId, plan }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        const id = saveSafetyPlan(db, clientId, plan, s.user.id, cb.now());
        cb.audit(db, s, 'safetyPlan.saved', { clientId, detail: { safetyPlanId: id } });
        return currentSafetyPlan(db, clientId)!;
      }),
    'safetyPlans.savePdf': async ({ clientId }) => {
      const sheet = await safetyPlanPdf(cb, clientId);
      const t = createTranslator(cb.language()).t;
      const path = await askWhereToSavePdf(cb.platform, t('safetyPlan.savePdf'), sheet.fileName);
      writeFileAtomic(path, sheet.pdf);
      cb.write((db, s) => {
        cb.audit(db, s, 'safetyPlan.exported', { clientId, detail: { safetyPlanId: sheet.planId } });
        rememberSavedFile(db, 'safetyPlan', [path], [clientId], s.user.id, cb.now());
      });
      return { path };
    },
    'safetyPlans.print': async ({ clientId }) => {
      const sheet = await safetyPlanPdf(cb, clientId);
      return cb.printouts.prepare(sheet.pdf, sheet.fileName, () =>
        cb.write((db, s) =>
          cb.audit(db, s, 'safetyPlan.printed', { clientId, detail: { safetyPlanId: sheet.planId } }),
        ),
      );
    },
  };
}

/** The client's safety plan on one page, in the client's language where the charity has its page in it. */
async function safetyPlanPdf(
  cb: Paper,
  clientId: number,
): Promise<{ pdf: Uint8Array; fileName: string; planId: number }> {
  const uiLanguage = cb.language();
  const { client, plan, charity, page, writer } = cb.read((db, s) => {
    requireContactDetails(s);
    const client = requireClient(db, clientId);
    // The page in the client's own language when the charity has one, else in the interface's.
    const own = client.preferredLanguage ? safetyPlanTemplate(db, client.preferredLanguage) : null;
    const page = own
      ? { ...own, language: client.preferredLanguage! }
      : { ...(safetyPlanTemplate(db, uiLanguage) ?? fallbackPage(uiLanguage)), language: uiLanguage };
    return { client, plan: currentSafetyPlan(db, clientId), charity: getCharity(db), page, writer: s.user.name };
  });
  if (!plan) throw new CasebookError('NOT_FOUND', 'This client has no safety plan');
  const t = createTranslator(uiLanguage).t;
  const values: MergeValues = {
    ...recordMergeValues(charity, client, writer, page.language),
    'safetyPlan.agreedOn': letterDate(plan.agreedOn, page.language),
    'safetyPlan.reviewOn': letterDate(plan.reviewOn, page.language),
  };
  const footer = mergeText(page.body, values)
    .text.split('\n')
    .map((l) => l.replace(/^[\s·,-]+|[\s·,-]+$/g, ''))
    .filter(Boolean);
  const clientName = `${client.firstName} ${client.lastName}`;
  const pdf = await renderSafetyPlanSheet(cb.resourcesDir, {
    language: page.language,
    charityName: charity.name,
    clientName,
    plan,
    heading: mergeText(page.subject, values).text.trim(),
    footer,
  });
  return { pdf, fileName: `${t('safetyPlan.fileName')} - ${client.reference}`, planId: plan.id };
}
