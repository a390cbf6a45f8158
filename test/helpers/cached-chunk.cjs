// The chunk of test/helpers/cached-script.cjs.
'use strict'

exports.words = () => ['compiled', 'once']
