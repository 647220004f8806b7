/**
 * The key figures as a graphic: one tile per figure with its value, a bar where figures share a
 * unit (the distances: Hà Nội against Nội Bài) and its label in lines. Pure like ./draw.ts: the
 * words and the way to measure them come in, positions come out; the component
 * (src/components/maps/KeyFigures.astro) writes them as inline SVG, the web page's and, printed by
 * Chromium, the PDF's vectors with real text.
 */

export interface FigureInput {
  id: string;
  /** The number itself, for the bars. */
  amount: number;
  unit: string;
  /** The number as readers read it ("80 km", "1,34 triệu"). */
  value: string;
  label: string;
  /** A line under the label ("in 2024"), if any. */
  note?: string | undefined;
}

export interface FigureMeasures {
  /** Width in px of the value at `size` px (bold). */
  valueWidth(text: string, size: number): number;
  /** The figure's label in lines no wider than `maxWidth` px at the label size. */
  labelLines(figure: FigureInput, maxWidth: number): string[];
}

/** Sizes in px of the tile's viewBox; the page scales the tile to its column. */
export const figureType = { value: 30, minValue: 18, label: 14, labelLeading: 18, note: 12 } as const;

export interface FigureTile {
  id: string;
  width: number;
  height: number;
  accent: { height: number };
  value: { x: number; y: number; size: number; text: string };
  /** A bar as long as the figure against the largest of its unit, on a track the tile's width. */
  bar?: { x: number; y: number; width: number; track: number; height: number } | undefined;
  label: { x: number; y: number; leading: number; lines: string[] };
  note?: { x: number; y: number; text: string } | undefined;
}

const pad = 14;
const accent = 5;
const barHeight = 6;

/**
 * Tiles of one width and one height (the tallest label sets it), so they line up in a grid.
 * `width` is the tile's width in px of its viewBox.
 */
export function drawKeyFigures(figures: readonly FigureInput[], measures: FigureMeasures, width = 200): FigureTile[] {
  const inner = width - 2 * pad;
  // Units two figures or more share get bars, each against the largest of its unit.
  const largest = new Map<string, number>();
  const count = new Map<string, number>();
  for (const f of figures) {
    count.set(f.unit, (count.get(f.unit) ?? 0) + 1);
    largest.set(f.unit, Math.max(largest.get(f.unit) ?? 0, Math.abs(f.amount)));
  }
  const barred = (f: FigureInput) => (count.get(f.unit) ?? 0) > 1 && (largest.get(f.unit) ?? 0) > 0;
  const anyBar = figures.some(barred);

  const valueBaseline = accent + pad + figureType.value * 0.8;
  const barY = valueBaseline + 10;
  const labelTop = anyBar ? barY + barHeight + 8 : valueBaseline + 6;
  const laid = figures.map((f) => {
    // A long value is set smaller to stay inside its tile, never below the smallest size.
    const natural = measures.valueWidth(f.value, figureType.value);
    const size = natural > inner ? Math.max(figureType.minValue, Math.floor((figureType.value * inner) / natural)) : figureType.value;
    return { f, size, lines: measures.labelLines(f, inner) };
  });
  const mostLines = Math.max(1, ...laid.map((l) => l.lines.length));
  const labelBaseline = labelTop + figureType.label;
  const noteBaseline = labelBaseline + (mostLines - 1) * figureType.labelLeading + figureType.note + 8;
  const anyNote = figures.some((f) => f.note);
  const height = Math.ceil((anyNote ? noteBaseline : labelBaseline + (mostLines - 1) * figureType.labelLeading) + pad);

  return laid.map(({ f, size, lines }) => ({
    id: f.id,
    width,
    height,
    accent: { height: accent },
    value: { x: pad, y: valueBaseline, size, text: f.value },
    bar: barred(f) ? { x: pad, y: barY, width: Math.max(barHeight, Math.round((inner * Math.abs(f.amount)) / largest.get(f.unit)!)), track: inner, height: barHeight } : undefined,
    label: { x: pad, y: labelBaseline, leading: figureType.labelLeading, lines },
    note: f.note ? { x: pad, y: noteBaseline, text: f.note } : undefined,
  }));
}
