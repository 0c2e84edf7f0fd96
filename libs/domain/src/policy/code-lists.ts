/** The code-list checks are generic and live in shared/; re-exported so imports from here keep working. */
export { requireCodeSet, requireCodeSetOrAny, requireTextList } from '../shared/code-lists';
