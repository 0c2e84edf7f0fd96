import { codeLists, type CodeOf } from '../shared/code-lists';
import { actingOrganisation, closed, integer, oneOf, recordId, registeredOrganisation, text, titledDocument, type Static } from '../shared/schema/builders';
import { FEE_KINDS } from '../product/product.rules';
import codes from './delivery.codes.json';

export const { servingKinds, deliveryModes, visitChannels, deliveryStages } = codeLists(codes);

/** Who serves: a provider of the 库, a station, the city's hub, or a recognised service centre. */
export type ServingKind = CodeOf<typeof servingKinds>;

export type DeliveryMode = CodeOf<typeof deliveryModes>;

export type VisitChannel = CodeOf<typeof visitChannels>;

export type DeliveryStage = CodeOf<typeof deliveryStages>;

/** The organisation that serves, as the ledger found it when the delivery was registered. */
export const ServingOrganisationSchema = actingOrganisation(
  servingKinds.schema('服务主体类型'),
  {
    id: 'The provider’s, station’s or centre’s record id; for the hub, its organisation id',
    orgId: 'The serving organisation (its USCC for a provider, a station operator or a centre’s operator)',
    regionCode: 'GB/T 2260: a city or county; the province for the province centre',
  },
  { $id: 'ServingOrganisation', description: 'The organisation that serves' },
);
export type ServingOrganisation = Static<typeof ServingOrganisationSchema>;

/**
 * Who oversees the serving organisation: a station's hub; the city authority of a provider, of the hub
 * or of a city, county or town centre; ADMIN for the province centre (no provincial authority role exists).
 */
export const StewardSchema = closed(
  {
    role: oneOf(['HUB', 'CITY_AUTHORITY', 'ADMIN'] as const, 'HUB for a station’s deliveries; CITY_AUTHORITY for a provider’s, the hub’s or a local centre’s; ADMIN for the province centre’s'),
    regionCode: text('The city (GB/T 2260, ends in 00); the province for ADMIN'),
  },
  { $id: 'Steward', description: '主管: follows up 差评, records 回访 and archives' },
);
export type Steward = Static<typeof StewardSchema>;

export const ServedEnterpriseSchema = registeredOrganisation({ enterpriseId: recordId('The enterprise in the enterprise database') }, '企业名称', {
  $id: 'ServedEnterprise',
  description: 'The enterprise served, as its record stood',
});
export type ServedEnterprise = Static<typeof ServedEnterpriseSchema>;

const feeKind = () => oneOf(FEE_KINDS, 'FREE 公益, LOW_FEE 低收费, MARKET 市场价');

/** 收费 of a delivery or an activity: its kind and the amount in 分. */
export const feeSchema = (amountFen: string, options: { $id: string; description: string }) =>
  closed({ kind: feeKind(), amountFen: integer(0, undefined, amountFen) }, options);

/** The catalogue product the delivery follows, as it stood when the delivery was registered. */
export const DeliveredProductSchema = closed(
  {
    productId: recordId('The product'),
    version: integer(1, undefined, 'The product’s version at registration'),
    item: text('服务项目 of the product'),
    feeKind: feeKind(),
    priceFen: integer(0, undefined, 'The product’s price in 分 (0 when FREE)'),
  },
  { $id: 'DeliveredProduct', description: 'The product, copied as it stood' },
);
export type DeliveredProduct = Static<typeof DeliveredProductSchema>;

export const DeliveryFeeSchema = feeSchema('The agreed fee in 分 (an integer); 0 exactly when FREE', { $id: 'DeliveryFee', description: '约定费用' });
export type DeliveryFee = Static<typeof DeliveryFeeSchema>;

export const DeliverableSchema = titledDocument('成果名称', { $id: 'Deliverable', description: 'A document delivered, fixed by its digest' });
export type Deliverable = Static<typeof DeliverableSchema>;

export const deliveryModeSchema = () => deliveryModes.schema('服务方式');
export const visitChannelSchema = () => visitChannels.schema('回访方式');
