/** Templates: only the documented placeholders are filled; names every object inherits are not placeholders. */
import { expect, test } from 'vitest'
import { fillTemplate } from '../src/render/template.js'

test('fills the names given, leaves every other {{…}} as written, prototype names included', () => {
  const template = '# {{title}}\n\n{{constructor}} {{ toString }} {{__proto__}} {{hasOwnProperty}} {{valueOf}} {{titel}}\n'
  expect(fillTemplate(template, { title: 'Text' })).toBe('# Text\n\n{{constructor}} {{ toString }} {{__proto__}} {{hasOwnProperty}} {{valueOf}} {{titel}}\n')
})

test('a line whose placeholders are all empty is left out; an unknown one does not keep it', () => {
  expect(fillTemplate('a\n\n{{disclaimer}}\n\n{{summary}} {{constructor}}\n\nb\n', { disclaimer: undefined, summary: '' })).toBe('a\n\nb\n')
})
