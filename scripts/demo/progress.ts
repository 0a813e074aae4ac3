/** A live line on a terminal; a line a second elsewhere (CI logs). */
export function progress(render: () => string): { stop(): void } {
  const tty = process.stdout.isTTY === true;
  const draw = () => {
    if (tty) process.stdout.write(`\r\x1b[2K  ${render()}`);
    else console.log(`  ${render()}`);
  };
  const timer = setInterval(draw, tty ? 100 : 1000);
  return {
    stop() {
      clearInterval(timer);
      draw();
      if (tty) process.stdout.write('\n');
    },
  };
}
