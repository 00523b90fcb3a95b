/** A candidate's reasons in words, in the panel's language. */
import type { Tier } from '@pcmt/shared/domain';
import { TIER_LABELS, type Lang } from '@pcmt/shared/labels';
import type { Reason } from '@pcmt/shared/state/candidates';
import { CANDIDATE_MESSAGES } from '../../i18n/candidate-messages.ts';

export function reasonText(r: Reason, lang: Lang): string {
  const x = CANDIDATE_MESSAGES[lang].reason;
  // Mid-sentence in Vietnamese: "đang là có tệ nạn ma túy", not "đang là Có tệ nạn ma túy".
  const tier = (t: Tier) => {
    const label = TIER_LABELS[lang][t];
    return lang === 'vi' ? label.charAt(0).toLocaleLowerCase('vi') + label.slice(1) : label;
  };
  switch (r.code) {
    case 'tier':
      return `${x.tier} ${tier(r.tier)}`;
    case 'criteria':
      return `${x.criteria} ${r.unmet.join(', ')}`;
    case 'no_checks':
      return x.noChecks;
    case 'hotspots':
      return `${r.n} ${x.hotspots}`;
    case 'worse':
      return `${x.worse} ${tier(r.from)}`;
    case 'better':
      return `${x.better} ${tier(r.from)}`;
    case 'ready':
      return x.ready;
  }
}
