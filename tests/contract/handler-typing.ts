/**
 * Compiled (never run) by the type-check test: a handler cannot answer a status or a body its
 * contract route does not declare. Each `@ts-expect-error` fails the build if the error vanishes.
 */
import { createRouter, mount } from '../../src/app/router.ts';
import { routes } from '../../src/contract/routes.ts';

const router = createRouter();

// @ts-expect-error getProfile declares no 418
mount(router, routes.getProfile, (c) => c.json({ detail: 'teapot' }, 418));

// @ts-expect-error a User has more than a username
mount(router, routes.getProfile, (c) => c.json({ username: 'sara' }, 200));

// @ts-expect-error applyToTask answers 201, not 200
mount(router, routes.applyToTask, (c) => c.json({ application_id: 308, status: 'pending', task_id: 42 }, 200));

// @ts-expect-error application_id is an integer, not a string
mount(router, routes.applyToTask, (c) => c.json({ application_id: '308', status: 'pending', task_id: 42 }, 201));

// The declared status and shape compile.
mount(router, routes.applyToTask, (c) => c.json({ application_id: 308, status: 'pending' as const, task_id: 42 }, 201));
