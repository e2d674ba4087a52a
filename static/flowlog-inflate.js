// The file worker's helper (src/web/file_worker.rs, `Helper`): inflates one gzip file
// with the browser's own DecompressionStream on a thread of its own, so that inflating
// and indexing run at once instead of one after the other. Plain JavaScript, no
// WebAssembly: it starts in a moment, and there is nothing to decode here.
//
// Protocol (plain objects; this file and `Helper` are its only two ends):
// - file worker -> here: {file: File, ahead: n}, then {took: ArrayBuffer} for each piece it
//   has taken, the piece's buffer handed back to be filled again;
// - here -> file worker: {piece: ArrayBuffer} (transferred, not copied; PIECE bytes, the
//   last one shorter), never more than `ahead` pieces not yet taken, so the inflated text
//   waiting here stays under ahead x PIECE bytes however slowly the indexer goes; then
//   {done: true}, or {failed: message} when the browser's inflater gives up (the file worker
//   then reads the file whole with its own inflater, which says what is wrong).

// Large pieces: every piece costs the file worker a message and an await, and
// DecompressionStream hands out 64 KiB at a time.
const PIECE = 1 << 20;

let credit = 0;
let wake = null;
// Buffers handed back, to be filled again (no new megabyte of garbage per piece).
const spare = [];

onmessage = async (event) => {
  const { file, ahead, took } = event.data;
  if (took) {
    credit += 1;
    if (took.byteLength === PIECE) spare.push(took);
    if (wake) {
      const resume = wake;
      wake = null;
      resume();
    }
    return;
  }
  credit = ahead;
  let piece = new Uint8Array(PIECE);
  let filled = 0;
  const send = async () => {
    while (credit <= 0) await new Promise((resolve) => (wake = resolve));
    credit -= 1;
    const buffer = filled === PIECE ? piece.buffer : piece.buffer.slice(0, filled);
    postMessage({ piece: buffer }, [buffer]);
    piece = new Uint8Array(spare.pop() ?? new ArrayBuffer(PIECE));
    filled = 0;
  };
  try {
    const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let from = 0;
      while (from < value.length) {
        const n = Math.min(PIECE - filled, value.length - from);
        piece.set(value.subarray(from, from + n), filled);
        filled += n;
        from += n;
        if (filled === PIECE) await send();
      }
    }
    if (filled > 0) await send();
    postMessage({ done: true });
  } catch (error) {
    postMessage({ failed: String((error && error.message) || error) });
  }
};
