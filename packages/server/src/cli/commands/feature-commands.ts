import type { Command } from 'commander';

/** Commands of the feature modules (org import/export, demo seed, evaluate). */
export function registerFeatureCommands(_program: Command) {}
