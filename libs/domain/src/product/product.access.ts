import { grant, type AccessPolicy } from '../shared/access';
import type { ProductCommand } from './product.commands';
import type { ExistingProduct, ProductState } from './product.decider';

/** The product's own provider: a PROVIDER of the organisation that published it. */
const theProvider = grant<ExistingProduct, unknown>({ roles: ['PROVIDER'], owner: (product) => product?.providerOrgId });

/** Who may do what to a service product (服务产品库, 工信部企业〔2023〕213号 (四)). */
export const productAccess: AccessPolicy<ProductCommand, ProductState> = {
  // `providerOrgId` is read by the handler from the provider's record named in the command.
  PublishProduct: [{ roles: ['PROVIDER'], owner: (product, data) => product?.providerOrgId ?? data.providerOrgId }],
  ReviseProduct: [theProvider],
  // An ADMIN takes down what a provider no longer can (e.g. once it has left the 库).
  RetireProduct: [theProvider, { roles: ['ADMIN'] }],
};
