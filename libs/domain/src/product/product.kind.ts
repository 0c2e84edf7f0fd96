import { defineKind } from '../shared/record-kind';
import { productAccess } from './product.access';
import { productDecider, PRODUCT_RECORD } from './product.decider';
import { PRODUCT_EVENTS } from './product.events';

/** 服务产品: published by a provider in the 库, revised version by version, retired. */
export const productKind = defineKind({
  name: 'product',
  labelZh: '服务产品',
  label: PRODUCT_RECORD,
  decider: productDecider,
  access: productAccess,
  events: PRODUCT_EVENTS,
  publication: { topic: 'products.v1', typeNamespace: 'cn.sme-ledger.product' },
});
