// The explorer's Node side: build the catalog from loaded rules, serve it or export it.
export { buildCatalog, splitAuthors, type BuildCatalogOptions } from './catalog/build-catalog.ts';
export type { Catalog, CatalogEntry, CatalogWithTexts, EntryKind, RuleTexts } from './catalog/types.ts';
export { startExplorerServer, type ExplorerServerOptions, type RunningExplorer } from './server/server.ts';
export { collectSiteFiles, renderDataScript, type SiteFiles } from './server/site-files.ts';
export { exportSite } from './server/export-site.ts';
export { findPageAssets } from './server/page-assets.ts';
export { CONTENT_SECURITY_POLICY } from './server/security-headers.ts';
