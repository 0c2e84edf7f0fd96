import { providerKind } from '@sme/domain';
import { projectProvider, type ProviderView } from '@sme/read-models/provider.projection';
import type { RecordReading } from '../records/record-query';
import { mayReadProvider, providerReadForbidden } from './provider-access';
import { providerNotFound } from './provider.commands';

export const providerReading: RecordReading<ProviderView> = {
  kind: providerKind,
  project: projectProvider,
  missing: providerNotFound,
  mayRead: mayReadProvider,
  forbidden: providerReadForbidden,
};
