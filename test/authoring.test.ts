/** `consolidate init` and `consolidate new`: a workspace that builds at once, proposals that check accepts, nothing overwritten. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { fileStem } from '../src/commands/new.js'
import { run } from './helpers/run.js'
import { scratch } from './helpers/scratch.js'
import { gitRepository } from './helpers/git.js'

async function initialised(): Promise<string> {
  const parent = scratch()
  const result = await run(['init', 'negotiation'], { cwd: parent })
  expect(result.code, result.stderr).toBe(0)
  return path.join(parent, 'negotiation')
}

describe('init', () => {
  test("the cover counts the topics that hold proposals, not the outline's entries: right after init, 1 proposal on 1 topic", async () => {
    const root = await initialised()
    expect((await run(['build', '--root', root])).code).toBe(0)
    expect(readFileSync(path.join(root, 'out', 'consolidated.md'), 'utf8')).toContain('This text consolidates 1 proposal on 1 topic.')
  })

  test('creates a configuration, the template and an example proposal, and prints them', async () => {
    const parent = scratch()
    const result = await run(['init', 'negotiation'], { cwd: parent })
    expect(result).toEqual({
      code: 0,
      stdout:
        'negotiation/.gitignore\nnegotiation/consolidate.yaml\nnegotiation/notes/\nnegotiation/proposals/a14-jpn-einvoicing.md\nnegotiation/templates/proposal.md\n',
      stderr: 'consolidate: created a workspace in negotiation; next: consolidate build --root negotiation\n',
    })
    const root = path.join(parent, 'negotiation')
    expect(readFileSync(path.join(root, 'templates/proposal.md'), 'utf8')).toBe(
      readFileSync(path.join(import.meta.dirname, '../templates/proposal.md'), 'utf8'),
    )
  })

  test('the new workspace checks clean and builds at once', async () => {
    const root = await initialised()
    expect(await run(['check', '--root', root])).toEqual({ code: 0, stdout: '1 proposal file checked: no problems\n', stderr: '' })
    const build = await run(['build', '--root', root])
    expect(build.code, build.stderr).toBe(0)
    const text = readFileSync(path.join(root, 'out/consolidated.md'), 'utf8')
    expect(text).toContain('<!-- proposal: a14-jpn-einvoicing -->')
    expect(text).toContain('Proponent: Japan. Supporters: Australia; Canada; Singapore.')
  })

  test('in the current folder by default', async () => {
    const root = scratch()
    expect((await run(['init'], { cwd: root })).code).toBe(0)
    expect(readdirSync(root).sort()).toEqual(['.gitignore', 'consolidate.yaml', 'notes', 'proposals', 'templates'])
    // The dependencies and the parse cache are the machine's own, never committed.
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe('node_modules/\n.consolidate-cache/\n')
    // notes/ is there for the facilitators' notes, and git keeps it while it is empty.
    expect(readdirSync(path.join(root, 'notes'))).toEqual(['.gitkeep'])
  })

  test('adds the missing lines to an existing .gitignore, once, however they were written', async () => {
    const root = scratch()
    writeFileSync(path.join(root, '.gitignore'), '/node_modules')
    expect((await run(['init'], { cwd: root })).code).toBe(0)
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe('/node_modules\n.consolidate-cache/\n')
    const listed = scratch()
    writeFileSync(path.join(listed, '.gitignore'), 'dist\r\n.consolidate-cache\r\nnode_modules/\r\n')
    const result = await run(['init'], { cwd: listed })
    expect(result.stdout).not.toContain('.gitignore')
    expect(readFileSync(path.join(listed, '.gitignore'), 'utf8')).toBe('dist\r\n.consolidate-cache\r\nnode_modules/\r\n')
  })

  test('refuses to overwrite anything, and then writes nothing', async () => {
    const root = scratch()
    writeFileSync(path.join(root, 'consolidate.yaml'), 'title: Mine\n')
    const result = await run(['init', root])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('already has consolidate.yaml; init never writes over a file')
    expect(readdirSync(root)).toEqual(['consolidate.yaml'])
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toBe('title: Mine\n')
  })

  test('refuses a file as the folder', async () => {
    const root = scratch()
    writeFileSync(path.join(root, 'file'), 'x')
    expect((await run(['init', path.join(root, 'file')])).code).toBe(2)
  })
})

describe('init --ci', () => {
  const shipped = readFileSync(path.join(import.meta.dirname, '..', '.github', 'workflows', 'consolidate.yml'), 'utf8')

  test('a new workspace with the CI workflow the package ships, and what else the workflow needs', async () => {
    const parent = scratch()
    const result = await run(['init', 'negotiation', '--ci'], { cwd: parent })
    expect(result).toEqual({
      code: 0,
      stdout:
        'negotiation/.github/workflows/consolidate.yml\nnegotiation/.gitignore\nnegotiation/consolidate.yaml\nnegotiation/notes/\nnegotiation/proposals/a14-jpn-einvoicing.md\nnegotiation/templates/proposal.md\n',
      stderr:
        'consolidate: created a workspace in negotiation; next: consolidate build --root negotiation\n' +
        'consolidate: the workflow installs the tool with `npm ci`: add a package.json and package-lock.json that list consolidate-negotiation (installing it in this folder writes both), and commit them\n',
    })
    expect(readFileSync(path.join(parent, 'negotiation', '.github', 'workflows', 'consolidate.yml'), 'utf8')).toBe(shipped)
  })

  test('in a workspace already there: only the workflow, notes/ and the .gitignore lines; its files untouched', async () => {
    const root = await initialised()
    writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
    const before = readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')
    const result = await run(['init', '--ci'], { cwd: root })
    expect(result).toEqual({ code: 0, stdout: '.github/workflows/consolidate.yml\n', stderr: 'consolidate: added the CI workflow to the workspace in .\n' })
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toBe(before)
    expect(readdirSync(path.join(root, 'proposals'))).toEqual(['a14-jpn-einvoicing.md'])
    // Twice: the workflow is never written over.
    const again = await run(['init', '--ci'], { cwd: root })
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('already has .github/workflows/consolidate.yml; init never writes over a file')
    expect(readFileSync(path.join(root, '.github', 'workflows', 'consolidate.yml'), 'utf8')).toBe(shipped)
  })

  test('a workspace in a folder of a git repository is told where GitHub looks for workflows', async () => {
    const top = gitRepository()
    writeFileSync(path.join(top, 'package.json'), '{ "private": true }\n')
    const result = await run(['init', 'negotiation', '--ci'], { cwd: top })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(
      `consolidate: GitHub runs only the workflows in .github/workflows/ at the top of the repository (${realpathSync(top)}): move the file there, and set the repository variable CONSOLIDATE_WORKSPACE to negotiation\n`,
    )
  })

  test('without --ci, a workspace already there is refused with the way to add CI', async () => {
    const root = scratch()
    mkdirSync(path.join(root, 'proposals'))
    const result = await run(['init', root])
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `consolidate: ${root} already has proposals/; init never writes over a file: choose an empty folder, e.g. consolidate init negotiation, or add the CI workflow to this workspace with consolidate init --ci\n`,
    })
    expect(readdirSync(root)).toEqual(['proposals'])
  })
})

describe('init never writes through a link that leaves its folder', () => {
  test.each([
    ['.gitignore', 'a file', (outside: string) => (writeFileSync(path.join(outside, 'ignore'), 'x\n'), path.join(outside, 'ignore'))],
    ['templates', 'a folder', (outside: string) => outside],
    ['.github', 'a folder', (outside: string) => outside],
  ])('%s as a link to %s outside: one line, exit 2, nothing written anywhere', async (name, _, target) => {
    const outside = scratch()
    const root = scratch()
    const to = target(outside)
    symlinkSync(to, path.join(root, name))
    const before = readdirSync(outside).map((each) => [each, readFileSync(path.join(outside, each), 'utf8')])
    const result = await run(['init', '--ci'], { cwd: root })
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `consolidate: ${name} is a symbolic link that leads outside . (${to}); init never writes through such a link: remove it, or run init in another folder; nothing was written\n`,
    })
    expect(readdirSync(root)).toEqual([name])
    expect(readdirSync(outside).map((each) => [each, readFileSync(path.join(outside, each), 'utf8')])).toEqual(before)
  })

  test('notes/ as a link outside is left as it is: nothing is written into it', async () => {
    const outside = scratch()
    const root = scratch()
    symlinkSync(outside, path.join(root, 'notes'))
    expect((await run(['init'], { cwd: root })).code).toBe(0)
    expect(readdirSync(outside)).toEqual([])
  })

  test('a link that stays inside the folder is followed', async () => {
    const root = scratch()
    mkdirSync(path.join(root, 'shared'))
    symlinkSync('shared', path.join(root, 'templates'))
    expect((await run(['init'], { cwd: root })).code).toBe(0)
    expect(readdirSync(path.join(root, 'shared'))).toEqual(['proposal.md'])
  })
})

describe('new', () => {
  test('creates a proposal from the template, with a readable name, that check accepts', async () => {
    const root = await initialised()
    const result = await run(
      ['new', '--topic', 'A.1.4', '--author', 'JPN', '--title', 'Scope: definitions of électronic invoices', '--submitted', '2026-11-30'],
      { cwd: root },
    )
    expect(result).toEqual({ code: 0, stdout: 'proposals/a14-japan-scope-definitions-of-electronic-invoices.md\n', stderr: '' })
    expect(readFileSync(path.join(root, 'proposals/a14-japan-scope-definitions-of-electronic-invoices.md'), 'utf8')).toBe(
      readFileSync(path.join(root, 'templates/proposal.md'), 'utf8')
        .replace('{{topic}}', 'A.1.4')
        .replace('{{title}}', '"Scope: definitions of électronic invoices"')
        .replace('{{author}}', 'Japan')
        .replace('{{submitted}}', '2026-11-30'),
    )
    // Accepted (exit 0), with the one warning that the text is still the template's example.
    const checked = await run(['check', '--root', root, '--format', 'json'])
    expect(checked.code).toBe(0)
    expect(JSON.parse(checked.stdout)).toEqual([templateText('proposals/a14-japan-scope-definitions-of-electronic-invoices.md', 15)])
  })

  test('submitted: today by default, since it orders the alternatives; a bad date is a usage error', async () => {
    const root = await initialised()
    const now = new Date()
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
    const result = await run(['new', '--topic', 'A.1.4', '--author', 'Japan'], { cwd: root })
    expect(readFileSync(path.join(root, result.stdout.trim()), 'utf8')).toContain(`\nsubmitted: ${today}\n`)
    expect(await run(['new', '--root', root, '--topic', 'A.1.4', '--author', 'Japan', '--submitted', '30/11/2026'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'consolidate: --submitted "30/11/2026" is not a date written YYYY-MM-DD, e.g. --submitted 2026-11-28\n',
    })
  })

  test('never overwrites: the same proposal again gets the next free name', async () => {
    const root = await initialised()
    const args = ['new', '--root', root, '--topic', 'A.1.4', '--author', 'Japan']
    writeFileSync(path.join(root, 'proposals/a14-japan.md'), 'mine\n')
    mkdirSync(path.join(root, 'proposals/old'))
    writeFileSync(path.join(root, 'proposals/old/a14-japan-2.md'), '---\ntopic: A.1.4\nauthor: Japan\n---\n\nOld.\n')
    const result = await run(args, { cwd: path.join(root, 'proposals') })
    expect(result.stdout).toBe('a14-japan-3.md\n')
    expect(readFileSync(path.join(root, 'proposals/a14-japan.md'), 'utf8')).toBe('mine\n')
  })

  test('a title left out leaves no empty field, and an id never collides with an explicit one', async () => {
    const root = await initialised()
    writeFileSync(path.join(root, 'proposals/other.md'), '---\nid: a14-canada\ntopic: A.1.4\nauthor: Canada\n---\n\nText.\n')
    const result = await run(['new', '--root', root, '--topic', 'A.1.4', '--author', 'Canada'], { cwd: root })
    expect(result.stdout).toBe('proposals/a14-canada-2.md\n')
    expect(readFileSync(path.join(root, 'proposals/a14-canada-2.md'), 'utf8')).not.toContain('title:')
  })

  test.each([
    ['an unknown topic', ['--topic', 'A.9', '--author', 'Japan'], '--topic "A.9" is not in the outline of consolidate.yaml; did you mean "A.1"?'],
    ['a topic in the wrong case', ['--topic', 'a.1.4', '--author', 'Japan'], 'did you mean "A.1.4"?'],
    ['an unknown participant', ['--topic', 'A.1.4', '--author', 'Jpan'], '--author "Jpan" is not a participant in consolidate.yaml; did you mean "Japan"?'],
    ['a mistyped code', ['--topic', 'A.1.4', '--author', 'SPG'], 'did you mean "Singapore"?'],
  ])('refuses %s (usage error, with a suggestion)', async (_, args, message) => {
    const root = await initialised()
    const result = await run(['new', '--root', root, ...args])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
    expect(readdirSync(path.join(root, 'proposals'))).toEqual(['a14-jpn-einvoicing.md'])
  })

  test('without a configuration any topic and name are taken as written, quoted when YAML would misread them', async () => {
    const root = scratch()
    mkdirSync(path.join(root, 'proposals'))
    const result = await run(['new', '--topic', '1.10', '--author', 'NO'], { cwd: root })
    expect(result.stdout).toBe('proposals/110-no.md\n')
    const text = readFileSync(path.join(root, 'proposals/110-no.md'), 'utf8')
    expect(text).toContain('topic: "1.10"\n')
    expect(text).toContain('author: "NO"\n')
    const checked = await run(['check', '--root', root, '--format', 'json'])
    expect(checked.code).toBe(0)
    expect(JSON.parse(checked.stdout)).toEqual([templateText('proposals/110-no.md', 14)])
  })

  test("uses the workspace's own template", async () => {
    const root = await initialised()
    writeFileSync(path.join(root, 'templates/proposal.md'), '---\ntopic: {{topic}}\nauthor: {{author}}\ndocument: INF/ECOM/99\n---\n\nOur text.\n')
    const result = await run(['new', '--root', root, '--topic', 'A.1.1', '--author', 'EU'])
    expect(result.code).toBe(0)
    expect(readFileSync(path.join(root, 'proposals/a11-european-union.md'), 'utf8')).toBe(
      '---\ntopic: A.1.1\nauthor: European Union\ndocument: INF/ECOM/99\n---\n\nOur text.\n',
    )
  })

  test('refuses to write what check would reject, from a broken template', async () => {
    const root = await initialised()
    writeFileSync(path.join(root, 'templates/proposal.md'), '---\ntopic: {{topic}}\n---\n\nOur [text.\n')
    const result = await run(['new', '--root', root, '--topic', 'A.1.1', '--author', 'Japan'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('missing-author')
    expect(result.stderr).toContain('unbalanced-brackets')
    expect(result.stderr).toContain('would not pass check')
    expect(existsSync(path.join(root, 'proposals/a11-japan.md'))).toBe(false)
  })

  test("in the shipped sample, whose consolidate.yaml has Chair's picks: the new proposal is checked among the others, and written", async () => {
    const root = scratch()
    const repository = path.join(import.meta.dirname, '..')
    for (const name of ['consolidate.yaml', 'proposals', 'notes']) cpSync(path.join(repository, name), path.join(root, name), { recursive: true })
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toContain('\nchair:\n')
    const result = await run(['new', '--root', root, '--topic', 'A.1.4', '--author', 'Japan', '--title', 'Invoices', '--submitted', '2026-12-01'])
    expect(result).toEqual({ code: 0, stdout: `${path.relative(process.cwd(), path.join(root, 'proposals', 'a14-japan-invoices.md'))}\n`, stderr: '' })
  })

  test('a workspace with errors elsewhere does not stop a sound proposal', async () => {
    const root = await initialised()
    writeFileSync(path.join(root, 'proposals/broken.md'), '---\ntopic: A.1.1\n---\n\nOur [text.\n')
    const result = await run(['new', '--root', root, '--topic', 'A.1.1', '--author', 'Japan'])
    expect(result.code, result.stderr).toBe(0)
    expect(existsSync(path.join(root, 'proposals/a11-japan.md'))).toBe(true)
  })

  test('names: topic, author and title in plain lowercase, cut at a word', () => {
    expect(fileStem('A.1.4', 'Japan', 'Electronic invoicing')).toBe('a14-japan-electronic-invoicing')
    expect(fileStem('A.1.4', "Côte d'Ivoire")).toBe('a14-cote-d-ivoire')
    expect(fileStem('A.1.4', '日本')).toBe('a14')
    expect(fileStem('', '日本')).toBe('proposal')
    expect(fileStem('B.2', 'European Union', 'Cross-border data flows and the location of computing facilities in the territory')).toBe(
      'b2-european-union-cross-border-data-flows-and-the-location',
    )
  })
})

/** The warning on a proposal whose text is still the built-in template's example. */
function templateText(file: string, line: number): object {
  return {
    file,
    line,
    column: 1,
    severity: 'warning',
    rule: 'template-text',
    message:
      'the text is still the example of templates/proposal.md ("1. Each Party shall …"); replace it with the proposed treaty text, e.g. `1. Each Party shall [endeavour to] …`',
  }
}
