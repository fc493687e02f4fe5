/**
 * Long synchronous work (parsing hundreds of migrations, reading thousands of folders) shares the
 * one JavaScript thread with whatever runs beside it — a history being applied, a connection
 * being opened. `pause()` lets those move on once a slice of work has run.
 */
export interface TimeSlicer {
  /** Resolves at once within a slice; after `sliceMs` of work, on the next turn of the event loop. */
  pause(): Promise<void> | undefined;
}

export function timeSlicer(sliceMs = 4): TimeSlicer {
  let sliceStart = performance.now();
  return {
    pause() {
      if (performance.now() - sliceStart < sliceMs) return undefined;
      return new Promise<void>((resolve) =>
        setImmediate(() => {
          sliceStart = performance.now();
          resolve();
        }),
      );
    },
  };
}
