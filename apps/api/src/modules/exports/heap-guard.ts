// A long export turns over about a gigabyte of short-lived objects a second. Now and then (depending
// on timing, not on the data) a few hundred kilobytes of them are caught alive by each young-generation
// GC and promoted, and V8 lets the old generation grow to about four times what is really alive
// (here ~50 MB) before sweeping it: the API would peak near 330 MB during a full export instead of
// ~175 MB. So an export asks for a major GC, incremental and off the request path, each time the heap
// has grown by HEAP_SLACK_BYTES since the last one. gc() comes from --expose-gc set at run time and
// taken from a new context, as Jest does for its leak detector; without it, this does nothing.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const HEAP_SLACK_BYTES = 48 * 1024 * 1024;

type Gc = (options: { type: 'major'; execution: 'async' }) => Promise<void>;

const gc: Gc | null = (() => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as Gc;
  } catch {
    return null;
  }
})();

export class HeapGuard {
  private floor = getHeapStatistics().used_heap_size;
  private collecting = false;

  /** Call between batches: cheap (one heap statistics read). */
  check(): void {
    if (!gc || this.collecting) return;
    const used = getHeapStatistics().used_heap_size;
    if (used - this.floor < HEAP_SLACK_BYTES) return;
    this.collecting = true;
    gc({ type: 'major', execution: 'async' })
      .catch(() => undefined)
      .finally(() => {
        this.collecting = false;
        this.floor = getHeapStatistics().used_heap_size;
      });
  }
}
