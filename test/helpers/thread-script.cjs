// A thread script of jobs the tool does not have, for test/pool.test.ts: the pool runs any handlers.
'use strict'

/** Recurse until the stack overflows. */
function deeper(depth) {
  return deeper(depth + 1) + 1
}

exports.handlers = {
  echo: (input) => ({ echoed: input.text, thread: require('node:worker_threads').threadId }),
  later: (input) => new Promise((resolve) => setTimeout(() => resolve({ echoed: input.text }), 10)),
  spin: () => {
    for (;;);
  },
  deep: () => deeper(0),
  fail: (input) => {
    throw new Error(`refused ${input.text}`)
  },
  hog: () => {
    const kept = []
    for (;;) kept.push(new Array(1e5).fill(kept.length))
  },
}
