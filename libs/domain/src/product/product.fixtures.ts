import { anActor, TIANHE } from '../shared/testing';

/** The provider whose products and cases the tests publish (a Tianhe company, check character per GB 32100), and another that owns none of them. */
export const PROVIDER_ORG = '91440106MA59C3PL24';
export const provider = anActor('PROVIDER', TIANHE, 'provider-user', PROVIDER_ORG);
export const otherProvider = anActor('PROVIDER', TIANHE, 'other-provider-user', '914401056187432107');

/** When the tests' commands are given, and that instant as the events record it. */
export const NOW = '2024-03-01T10:00:00+08:00';
export const NOW_ISO = '2024-03-01T02:00:00.000Z';
