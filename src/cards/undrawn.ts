import type { CardRequest } from './painter.ts';

/** The warning for a card that shows the site name because no font of its language can draw the title. */
export function undrawnWarning(request: CardRequest): string {
  return `${request.path}: no font of the ${request.locale} pages can draw every character of "${request.words.title}"; the card shows the site name instead of the title.`;
}
