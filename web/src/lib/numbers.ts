/**
 * A number as a Vietnamese user types it: the comma is the decimal mark ("2,5" is 2.5) and the dot groups thousands
 * ("10.000" is 10000, "1.234,5" is 1234.5); "2.5" (a dot not grouping thousands) is still 2.5. NaN when it is not a
 * number. A browser's number field would drop the comma and read "2,5" as 25.
 */
export function parseLocaleNumber(text: string): number {
  const s = text.trim().replace(/\s/g, '');
  if (!/^-?[\d.,]+$/.test(s) || !/\d/.test(s)) return NaN;
  let normal: string;
  if (s.includes(',')) {
    if (s.indexOf(',') !== s.lastIndexOf(',')) return NaN;
    normal = s.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) normal = s.replace(/\./g, '');
  else normal = s;
  if (normal.indexOf('.') !== normal.lastIndexOf('.')) return NaN;
  return Number(normal);
}
