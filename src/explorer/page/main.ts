// Entry point of the explorer page. The User Timing marks let tests and users see where load time goes.
import { startApp } from './app.ts';
import { prepareData } from './explorer-data.ts';
import { loadCatalog, loadRuleTexts } from './load-catalog.ts';

const root = document.getElementById('app');
if (root !== null) {
  loadCatalog().then(
    (catalog) => {
      performance.mark('sigil:catalog-loaded');
      const data = prepareData(catalog);
      performance.mark('sigil:index-built');
      startApp(root, data);
      performance.mark('sigil:first-view');
      // Rule pages need the YAML texts; fetch them now, while the user looks at the list.
      loadRuleTexts().then(
        () => performance.mark('sigil:texts-loaded'),
        () => undefined,
      );
    },
    (error: unknown) => {
      root.textContent = `The rule catalog could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    },
  );
}
