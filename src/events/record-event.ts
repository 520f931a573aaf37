/**
 * Records a domain event inside the caller's unit of work (it is written with the change).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainEvent, type DomainEventType } from './events.entities.ts';

export function recordEvent(
  em: EntityManager,
  type: DomainEventType,
  event: { recipientId: number; actorId?: number | null; payload: Record<string, unknown> },
): void {
  em.create(DomainEvent, { type, recipientId: event.recipientId, actorId: event.actorId ?? null, payload: event.payload });
}
