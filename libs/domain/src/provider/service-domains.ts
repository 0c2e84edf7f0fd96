/** Moved to shared/ (demand, expert and product use it too); kept for libs/read-models' deep imports until they import from @sme/domain. */
export * from '../shared/service-domains';
