/**
 * Facts about the publisher, the provincial Department of Foreign Affairs, as search engines read
 * them (JSON-LD on every page). Its name is a UI string (`site.department`), so it reads in the
 * page's language; the facts below are the same in every language.
 *
 * The telephone and e-mail are the placeholders the project content uses too (an `.example`
 * address): replace them with the department's published contact details before going live.
 */
export const department = {
  address: {
    addressLocality: 'Thái Nguyên',
    addressRegion: 'Thái Nguyên',
    addressCountry: 'VN',
  },
  telephone: '+84 208 3 000 000',
  email: 'contact@thainguyen.example',
  /** Square logo, rendered from the favicon at build time (see src/pages/logo.png.ts). */
  logo: { path: '/logo.png', size: 512 },
} as const;
