/**
 * Many accounts across cores: worker threads (one per core but one) each run `checkInput` on the
 * inputs they are handed, and the main thread checks inputs too while it waits. Outcomes are written
 * strictly in input order as they become ready; at most `WINDOW` inputs are handed out beyond the
 * first one not yet written, so memory stays bounded however many files.
 *
 * Not on two cores: there V8's own background threads (concurrent garbage collection and compilation)
 * already keep the second core busy while one thread analyses (1,000 accounts: 8.5 s wall for 14 s of
 * CPU), and a worker measured slower (1.1–1.25× the wall time, 75 MB more at peak), its isolate
 * compiling and collecting all over again.
 *
 * REFLECT_LINT_WORKERS (for tests and the benchmark): `0` keeps the command on one thread, a number
 * N uses N workers even for a few files; unset, workers start from AUTO_MIN_FILES files on
 * AUTO_MIN_CORES cores.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readInput, type Input } from '../node/inputs.js';
import { checkInput, type CheckJob, type Outcome } from './check-files.js';

/** Below this many files, starting a worker (loading the analyser again) costs more than it saves. */
export const AUTO_MIN_FILES = 50;
/** Below this many cores, a worker costs more than it saves (see above). */
export const AUTO_MIN_CORES = 3;
/** Inputs a worker holds at once: enough that it never waits for the main thread. */
const PER_WORKER = 4;
/** Inputs handed out past the first one not yet written. */
const WINDOW = 64;
/**
 * Each worker is a V8 isolate with its own heap: half the default young generation (32 MB) saves
 * that much resident memory per worker, at no cost in time above this machine's noise.
 */
const YOUNG_GENERATION_MB = 16;

interface Task {
  index: number;
  input: Input;
}

type Reply = { index: number; outcome: Outcome } | { index: number; error: string };

interface WorkerStart {
  reflectLintCheck: CheckJob;
}

/** The script a worker runs: the command's own bundle. None when running from the TypeScript sources. */
function workerScript(): string | undefined {
  return typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;
}

/** How many workers to check `files` inputs with on `cores` cores, given the environment (0: none, all on this thread). */
export function workerPolicy(files: number, env: NodeJS.ProcessEnv, cores: number): number {
  const forced = env.REFLECT_LINT_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), Math.max(files - 1, 0));
  return files >= AUTO_MIN_FILES && cores >= AUTO_MIN_CORES ? cores - 1 : 0;
}

/** How many workers this run uses: none when running from the TypeScript sources (a worker runs the bundle). */
export function workerCount(files: number, env: NodeJS.ProcessEnv): number {
  return workerScript() ? workerPolicy(files, env, availableParallelism()) : 0;
}

/**
 * Checks every input with `count` workers and this thread, calling `write` with each outcome in input
 * order. Standard input (`-`) is read here, on the main thread, before it is handed out.
 */
export function checkInWorkers(
  inputs: readonly Input[],
  job: CheckJob,
  count: number,
  stdin: () => Buffer,
  write: (o: Outcome) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const ready = new Map<number, Outcome>();
    let handedOut = 0;
    let written = 0;
    let finished = false;
    /** Whether the main thread's next turn of work is already scheduled. */
    let scheduled = false;
    const workers = Array.from(
      { length: count },
      () =>
        new Worker(workerScript()!, {
          workerData: { reflectLintCheck: job } satisfies WorkerStart,
          resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
        }),
    );
    /** Inputs each worker holds. */
    const load = new Map(workers.map((w) => [w, 0]));

    const stop = (error?: Error) => {
      if (finished) return;
      finished = true;
      void Promise.all(workers.map((w) => w.terminate())).then(() => (error ? reject(error) : resolve()), reject);
    };
    const take = (): Task | undefined => {
      if (handedOut >= inputs.length || handedOut - written >= WINDOW) return undefined;
      const index = handedOut++;
      const input = inputs[index];
      return { index, input: input.path === '-' && !input.error ? readInput(input, stdin) : input };
    };
    const flush = () => {
      try {
        for (let o = ready.get(written); o; o = ready.get(written)) {
          ready.delete(written++);
          write(o);
        }
      } catch (e) {
        return stop(e as Error);
      }
      if (written === inputs.length) stop();
    };
    const feed = () => {
      for (const w of workers) {
        while (load.get(w)! < PER_WORKER) {
          const task = take();
          if (!task) return;
          load.set(w, load.get(w)! + 1);
          w.postMessage(task);
        }
      }
    };
    const schedule = () => {
      if (!scheduled && !finished && handedOut < inputs.length) {
        scheduled = true;
        setImmediate(work);
      }
    };
    /**
     * The main thread's own share: one input per turn of the event loop (replies are read between),
     * taken only once every worker holds its fill.
     */
    const work = () => {
      scheduled = false;
      if (finished) return;
      feed();
      const task = take();
      if (task) {
        try {
          ready.set(task.index, checkInput(task.input, job, stdin));
        } catch (e) {
          return stop(e as Error);
        }
        flush();
        schedule();
      }
      // Nothing to take: the window is full or every input is handed out; a worker's reply schedules the next turn.
    };

    for (const w of workers) {
      w.on('message', (reply: Reply) => {
        load.set(w, load.get(w)! - 1);
        if ('error' in reply) return stop(new Error(reply.error));
        ready.set(reply.index, reply.outcome);
        flush();
        if (!finished) {
          feed();
          schedule();
        }
      });
      w.on('error', (e) => stop(e));
      w.on('exit', (code) => {
        if (!finished) stop(new Error(`a worker thread stopped (exit code ${code}) before the check was done`));
      });
    }
    if (!inputs.length) stop();
    else work();
  });
}

/** In a worker started by checkInWorkers: check what the main thread sends. Returns false elsewhere. */
export function serveIfWorker(): boolean {
  if (isMainThread || !parentPort || !(workerData as Partial<WorkerStart> | null)?.reflectLintCheck) return false;
  const job = (workerData as WorkerStart).reflectLintCheck;
  const port = parentPort;
  const noStdin = (): Buffer => {
    throw new Error('standard input is read by the main thread');
  };
  port.on('message', ({ index, input }: Task) => {
    let reply: Reply;
    try {
      reply = { index, outcome: checkInput(input, job, noStdin) };
    } catch (e) {
      reply = { index, error: (e as Error).message };
    }
    port.postMessage(reply);
  });
  return true;
}
