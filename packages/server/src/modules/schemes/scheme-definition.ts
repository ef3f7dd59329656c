import { validateScenario, type Scheme, type Subject } from '@baton/engine';
import type { ErrorDetail } from '../../app/errors.js';

/** A category name no scheme uses: stands for "every category without its own weights". */
const OTHER_CATEGORY = '(其他分类)';

/**
 * Validates a scheme definition with the engine's own validation (docs/product.md §3.1, §3.2), before any
 * subject exists: the engine checks section sums only for the categories among the subjects, so
 * it is given one subject per category key of any `weightsByCategory` plus one for everybody else
 * (the default weights). Paths name the definition: `definition.indicators[2].weight`.
 */
export function checkSchemeDefinition(definition: unknown): { ok: true; scheme: Scheme } | { ok: false; errors: ErrorDetail[] } {
  const shape = validateScenario({ scheme: definition, subjects: [] });
  if (!shape.ok) return { ok: false, errors: shape.errors.map(toDefinitionPath) };
  const scheme = shape.scenario.scheme;
  const categories = new Set<string>();
  for (const indicator of scheme.indicators) for (const key of Object.keys(indicator.weightsByCategory ?? {})) categories.add(key);
  // The grouping decides which subject fields the engine requires: give the stand-ins what it asks for.
  const grouped = (subject: Subject): Subject => (scheme.grouping === 'unit' ? { ...subject, unit: 'u' } : subject);
  const subjects: Subject[] = [
    grouped(scheme.grouping === 'category' ? { id: 'other', category: OTHER_CATEGORY } : { id: 'other' }),
    ...[...categories].map((category, i) => grouped({ id: `c${i}`, category })),
  ];
  const weighted = validateScenario({ scheme: definition, subjects });
  if (!weighted.ok) return { ok: false, errors: weighted.errors.map(toDefinitionPath) };
  return { ok: true, scheme };
}

function toDefinitionPath(issue: { path: string; message: string }): ErrorDetail {
  const path = issue.path === 'scheme' ? 'definition' : issue.path.startsWith('scheme.') || issue.path.startsWith('scheme[') ? `definition${issue.path.slice('scheme'.length)}` : issue.path;
  return { path, message: issue.message };
}
