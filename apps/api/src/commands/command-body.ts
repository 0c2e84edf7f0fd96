/** A domain command without its metadata, per member of the union (so `type` still narrows `data`). */
export type CommandBody<C> = C extends unknown ? Omit<C, 'metadata'> : never;
