import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { applyLanguage, storedLanguage } from '../shared/language';
import zhCN from './locales/zh-CN';
import enUS from './locales/en-US';

/** Starts i18next with every module's messages (main.tsx imports this once); switching language is shared/language.ts. */

const initial = storedLanguage();
applyLanguage(initial);

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    'en-US': { translation: enUS },
  },
  lng: initial,
  fallbackLng: 'zh-CN',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
