import { Type } from 'typebox';

/** GET /api/health: for load balancers and the CLI; no session. */
export const HealthResponse = Type.Object({ status: Type.Literal('ok'), db: Type.String({ description: 'sqlite or postgres' }), version: Type.String() });
