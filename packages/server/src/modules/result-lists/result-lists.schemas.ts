import { Type } from 'typebox';
import { StrictObject } from '../../app/http.js';
import { GroupSchema, PersonSchema, UnitSchema } from '../report-cards/index.js';
import { GROUP_KEY_PATTERN } from '../results/index.js';

export const WarningListQuery = StrictObject({
  scheme: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'a scheme code; default: every code of a routine scheme, each on its own' })),
  group: Type.Optional(Type.String({ pattern: GROUP_KEY_PATTERN })),
  periods: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, description: 'consecutive closed periods (default 2)' })),
});

export const WarningListResponse = Type.Object({
  periods: Type.Integer(),
  items: Type.Array(Type.Object({
    person: PersonSchema,
    unit: UnitSchema,
    group: GroupSchema,
    scheme: Type.Object({ code: Type.String(), name: Type.String() }),
    periods: Type.Array(Type.Object({
      id: Type.Integer(), name: Type.String(), endsOn: Type.String(), total: Type.Number(), grade: Type.String(), groupRank: Type.Integer(), groupSize: Type.Integer(),
    })),
  })),
});

export const PromotionListQuery = StrictObject({
  grade: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'default 优秀' })),
  years: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: 'consecutive years (default 3)' })),
});

export const PromotionListResponse = Type.Object({
  grade: Type.String(),
  years: Type.Array(Type.Integer()),
  items: Type.Array(Type.Object({
    person: PersonSchema,
    unit: UnitSchema,
    results: Type.Array(Type.Object({ year: Type.Integer(), period: Type.Object({ id: Type.Integer(), name: Type.String() }), total: Type.Number(), grade: Type.String() })),
  })),
});
