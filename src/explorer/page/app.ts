// Wires the views to the URL: each hash change shows the list, a rule or the coverage view.
import { el } from './dom.ts';
import { findEntry, type ExplorerData } from './explorer-data.ts';
import { createListView } from './list/list-view.ts';
import { renderCoverageView } from './coverage/coverage-view.ts';
import { renderRuleView } from './rule/rule-view.ts';
import { COVERAGE_HASH, parseRoute } from './route.ts';

export function startApp(root: HTMLElement, data: ExplorerData): void {
  const listView = createListView(data);
  const main = el('main', { className: 'content' });

  const nav = el(
    'nav',
    { className: 'top-nav' },
    el('a', { className: 'brand', attrs: { href: '#/' } }, 'Sigil Explorer'),
    el('a', { attrs: { href: '#/' }, testId: 'nav-rules' }, 'Rules'),
    el('a', { attrs: { href: COVERAGE_HASH }, testId: 'nav-coverage' }, 'Coverage'),
    el('span', { className: 'nav-count' }, `${data.catalog.entries.length} rules loaded`),
  );
  root.replaceChildren(nav, main);

  const show = (): void => {
    const route = parseRoute(location.hash);
    switch (route.kind) {
      case 'list':
        if (main.firstChild !== listView.element) main.replaceChildren(listView.element);
        listView.show(route.state);
        document.title = 'Sigil Explorer';
        return;
      case 'rule': {
        const entry = findEntry(data, route.key);
        main.replaceChildren(
          entry === undefined
            ? el('p', { className: 'not-found', testId: 'not-found' }, `No loaded rule has the id or key ${route.key}.`)
            : renderRuleView(entry, data, listView.hash()),
        );
        document.title = entry === undefined ? 'Rule not found · Sigil Explorer' : `${entry.title} · Sigil Explorer`;
        window.scrollTo(0, 0);
        return;
      }
      case 'coverage':
        main.replaceChildren(renderCoverageView(data));
        document.title = 'ATT&CK coverage · Sigil Explorer';
        return;
    }
  };
  window.addEventListener('hashchange', show);
  show();
}
