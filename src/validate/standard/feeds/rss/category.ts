/** Categories of channels and items (RSS 2.0 §category): text with an optional domain. */
import { leaf } from '../checks/common.ts';
import { checkPlainText } from '../checks/html.ts';
import type { Kind } from '../kind.ts';

/** <category domain="…"> (RSS 2.0 §category). */
export const CATEGORY: Kind = leaf({ attributes: ['domain'], check: (visit) => checkPlainText(visit) });

/** An item's <category>, which should not be empty. */
export const ITEM_CATEGORY: Kind = leaf({
  attributes: ['domain'],
  nonBlank: true,
  check: (visit) => checkPlainText(visit),
});
