import { useContext } from 'react';
import { FORM_MESSAGES } from './form-messages.ts';
import { LangContext } from './use-i18n.ts';

export const useFormText = () => FORM_MESSAGES[useContext(LangContext)];
