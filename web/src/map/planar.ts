/**
 * Projected points drawn as planar shapes (the sketch map, the export's national inset): d3's spherical geometry
 * would read a ring's winding as inside or outside, and a ring wound the other way would fill the rest of the world.
 */
import { geoTransform, type GeoProjection, type GeoStreamWrapper } from 'd3-geo';

export function planar(projection: GeoProjection): GeoStreamWrapper {
  return geoTransform({
    point(x, y) {
      const p = projection([x, y]);
      if (p) this.stream.point(p[0], p[1]);
    },
  });
}
