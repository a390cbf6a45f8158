/**
 * A lock file around a read-modify-write that several builds may do at once
 * (the manifest and the outputs, the parse cache): created exclusively,
 * holding its owner's process, machine and a random token. A lock whose owner
 * is gone (a build killed with `kill -9`), or older than any build holds one,
 * is broken; only its owner ever removes a live lock.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import { readBounded } from './read/folder.js'

export interface Lock {
  /** Remove the lock, if it is still this one's. */
  release(): Promise<void>
}

/**
 * Why a lock could not be taken: another live build holds it, or something
 * that is not a lock stands in its place. (A refusal of the file system to
 * create it, a read-only folder say, is thrown as it is.)
 */
export type LockRefusal = { busy: string } | { blocked: string }

/** No build holds a lock this long: an older one is a leftover (a reused process id, another machine's build). */
const STALE_MS = 10 * 60 * 1000

/** Take the lock at `file`, waiting up to `timeout` milliseconds for another build to release it. */
export async function acquireLock(file: string, timeout: number): Promise<Lock | LockRefusal> {
  const mine = `${process.pid} ${os.hostname()} ${randomBytes(8).toString('hex')}\n`
  const deadline = Date.now() + timeout
  let breaks = 0
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(file, mine, { flag: 'wx', mode: 0o644 })
      return { release: () => releaseLock(file, mine) }
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error
    }
    const held = await readLock(file)
    if ('blocked' in held) return held
    // A stale lock that will not go (a folder refusing renames) is waited on as a live one, never spun on.
    if (held.text !== undefined && isStale(held.text, held.age) && breaks++ < 3) {
      await breakLock(file, held.text)
      continue
    }
    if (Date.now() >= deadline) return { busy: held.text === undefined ? 'a build' : describe(held.text) }
    // From 10 ms up to 200 ms, with jitter, so that two waiting builds do not keep meeting.
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, 10 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random())))
  }
}

/** The lock's text and age; undefined text: it vanished meanwhile, or it is being written. */
async function readLock(file: string): Promise<{ text?: string; age: number } | { blocked: string }> {
  const stat = await fs.lstat(file).catch(() => undefined)
  if (stat === undefined) return { age: 0 }
  if (!stat.isFile()) return { blocked: 'not a lock file (a folder, a link or a device stands in its place)' }
  const read = await readBounded(file, 512)
  // Released between the two looks: try again.
  if ('unreadable' in read && read.unreadable === 'ENOENT') return { age: 0 }
  if (!('bytes' in read)) return { blocked: 'not a lock file' }
  const text = new TextDecoder().decode(read.bytes)
  const age = Date.now() - stat.mtimeMs
  // An empty lock is one being written, or one whose writer was killed at once: stale after a moment.
  return text === '' && age < 5000 ? { age } : { text, age }
}

function isStale(text: string, age: number): boolean {
  if (age > STALE_MS) return true
  const [pid, host] = text.split(' ')
  if (!/^\d+$/.test(pid ?? '') || host === undefined) return true
  // Another machine's process (a shared drive) cannot be asked: only age tells.
  if (host !== os.hostname()) return false
  return !isRunning(Number(pid))
}

/**
 * Remove a stale lock: renamed aside first, so that of two builds breaking
 * it at once only one removes it, and a fresh lock taken meanwhile is put back.
 */
async function breakLock(file: string, stale: string): Promise<void> {
  const aside = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.stale`
  try {
    await fs.rename(file, aside)
  } catch {
    return
  }
  const read = await readBounded(aside, 512)
  const text = 'bytes' in read ? new TextDecoder().decode(read.bytes) : ''
  if (text !== stale) await fs.link(aside, file).catch(() => undefined)
  await fs.rm(aside, { force: true })
}

async function releaseLock(file: string, mine: string): Promise<void> {
  const read = await readBounded(file, 512)
  if ('bytes' in read && new TextDecoder().decode(read.bytes) === mine) await fs.rm(file, { force: true })
}

/** "process 1234": who holds a lock, for a message. */
function describe(text: string): string {
  const [pid, host] = text.split(' ')
  return host === os.hostname() ? `process ${pid}` : `process ${pid} on ${host ?? 'another machine'}`
}

/** Whether a process of this machine is alive (the current one is). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return codeOf(error) === 'EPERM'
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error)
}
