// A thread script that registers no handlers, for test/pool.test.ts.
'use strict'
exports.nothing = true
