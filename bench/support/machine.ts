import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { formatBytes } from './table';

/** One paragraph describing where the figures were taken. */
export function describeMachine(): string[] {
  const list = cpus();
  const models = [...new Set(list.map((cpu) => cpu.model.trim()))].join(' / ') || 'unknown model';
  return [
    `date       ${new Date().toISOString()}`,
    `cpus       ${list.length} × ${models}`,
    `memory     ${formatBytes(totalmem())} total, ${formatBytes(freemem())} free`,
    `os         ${platform()} ${release()}`,
    `node       ${process.version} (v8 ${process.versions.v8}), sqlite via better-sqlite3`,
    `load avg   ${describeLoad()} (1 / 5 / 15 min; other work on the machine skews every figure below)`,
  ];
}

/** 1/5/15-minute load averages: well above 0 before a run means something else is competing for the CPUs. */
export function describeLoad(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ');
}
