import 'i18next';
import type { en } from './en';

// Every t() in the window, the core and shared code is checked against the English catalog: a key
// that does not exist is a type error. (pl.ts must have the same keys: see `Polish` in pl.ts.)
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
    // Keys are checked; the values put into a message are not (a date may be null where a sentence
    // has no date), so the catalog tests and the screens check those.
    strictInterpolationChecks: false;
  }
}
