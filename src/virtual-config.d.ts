declare module 'virtual:press/config' {
  const config: import('./build/site-config.ts').SiteConfig;
  export default config;
}
