/** The hash functions a ledger's chains may use: SHA-256, or SM3 (GB/T 32905) under the 国密 profile. */
export type ChainHashAlgorithm = 'sha256' | 'sm3';
export const CHAIN_HASH_ALGORITHMS: readonly ChainHashAlgorithm[] = ['sha256', 'sm3'];
