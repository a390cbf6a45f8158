/**
 * Parser threads: proposals are parsed (and, for the exports, their bodies
 * prepared) in parallel on worker threads, each job within its deadline. A
 * thread that overruns is terminated and replaced, its job answered by the
 * job's own `overrun` (a `too-complex` diagnostic) and the jobs it still held
 * given to the others, so a pathological proposal never hangs a run.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import { tooComplex, type Overrun } from '../diagnostics/limits.js'
import type { ChangeJob, TextJob, TextJobResult } from '../render/text-job.js'
import type { Limits, ParseResult } from '../types.js'

/** A file to parse: `name` names it in diagnostics. */
export interface ParseInput {
  name: string
  bytes: Uint8Array
}

/** What a thread can be asked to do (see worker.ts), and what it answers. */
export interface Jobs {
  parse: { input: ParseInput & { fileSize: number }; output: ParseResult }
  /** A file under notes/ (docs/reference.md, Notes): its result holds a `note`. */
  note: { input: ParseInput & { fileSize: number }; output: ParseResult }
  /** An author's text for the formats: parsed, placed and converted (see render/text-job.ts). */
  text: { input: TextJob; output: TextJobResult }
  /** A changed text of a redline: both versions compared, then converted. */
  change: { input: ChangeJob; output: TextJobResult }
  /** A file under chair/ (docs/reference.md, Chair's texts): its result holds a `chairText`. */
  chair: { input: ParseInput & { fileSize: number }; output: ParseResult }
  /** A translation, `<name>.<lang>.md` (docs/reference.md, Translations): its result holds a `translation`. */
  translation: { input: ParseInput & { fileSize: number }; output: ParseResult }
}

/** The jobs that read one file of the workspace. */
export type ParseKind = 'parse' | 'note' | 'chair' | 'translation'
export type JobKind = keyof Jobs

/** One piece of work for a thread, with what to answer if it overruns. */
export interface Job<K extends JobKind = JobKind> {
  kind: K
  input: Jobs[K]['input']
  /** The deadline, in seconds. */
  seconds: number
  overrun: (cause: Overrun) => Jobs[K]['output']
}

/** What the pool asks a thread. */
export interface Request {
  id: number
  kind: JobKind
  input: unknown
}

/** What a thread answers: it is ready, or a job's result, or that the job overflowed the stack, or a failure of the thread's own code. */
export type Response = { ready: true } | { id: number; result: unknown } | { id: number; overrun: 'nesting' } | { id: number; error: string }

/** Files sent ahead to a thread, so it never waits for its next one. */
const AHEAD = 8
/** Fewer files than this per thread do not repay starting another thread. */
const FILES_PER_THREAD = 24
/** Node caps timers at 2^31 − 1 ms; a longer one would fire at once. */
const LONGEST_TIMER = 2 ** 31 - 1

interface Task {
  id: number
  job: Job
  resolve: (result: unknown) => void
  reject: (error: Error) => void
}

interface Thread {
  worker: Worker
  ready: boolean
  /** Sent and not yet answered, in order: the first is being parsed. */
  running: Task[]
  timer?: NodeJS.Timeout
  retired: boolean
}

/**
 * The parser thread's module: the bundled one that `npm run build` writes to
 * dist/ (it starts several times faster than ~150 separate modules), else tsc's output.
 */
export function workerModule(): URL {
  for (const candidate of [new URL('../../dist/worker.js', import.meta.url), new URL('../worker.js', import.meta.url)]) {
    if (existsSync(fileURLToPath(candidate))) return candidate
  }
  throw new Error('the parser thread module dist/worker.js is missing; run `npm run build`')
}

export interface PoolOptions {
  /** Most threads at once; default: the machine's cores, at most 4. */
  size?: number
  /** Passed to each thread (heap and stack sizes). */
  resourceLimits?: ResourceLimits
}

export class ParsePool {
  private readonly threads = new Set<Thread>()
  /** Waiting tasks: `retry` (taken back from a terminated thread) first, then `queue` from `next`. */
  private retry: Task[] = []
  private queue: Task[] = []
  private next = 0
  private ids = 0
  private module?: URL
  private readonly size: number
  private readonly resourceLimits?: ResourceLimits

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(4, availableParallelism()))
    this.resourceLimits = options.resourceLimits
  }

  /** Start up to `count` threads ahead of work, so their start-up overlaps other work. */
  prestart(count = 1): void {
    while (this.threads.size < Math.min(count, this.size)) this.spawn()
  }

  /** Parse proposal files, or note files (`kind: 'note'`), Chair's texts (`kind: 'chair'`) or translations (`kind: 'translation'`), each within `limits`; results in the same order. */
  parse(files: ParseInput[], limits: Limits, kind: ParseKind = 'parse'): Promise<ParseResult[]> {
    return this.run(files.map((file) => ({
      kind,
      input: { ...file, fileSize: limits.fileSize },
      seconds: limits.parseSeconds,
      overrun: (cause: Overrun) => ({ diagnostics: [tooComplex(file.name, cause)] }),
    })))
  }

  /** Run `jobs` on the threads (results in the same order); resolves once every job has a result. */
  run<K extends JobKind>(jobs: Array<Job<K>>): Promise<Array<Jobs[K]['output']>> {
    if (jobs.length === 0) return Promise.resolve([])
    const results = jobs.map(
      (job) => new Promise<Jobs[K]['output']>((resolve, reject) => this.queue.push({ id: this.ids++, job: job as unknown as Job, resolve: resolve as (result: unknown) => void, reject })),
    )
    this.prestart(Math.ceil(this.waiting() / FILES_PER_THREAD))
    for (const thread of this.threads) this.feed(thread)
    return Promise.all(results)
  }

  /** Stop every thread; waiting files fail. */
  async close(): Promise<void> {
    const threads = [...this.threads]
    for (const thread of threads) this.retire(thread)
    this.failAll(new Error('the parser threads were closed'))
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
    this.module ??= workerModule()
    const thread: Thread = { worker: new Worker(this.module, { resourceLimits: this.resourceLimits }), ready: false, running: [], retired: false }
    this.threads.add(thread)
    thread.worker.on('message', (response: Response) => this.answer(thread, response))
    thread.worker.on('error', (error: Error & { code?: string }) => this.fail(thread, error))
    thread.worker.on('exit', (code) => {
      if (!thread.retired) this.fail(thread, new Error(`a parser thread stopped unexpectedly (exit code ${code})`))
    })
    this.hold(thread)
  }

  private feed(thread: Thread): void {
    while (thread.ready && !thread.retired && thread.running.length < AHEAD && this.waiting() > 0) {
      const task = this.take()!
      thread.running.push(task)
      thread.worker.postMessage({ id: task.id, kind: task.job.kind, input: task.job.input } satisfies Request)
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
      this.fail(thread, new Error('a parser thread answered out of order'))
      return
    }
    if ('error' in response) task.reject(new Error(`a parser thread failed: ${response.error}`))
    else if ('overrun' in response) task.resolve(task.job.overrun(response.overrun))
    else task.resolve(response.result)
    if (thread.running.length > 0) this.startClock(thread)
    this.feed(thread)
  }

  /** The deadline of the file a thread is parsing now. */
  private startClock(thread: Thread): void {
    const { seconds } = thread.running[0].job
    thread.timer = setTimeout(() => this.overrun(thread, { seconds }), Math.min(LONGEST_TIMER, seconds * 1000))
    thread.timer.unref()
  }

  /** The file being parsed is too complex: report it, replace the thread, hand its other files on. */
  private overrun(thread: Thread, cause: Overrun): void {
    const [task, ...rest] = thread.running
    this.retire(thread)
    void thread.worker.terminate()
    this.retry.unshift(...rest)
    task?.resolve(task.job.overrun(cause))
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
