/**
 * Preloaded by the npm scripts (`node --import ./src/load-env-file.ts …`): the settings of `.env`
 * when the folder has one, without overriding the environment, and without a word when it has
 * none (Node's `--env-file-if-exists` says ".env not found" on every start).
 */
import { existsSync } from 'node:fs';

if (existsSync('.env')) process.loadEnvFile('.env');
