import { sizeStandardOf, type SizeStandard } from './size-standard';
import data from './miit-2011-300.standard.json';

/**
 * 《中小企业划型标准规定》(工信部联企业〔2011〕300号) 第四条, one row per industry it lists.
 * Each measure reads (SME upper bound “以下”, 中型 lower bound “及以上”, 小型 lower bound “及以上”);
 * the 微型 clause of every row is “below the 小型 bound”, so it needs no number of its own.
 * The rows are data, in miit-2011-300.standard.json.
 */
export const MIIT_2011_300: SizeStandard = sizeStandardOf(data);
