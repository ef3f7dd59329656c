/**
 * The shape of a translation of a message table: the same keys as the Chinese one (zh-CN is written
 * first), every leaf a string — so a missing or extra key in en-US is a compile error.
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
