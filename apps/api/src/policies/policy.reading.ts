import { policyKind, recordNotFound } from '@sme/domain';
import { projectPolicy, toPublicView, type PolicyView, type PublicView } from '@sme/read-models';
import type { RecordReading } from '../records/record-query';

export const policyNotFound = () => recordNotFound(policyKind.label);

/** Which enterprise got a policy is not public: what is shown of a policy leaves the push map out. */
export const publicPolicy = <T extends { pushedVersions?: unknown }>({ pushedVersions: _omitted, ...rest }: T) => rest;

/** A policy, public: anyone reads it. */
export const policyReading: RecordReading<PolicyView, Omit<PublicView<PolicyView>, 'pushedVersions'>> = {
  kind: policyKind,
  project: projectPolicy,
  missing: policyNotFound,
  show: (view) => publicPolicy(toPublicView(view)),
};
