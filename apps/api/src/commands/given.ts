/** Drops the fields not given, so the domain (or a read filter) sees only what the request says. */
export const given = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
