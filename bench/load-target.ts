// The target of one `npm run bench:load` run, in a process of its own (as a bot runs in production): the parent
// sends the fake's address, this process starts Depeche's adapter or a bare library client against it and says
// `ready`; `mark` starts counting its CPU time (user + system); on `stop` it stops and reports the CPU time since the
// mark, its peak RSS (the kernel's high-water mark) and its error count.
import { startTarget, type TargetSpec } from '../test/load/targets.ts';

export type ToTarget = { type: 'start'; spec: TargetSpec } | { type: 'mark' } | { type: 'stop' };
export type FromTarget =
  | { type: 'ready'; appUrl?: string }
  | { type: 'marked' }
  | { type: 'stopped'; peakRssMb: number; cpuMs: number; errors: number; errorSamples: string[] }
  | { type: 'failed'; message: string };

const send = (message: FromTarget) => process.send!(message);
let running: Awaited<ReturnType<typeof startTarget>> | undefined;
let mark = process.cpuUsage();

process.on('message', (message: ToTarget) => {
  if (message.type === 'start') {
    startTarget(message.spec).then(
      (target) => {
        running = target;
        send({ type: 'ready', appUrl: target.appUrl });
      },
      (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (message.type === 'mark') {
    mark = process.cpuUsage();
    send({ type: 'marked' });
  } else {
    const cpu = process.cpuUsage(mark);
    const errors = running?.errors() ?? { count: 0, samples: [] };
    const stopping = running?.stop() ?? Promise.resolve();
    stopping.finally(() => {
      // maxRSS is in kilobytes.
      send({ type: 'stopped', peakRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: (cpu.user + cpu.system) / 1000, errors: errors.count, errorSamples: errors.samples });
      process.disconnect();
      setTimeout(() => process.exit(0), 100).unref();
    });
  }
});
