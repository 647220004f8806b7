/** What src/cards/integration.ts hands the dev-server card middleware (src/cards/dev-middleware.ts). */
declare module 'virtual:press-cards/options' {
  const options: { logo: string; cacheDir: string | null };
  export default options;
}
