import 'i18next';
import type common from '../../locales/vi/common.json';
import type print from '../../locales/vi/print.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: typeof common; print: typeof print };
  }
}
