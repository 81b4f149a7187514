// The modules src/integration/gongbao.ts serves (gazetteModules).
declare module 'virtual:gongbao/config' {
  const config: import('../gazette/config.ts').GazetteConfig;
  export default config;
}
declare module 'virtual:gongbao/theme.css';
