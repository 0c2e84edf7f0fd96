import { productKind, providerKind, serviceCaseKind, type Actor } from '@sme/domain';
import { projectProduct, projectServiceCase, type ProductView, type ServiceCaseView } from '@sme/read-models/product.projection';
import type { RecordLoader } from '../records/record-loader';
import { readingOf } from '../records/record-query';
import { caseReadForbidden, mayReadLibraryRecord, productReadForbidden, readsByRegion } from './product-access';

/** The region of a product's or case's provider, when the reader's access turns on it. */
async function providerRegionFor(records: RecordLoader, actor: Actor, providerId: string): Promise<string | undefined> {
  if (!readsByRegion(actor)) return undefined;
  const state = await records.state(providerKind, providerId);
  return state.status === 'NONE' ? undefined : state.regionCode;
}

/** The read rule of products and cases: the region that matters is their provider's. */
const mayReadLibrary = async (actor: Actor, view: { providerId: string; providerOrgId: string }, records: RecordLoader) =>
  mayReadLibraryRecord(actor, view, await providerRegionFor(records, actor, view.providerId));

export const productReading = readingOf<ProductView>(productKind, projectProduct, {
  mayRead: mayReadLibrary,
  forbidden: productReadForbidden,
});

export const caseReading = readingOf<ServiceCaseView>(serviceCaseKind, projectServiceCase, {
  mayRead: mayReadLibrary,
  forbidden: caseReadForbidden,
});
