// Words the page shows for catalog values.
import type { EntryKind } from '../catalog/types.ts';
import { tacticName } from '../data/attack-tactics.ts';
import { techniqueName } from '../data/attack-techniques.ts';
import type { FacetName } from './route.ts';

const KIND_LABELS: Record<EntryKind, string> = {
  detection: 'Detection',
  'threat-hunting': 'Hunting',
  'emerging-threat': 'Emerging Threat',
  correlation: 'Correlation',
  filter: 'Filter',
};

const FACET_TITLES: Record<FacetName, string> = {
  level: 'Level',
  status: 'Status',
  kind: 'Kind',
  product: 'Product',
  category: 'Category',
  service: 'Service',
  tactic: 'ATT&CK tactic',
  technique: 'ATT&CK technique',
  author: 'Author',
};

/** Returns the badge text of an entry kind ("Hunting" for threat-hunting rules). */
export function kindLabel(kind: EntryKind): string {
  return KIND_LABELS[kind];
}

export function facetTitle(name: FacetName): string {
  return FACET_TITLES[name];
}

/** Returns the text of a facet value in the facet list. */
export function facetValueLabel(name: FacetName, value: string): string {
  switch (name) {
    case 'kind':
      return kindLabel(value as EntryKind);
    case 'tactic':
      return tacticName(value);
    case 'technique':
      return techniqueLabel(value);
    default:
      return value;
  }
}

/** `T1059.001 Command and Scripting Interpreter: PowerShell`, or the bare id when its name is unknown. */
export function techniqueLabel(id: string): string {
  const name = techniqueName(id);
  return name === undefined ? id : `${id} ${name}`;
}
