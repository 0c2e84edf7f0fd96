import { erasureKind } from '@sme/domain';
import { projectErasure, type ErasureView } from '@sme/read-models';
import { readingOf } from '../records/record-query';

/** An erasure request is read by administrators and auditors (the route admits no one else). */
export const erasureReading = readingOf<ErasureView>(erasureKind, projectErasure, {});
