/**
 * One spelling for a Vietnamese place name, whatever the source: Unicode NFC, and one tone-mark placement.
 * Sources differ ("Thanh Hoá" / "Thanh Hóa", "Thuỷ" / "Thủy"); both are valid NFC but do not compare equal.
 * The product writes the mark on the first vowel of an open "oa", "oe" or "uy" (Hóa, Khỏe, Thủy), the
 * placement of the Ministry of Education's rules of 1984 that most current lists use; after "q" the "u" is
 * part of the consonant, so "quý" keeps its mark on the "y".
 */
const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';
/** o+a, o+e, u+y with the tone on the second vowel and nothing after it in the word. */
const SECOND_VOWEL_TONE = new RegExp(
  `(?<![qQ])([oO])([aAeE])(${TONE})(?!\\p{L}|\\p{M})|(?<![qQ])([uU])([yY])(${TONE})(?!\\p{L}|\\p{M})`,
  'gu',
);

/** The name in NFC with the product's tone placement; spaces collapsed, ends trimmed. */
export function canonicalName(name: string): string {
  return name
    .normalize('NFD')
    .replace(SECOND_VOWEL_TONE, (_m, o, a, t1, u, y, t2) => (o ? `${o}${t1}${a}` : `${u}${t2}${y}`))
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What two names are compared by: canonical, lower case ("Thanh Hoá" and "thanh hóa" match). */
export const nameKey = (name: string): string => canonicalName(name).toLocaleLowerCase('vi');
