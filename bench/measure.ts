/** Shared helpers for the benchmarks: timing rounds and printing ratios. */

/** Runs `body` for `rounds` rounds and returns the median operations per second. */
export function opsPerSecond(operations: number, rounds: number, body: () => void): number {
  const rates: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = process.hrtime.bigint();
    body();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push(operations / seconds);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)] as number;
}

/** Formats a number with thousands separators. */
export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

/**
 * Prints one result line: name, figure, ratio and whether it meets its target (`'info'`: a
 * figure reported for information, with no target).
 */
export function report(
  name: string,
  figure: string,
  ratio: number,
  target: string,
  met: boolean | 'info',
): void {
  const verdict = met === 'info' ? 'INFO' : met ? 'MET' : 'MISSED';
  console.log(
    `  ${name.padEnd(46)} ${figure.padStart(22)}  ratio ${ratio.toFixed(2).padStart(6)}  target ${target.padEnd(8)} ${verdict}`,
  );
}
