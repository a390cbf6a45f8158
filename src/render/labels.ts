/** Every word the tool writes into a document, in each language it speaks. */
import type { ChangeCounts, Language, NoteKind, StatsNumbers, Status, SupportLevel } from '../types.js'

export type { ChangeCounts, StatsNumbers } from '../types.js'

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
      intro: string
      proposal: string
      proponent: string
      supporter: string
      supporters: string
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
    summary: (counts: { added: number; withdrawn: number; removed: number; changed: number }) => string
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
    why: { withdrawn: string; merged: string; removed: string; moved: string; renamed: string }
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
  mergedNone: string
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

const NBSP = '\u00a0'

/** Digits in groups of three, from `from` digits on: `12,345`, `12 345`. */
function grouped(count: number, separator: string, from = 4): string {
  const digits = String(count)
  return digits.length < from ? digits : digits.replace(/\B(?=(\d{3})+$)/g, separator)
}

const numberEn = (count: number): string => grouped(count, ',')
const numberFr = (count: number): string => grouped(count, NBSP)
/** Spanish groups only from five digits (2 000 stays 2000), as the RAE and the UN write it. */
const numberEs = (count: number): string => grouped(count, NBSP, 5)

/** A sentence's first letter in capitals. */
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** The kinds of change that happened, each with its count and agreeing with it: `1 added, 2 changed`. */
function changeList(
  counts: { added: number; withdrawn: number; removed: number; changed: number },
  format: (count: number) => string,
  words: Record<'added' | 'withdrawn' | 'removed' | 'changed', [one: string, many: string]>,
  singular: (count: number) => boolean,
): string {
  const kinds = ['added', 'withdrawn', 'removed', 'changed'] as const
  return kinds.filter((kind) => counts[kind] !== 0).map((kind) => `${format(counts[kind])} ${words[kind][singular(counts[kind]) ? 0 : 1]}`).join(', ')
}

/** `n` things: the words for none, one and many (the last two after the count). */
function counted(count: number, format: (count: number) => string, none: string, one: string, many: string): string {
  return count === 0 ? none : `${format(count)} ${count === 1 ? one : many}`
}

/**
 * Every kind of change that happened, each with its count and agreeing with
 * it, in a fixed order (`1 added, 1 stabilized, 2 changed`); '' when none did.
 */
function kindList(counts: ChangeCounts, format: (count: number) => string, words: Record<keyof ChangeCounts, [one: string, many: string]>, singular: (count: number) => boolean): string {
  const kinds = Object.keys(words) as Array<keyof ChangeCounts>
  return kinds.filter((kind) => counts[kind] !== 0).map((kind) => `${format(counts[kind])} ${words[kind][singular(counts[kind]) ? 0 : 1]}`).join(', ')
}

type KindWords = Record<keyof ChangeCounts, [one: string, many: string]>

const EN_KINDS: KindWords = { added: ['added', 'added'], stabilized: ['stabilized', 'stabilized'], merged: ['merged', 'merged'], changed: ['changed', 'changed'], renamed: ['renamed', 'renamed'], withdrawn: ['withdrawn', 'withdrawn'], removed: ['removed', 'removed'] }
const FR_KINDS: KindWords = { added: ['ajoutée', 'ajoutées'], stabilized: ['stabilisée', 'stabilisées'], merged: ['fusionnée', 'fusionnées'], changed: ['modifiée', 'modifiées'], renamed: ['renommée', 'renommées'], withdrawn: ['retirée', 'retirées'], removed: ['supprimée', 'supprimées'] }
const ES_KINDS: KindWords = { added: ['añadida', 'añadidas'], stabilized: ['estabilizada', 'estabilizadas'], merged: ['fusionada', 'fusionadas'], changed: ['modificada', 'modificadas'], renamed: ['renombrada', 'renombradas'], withdrawn: ['retirada', 'retiradas'], removed: ['suprimida', 'suprimidas'] }

/** The words of each kind, the first kind that happened preceded by the noun: `1 proposal added, 2 changed`. */
function nounFirst(counts: ChangeCounts, [one, many]: [string, string], words: KindWords): KindWords {
  const first = (Object.keys(words) as Array<keyof ChangeCounts>).find((kind) => counts[kind] !== 0)
  if (first === undefined) return words
  return { ...words, [first]: [`${one} ${words[first][0]}`, `${many} ${words[first][1]}`] }
}

/** `Proposals: 1 added, 2 changed.`, or '' when nothing changed. */
function sentence(prefix: string, list: string): string {
  return list === '' ? '' : `${prefix}${list}.`
}

/** `214` or, with a delta, `214 (−37)`, digits grouped as the language does. */
function withDelta(stats: StatsNumbers, delta: StatsNumbers | undefined, key: keyof StatsNumbers, format: (count: number) => string): string {
  return delta === undefined ? format(stats[key]) : `${format(stats[key])} (${signed(delta[key], format)})`
}

const en: Labels = {
  documentTitle: 'Consolidated Negotiating Text',
  alt: 'Alt',
  proponent: 'Proponent',
  proponents: 'Proponents',
  supporters: 'Supporters',
  none: 'none',
  colon: ': ',
  separator: '; ',
  level: { none: 'no support', limited: 'limited support', broad: 'broad support' },
  referred: 'Referred to the stocktaking small group: {level}.',
  stabilized: 'Stabilized text',
  annex: 'Annex',
  withdrawn: 'Withdrawn proposals',
  withdrawnNone: 'No proposal has been withdrawn.',
  summary: ({ proposals, topics, referred, withdrawn }) =>
    (proposals === 0
      ? 'This text consolidates no proposals yet. '
      : `This text consolidates ${counted(proposals, numberEn, '', 'proposal', 'proposals')} on ${counted(topics, numberEn, 'no topics', 'topic', 'topics')}. `) +
    capital(`${counted(referred, numberEn, 'no proposal is', 'proposal is', 'proposals are')} referred to the stocktaking small group; `) +
    `${counted(withdrawn, numberEn, 'no proposal has', 'proposal has', 'proposals have')} been withdrawn.`,
  stocktaking: {
    title: 'Stocktaking report',
    intro: ({ referred, live, threshold }) =>
      (live === 1 ? 'The only proposal in the text has' : `${numberEn(referred)} ${referred === 1 ? 'proposal' : 'proposals'} of ${numberEn(live)} in the text ${referred === 1 ? 'has' : 'have'}`) +
      ` limited or no support (fewer than ${numberEn(threshold)} ${threshold === 1 ? 'supporter' : 'supporters'}) and ${referred === 1 ? 'is' : 'are'} referred to the stocktaking small group.`,
    empty: 'No proposal is referred to the stocktaking small group.',
    columns: { proposal: 'Proposal', title: 'Title', proponents: 'Proponents', supporters: 'Supporters', support: 'Support', submitted: 'Submitted', file: 'File' },
  },
  document: {
    contents: 'Contents',
    notes: 'Notes',
    backToText: 'Back to the text',
    matrix: {
      title: 'Support by proposal and participant',
      intro: 'One row per proposal in the text, one column per participant. A dark cell marks a proponent, a light cell a supporter; the first column counts the supporters and gives the support level.',
      proposal: 'Proposal',
      proponent: 'proponent',
      supporter: 'supporter',
      supporters: 'Supporters',
      total: 'Proposals tabled or supported',
      part: 'Participants {from}\u2013{to} of {total}',
    },
  },
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  formatDate: (day, month, year) => `${day} ${month} ${year}`,
  group: 'Small group: {name}',
  number: numberEn,
  ci: {
    errors: (count) => `The inputs have ${numberEn(count)} ${count === 1 ? 'error' : 'errors'}`,
    errorsRest: ': nothing was built. Run {check} to list them.',
    warnings: (count) => ` The inputs have ${numberEn(count)} ${count === 1 ? 'warning' : 'warnings'}; {check} lists them.`,
    stale: 'The committed text is out of date',
    staleRest: ': {files}. Run {build} and commit the result.',
    fresh: 'The committed text is up to date: {files}.',
    written: 'Wrote {files}.',
    changes: 'Changes since the previous commit',
    notShown: 'Not shown: {reason}.',
    commitErrors: (count) => `the two commits have ${numberEn(count)} ${count === 1 ? 'error' : 'errors'} in their inputs`,
    problems: ({ errors, warnings }) =>
      `There are ${numberEn(errors + warnings)} problems in all (${numberEn(errors)} ${errors === 1 ? 'error' : 'errors'}, ${numberEn(warnings)} ${warnings === 1 ? 'warning' : 'warnings'}); the run shows only the first annotations on the files. Run {check} to list them all.`,
  },
  diff: {
    title: 'Changes from {old} to {new}',
    summary: (counts) =>
      `Proposals: ${changeList(counts, numberEn, { added: ['added', 'added'], withdrawn: ['withdrawn', 'withdrawn'], removed: ['removed', 'removed'], changed: ['changed', 'changed'] }, (count) => count === 1)}.`,
    nothing: 'No proposal changed.',
    kind: { added: 'Added', withdrawn: 'Withdrawn', removed: 'Removed', stabilized: 'Stabilized', changed: 'Changed' },
    status: 'Status: {from} \u2192 {to}.',
    statuses: { proposed: 'proposed', stabilized: 'stabilized', parked: 'parked', merged: 'merged', withdrawn: 'withdrawn' },
    gained: 'Support gained: {names}.',
    lost: 'Support lost: {names}.',
    wording: 'Wording changed:',
  },
  record: {
    parked: 'Parked.',
    parkedBecause: 'Parked: {reason}.',
    noText: 'No text',
    incorporates: 'Incorporates',
    merged: 'Merged proposals',
    mergedNone: 'No proposal has been merged into another.',
    mergedInto: 'Merged into {id} ({topic}).',
    noteKinds: { facilitator: 'Facilitator\u2019s note', drafting: 'Drafting note', secretariat: 'Secretariat note' },
    disclaimer: 'This text is without prejudice to the position of any participant on any issue.',
    summary: ({ parked, merged }) =>
      parked + merged === 0
        ? ''
        : `${capital(counted(parked, numberEn, 'no proposal is', 'proposal is', 'proposals are'))} parked; ` +
          `${counted(merged, numberEn, 'no proposal has', 'proposal has', 'proposals have')} been merged into another.`,
    matrix: {
      support: 'Support',
      intro: 'One row per proposal in the text, one column per participant. A dark cell marks a proponent, a light cell a supporter; the first column counts the participants behind the proposal other than one of its proponents (co-sponsors included) and gives the support level.',
    },
    clean: {
      title: 'Clean text',
      article: 'Article {n}',
      concordance: 'Concordance',
      concordanceIntro: 'Each topic of the outline, the article that gives its text, and the proposals that text is taken from.',
      columns: { topic: 'Topic', article: 'Article', proposals: 'Proposals' },
      noText: 'no text',
      summary: (articles) =>
        articles === 0
          ? 'Clean text: no text is agreed or offered by the Chair yet.'
          : `Clean text: ${counted(articles, numberEn, '', 'article', 'articles')}, the texts agreed so far and the texts the Chair offers, numbered in the order of the outline.`,
    },
  },
  revision: {
    diff: {
      summary: (counts) =>
        sentence('Proposals: ', kindList(counts, numberEn, EN_KINDS, (count) => count === 1)),
      kind: { merged: 'Merged', renamed: 'Renamed' },
      renamedFrom: 'Renamed from {id}.',
      moved: 'Moved from {topic}.',
      fields: { title: 'Title', document: 'Document', submitted: 'Submitted', reason: 'Reason' },
      change: '{field}: {from} \u2192 {to}.',
      unset: 'none',
      reordered: 'Now {now} (was {was}).',
      mergedInto: 'Merged into {id}.',
      noTextOn: 'Now a \u201cno text\u201d alternative.',
      noTextOff: 'No longer a \u201cno text\u201d alternative.',
      authorsAdded: 'Proponents added: {names}.',
      authorsRemoved: 'Proponents removed: {names}.',
      toProponent: 'From supporter to proponent: {names}.',
      toSupporter: 'From proponent to supporter: {names}.',
    },
    redline: {
      title: 'changes marked',
      supersedes: 'Supersedes {old}',
      changes: ({ old, ...counts }) => `Changes since ${old}: ${kindList(counts, numberEn, nounFirst(counts, ['proposal', 'proposals'], EN_KINDS), (count) => count === 1)}.`,
      noChange: 'No change since {old}.',
      legend: 'Changes are marked: {inserted}, {deleted}.',
      inserted: 'inserted text',
      deleted: 'deleted text',
      tracked: 'Changes are tracked: in Word, Review \u203a Accept or Reject, one by one or all at once.',
      why: { withdrawn: 'Withdrawn.', merged: 'Merged into {id}.', removed: 'Removed: its file was deleted.', moved: 'Moved to {topic}.', renamed: 'Renamed {id}.' },
      secretariat: 'Secretariat',
    },
    stats: {
      line: (stats, delta) =>
        `Bracket pairs: ${withDelta(stats, delta, 'brackets', numberEn)}; placeholders: ${withDelta(stats, delta, 'placeholders', numberEn)}. ` +
        `Topics with text: ${withDelta(stats, delta, 'withText', numberEn)} of ${withDelta(stats, delta, 'topics', numberEn)}; stabilized: ${withDelta(stats, delta, 'stabilized', numberEn)}; with alternatives: ${withDelta(stats, delta, 'withAlternatives', numberEn)}.`,
      title: 'Statistics',
      measure: 'Measure',
      count: 'Count',
      since: 'Since {old}',
      rows: {
        live: 'Proposals in the text',
        proposed: 'proposed',
        stabilized: 'stabilized',
        parked: 'parked',
        merged: 'Merged proposals',
        withdrawn: 'Withdrawn proposals',
        referred: 'Referred to the stocktaking small group',
        topics: 'Topics',
        withText: 'with text',
        topicsStabilized: 'with a stabilized text',
        withAlternatives: 'with alternatives',
        brackets: 'Bracket pairs',
        placeholders: 'Placeholders',
      },
    },
    history: { referredSince: 'Referred since', uncommitted: 'not yet committed' },
  },
}

// French and Spanish follow the WTO's own words for this negotiation (docs/reference.md, Languages): "texte de
// négociation récapitulatif" / "texto de negociación refundido", "petit groupe d'inventaire" /
// "pequeño grupo de balance", "soutien limité" / "apoyo limitado", "proposant" / "proponente".
// French typography: a no-break space (U+00A0) before : ; ? ! and inside « »; the apostrophe is
// the WTO's straight one. Counts agree with their number, and none is "aucune" / "ninguna".

/** French agreement of a participle or adjective with a count of propositions: 0 and 1 singular. */
const accord = (count: number, one: string, many: string): string => (count < 2 ? one : many)

const fr: Labels = {
  documentTitle: 'Texte de négociation récapitulatif',
  alt: 'Variante',
  proponent: 'Proposant',
  proponents: 'Proposants',
  supporters: 'Soutiens',
  none: 'aucun',
  colon: `${NBSP}: `,
  separator: `${NBSP}; `,
  level: { none: 'aucun soutien', limited: 'soutien limité', broad: 'large soutien' },
  referred: `Renvoyée au petit groupe d'inventaire${NBSP}: {level}.`,
  stabilized: 'Texte stabilisé',
  annex: 'Annexe',
  withdrawn: 'Propositions retirées',
  withdrawnNone: "Aucune proposition n'a été retirée.",
  summary: ({ proposals, topics, referred, withdrawn }) =>
    (proposals === 0
      ? 'Le présent texte ne récapitule encore aucune proposition. '
      : `Le présent texte récapitule ${counted(proposals, numberFr, '', 'proposition', 'propositions')} portant sur ${counted(topics, numberFr, 'aucun thème', 'thème', 'thèmes')}. `) +
    capital(`${counted(referred, numberFr, "aucune proposition n'est renvoyée", 'proposition est renvoyée', 'propositions sont renvoyées')} au petit groupe d'inventaire${NBSP}; `) +
    `${counted(withdrawn, numberFr, "aucune proposition n'a été retirée", 'proposition a été retirée', 'propositions ont été retirées')}.`,
  stocktaking: {
    title: "Rapport d'inventaire",
    intro: ({ referred, live, threshold }) =>
      (live === 1 ? 'La seule proposition du texte a' : `${numberFr(referred)} ${accord(referred, 'proposition', 'propositions')} sur ${numberFr(live)} figurant dans le texte ${referred === 1 ? 'a' : 'ont'}`) +
      ` reçu un soutien limité ou nul (moins ${threshold === 1 ? "d'un soutien" : `de ${numberFr(threshold)} soutiens`}) et ${referred === 1 ? 'est renvoyée' : 'sont renvoyées'} au petit groupe d'inventaire.`,
    empty: "Aucune proposition n'est renvoyée au petit groupe d'inventaire.",
    columns: { proposal: 'Proposition', title: 'Titre', proponents: 'Proposants', supporters: 'Soutiens', support: 'Soutien', submitted: 'Date de présentation', file: 'Fichier' },
  },
  document: {
    contents: 'Table des matières',
    notes: 'Notes',
    backToText: 'Retour au texte',
    matrix: {
      title: 'Soutiens par proposition et par participant',
      intro: `Une ligne par proposition figurant dans le texte, une colonne par participant. Une case foncée désigne un proposant, une case claire un participant qui soutient la proposition${NBSP}; la première colonne indique le nombre de soutiens et le niveau de soutien.`,
      proposal: 'Proposition',
      proponent: 'proposant',
      supporter: 'soutien',
      supporters: 'Soutiens',
      total: 'Propositions présentées ou soutenues',
      part: 'Participants {from} à {to} sur {total}',
    },
  },
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  formatDate: (day, month, year) => `${day === 1 ? '1er' : day} ${month} ${year}`,
  group: 'Petit groupe\u00a0: {name}',
  number: numberFr,
  ci: {
    errors: (count) => `Les fichiers d'entrée comportent ${numberFr(count)} ${accord(count, 'erreur', 'erreurs')}`,
    errorsRest: `${NBSP}: rien n'a été produit. Lancez {check} pour les afficher.`,
    warnings: (count) => ` Les fichiers d'entrée comportent ${numberFr(count)} ${accord(count, 'avertissement', 'avertissements')}${NBSP}; {check} les affiche.`,
    stale: "Le texte versé au dépôt n'est pas à jour",
    staleRest: `${NBSP}: {files}. Lancez {build} et versez le résultat au dépôt.`,
    fresh: `Le texte versé au dépôt est à jour${NBSP}: {files}.`,
    written: `Fichiers écrits${NBSP}: {files}.`,
    changes: 'Modifications depuis le commit précédent',
    notShown: `Non affichées${NBSP}: {reason}.`,
    commitErrors: (count) => `les fichiers d'entrée des deux commits comportent ${numberFr(count)} ${accord(count, 'erreur', 'erreurs')}`,
    problems: ({ errors, warnings }) =>
      `Il y a ${numberFr(errors + warnings)} problèmes en tout (${numberFr(errors)} ${accord(errors, 'erreur', 'erreurs')}, ${numberFr(warnings)} ${accord(warnings, 'avertissement', 'avertissements')})${NBSP}; l'exécution n'affiche que les premières annotations sur les fichiers. Lancez {check} pour les afficher toutes.`,
  },
  diff: {
    title: 'Modifications entre {old} et {new}',
    summary: (counts) =>
      `Propositions${NBSP}: ${changeList(counts, numberFr, { added: ['ajoutée', 'ajoutées'], withdrawn: ['retirée', 'retirées'], removed: ['supprimée', 'supprimées'], changed: ['modifiée', 'modifiées'] }, (count) => count < 2)}.`,
    nothing: "Aucune proposition n'a changé.",
    kind: { added: 'Ajoutée', withdrawn: 'Retirée', removed: 'Supprimée', stabilized: 'Stabilisée', changed: 'Modifiée' },
    status: 'Statut\u00a0: {from} \u2192 {to}.',
    statuses: { proposed: 'proposée', stabilized: 'stabilisée', parked: 'en suspens', merged: 'fusionnée', withdrawn: 'retirée' },
    gained: 'Nouveaux soutiens\u00a0: {names}.',
    lost: 'Soutiens perdus\u00a0: {names}.',
    wording: 'Libellé modifié\u00a0:',
  },
  record: {
    parked: 'En suspens.',
    parkedBecause: `En suspens${NBSP}: {reason}.`,
    noText: 'Pas de texte',
    incorporates: 'Intègre',
    merged: 'Propositions fusionnées',
    mergedNone: 'Aucune proposition n\u2019a été fusionnée avec une autre.',
    mergedInto: 'Fusionnée avec {id} ({topic}).',
    noteKinds: { facilitator: 'Note du facilitateur', drafting: 'Note de rédaction', secretariat: 'Note du Secrétariat' },
    disclaimer: 'Le présent texte est sans préjudice de la position de tout participant sur toute question.',
    summary: ({ parked, merged }) =>
      parked + merged === 0
        ? ''
        : `${parked === 0 ? 'Aucune proposition n\u2019est' : parked === 1 ? '1 proposition est' : `${numberFr(parked)} propositions sont`} en suspens${NBSP}; ` +
          `${merged === 0 ? 'aucune proposition n\u2019a été fusionnée' : merged === 1 ? '1 proposition a été fusionnée' : `${numberFr(merged)} propositions ont été fusionnées`} avec une autre.`,
    matrix: {
      support: 'Soutien',
      intro: `Une ligne par proposition figurant dans le texte, une colonne par participant. Une case foncée désigne un proposant, une case claire un participant qui soutient la proposition${NBSP}; la première colonne indique le nombre de participants qui soutiennent la proposition en plus de l\u2019un de ses proposants (coauteurs compris) et le niveau de soutien.`,
    },
    clean: {
      title: 'Texte épuré',
      article: 'Article {n}',
      concordance: 'Table de concordance',
      concordanceIntro: 'Chaque thème de la structure, l\u2019article qui en donne le texte et les propositions dont ce texte est tiré.',
      columns: { topic: 'Thème', article: 'Article', proposals: 'Propositions' },
      noText: 'pas de texte',
      summary: (articles) =>
        articles === 0
          ? `Texte épuré${NBSP}: aucun texte n\u2019est encore stabilisé ni proposé par le Président.`
          : `Texte épuré${NBSP}: ${articles === 1 ? '1 article' : `${numberFr(articles)} articles`}, les textes stabilisés à ce jour et les textes proposés par le Président, numérotés dans l\u2019ordre de la structure.`,
    },
  },
  revision: {
    diff: {
      summary: (counts) =>
        sentence(`Propositions${NBSP}: `, kindList(counts, numberFr, FR_KINDS, (count) => count < 2)),
      kind: { merged: 'Fusionnée', renamed: 'Renommée' },
      renamedFrom: 'Renommée (auparavant {id}).',
      moved: 'Déplacée depuis {topic}.',
      fields: { title: 'Titre', document: 'Document', submitted: 'Présentée le', reason: 'Motif' },
      change: `{field}${NBSP}: {from} \u2192 {to}.`,
      unset: 'aucun',
      reordered: 'Désormais {now} (auparavant {was}).',
      mergedInto: 'Fusionnée avec {id}.',
      noTextOn: `Devient une variante \u00ab${NBSP}pas de texte${NBSP}\u00bb.`,
      noTextOff: `N\u2019est plus une variante \u00ab${NBSP}pas de texte${NBSP}\u00bb.`,
      authorsAdded: `Nouveaux auteurs${NBSP}: {names}.`,
      authorsRemoved: `Auteurs retirés${NBSP}: {names}.`,
      toProponent: `D\u2019appui à auteur${NBSP}: {names}.`,
      toSupporter: `D\u2019auteur à appui${NBSP}: {names}.`,
    },
    redline: {
      title: 'modifications signalées',
      supersedes: 'Remplace le document {old}',
      changes: ({ old, ...counts }) => `Modifications depuis le document ${old}${NBSP}: ${kindList(counts, numberFr, nounFirst(counts, ['proposition', 'propositions'], FR_KINDS), (count) => count < 2)}.`,
      noChange: 'Aucune modification depuis le document {old}.',
      legend: `Les modifications sont signalées${NBSP}: {inserted}, {deleted}.`,
      inserted: 'texte ajouté',
      deleted: 'texte supprimé',
      tracked: `Les modifications sont suivies${NBSP}: dans Word, Révision \u203a Accepter ou Refuser, une à une ou toutes à la fois.`,
      why: { withdrawn: 'Retirée.', merged: 'Fusionnée avec {id}.', removed: `Supprimée${NBSP}: son fichier a été effacé.`, moved: 'Déplacée vers {topic}.', renamed: 'Renommée {id}.' },
      secretariat: 'Secrétariat',
    },
    stats: {
      line: (stats, delta) =>
        `Paires de crochets${NBSP}: ${withDelta(stats, delta, 'brackets', numberFr)}${NBSP}; espaces réservés${NBSP}: ${withDelta(stats, delta, 'placeholders', numberFr)}. ` +
        `Thèmes comportant un texte${NBSP}: ${withDelta(stats, delta, 'withText', numberFr)} sur ${withDelta(stats, delta, 'topics', numberFr)}${NBSP}; stabilisés${NBSP}: ${withDelta(stats, delta, 'stabilized', numberFr)}${NBSP}; avec variantes${NBSP}: ${withDelta(stats, delta, 'withAlternatives', numberFr)}.`,
      title: 'Statistiques',
      measure: 'Mesure',
      count: 'Nombre',
      since: 'Depuis {old}',
      rows: {
        live: 'Propositions figurant dans le texte',
        proposed: 'proposées',
        stabilized: 'stabilisées',
        parked: 'en suspens',
        merged: 'Propositions fusionnées',
        withdrawn: 'Propositions retirées',
        referred: "Renvoyées au petit groupe d'inventaire",
        topics: 'Thèmes',
        withText: 'comportant un texte',
        topicsStabilized: 'comportant un texte stabilisé',
        withAlternatives: 'avec variantes',
        brackets: 'Paires de crochets',
        placeholders: 'Espaces réservés',
      },
    },
    history: { referredSince: 'Renvoyée depuis', uncommitted: 'pas encore enregistrée' },
  },
}

const es: Labels = {
  documentTitle: 'Texto de negociación refundido',
  alt: 'Variante',
  proponent: 'Proponente',
  proponents: 'Proponentes',
  supporters: 'Apoyos',
  none: 'ninguno',
  colon: ': ',
  separator: '; ',
  level: { none: 'ningún apoyo', limited: 'apoyo limitado', broad: 'amplio apoyo' },
  referred: 'Remitida al pequeño grupo de balance: {level}.',
  stabilized: 'Texto estabilizado',
  annex: 'Anexo',
  withdrawn: 'Propuestas retiradas',
  withdrawnNone: 'No se ha retirado ninguna propuesta.',
  summary: ({ proposals, topics, referred, withdrawn }) =>
    (proposals === 0
      ? 'El presente texto aún no refunde ninguna propuesta. '
      : `El presente texto refunde ${counted(proposals, numberEs, '', 'propuesta', 'propuestas')} sobre ${counted(topics, numberEs, 'ningún tema', 'tema', 'temas')}. `) +
    capital(`${counted(referred, numberEs, 'no se remite ninguna propuesta', 'propuesta se remite', 'propuestas se remiten')} al pequeño grupo de balance; `) +
    `${withdrawn === 0 ? 'no se ha retirado ninguna propuesta' : withdrawn === 1 ? 'se ha retirado 1 propuesta' : `se han retirado ${numberEs(withdrawn)} propuestas`}.`,
  stocktaking: {
    title: 'Informe de balance',
    intro: ({ referred, live, threshold }) =>
      (live === 1 ? 'La única propuesta del texto tiene' : `${numberEs(referred)} de las ${numberEs(live)} propuestas que figuran en el texto ${referred === 1 ? 'tiene' : 'tienen'}`) +
      ` un apoyo limitado o nulo (menos de ${threshold === 1 ? 'un apoyo' : `${numberEs(threshold)} apoyos`}) y ${referred === 1 ? 'se remite' : 'se remiten'} al pequeño grupo de balance.`,
    empty: 'No se remite ninguna propuesta al pequeño grupo de balance.',
    columns: { proposal: 'Propuesta', title: 'Título', proponents: 'Proponentes', supporters: 'Apoyos', support: 'Apoyo', submitted: 'Fecha de presentación', file: 'Archivo' },
  },
  document: {
    contents: 'Índice',
    notes: 'Notas',
    backToText: 'Volver al texto',
    matrix: {
      title: 'Apoyos por propuesta y por participante',
      intro: 'Una fila por propuesta que figura en el texto, una columna por participante. Una casilla oscura indica un proponente, una casilla clara un participante que apoya la propuesta; la primera columna indica el número de apoyos y el nivel de apoyo.',
      proposal: 'Propuesta',
      proponent: 'proponente',
      supporter: 'apoyo',
      supporters: 'Apoyos',
      total: 'Propuestas presentadas o apoyadas',
      part: 'Participantes {from} a {to} de {total}',
    },
  },
  months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  formatDate: (day, month, year) => `${day} de ${month} de ${year}`,
  group: 'Pequeño grupo: {name}',
  number: numberEs,
  ci: {
    errors: (count) => `Los archivos de entrada tienen ${numberEs(count)} ${count === 1 ? 'error' : 'errores'}`,
    errorsRest: ': no se ha generado nada. Ejecute {check} para verlos.',
    warnings: (count) => ` Los archivos de entrada tienen ${numberEs(count)} ${count === 1 ? 'advertencia' : 'advertencias'}; {check} las muestra.`,
    stale: 'El texto guardado en el repositorio no está actualizado',
    staleRest: ': {files}. Ejecute {build} y guarde el resultado en el repositorio.',
    fresh: 'El texto guardado en el repositorio está actualizado: {files}.',
    written: 'Archivos escritos: {files}.',
    changes: 'Cambios desde el commit anterior',
    notShown: 'No se muestran: {reason}.',
    commitErrors: (count) => `los archivos de entrada de los dos commits tienen ${numberEs(count)} ${count === 1 ? 'error' : 'errores'}`,
    problems: ({ errors, warnings }) =>
      `Hay ${numberEs(errors + warnings)} problemas en total (${numberEs(errors)} ${errors === 1 ? 'error' : 'errores'}, ${numberEs(warnings)} ${warnings === 1 ? 'advertencia' : 'advertencias'}); la ejecución solo muestra las primeras anotaciones en los archivos. Ejecute {check} para verlos todos.`,
  },
  diff: {
    title: 'Cambios entre {old} y {new}',
    summary: (counts) =>
      `Propuestas: ${changeList(counts, numberEs, { added: ['añadida', 'añadidas'], withdrawn: ['retirada', 'retiradas'], removed: ['suprimida', 'suprimidas'], changed: ['modificada', 'modificadas'] }, (count) => count === 1)}.`,
    nothing: 'Ninguna propuesta ha cambiado.',
    kind: { added: 'Añadida', withdrawn: 'Retirada', removed: 'Suprimida', stabilized: 'Estabilizada', changed: 'Modificada' },
    status: 'Estado: {from} \u2192 {to}.',
    statuses: { proposed: 'propuesta', stabilized: 'estabilizada', parked: 'en suspenso', merged: 'fusionada', withdrawn: 'retirada' },
    gained: 'Nuevos apoyos: {names}.',
    lost: 'Apoyos perdidos: {names}.',
    wording: 'Texto modificado:',
  },
  record: {
    parked: 'En suspenso.',
    parkedBecause: 'En suspenso: {reason}.',
    noText: 'Sin texto',
    incorporates: 'Incorpora',
    merged: 'Propuestas fusionadas',
    mergedNone: 'Ninguna propuesta se ha fusionado con otra.',
    mergedInto: 'Fusionada con {id} ({topic}).',
    noteKinds: { facilitator: 'Nota del facilitador', drafting: 'Nota de redacción', secretariat: 'Nota de la Secretaría' },
    disclaimer: 'El presente texto se entiende sin perjuicio de la posición de cualquier participante sobre cualquier cuestión.',
    summary: ({ parked, merged }) =>
      parked + merged === 0
        ? ''
        : `${parked === 0 ? 'Ninguna propuesta está' : parked === 1 ? '1 propuesta está' : `${parked} propuestas están`} en suspenso; ` +
          `${merged === 0 ? 'ninguna propuesta se ha fusionado' : merged === 1 ? '1 propuesta se ha fusionado' : `${merged} propuestas se han fusionado`} con otra.`,
    matrix: {
      support: 'Apoyo',
      intro: 'Una fila por propuesta que figura en el texto, una columna por participante. Una casilla oscura indica un proponente, una casilla clara un participante que apoya la propuesta; la primera columna indica el número de participantes que respaldan la propuesta además de uno de sus proponentes (copatrocinadores incluidos) y el nivel de apoyo.',
    },
    clean: {
      title: 'Texto depurado',
      article: 'Artículo {n}',
      concordance: 'Cuadro de concordancia',
      concordanceIntro: 'Cada tema de la estructura, el artículo que recoge su texto y las propuestas de las que se ha tomado ese texto.',
      columns: { topic: 'Tema', article: 'Artículo', proposals: 'Propuestas' },
      noText: 'sin texto',
      summary: (articles) =>
        articles === 0
          ? 'Texto depurado: aún no se ha estabilizado ningún texto ni el Presidente ha propuesto ninguno.'
          : `Texto depurado: ${articles === 1 ? '1 artículo' : `${numberEs(articles)} artículos`}, los textos estabilizados hasta la fecha y los textos que propone el Presidente, numerados en el orden de la estructura.`,
    },
  },
  revision: {
    diff: {
      summary: (counts) =>
        sentence('Propuestas: ', kindList(counts, numberEs, ES_KINDS, (count) => count === 1)),
      kind: { merged: 'Fusionada', renamed: 'Renombrada' },
      renamedFrom: 'Renombrada (antes {id}).',
      moved: 'Trasladada desde {topic}.',
      fields: { title: 'Título', document: 'Documento', submitted: 'Presentada', reason: 'Motivo' },
      change: '{field}: {from} \u2192 {to}.',
      unset: 'ninguno',
      reordered: 'Ahora {now} (antes {was}).',
      mergedInto: 'Fusionada con {id}.',
      noTextOn: 'Pasa a ser una variante \u00absin texto\u00bb.',
      noTextOff: 'Deja de ser una variante \u00absin texto\u00bb.',
      authorsAdded: 'Nuevos proponentes: {names}.',
      authorsRemoved: 'Proponentes retirados: {names}.',
      toProponent: 'De apoyo a proponente: {names}.',
      toSupporter: 'De proponente a apoyo: {names}.',
    },
    redline: {
      title: 'cambios señalados',
      supersedes: 'Sustituye al documento {old}',
      changes: ({ old, ...counts }) => `Cambios desde el documento ${old}: ${kindList(counts, numberEs, nounFirst(counts, ['propuesta', 'propuestas'], ES_KINDS), (count) => count === 1)}.`,
      noChange: 'Ningún cambio desde el documento {old}.',
      legend: 'Los cambios se señalan así: {inserted}, {deleted}.',
      inserted: 'texto añadido',
      deleted: 'texto suprimido',
      tracked: 'Los cambios están controlados: en Word, Revisar \u203a Aceptar o Rechazar, uno por uno o todos a la vez.',
      why: { withdrawn: 'Retirada.', merged: 'Fusionada con {id}.', removed: 'Suprimida: su archivo se ha borrado.', moved: 'Trasladada a {topic}.', renamed: 'Renombrada {id}.' },
      secretariat: 'Secretaría',
    },
    stats: {
      line: (stats, delta) =>
        `Pares de corchetes: ${withDelta(stats, delta, 'brackets', numberEs)}; marcadores de posición: ${withDelta(stats, delta, 'placeholders', numberEs)}. ` +
        `Temas con texto: ${withDelta(stats, delta, 'withText', numberEs)} de ${withDelta(stats, delta, 'topics', numberEs)}; estabilizados: ${withDelta(stats, delta, 'stabilized', numberEs)}; con variantes: ${withDelta(stats, delta, 'withAlternatives', numberEs)}.`,
      title: 'Estadísticas',
      measure: 'Medida',
      count: 'Número',
      since: 'Desde {old}',
      rows: {
        live: 'Propuestas que figuran en el texto',
        proposed: 'propuestas',
        stabilized: 'estabilizadas',
        parked: 'en suspenso',
        merged: 'Propuestas fusionadas',
        withdrawn: 'Propuestas retiradas',
        referred: 'Remitidas al pequeño grupo de balance',
        topics: 'Temas',
        withText: 'con texto',
        topicsStabilized: 'con un texto estabilizado',
        withAlternatives: 'con variantes',
        brackets: 'Pares de corchetes',
        placeholders: 'Marcadores de posición',
      },
    },
    history: { referredSince: 'Remitida desde', uncommitted: 'aún no registrada' },
  },
}

const LABELS: Record<Language, Labels> = { en, fr, es }

export function labelsFor(language: Language): Labels {
  return LABELS[language]
}

/** An ISO date written out in a language: 2026-11-28 → "28 November 2026". */
export function formatDate(iso: string, language: Language): string {
  const [year, month, day] = iso.split('-').map(Number)
  const labels = LABELS[language]
  return labels.formatDate(day, labels.months[month - 1], year)
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
