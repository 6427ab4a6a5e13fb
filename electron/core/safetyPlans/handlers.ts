import { createTranslator } from '../../../shared/i18n';
import { CasebookError } from '../../../shared/result';
import type { Casebook } from '../casebook';
import { getCharity } from '../charity/queries';
import { requireClient } from '../clients/queries';
import type { Handlers } from '../rpc';
import { writeFileAtomic } from '../storage/files';
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
      const { client, plan, charity } = cb.read((db) => ({ client: requireClient(db, clientId), plan: currentSafetyPlan(db, clientId), charity: getCharity(db) }));
      if (!plan) throw new CasebookError('NOT_FOUND', 'This client has no safety plan');
      const language = cb.language();
      const t = createTranslator(language).t;
      const clientName = `${client.firstName} ${client.lastName}`;
      const path = await cb.platform.chooseSavePath({
        title: t('safetyPlan.savePdf'),
        defaultName: `${t('safetyPlan.fileName')} - ${client.reference}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (!path) throw new CasebookError('CANCELLED', 'No place was chosen');
      const pdf = await renderSafetyPlanSheet(cb.resourcesDir, { language, charityName: charity.name, charityPhone: charity.phone, clientName, plan });
      writeFileAtomic(path, pdf);
      cb.write((db, s) => cb.audit(db, s, 'safetyPlan.exported', { clientId, detail: { safetyPlanId: plan.id } }));
      return { path };
    },
  };
}
