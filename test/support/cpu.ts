/*
 * Bounds against hangs, measured in CPU time rather than wall time. A test's verdict must not depend
 * on how busy the machine is: on a shared 2-core CI machine the wall time of the same work varies
 * tenfold, while the CPU time this process spends on it (user + system, all its threads) hardly
 * moves. Speed itself is measured in bench/, never bounded in tests.
 */

const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** The CPU time, in ms, that this process spends while `f` runs. */
export function cpuMs(f: () => unknown): number {
  const before = process.cpuUsage();
  f();
  return ms(process.cpuUsage(before));
}

/** The same for asynchronous work: the CPU time of this process until `f`'s promise settles, and its value. */
export async function cpuMsOf<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const before = process.cpuUsage();
  const value = await f();
  return { ms: ms(process.cpuUsage(before)), value };
}
