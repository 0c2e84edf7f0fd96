import type { MeasureBounds, SizeStandard } from './size-standard';

const employees = (smeBelow: number, mediumFrom: number, smallFrom: number): MeasureBounds => ({ measure: 'employees', smeBelow, mediumFrom, smallFrom });
const revenue = (smeBelow: number, mediumFrom: number, smallFrom: number): MeasureBounds => ({ measure: 'revenue', smeBelow, mediumFrom, smallFrom });
const assets = (smeBelow: number, mediumFrom: number, smallFrom: number): MeasureBounds => ({ measure: 'assets', smeBelow, mediumFrom, smallFrom });

/**
 * 《中小企业划型标准规定》(工信部联企业〔2011〕300号) 第四条, one row per industry it lists.
 * Each measure reads (SME upper bound “以下”, 中型 lower bound “及以上”, 小型 lower bound “及以上”);
 * the 微型 clause of every row is “below the 小型 bound”, so it needs no number of its own.
 */
export const MIIT_2011_300: SizeStandard = {
  id: 'MIIT-2011-300',
  documentNumber: '工信部联企业〔2011〕300号',
  title: '中小企业划型标准规定',
  effectiveFrom: '2011-06-18',
  industries: [
    { industry: 'AGRICULTURE', clause: '第四条（一）', labelZh: '农、林、牧、渔业', measures: [revenue(20000, 500, 50)] },
    { industry: 'INDUSTRY', clause: '第四条（二）', labelZh: '工业', measures: [employees(1000, 300, 20), revenue(40000, 2000, 300)] },
    { industry: 'CONSTRUCTION', clause: '第四条（三）', labelZh: '建筑业', measures: [revenue(80000, 6000, 300), assets(80000, 5000, 300)] },
    { industry: 'WHOLESALE', clause: '第四条（四）', labelZh: '批发业', measures: [employees(200, 20, 5), revenue(40000, 5000, 1000)] },
    { industry: 'RETAIL', clause: '第四条（五）', labelZh: '零售业', measures: [employees(300, 50, 10), revenue(20000, 500, 100)] },
    { industry: 'TRANSPORT', clause: '第四条（六）', labelZh: '交通运输业', measures: [employees(1000, 300, 20), revenue(30000, 3000, 200)] },
    { industry: 'WAREHOUSING', clause: '第四条（七）', labelZh: '仓储业', measures: [employees(200, 100, 20), revenue(30000, 1000, 100)] },
    { industry: 'POSTAL', clause: '第四条（八）', labelZh: '邮政业', measures: [employees(1000, 300, 20), revenue(30000, 2000, 100)] },
    { industry: 'ACCOMMODATION', clause: '第四条（九）', labelZh: '住宿业', measures: [employees(300, 100, 10), revenue(10000, 2000, 100)] },
    { industry: 'CATERING', clause: '第四条（十）', labelZh: '餐饮业', measures: [employees(300, 100, 10), revenue(10000, 2000, 100)] },
    {
      industry: 'INFORMATION_TRANSMISSION',
      clause: '第四条（十一）',
      labelZh: '信息传输业',
      measures: [employees(2000, 100, 10), revenue(100000, 1000, 100)],
    },
    { industry: 'SOFTWARE_IT', clause: '第四条（十二）', labelZh: '软件和信息技术服务业', measures: [employees(300, 100, 10), revenue(10000, 1000, 50)] },
    { industry: 'REAL_ESTATE', clause: '第四条（十三）', labelZh: '房地产开发经营', measures: [revenue(200000, 1000, 100), assets(10000, 5000, 2000)] },
    { industry: 'PROPERTY_MANAGEMENT', clause: '第四条（十四）', labelZh: '物业管理', measures: [employees(1000, 300, 100), revenue(5000, 1000, 500)] },
    {
      industry: 'LEASING_BUSINESS_SERVICES',
      clause: '第四条（十五）',
      labelZh: '租赁和商务服务业',
      measures: [employees(300, 100, 10), assets(120000, 8000, 100)],
    },
    { industry: 'OTHER', clause: '第四条（十六）', labelZh: '其他未列明行业', measures: [employees(300, 100, 10)] },
  ],
};
