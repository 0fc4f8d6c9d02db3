// Every invalid model of the table, in the order of the classes.
import { catalogueAndValueCases } from './invalid-models/catalogue-and-values';
import { placementCases } from './invalid-models/placement';
import type { InvalidModel } from './invalid-models/shared';

export const invalidModels: readonly InvalidModel[] = [...placementCases, ...catalogueAndValueCases];
