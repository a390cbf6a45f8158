/**
 * Every word the tool writes into a document, in each language it speaks, as
 * the `Labels` the renderers read: built from the messages of i18n/ (en.json,
 * fr.json, es.json), where the words themselves are.
 */
import type { ChangeCounts, Language, NoteKind, StatsNumbers, Status, SupportLevel } from '../types.js'
import { MONTHS, wordsFor, type MessageKey, type Words } from './i18n/index.js'

export type { ChangeCounts, StatsNumbers } from '../types.js'

/** The words of one language, as the renderers read them: strings (some with `{name}` to fill in) and sentences of counts. */
export interface Labels {
  documentTitle: string
  alt: string
  proponent: string
  proponents: string
  /** Introduces the supporters in an attribution: `Supporters: Canada; Chile.` */
  supporters: string
  /** The supporters when there are none: `Supporters: none.` */
  none: string
  /** `: ` in English and Spanish; French sets a no-break space before the colon. */
  colon: string
  /** Between names in a list: `; ` (French: a no-break space before it). */
  separator: string
  level: Record<SupportLevel, string>
  /** Flag on a block referred to the stocktaking small group; `{level}` is the support level's words. */
  referred: string
  /** Badge on a stabilized (agreed) text. */
  stabilized: string
  annex: string
  withdrawn: string
  withdrawnNone: string
  summary: (counts: { proposals: number; topics: number; referred: number; withdrawn: number }) => string
  stocktaking: {
    title: string
    intro: (counts: { referred: number; live: number; threshold: number }) => string
    empty: string
    columns: { proposal: string; title: string; proponents: string; supporters: string; support: string; submitted: string; file: string }
  }
  /** Words of the HTML and Word documents only. */
  document: {
    contents: string
    notes: string
    backToText: string
    matrix: {
      title: string
      proposal: string
      proponent: string
      supporter: string
      total: string
      /** Caption of one printed part of a matrix too wide for a page: `{from}`, `{to}` and `{total}` count participants. */
      part: string
    }
  }
  months: string[]
  formatDate: (day: number, month: string, year: number) => string
  /** Added to the title of a small group's extract; `{name}` is the group's name. */
  group: string
  /** A count as the language writes it: `12,345`, `12 345` (no-break spaces), `12 345` (from five digits). */
  number: (count: number) => string
  /** The summary of a build on a CI run's page; `{files}`, `{check}`, `{build}` stand for code spans, `{reason}` for a sentence. */
  ci: {
    /** In bold, followed by `errorsRest`. */
    errors: (count: number) => string
    errorsRest: string
    warnings: (count: number) => string
    /** In bold, followed by `staleRest`. */
    stale: string
    staleRest: string
    fresh: string
    written: string
    changes: string
    notShown: string
    commitErrors: (count: number) => string
    /** Past the ten or so annotations GitHub shows per step: how many problems there are in all. */
    problems: (counts: { errors: number; warnings: number }) => string
  }
  /** The change list of `consolidate diff`. */
  diff: {
    /** `{old}` and `{new}` name the two revisions. */
    title: string
    nothing: string
    kind: { added: string; withdrawn: string; removed: string; stabilized: string; changed: string }
    /** `{from}` and `{to}` are words of `statuses`. */
    status: string
    statuses: Record<Status, string>
    /** `{names}` is a list of participants. */
    gained: string
    lost: string
    wording: string
  }
  /** The full record (parked, merged, "no text", notes, the disclaimer) and the clean text. */
  record: RecordLabels
  /** Revisions: the full change list, the redline, statistics, the stocktaking history. */
  revision: RevisionLabels
}

/** Words of revisions: the full change list, the redline, statistics and the stocktaking history. */
export interface RevisionLabels {
  diff: {
    /** Counts of every kind of change, zeros left out; '' when there is none. */
    summary: (counts: ChangeCounts) => string
    kind: { merged: string; renamed: string }
    /** `{id}` is the older id. */
    renamedFrom: string
    /** `{topic}` is the older topic's heading. */
    moved: string
    fields: { title: string; document: string; submitted: string; reason: string }
    /** `{field}` is one of `fields`; `{from}` and `{to}` the values. */
    change: string
    /** A value not written. */
    unset: string
    /** `{now}` and `{was}`: `Alt 2`. */
    reordered: string
    /** `{id}` is the receiving proposal. */
    mergedInto: string
    noTextOn: string
    noTextOff: string
    /** `{names}` is a list of participants. */
    authorsAdded: string
    authorsRemoved: string
    toProponent: string
    toSupporter: string
  }
  redline: {
    /** Added to the page title of a redline. */
    title: string
    /** `{old}`: the older revision's symbol (or its name). */
    supersedes: string
    /** What changed since `old` (its symbol or name): every kind of change with its count. */
    changes: (counts: ChangeCounts & { old: string }) => string
    noChange: string
    /** The legend: `{inserted}` and `{deleted}` stand for marked examples. */
    legend: string
    inserted: string
    deleted: string
    /** The legend of the Word redline. */
    tracked: string
    /** Why a text left: shown where it stood. */
    why: { withdrawn: string; merged: string; removed: string; moved: string }
    /** The author of tracked changes when the configuration names no `secretariat`. */
    secretariat: string
  }
  stats: {
    /** The statistics line of a cover: brackets, placeholders, topics; `delta` adds each change since the older revision. */
    line: (stats: StatsNumbers, delta?: StatsNumbers) => string
    /** The heading of `stats`, followed by the symbol when there is one. */
    title: string
    measure: string
    count: string
    /** `{old}` names the older revision. */
    since: string
    rows: {
      live: string
      proposed: string
      stabilized: string
      parked: string
      merged: string
      withdrawn: string
      referred: string
      topics: string
      withText: string
      topicsStabilized: string
      withAlternatives: string
      brackets: string
      placeholders: string
    }
  }
  history: {
    /** The column of `stocktake --history`. */
    referredSince: string
    /** For a proposal referred only in changes not yet committed. */
    uncommitted: string
  }
}

/** A change written with its sign: `+3`, `−37` (a minus sign), `±0`. */
export function signed(delta: number, format: (count: number) => string = String): string {
  return delta > 0 ? `+${format(delta)}` : delta < 0 ? `\u2212${format(-delta)}` : '\u00b10'
}

/** Words of the full record (parked, merged, "no text", notes, the disclaimer) and of the clean text. */
export interface RecordLabels {
  /** The label of a parked text without a reason: `Parked.` */
  parked: string
  /** With its reason (`{reason}`, written without a final full stop): `Parked: subject to the discussion on scope.` */
  parkedBecause: string
  /** What a "no text" alternative shows, inside brackets unless stabilized: `[No text]`. */
  noText: string
  /** Introduces, in an attribution, the merged proposals a text incorporates: `Incorporates: a14-mys.` */
  incorporates: string
  /** The annex of merged proposals. */
  merged: string
  /** In the annex: where a merged proposal went; `{id}` and `{topic}` are the receiving proposal's. */
  mergedInto: string
  /** The label of a note: its kind, then who wrote it in parentheses. */
  noteKinds: Record<NoteKind, string>
  /** The built-in "without prejudice" sentence. */
  disclaimer: string
  /** Added to the cover's summary when some proposals are parked or merged; '' when none is. */
  summary: (counts: { parked: number; merged: number }) => string
  /** The support matrix counts the participants behind a proposal other than one of its proponents (docs/reference.md, Support). */
  matrix: { support: string; intro: string }
  /** The clean text (`build --view clean`, docs/reference.md, The clean text). */
  clean: {
    /** What the cover says the document is. */
    title: string
    /** `{n}` is the article's number. */
    article: string
    concordance: string
    concordanceIntro: string
    columns: { topic: string; article: string; proposals: string }
    /** In the concordance, for a topic without an article. */
    noText: string
    summary: (articles: number) => string
  }
}

/** The kinds of change in the order every list of them follows. */
const CHANGE_KINDS = ['added', 'stabilized', 'merged', 'changed', 'renamed', 'withdrawn', 'removed'] as const satisfies ReadonlyArray<keyof ChangeCounts>

/** The numbers of a cover's statistics line. */
const STATS_KEYS = ['brackets', 'placeholders', 'topics', 'withText', 'stabilized', 'withAlternatives'] as const satisfies ReadonlyArray<keyof StatsNumbers>

/**
 * Every kind of change that happened, each with its count and agreeing with it, in
 * a fixed order (`1 added, 1 stabilized, 2 changed`); the first one preceded by
 * the noun when `nounFirst` (`1 proposal added, 2 changed`); '' when none did.
 */
function changeList({ t }: Words, counts: ChangeCounts, nounFirst: boolean): string {
  return CHANGE_KINDS.filter((kind) => counts[kind] !== 0)
    .map((kind, index) => {
      const count = counts[kind]
      const item = nounFirst && index === 0 ? 'revision.kinds.firstItem' : 'revision.kinds.item'
      return t(item, { count, kind: t(`revision.kinds.${kind}`, { count }) })
    })
    .join(t('revision.kinds.separator'))
}

/** The cover's statistics line: `214` or, with a delta, `214 (−37)` for each number. */
function statsLine({ t, number }: Words, stats: StatsNumbers, delta: StatsNumbers | undefined): string {
  const shown = (key: keyof StatsNumbers): string =>
    delta === undefined ? number(stats[key]) : t('revision.stats.delta', { value: number(stats[key]), change: signed(delta[key], number) })
  return t('revision.stats.line', Object.fromEntries(STATS_KEYS.map((key) => [key, shown(key)])))
}

/** The labels of a language, from its messages. */
function labelsOf(words: Words): Labels {
  const { t, number } = words
  // A label callers fill in with `.replace('{name}', …)` keeps its `{name}`.
  const s = (key: MessageKey): string => words.template(key)
  return {
    documentTitle: s('documentTitle'),
    alt: s('alt'),
    proponent: s('proponent'),
    proponents: s('proponents'),
    supporters: s('supporters'),
    none: s('none'),
    colon: s('colon'),
    separator: s('separator'),
    level: { none: s('level.none'), limited: s('level.limited'), broad: s('level.broad') },
    referred: s('referred'),
    stabilized: s('stabilized'),
    annex: s('annex'),
    withdrawn: s('withdrawn'),
    withdrawnNone: s('withdrawnNone'),
    summary: ({ proposals, topics, referred, withdrawn }) => t('summary', { proposals, topics, referred, withdrawn }),
    stocktaking: {
      title: s('stocktaking.title'),
      intro: ({ referred, live, threshold }) => t('stocktaking.intro', { referred, live, threshold }),
      empty: s('stocktaking.empty'),
      columns: {
        proposal: s('stocktaking.columns.proposal'),
        title: s('stocktaking.columns.title'),
        proponents: s('stocktaking.columns.proponents'),
        supporters: s('stocktaking.columns.supporters'),
        support: s('stocktaking.columns.support'),
        submitted: s('stocktaking.columns.submitted'),
        file: s('stocktaking.columns.file'),
      },
    },
    document: {
      contents: s('document.contents'),
      notes: s('document.notes'),
      backToText: s('document.backToText'),
      matrix: {
        title: s('document.matrix.title'),
        proposal: s('document.matrix.proposal'),
        proponent: s('document.matrix.proponent'),
        supporter: s('document.matrix.supporter'),
        total: s('document.matrix.total'),
        part: s('document.matrix.part'),
      },
    },
    months: MONTHS.map((key) => s(key)),
    formatDate: (day: number, month: string, year: number) => t('date', { day, month, year }),
    group: s('group'),
    number,
    ci: {
      errors: (count) => t('ci.errors', { count }),
      errorsRest: s('ci.errorsRest'),
      warnings: (count) => t('ci.warnings', { count, check: '{check}' }),
      stale: s('ci.stale'),
      staleRest: s('ci.staleRest'),
      fresh: s('ci.fresh'),
      written: s('ci.written'),
      changes: s('ci.changes'),
      notShown: s('ci.notShown'),
      commitErrors: (count) => t('ci.commitErrors', { count }),
      problems: ({ errors, warnings }) => t('ci.problems', { total: errors + warnings, errors, warnings, check: '{check}' }),
    },
    diff: {
      title: s('diff.title'),
      nothing: s('diff.nothing'),
      kind: {
        added: s('diff.kind.added'),
        withdrawn: s('diff.kind.withdrawn'),
        removed: s('diff.kind.removed'),
        stabilized: s('diff.kind.stabilized'),
        changed: s('diff.kind.changed'),
      },
      status: s('diff.status'),
      statuses: {
        proposed: s('diff.statuses.proposed'),
        stabilized: s('diff.statuses.stabilized'),
        parked: s('diff.statuses.parked'),
        merged: s('diff.statuses.merged'),
        withdrawn: s('diff.statuses.withdrawn'),
      },
      gained: s('diff.gained'),
      lost: s('diff.lost'),
      wording: s('diff.wording'),
    },
    record: {
      parked: s('record.parked'),
      parkedBecause: s('record.parkedBecause'),
      noText: s('record.noText'),
      incorporates: s('record.incorporates'),
      merged: s('record.merged'),
      mergedInto: s('record.mergedInto'),
      noteKinds: { facilitator: s('record.noteKinds.facilitator'), drafting: s('record.noteKinds.drafting'), secretariat: s('record.noteKinds.secretariat') },
      disclaimer: s('record.disclaimer'),
      summary: ({ parked, merged }) => (parked + merged === 0 ? '' : t('record.summary', { parked, merged })),
      matrix: { support: s('record.matrix.support'), intro: s('record.matrix.intro') },
      clean: {
        title: s('record.clean.title'),
        article: s('record.clean.article'),
        concordance: s('record.clean.concordance'),
        concordanceIntro: s('record.clean.concordanceIntro'),
        columns: { topic: s('record.clean.columns.topic'), article: s('record.clean.columns.article'), proposals: s('record.clean.columns.proposals') },
        noText: s('record.clean.noText'),
        summary: (articles) => t('record.clean.summary', { articles }),
      },
    },
    revision: {
      diff: {
        summary: (counts) => {
          const list = changeList(words, counts, false)
          return list === '' ? '' : t('revision.diff.summary', { changes: list })
        },
        kind: { merged: s('revision.diff.kind.merged'), renamed: s('revision.diff.kind.renamed') },
        renamedFrom: s('revision.diff.renamedFrom'),
        moved: s('revision.diff.moved'),
        fields: {
          title: s('revision.diff.fields.title'),
          document: s('revision.diff.fields.document'),
          submitted: s('revision.diff.fields.submitted'),
          reason: s('revision.diff.fields.reason'),
        },
        change: s('revision.diff.change'),
        unset: s('revision.diff.unset'),
        reordered: s('revision.diff.reordered'),
        mergedInto: s('revision.diff.mergedInto'),
        noTextOn: s('revision.diff.noTextOn'),
        noTextOff: s('revision.diff.noTextOff'),
        authorsAdded: s('revision.diff.authorsAdded'),
        authorsRemoved: s('revision.diff.authorsRemoved'),
        toProponent: s('revision.diff.toProponent'),
        toSupporter: s('revision.diff.toSupporter'),
      },
      redline: {
        title: s('revision.redline.title'),
        supersedes: s('revision.redline.supersedes'),
        changes: ({ old, ...counts }) => t('revision.redline.changes', { old, changes: changeList(words, counts, true) }),
        noChange: s('revision.redline.noChange'),
        legend: s('revision.redline.legend'),
        inserted: s('revision.redline.inserted'),
        deleted: s('revision.redline.deleted'),
        tracked: s('revision.redline.tracked'),
        why: {
          withdrawn: s('revision.redline.why.withdrawn'),
          merged: s('revision.redline.why.merged'),
          removed: s('revision.redline.why.removed'),
          moved: s('revision.redline.why.moved'),
        },
        secretariat: s('revision.redline.secretariat'),
      },
      stats: {
        line: (stats, delta) => statsLine(words, stats, delta),
        title: s('revision.stats.title'),
        measure: s('revision.stats.measure'),
        count: s('revision.stats.count'),
        since: s('revision.stats.since'),
        rows: {
          live: s('revision.stats.rows.live'),
          proposed: s('revision.stats.rows.proposed'),
          stabilized: s('revision.stats.rows.stabilized'),
          parked: s('revision.stats.rows.parked'),
          merged: s('revision.stats.rows.merged'),
          withdrawn: s('revision.stats.rows.withdrawn'),
          referred: s('revision.stats.rows.referred'),
          topics: s('revision.stats.rows.topics'),
          withText: s('revision.stats.rows.withText'),
          topicsStabilized: s('revision.stats.rows.topicsStabilized'),
          withAlternatives: s('revision.stats.rows.withAlternatives'),
          brackets: s('revision.stats.rows.brackets'),
          placeholders: s('revision.stats.rows.placeholders'),
        },
      },
      history: { referredSince: s('revision.history.referredSince'), uncommitted: s('revision.history.uncommitted') },
    },
  }
}

const LABELS = new Map<Language, Labels>()

/** The labels of `language`, built from its messages once. */
export function labelsFor(language: Language): Labels {
  let labels = LABELS.get(language)
  if (labels === undefined) {
    labels = labelsOf(wordsFor(language))
    LABELS.set(language, labels)
  }
  return labels
}

/** An ISO date written out in a language: 2026-11-28 → "28 November 2026", "1er novembre 2026". */
export function formatDate(iso: string, language: Language): string {
  return wordsFor(language).date(iso)
}

/**
 * `Proponent: Japan. Supporters: Australia; Canada.` from names already made
 * safe for the target format; without `supporters`, the proponents alone.
 */
export function attributionText(authors: string[], supporters: string[] | undefined, labels: Labels): string {
  const proponents = `${authors.length > 1 ? labels.proponents : labels.proponent}${labels.colon}${authors.join(labels.separator)}.`
  if (supporters === undefined) return proponents
  return `${proponents} ${labels.supporters}${labels.colon}${supporters.length > 0 ? supporters.join(labels.separator) : labels.none}.`
}
