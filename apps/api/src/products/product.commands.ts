import { inPoolOn, productKind, providerKind, serviceCaseKind, type ProductCommand, type ServiceCaseCommand, recordNotFound } from '@sme/domain';
import type { KindCommands } from '../commands/kind-command';
import type { RecordLoader } from '../records/record-loader';
import type { CaseCommandBody, ProductCommandBody } from './product.messages';

const providerNotFound = () => recordNotFound(providerKind.label);

/** The provider's record, as products and cases need it: its organisation and whether it is in the 库 at `at`. */
async function providerFacts(records: RecordLoader, providerId: string, at: Date): Promise<{ providerOrgId: string; providerInPool: boolean }> {
  const state = await records.state(providerKind, providerId);
  if (state.status === 'NONE') throw providerNotFound();
  return { providerOrgId: state.uscc, providerInPool: inPoolOn(state, at) };
}

export const productCommands: KindCommands<ProductCommand, ProductCommandBody> = {
  kind: productKind,
  idOf: (command) => command.data.productId,
  async complete(command, ctx, { records }) {
    if (command.type === 'PublishProduct') {
      return { command: { type: 'PublishProduct', data: { ...command.data, ...(await providerFacts(records, command.data.providerId, ctx.occurredAt)) } } };
    }
    if (command.type === 'ReviseProduct') {
      const state = await records.state(productKind, command.data.productId);
      const providerInPool = state.status === 'NONE' ? false : (await providerFacts(records, state.providerId, ctx.occurredAt)).providerInPool;
      return { command: { type: 'ReviseProduct', data: { ...command.data, providerInPool } } };
    }
    return { command };
  },
};

export const caseCommands: KindCommands<ServiceCaseCommand, CaseCommandBody> = {
  kind: serviceCaseKind,
  idOf: (command) => command.data.caseId,
  async complete(command, ctx, { records }) {
    if (command.type !== 'PublishCase') return { command };
    return { command: { type: 'PublishCase', data: { ...command.data, ...(await providerFacts(records, command.data.providerId, ctx.occurredAt)) } } };
  },
};
