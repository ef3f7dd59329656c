import { Type, type Static } from 'typebox';
import { GROUP_KEY_PATTERN } from '@baton/engine';
import { GroupSchema, StrictObject } from './common.js';
import { CardPersonSchema, UnitRefSchema } from './report-cards.js';

/** The lists that use results (考用结合): warning talks for the consecutively last, promotion candidates. */

export const WarningListQuery = StrictObject({
  scheme: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'a scheme code; default: every code of a routine scheme, each on its own' })),
  group: Type.Optional(Type.String({ pattern: GROUP_KEY_PATTERN })),
  periods: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, description: 'consecutive closed periods (default 2)' })),
});
export type WarningListQuery = Static<typeof WarningListQuery>;

export const WarningListResponse = Type.Object({
  periods: Type.Integer(),
  items: Type.Array(Type.Object({
    person: CardPersonSchema,
    unit: UnitRefSchema,
    group: GroupSchema,
    scheme: Type.Object({ code: Type.String(), name: Type.String() }),
    periods: Type.Array(Type.Object({
      id: Type.Integer(), name: Type.String(), endsOn: Type.String(), total: Type.Number(), grade: Type.String(), groupRank: Type.Integer(), groupSize: Type.Integer(),
    })),
  })),
});
export type WarningList = Static<typeof WarningListResponse>;
export type WarningItem = WarningList['items'][number];
export type WarningPeriod = WarningItem['periods'][number];

export const PromotionListQuery = StrictObject({
  grade: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'default 优秀' })),
  years: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: 'consecutive years (default 3)' })),
});
export type PromotionListQuery = Static<typeof PromotionListQuery>;

export const PromotionListResponse = Type.Object({
  grade: Type.String(),
  years: Type.Array(Type.Integer()),
  items: Type.Array(Type.Object({
    person: CardPersonSchema,
    unit: UnitRefSchema,
    results: Type.Array(Type.Object({ year: Type.Integer(), period: Type.Object({ id: Type.Integer(), name: Type.String() }), total: Type.Number(), grade: Type.String() })),
  })),
});
export type PromotionList = Static<typeof PromotionListResponse>;
export type PromotionItem = PromotionList['items'][number];
export type PromotionResult = PromotionItem['results'][number];
