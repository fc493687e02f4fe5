/** Every command of the CLI, in help order. */
import type { Command } from './types.js';

export const COMMANDS: Command[] = [];
