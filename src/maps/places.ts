/**
 * The places the maps show, with their coordinates (longitude, latitude in degrees, WGS 84), from
 * general reference sources: the centre of Thái Nguyên city, Hà Nội (Hoàn Kiếm), Nội Bài
 * International Airport and the port of Hải Phòng. Distances on the maps are computed from these.
 */
export type LonLat = readonly [number, number];

export const places = {
  thaiNguyen: [105.8442, 21.5942],
  hanoi: [105.8542, 21.0285],
  noiBai: [105.8072, 21.2212],
  haiPhong: [106.688, 20.865],
} as const satisfies Record<string, LonLat>;

export type PlaceId = keyof typeof places;
