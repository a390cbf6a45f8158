/**
 * A pool of worker threads that runs jobs, each within its deadline. A thread
 * that overruns is terminated and replaced, its job answered by the job's own
 * `overrun` and the jobs it still held given to the others, so a pathological
 * input never hangs a run.
 *
 * The pool knows no stage: a stage that sends jobs declares their kinds by
 * module augmentation of `Jobs`, and the thread's script (src/worker.ts)
 * exports a handler for each kind (see thread.ts).
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker, type ResourceLimits } from 'node:worker_threads'

/**
 * The kinds of job, each with what it takes and what it answers. Empty here:
 * each stage declares its own, e.g.
 * `declare module '../threads/pool.js' { interface Jobs { parse: { input: ParseInput; output: ParseResult } } }`.
 * A pool of other jobs (a test's) names its own registry: `new ThreadPool<MyJobs>({ script })`.
 */
export interface Jobs {}
/** What a registry of jobs is: for each kind, its input and its output. */
export type Registry<J> = { [K in keyof J]: { input: unknown; output: unknown } }
/** What a job of kind K takes. */
export type JobInput<K extends keyof J, J extends Registry<J> = Jobs> = J[K]['input']
/** What a job of kind K answers. */
export type JobOutput<K extends keyof J, J extends Registry<J> = Jobs> = J[K]['output']

/** Why a job was stopped: its deadline passed, it nested deeper than the stack, or its thread ran out of memory. */
export type Overrun = { seconds: number } | 'nesting' | 'memory'

/** One piece of work for a thread, with what to answer if it overruns. */
export interface Job<K extends keyof J, J extends Registry<J> = Jobs> {
  kind: K
  input: JobInput<K, J>
  /** The deadline, in seconds. */
  seconds: number
  overrun: (cause: Overrun) => JobOutput<K, J>
}

/** What a thread does for each kind of job: its script exports these as `handlers` (see thread.ts). */
export type Handlers<J extends Registry<J> = Jobs> = { [K in keyof J]: (input: JobInput<K, J>) => JobOutput<K, J> | Promise<JobOutput<K, J>> }

/** What the pool asks a thread. */
export interface Request {
  id: number
  kind: string
  input: unknown
}

/** What a thread answers: it is ready, or a job's result, or that the job overflowed the stack, or a failure of the thread's own code. */
export type Response = { ready: true } | { id: number; result: unknown } | { id: number; overrun: 'nesting' } | { id: number; error: string }

/** What a thread is started with (its `workerData`). */
export interface ThreadData {
  /** The CommonJS script whose `handlers` run the jobs. */
  script: string
  /** Where to keep V8's code cache of the script; none: compiled afresh. */
  codeCache?: CodeCacheOptions
}

/** A code cache for the threads' script (see code-cache.ts): its folder, and the tool's version, part of its key. */
export interface CodeCacheOptions {
  folder: string
  version: string
}

/** Jobs sent ahead to a thread, so it never waits for its next one. */
const AHEAD = 8
/** Fewer jobs than this per thread do not repay starting another thread. */
const JOBS_PER_THREAD = 24
/** Node caps timers at 2^31 − 1 ms; a longer one would fire at once. */
const LONGEST_TIMER = 2 ** 31 - 1

/** A job waiting or running, its types erased: what comes back from a thread is the job's output by the protocol. */
interface Task {
  id: number
  kind: string
  input: unknown
  seconds: number
  overrun: (cause: Overrun) => unknown
  resolve: (result: unknown) => void
  reject: (error: Error) => void
}

interface Thread {
  worker: Worker
  ready: boolean
  /** Sent and not yet answered, in order: the first is running. */
  running: Task[]
  timer?: NodeJS.Timeout
  retired: boolean
}

/** What every thread starts from: thread.ts, bundled (see scripts/bundle.js). */
const THREAD_MODULE = new URL('../../dist/thread.cjs', import.meta.url)

/**
 * The tool's thread script, bundled by `npm run build` into one CommonJS file
 * (it starts several times faster than ~150 separate modules, and V8 can
 * cache its compiled code): its handlers are registered in src/worker.ts.
 */
export function workerModule(): URL {
  const bundle = new URL('../../dist/worker.cjs', import.meta.url)
  if (!existsSync(fileURLToPath(bundle)) || !existsSync(fileURLToPath(THREAD_MODULE)))
    throw new Error('the thread script dist/worker.cjs is missing; run `npm run build`')
  return bundle
}

let defaultCodeCache: CodeCacheOptions | undefined

/**
 * The code cache of the pools created from now on, unless their options say otherwise (the CLI's start sets it, see src/launch.ts).
 * @public (src/launch.ts reaches it through the CLI bundle's entry, see scripts/bundle.js)
 */
export function useCodeCache(cache: CodeCacheOptions | undefined): void {
  defaultCodeCache = cache
}

/** How a pool runs its threads. */
export interface PoolOptions {
  /** Most threads at once; default: the machine's cores, at most 4. */
  size?: number
  /** Passed to each thread (heap and stack sizes). */
  resourceLimits?: ResourceLimits
  /** The CommonJS script whose `handlers` run the jobs; default: the tool's (`workerModule()`). */
  script?: URL
  /** Where the threads keep V8's code cache of the script; default: what `useCodeCache` set, else none. */
  codeCache?: CodeCacheOptions
}

/** Worker threads that run jobs of the kinds declared in `Jobs`, each within its deadline; results in the order of the jobs. */
export class ThreadPool<J extends Registry<J> = Jobs> {
  private readonly threads = new Set<Thread>()
  /** Waiting tasks: `retry` (taken back from a terminated thread) first, then `queue` from `next`. */
  private retry: Task[] = []
  private queue: Task[] = []
  private next = 0
  private ids = 0
  private data?: ThreadData
  private readonly size: number
  private readonly options: PoolOptions

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(4, availableParallelism()))
    this.options = { codeCache: defaultCodeCache, ...options }
  }

  /** Start up to `count` threads ahead of work, so their start-up overlaps other work. */
  prestart(count = 1): void {
    while (this.threads.size < Math.min(count, this.size)) this.spawn()
  }

  /** Run `jobs` on the threads (results in the same order); resolves once every job has a result. */
  run<K extends keyof J & string>(jobs: Array<Job<K, J>>): Promise<Array<JobOutput<K, J>>> {
    if (jobs.length === 0) return Promise.resolve([])
    const results = jobs.map(
      ({ kind, input, seconds, overrun }) =>
        new Promise<JobOutput<K, J>>((resolve, reject) => {
          // A thread answers a job of kind K with K's output: that is the protocol (thread.ts).
          this.queue.push({ id: this.ids++, kind, input, seconds, overrun, resolve: (result) => resolve(result as JobOutput<K, J>), reject })
        }),
    )
    this.prestart(Math.ceil(this.waiting() / JOBS_PER_THREAD))
    for (const thread of this.threads) this.feed(thread)
    return Promise.all(results)
  }

  /** Stop every thread; the jobs running or waiting fail. */
  async close(): Promise<void> {
    const threads = [...this.threads]
    const closed = new Error('the threads were closed')
    for (const thread of threads) {
      this.retire(thread)
      for (const task of thread.running) task.reject(closed)
    }
    this.failAll(closed)
    await Promise.all(threads.map((thread) => thread.worker.terminate()))
  }

  private waiting(): number {
    return this.retry.length + this.queue.length - this.next
  }

  private take(): Task | undefined {
    const task = this.retry.shift() ?? this.queue[this.next++]
    if (this.next >= this.queue.length) {
      this.queue = []
      this.next = 0
    }
    return task
  }

  private spawn(): void {
    this.data ??= { script: fileURLToPath(this.options.script ?? workerModule()), codeCache: this.options.codeCache }
    const worker = new Worker(THREAD_MODULE, { workerData: this.data, resourceLimits: this.options.resourceLimits })
    const thread: Thread = { worker, ready: false, running: [], retired: false }
    this.threads.add(thread)
    thread.worker.on('message', (response: Response) => this.answer(thread, response))
    thread.worker.on('error', (error: Error & { code?: string }) => this.fail(thread, error))
    thread.worker.on('exit', (code) => {
      if (!thread.retired) this.fail(thread, new Error(`a thread stopped unexpectedly (exit code ${code})`))
    })
    this.hold(thread)
  }

  private feed(thread: Thread): void {
    while (thread.ready && !thread.retired && thread.running.length < AHEAD && this.waiting() > 0) {
      const task = this.take()!
      thread.running.push(task)
      thread.worker.postMessage({ id: task.id, kind: task.kind, input: task.input } satisfies Request)
      if (thread.running.length === 1) this.startClock(thread)
    }
    this.hold(thread)
  }

  private answer(thread: Thread, response: Response): void {
    if (thread.retired) return
    if ('ready' in response) {
      thread.ready = true
      this.feed(thread)
      return
    }
    const task = thread.running.shift()
    clearTimeout(thread.timer)
    if (task === undefined || task.id !== response.id) {
      this.fail(thread, new Error('a thread answered out of order'))
      return
    }
    if ('error' in response) task.reject(new Error(`a thread failed: ${response.error}`))
    else if ('overrun' in response) task.resolve(task.overrun(response.overrun))
    else task.resolve(response.result)
    if (thread.running.length > 0) this.startClock(thread)
    this.feed(thread)
  }

  /** The deadline of the job a thread is running now. */
  private startClock(thread: Thread): void {
    const { seconds } = thread.running[0]
    thread.timer = setTimeout(() => this.overrun(thread, { seconds }), Math.min(LONGEST_TIMER, seconds * 1000))
    thread.timer.unref()
  }

  /** The running job overran: answer it with its overrun, replace the thread, hand its other jobs on. */
  private overrun(thread: Thread, cause: Overrun): void {
    const [task, ...rest] = thread.running
    this.retire(thread)
    void thread.worker.terminate()
    this.retry.unshift(...rest)
    task?.resolve(task.overrun(cause))
    if (this.waiting() > 0) {
      this.spawn()
      for (const other of this.threads) this.feed(other)
    }
  }

  private fail(thread: Thread, error: Error & { code?: string }): void {
    if (thread.retired) return
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && thread.running.length > 0) {
      this.overrun(thread, 'memory')
      return
    }
    this.retire(thread)
    for (const task of thread.running) task.reject(error)
    // A thread that cannot even start (a missing module) would fail again: fail everything waiting.
    if (!thread.ready || this.threads.size === 0) this.failAll(error)
  }

  private failAll(error: Error): void {
    while (this.waiting() > 0) this.take()!.reject(error)
  }

  private retire(thread: Thread): void {
    thread.retired = true
    clearTimeout(thread.timer)
    this.threads.delete(thread)
  }

  /** A thread keeps the process alive only while it has work: an idle pool never delays exit. */
  private hold(thread: Thread): void {
    if (thread.running.length > 0 || (!thread.ready && this.waiting() > 0)) thread.worker.ref()
    else thread.worker.unref()
  }
}
