// A bundle and its chunk for test/code-cache.test.ts: the chunk is required by a relative path, as a bundle's chunks are.
'use strict'
const chunk = require('./cached-chunk.cjs')

exports.value = () => chunk.words().join(' ')
