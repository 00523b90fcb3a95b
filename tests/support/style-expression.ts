/** A data-driven colour of a MapLibre style, evaluated by MapLibre's own expression engine for given properties. */
import { expression } from '@maplibre/maplibre-gl-style-spec';

export function colourOf(paint: unknown) {
  const e = expression.createExpression(paint, {
    type: 'color',
    'property-type': 'data-driven',
    expression: { interpolated: true, parameters: ['zoom', 'feature'] },
  } as never);
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  return (properties: Record<string, unknown>) =>
    e.value.evaluate({ zoom: 8 }, { properties } as never) as
      string | { r: number; g: number; b: number; toString(): string };
}
