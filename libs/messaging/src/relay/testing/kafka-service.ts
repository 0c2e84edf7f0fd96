import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '../../../../../infra/test-services/kafka.sh');

/** Runs infra/test-services/kafka.sh with the given arguments (same environment: KAFKA_PORT, …); its stdout. */
export function kafkaScript(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [SCRIPT, ...args], { env: process.env, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error && !(args[0] === 'status' && error.code === 3)) reject(new Error(`kafka.sh ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout.trim());
    });
  });
}

/**
 * True when the broker at `brokers` is the one kafka.sh runs on this machine (with this environment's
 * KAFKA_PORT and SME_TEST_SERVICES_RUN), so a test may stop and start it.
 */
export async function brokerIsOurs(brokers: string): Promise<boolean> {
  try {
    return (await kafkaScript('status')) === brokers.split(',')[0].trim();
  } catch {
    return false;
  }
}

/** brokerIsOurs, synchronously (to choose tests when a spec file is loaded). */
export function brokerIsOursSync(brokers: string): boolean {
  try {
    const out = execFileSync('bash', [SCRIPT, 'status'], { env: process.env, stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    return out.toString().trim() === brokers.split(',')[0].trim();
  } catch {
    return false;
  }
}
