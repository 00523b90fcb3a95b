/** wkt-parser (proj4's own WKT reader) ships no types: it returns the parsed projection as a plain object. */
declare module 'wkt-parser' {
  const parse: (wkt: string) => Record<string, unknown>;
  export default parse;
}
