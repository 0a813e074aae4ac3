// A helpdesk host process for the end-to-end test: runs EmpikPlace ↔ Thulium on a SQLite
// outbox until the test kills it with SIGKILL. Its settings come as JSON in argv[2].
import { type HelpdeskHostSettings, startHelpdeskHost } from './helpdesk-host.js';

const settings = JSON.parse(process.argv[2] ?? '{}') as HelpdeskHostSettings;
await startHelpdeskHost(settings);
process.stdout.write('ready\n');
setInterval(() => {}, 1000);
