import { createTranslator } from '../../../shared/i18n';
import { CasebookError } from '../../../shared/result';
import type { Casebook } from '../casebook';
import { getCharity } from '../charity/queries';
import { letterDate, mergeText, type MergeValues } from '../../../shared/domain/letter';
import type { UiLanguage } from '../../../shared/domain/languages';
import { safetyPlanTemplate } from '../letters/templates';
import { recordMergeValues } from '../letters/letters';
import { DEFAULT_TEMPLATES } from '../letters/defaultTemplates';

/** Only if the charity's own page in this language was removed from the database by hand. */
const fallbackPage = (language: UiLanguage) => DEFAULT_TEMPLATES.find((d) => d.kind === 'safetyPlan' && d.language === language)!;
import { requireClient } from '../clients/queries';
import type { Handlers } from '../rpc';
import { askWhereToSave, writeFileAtomic } from '../storage/files';
import { currentSafetyPlan, saveSafetyPlan } from './safetyPlans';
import { renderSafetyPlanSheet } from './safetyPlanSheet';

export function safetyPlanHandlers(cb: Casebook): Pick<Handlers, 'safetyPlans.get' | 'safetyPlans.save' | 'safetyPlans.savePdf'> {
  return {
    'safetyPlans.get': ({ clientId }) =>
      cb.read((db) => {
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
      const uiLanguage = cb.language();
      const { client, plan, charity, page, writer } = cb.read((db, s) => {
        const client = requireClient(db, clientId);
        // The page in the client's own language when the charity has one, else in the interface's.
        const own = client.preferredLanguage ? safetyPlanTemplate(db, client.preferredLanguage) : null;
        const page = own ? { ...own, language: client.preferredLanguage! } : { ...(safetyPlanTemplate(db, uiLanguage) ?? fallbackPage(uiLanguage)), language: uiLanguage };
        return { client, plan: currentSafetyPlan(db, clientId), charity: getCharity(db), page, writer: s.user.name };
      });
      if (!plan) throw new CasebookError('NOT_FOUND', 'This client has no safety plan');
      const t = createTranslator(uiLanguage).t;
      const clientName = `${client.firstName} ${client.lastName}`;
      const values: MergeValues = {
        ...recordMergeValues(charity, client, writer, page.language),
        'safetyPlan.agreedOn': letterDate(plan.agreedOn, page.language),
        'safetyPlan.reviewOn': letterDate(plan.reviewOn, page.language),
      };
      const footer = mergeText(page.body, values)
        .text.split('\n')
        .map((l) => l.replace(/^[\s·,-]+|[\s·,-]+$/g, ''))
        .filter(Boolean);
      const path = await askWhereToSave(cb.platform, {
        title: t('safetyPlan.savePdf'),
        defaultName: `${t('safetyPlan.fileName')} - ${client.reference}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      const pdf = await renderSafetyPlanSheet(cb.resourcesDir, { language: page.language, charityName: charity.name, clientName, plan, heading: mergeText(page.subject, values).text.trim(), footer });
      writeFileAtomic(path, pdf);
      cb.write((db, s) => cb.audit(db, s, 'safetyPlan.exported', { clientId, detail: { safetyPlanId: plan.id } }));
      return { path };
    },
  };
}
