import type { RecordLabel } from '../shared/record-kind';
import { createdOnce, decideByType } from '../shared/decide-by-type';
import { assertNever, type Decider } from '../shared/decider';
import { requireText } from '../shared/validation';
import type { ProductCommand, PublishProduct, RetireProduct, ReviseProduct } from './product.commands';
import type { ProductEvent } from './product.events';
import {
  checkProductContent,
  PRODUCT_CONTENT_FIELDS,
  requireProviderInPool,
  type ProductContent,
} from './product.rules';
import { checkRevision } from '../shared/revisions';
import { requirePublished, retired, retirementOf, type Retirement } from '../shared/retirement';

export type ProductVersion = ProductContent & { version: number; recordedAt: string };

export type ProductRecord = {
  productId: string;
  providerId: string;
  /** The provider's organisation: only it revises the product. */
  providerOrgId: string;
  /** Every version, oldest first; the last is current. */
  versions: ProductVersion[];
  publishedAt: string;
};

export type ProductState =
  | { status: 'NONE' }
  | ({ status: 'PUBLISHED' } & ProductRecord)
  | (Retirement & ProductRecord);

export type ExistingProduct = Exclude<ProductState, { status: 'NONE' }>;

/** The version on show. */
export const currentProductVersion = (product: ProductRecord): ProductVersion => product.versions[product.versions.length - 1];

export function productContentOf(source: ProductContent): ProductContent {
  const { item, content, process, standard, supervision, contact, fee, timeLimit, classification } = source;
  return { item, content, process, standard, supervision, contact, fee, timeLimit, classification };
}

const initialState = (): ProductState => ({ status: 'NONE' });

function evolve(state: ProductState, event: ProductEvent): ProductState {
  switch (event.type) {
    case 'ProductPublished': {
      const { productId, providerId, providerOrgId, version, publishedAt } = event.data;
      return {
        status: 'PUBLISHED',
        productId,
        providerId,
        providerOrgId,
        versions: [{ ...productContentOf(event.data), version, recordedAt: publishedAt }],
        publishedAt,
      };
    }
    case 'ProductRevised': {
      if (state.status !== 'PUBLISHED') return state;
      const { version, revisedAt } = event.data;
      return { ...state, versions: [...state.versions, { ...productContentOf(event.data), version, recordedAt: revisedAt }] };
    }
    case 'ProductRetired':
      return state.status === 'PUBLISHED' ? retired(state, event.data) : state;
    default:
      return assertNever(event);
  }
}

/** How service product records are named when one is missing or is created a second time. */
export const PRODUCT_RECORD: RecordLabel = { code: 'PRODUCT', zh: '服务产品', en: 'service product' };

const decide = decideByType<ProductCommand, ProductState, ProductEvent, 'PublishProduct'>({
  onNew: { PublishProduct: createdOnce(PRODUCT_RECORD, publish) },
  on: { ReviseProduct: revise, RetireProduct: retire },
  record: PRODUCT_RECORD,
});


function publish(command: PublishProduct, state: ProductState): ProductEvent[] {
  const { data, metadata } = command;
  requireProviderInPool(data.providerInPool);
  const providerOrgId = requireText(data.providerOrgId, 'providerOrgId', { zh: '服务机构', en: 'Provider organisation' });
  const productId = requireText(data.productId, 'productId', { zh: '服务产品编号', en: 'Product id' });
  const providerId = requireText(data.providerId, 'providerId', { zh: '服务机构编号', en: 'Provider id' });
  return [
    {
      type: 'ProductPublished',
      data: {
        productId,
        providerId,
        providerOrgId,
        version: 1,
        ...checkProductContent(data, ''),
        publishedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function revise(command: ReviseProduct, product: ExistingProduct): ProductEvent[] {
  const { data, metadata } = command;
  requirePublished(product, PRODUCT_RECORD);
  // A revision is a publication of a new version, so the provider must still be in the pool.
  requireProviderInPool(data.providerInPool);
  const current = currentProductVersion(product);
  const { content, changedFields } = checkRevision(productContentOf(current), data.changes, PRODUCT_CONTENT_FIELDS, checkProductContent);
  return [
    {
      type: 'ProductRevised',
      data: { productId: product.productId, version: current.version + 1, ...content, changedFields, revisedAt: metadata.now.toISOString() },
    },
  ];
}

function retire(command: RetireProduct, product: ExistingProduct): ProductEvent[] {
  return [{ type: 'ProductRetired', data: { productId: product.productId, ...retirementOf(product, command, PRODUCT_RECORD) } }];
}

export const productDecider: Decider<ProductCommand, ProductState, ProductEvent> = { initialState, evolve, decide };
