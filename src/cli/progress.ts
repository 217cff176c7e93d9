/**
 * A one-line progress bar redrawn in place on a terminal; nothing at all when stderr is not a
 * terminal, so logs and pipes stay clean.
 */
export function progressBar(write: (text: string) => void, isTTY: boolean, label: string) {
  let last = -1;
  return {
    update(done: number, total: number) {
      if (!isTTY || total === 0) return;
      const percent = Math.floor((done / total) * 100);
      if (percent === last && done !== total) return;
      last = percent;
      const width = 30;
      const filled = Math.round((done / total) * width);
      write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${percent}%`);
      if (done === total) write('\n');
    },
  };
}
