/**
 * The columns every table has: an integer id and creation/update times.
 */
import { p } from '@mikro-orm/core';

export const baseProperties = {
  id: p.integer().primary().autoincrement(),
  createdAt: p.datetime().onCreate(() => new Date()),
  updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
};
