/**
 * Maps drawn from data, as SVG geometry: the same drawing is the web page's inline SVG and, printed
 * by Chromium, vectors with real text in the PDF. Outlines of countries from Natural Earth (through
 * world-atlas), the province's outline from ./thai-nguyen.geo.json (drawn by hand, see its source
 * note), places from ./places.ts. Pure but for reading the outlines once: numbers in, path data and
 * positions out; the components (src/components/maps/) add the labels in the reader's language.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoDistance, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import outline from './thai-nguyen.geo.json' with { type: 'json' };
import { places, type LonLat, type PlaceId } from './places.ts';

/** Kilometres per radian of the earth's mean radius. */
const earthKm = 6371;

/** Straight-line (great-circle) distance in km between two places, rounded to the kilometre. */
export function distanceKm(a: LonLat, b: LonLat): number {
  return Math.round(geoDistance([...a], [...b]) * earthKm);
}

const province = outline as unknown as Feature<Geometry>;

function countriesOf(topology: unknown): FeatureCollection<Geometry, { name: string }> {
  const topo = topology as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
}

/**
 * Natural Earth's countries, read when a map is first drawn. Not imported: as a JSON import the
 * 4.4 MB of outlines became a 7.3 MB module that the bundler transformed and every build compiled
 * before its first page (one cold build of the site bench's content: 57 s of CPU before, 50 s after).
 * Resolved from this module: in the build it runs from the project's .astro/ folder, beside node_modules.
 */
const atlas = (name: string): unknown => JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`world-atlas/${name}`), 'utf8'));

let cached: { fine: FeatureCollection<Geometry, { name: string }>; coarse: FeatureCollection<Geometry, { name: string }> } | undefined;
const world = () => (cached ??= { fine: countriesOf(atlas('countries-10m.json')), coarse: countriesOf(atlas('countries-50m.json')) });

/** Natural Earth's numeric codes of the countries drawn: Vietnam, and its neighbours for context. */
const vietnam = '704';
const neighbours = new Set(['156', '418', '116']);

const round = (n: number) => Math.round(n * 10) / 10;

export interface MapPoint {
  id: string;
  x: number;
  y: number;
}

export interface LocatorDrawing {
  width: number;
  height: number;
  /** The inset: Vietnam and its neighbours, the province marked. */
  inset: { x: number; y: number; width: number; height: number; vietnam: string; neighbours: string[]; province: string; mark: MapPoint };
  /** The region: the province and the places it is measured against. */
  region: {
    x: number;
    y: number;
    width: number;
    height: number;
    land: string;
    neighbours: string[];
    province: string;
    places: (MapPoint & { id: PlaceId; km: number })[];
  };
}

function panel(projection: GeoProjection) {
  const path = geoPath(projection).digits(1);
  return (geometry: Parameters<typeof path>[0]) => path(geometry) ?? '';
}

/**
 * The locator map: an inset of Vietnam at the left (a fifth of the width), the region around the
 * province at the right, with straight lines and distances from Thái Nguyên city.
 */
export function drawLocator(width = 600, height = 400): LocatorDrawing {
  const { fine, coarse } = world();
  const insetWidth = Math.round(width * 0.27);
  const gap = 12;
  const insetBox: [[number, number], [number, number]] = [[4, 4], [insetWidth - 4, height - 4]];
  const vn = coarse.features.find((f) => f.id === vietnam)!;
  const insetProjection = geoMercator().fitExtent(insetBox, vn).clipExtent(insetBox);
  const drawInset = panel(insetProjection);
  const [mx, my] = insetProjection([...places.thaiNguyen])!;

  const regionX = insetWidth + gap;
  const regionBox: [[number, number], [number, number]] = [[regionX, 0], [width, height]];
  // The region from Thái Nguyên's north to the coast beyond Hải Phòng, with a margin for labels.
  const extent: Feature<Geometry> = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiPoint', coordinates: [[105.25, 22.2], [107.0, 20.65]] },
  };
  const regionProjection = geoMercator().fitExtent(regionBox, extent).clipExtent(regionBox);
  const drawRegion = panel(regionProjection);
  const at = (lonLat: LonLat) => regionProjection([...lonLat])!.map(round) as [number, number];

  return {
    width,
    height,
    inset: {
      x: 0,
      y: 0,
      width: insetWidth,
      height,
      vietnam: drawInset(vn),
      neighbours: coarse.features.filter((f) => neighbours.has(String(f.id))).map((f) => drawInset(f)),
      province: drawInset(province),
      mark: { id: 'thaiNguyen', x: round(mx), y: round(my) },
    },
    region: {
      x: regionX,
      y: 0,
      width: width - regionX,
      height,
      land: drawRegion(fine.features.find((f) => f.id === vietnam)!),
      neighbours: fine.features.filter((f) => neighbours.has(String(f.id))).map((f) => drawRegion(f)),
      province: drawRegion(province),
      places: (Object.keys(places) as PlaceId[]).map((id) => {
        const [x, y] = at(places[id]);
        return { id, x, y, km: id === 'thaiNguyen' ? 0 : distanceKm(places.thaiNguyen, places[id]) };
      }),
    },
  };
}

export interface ProvinceDrawing {
  width: number;
  height: number;
  province: string;
  city: MapPoint;
  points: MapPoint[];
}

/** The province on its own, with points (investment projects) at their coordinates. */
export function drawProvince(points: { id: string; location: LonLat }[], width = 400, height = 400): ProvinceDrawing {
  const box: [[number, number], [number, number]] = [[10, 10], [width - 10, height - 10]];
  const projection = geoMercator().fitExtent(box, province);
  const [cx, cy] = projection([...places.thaiNguyen])!;
  return {
    width,
    height,
    province: panel(projection)(province),
    city: { id: 'thaiNguyen', x: round(cx), y: round(cy) },
    points: points.map(({ id, location }) => {
      const [x, y] = projection([...location])!;
      return { id, x: round(x), y: round(y) };
    }),
  };
}
