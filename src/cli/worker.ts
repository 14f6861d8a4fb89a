// Worker thread entry of `sigil hunt --threads N`: resolves the profile, parses the rules it
// was started with and hunts the tasks the main thread sends (see runWorkerLoop).
import { parentPort, workerData } from 'node:worker_threads';
import { messagePortTasks } from '../hunt/task-port.ts';
import { runWorkerLoop } from '../hunt/worker-loop.ts';
import type { WorkerRules, WorkerSetup } from '../hunt/worker-protocol.ts';
import { resolveProfileOption } from './profile-option.ts';

const setup = workerData as WorkerSetup;
const { rules, filters } = JSON.parse(new TextDecoder().decode(new Uint8Array(setup.rulesJson))) as WorkerRules;
const profile = await resolveProfileOption(setup.profile);
await runWorkerLoop(messagePortTasks(parentPort!), { rules, filters, profile, credits: setup.credits });
