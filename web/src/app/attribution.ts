/** The map's attribution, on screen and on every export. */
export const ATTRIBUTION =
  'Ranh giới tỉnh, biên giới: Natural Earth (public domain) · Xã, huyện, điểm, tụ điểm: dữ liệu minh họa';
