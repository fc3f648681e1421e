/** Worker-thread entry: builds batches of source files sent by {@link WorkerPool} and posts back their results. */
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteConfig } from '../config.ts';
import type { StateRecord } from '../model/state.ts';
import type { FolderNames } from '../pipeline/article.ts';
import { processSource, type JobPlaces, type SourceJob } from './process.ts';

/** What the pool tells each worker once, at start. */
export interface WorkerSetup {
  site: SiteConfig;
  places: JobPlaces;
  /** The build time. */
  now: string;
  /** The previous state's records. */
  previous: StateRecord[];
  /** The folders, as diagnostics show them. */
  folders: FolderNames;
}

/** A batch of jobs. */
export interface WorkerTask {
  id: number;
  jobs: SourceJob[];
}

const { site, places, now, previous, folders } = workerData as WorkerSetup;
const byId = new Map(previous.map((record) => [record.id, record]));
const context = { now, previous: (id: string) => byId.get(id), folders };
parentPort?.on('message', (task: WorkerTask) => {
  try {
    parentPort?.postMessage({ id: task.id, results: task.jobs.map((job) => processSource(job, site, context, places)) });
  } catch (error) {
    parentPort?.postMessage({ id: task.id, error: (error as Error).stack ?? String(error) });
  }
});
