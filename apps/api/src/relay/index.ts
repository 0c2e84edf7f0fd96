import { InProcessRelay } from './in-process-relay';
import { RelayStatus } from './relay-status';

export { InProcessRelay, RelayStatus };
export type { RelayReport } from './relay-status';

/** The API's relay providers: the status /health reads, and the in-process relay. */
export const RELAY_PROVIDERS = [RelayStatus, InProcessRelay];
