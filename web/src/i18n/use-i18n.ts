import { createContext, useContext } from 'react';
import { MESSAGES, type Lang, type MessageKey } from './messages.ts';

export const LangContext = createContext<Lang>('vi');

/** `t(key)` in the current language, plus number and date formatting in that locale. */
export function useI18n() {
  const lang = useContext(LangContext);
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  return {
    lang,
    t: (key: MessageKey) => MESSAGES[lang][key],
    num: (n: number) => n.toLocaleString(locale),
  };
}
