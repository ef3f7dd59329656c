import type { Command } from 'commander';
import { registerOrgCommands } from './org.js';
import { registerResultCommands } from './results.js';

/** Commands of the feature modules, one registrar each (org import/export and the demo seed, …). */
const featureCommands: ((program: Command) => void)[] = [registerOrgCommands, registerResultCommands];

export function registerFeatureCommands(program: Command) {
  for (const register of featureCommands) register(program);
}
