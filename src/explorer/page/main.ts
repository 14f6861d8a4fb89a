// Entry point of the explorer page.
import { startApp } from './app.ts';
import { prepareData } from './explorer-data.ts';
import { loadCatalog } from './load-catalog.ts';

const root = document.getElementById('app');
if (root !== null) {
  loadCatalog().then(
    (catalog) => startApp(root, prepareData(catalog)),
    (error: unknown) => {
      root.textContent = `The rule catalog could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    },
  );
}
