import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nResources } from '../../shared/i18n';

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: i18nResources,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
