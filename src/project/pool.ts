/** A fixed set of worker threads running {@link processSource} on batches of source files. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobResult, SourceJob } from './process.ts';
import type { WorkerSetup, WorkerTask } from './worker.ts';

type Reply = { id: number; results: JobResult[] } | { id: number; error: string };

/** Runs batches on `size` worker threads, each batch on the first idle worker. Results do not depend on which worker ran what. */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly idle: Worker[];
  private readonly waiting: { task: WorkerTask; resolve: (results: JobResult[]) => void; reject: (error: Error) => void }[] = [];
  private readonly running = new Map<number, { worker: Worker; resolve: (results: JobResult[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  /**
   * Starts `size` workers from the compiled worker, bundled into one file by `npm run compile` when it is
   * there (`script` overrides it, for tests running the TypeScript sources).
   */
  constructor(size: number, setup: WorkerSetup, script: URL = defaultWorkerScript()) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(script, { workerData: setup });
      worker.on('message', (reply: Reply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a build worker stopped with exit code ${code}`));
      });
      return worker;
    });
    this.idle = [...this.workers];
  }

  /** How many worker threads it runs. */
  get size(): number {
    return this.workers.length;
  }

  /** Builds one batch on the next idle worker. */
  run(jobs: SourceJob[]): Promise<JobResult[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ task: { id: this.nextId++, jobs }, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop() as Worker;
      const { task, resolve, reject } = this.waiting.shift() as (typeof this.waiting)[number];
      this.running.set(task.id, { worker, resolve, reject });
      worker.postMessage(task);
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    const pending = this.running.get(reply.id);
    if (!pending) return;
    this.running.delete(reply.id);
    this.idle.push(worker);
    if ('error' in reply) pending.reject(new Error(`a build worker failed: ${reply.error}`));
    else pending.resolve(reply.results);
    this.dispatch();
  }

  private fail(error: Error): void {
    for (const { reject } of [...this.running.values(), ...this.waiting]) reject(error);
    this.running.clear();
    this.waiting.length = 0;
  }
}

/** The bundled worker (`worker.bundle.js`, one file to load) when the compile step made it, else `worker.js`. */
function defaultWorkerScript(): URL {
  const bundle = new URL('./worker.bundle.js', import.meta.url);
  return existsSync(fileURLToPath(bundle)) ? bundle : new URL('./worker.js', import.meta.url);
}
