import { grant, type AccessPolicy } from '../shared/access';
import type { ServiceCaseCommand } from './case.commands';
import type { ExistingServiceCase, ServiceCaseState } from './case.decider';

/** The case's own provider: a PROVIDER of the organisation that published it. */
const theProvider = grant<ExistingServiceCase, unknown>({ roles: ['PROVIDER'], owner: (serviceCase) => serviceCase?.providerOrgId });

/** Who may do what to a service case (服务案例库, 工信部企业〔2023〕213号 (四)). */
export const serviceCaseAccess: AccessPolicy<ServiceCaseCommand, ServiceCaseState> = {
  // `providerOrgId` is read by the handler from the provider's record named in the command.
  PublishCase: [{ roles: ['PROVIDER'], owner: (serviceCase, data) => serviceCase?.providerOrgId ?? data.providerOrgId }],
  // An ADMIN takes down what a provider no longer can (e.g. once it has left the 库).
  RetireCase: [theProvider, { roles: ['ADMIN'] }],
};
