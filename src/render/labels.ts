/** Every word the tool writes into a document, in each language it speaks. */
import type { Language, Status, SupportLevel } from '../types.js'

export interface Labels {
  documentTitle: string
  alt: string
  proponent: string
  proponents: string
  /** Introduces the supporters in an attribution: `Supporters: Canada; Chile.` */
  supporters: string
  none: string
  /** `: ` in English and Spanish; French sets a no-break space before the colon. */
  colon: string
  /** Between names in a list: `; ` (French: a no-break space before it). */
  separator: string
  level: Record<SupportLevel, string>
  /** Flag on a block referred to the stocktaking group; `{level}` is the support level's words. */
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
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`
/** French takes the singular for 0 and 1. */
const pluriel = (count: number, one: string, many: string): string => `${count} ${count < 2 ? one : many}`

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
  referred: 'Referred to the stocktaking group: {level}.',
  stabilized: 'Stabilized text',
  annex: 'Annex',
  withdrawn: 'Withdrawn proposals',
  withdrawnNone: 'No proposal has been withdrawn.',
  summary: ({ proposals, topics, referred, withdrawn }) =>
    `This text consolidates ${plural(proposals, 'proposal', 'proposals')} on ${plural(topics, 'topic', 'topics')}. ` +
    `${plural(referred, 'proposal is', 'proposals are')} referred to the stocktaking group; ${plural(withdrawn, 'proposal has', 'proposals have')} been withdrawn.`,
  stocktaking: {
    title: 'Stocktaking report',
    intro: ({ referred, live, threshold }) =>
      `${plural(referred, 'proposal', 'proposals')} of ${live} in the text ${referred === 1 ? 'has' : 'have'} limited or no support ` +
      `(fewer than ${plural(threshold, 'supporter', 'supporters')}) and ${referred === 1 ? 'is' : 'are'} referred to the stocktaking group.`,
    empty: 'No proposal is referred to the stocktaking group.',
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
  diff: {
    title: 'Changes from {old} to {new}',
    summary: ({ added, withdrawn, removed, changed }) =>
      `${plural(added, 'proposal', 'proposals')} added, ${withdrawn} withdrawn, ${removed} removed, ${changed} changed.`,
    nothing: 'No proposal changed.',
    kind: { added: 'Added', withdrawn: 'Withdrawn', removed: 'Removed', stabilized: 'Stabilized', changed: 'Changed' },
    status: 'Status: {from} \u2192 {to}.',
    statuses: { proposed: 'proposed', stabilized: 'stabilized', withdrawn: 'withdrawn' },
    gained: 'Support gained: {names}.',
    lost: 'Support lost: {names}.',
    wording: 'Wording changed:',
  },
}

// French and Spanish follow the WTO's own usage: a "texte récapitulatif" / "texto refundido",
// "bilan" / "balance" for stocktaking, "petit groupe" / "grupo reducido" for a small group,
// "Variante" for a drafting alternative, and "appui" / "apoyo" for support.
const NBSP = '\u00a0'

const fr: Labels = {
  documentTitle: 'Texte de négociation récapitulatif',
  alt: 'Variante',
  proponent: 'Auteur',
  proponents: 'Auteurs',
  supporters: 'Appuyée par',
  none: 'aucun',
  colon: `${NBSP}: `,
  separator: `${NBSP}; `,
  level: { none: 'aucun appui', limited: 'appui limité', broad: 'large appui' },
  referred: `Renvoyée au petit groupe chargé du bilan${NBSP}: {level}.`,
  stabilized: 'Texte stabilisé',
  annex: 'Annexe',
  withdrawn: 'Propositions retirées',
  withdrawnNone: 'Aucune proposition n\u2019a été retirée.',
  summary: ({ proposals, topics, referred, withdrawn }) =>
    `Le présent texte récapitule ${plural(proposals, 'proposition', 'propositions')} portant sur ${plural(topics, 'thème', 'thèmes')}. ` +
    `${plural(referred, 'proposition est renvoyée', 'propositions sont renvoyées')} au petit groupe chargé du bilan${NBSP}; ` +
    `${plural(withdrawn, 'proposition a été retirée', 'propositions ont été retirées')}.`,
  stocktaking: {
    title: 'Rapport de bilan',
    intro: ({ referred, live, threshold }) =>
      `${plural(referred, 'proposition', 'propositions')} sur ${live} figurant dans le texte ${referred === 1 ? 'bénéficie' : 'bénéficient'} d\u2019un appui limité ou nul ` +
      `(moins de ${plural(threshold, 'appui', 'appuis')}) et ${referred === 1 ? 'est renvoyée' : 'sont renvoyées'} au petit groupe chargé du bilan.`,
    empty: 'Aucune proposition n\u2019est renvoyée au petit groupe chargé du bilan.',
    columns: { proposal: 'Proposition', title: 'Titre', proponents: 'Auteurs', supporters: 'Appuis', support: 'Appui', submitted: 'Présentée le', file: 'Fichier' },
  },
  document: {
    contents: 'Table des matières',
    notes: 'Notes',
    backToText: 'Retour au texte',
    matrix: {
      title: 'Appuis par proposition et par participant',
      intro: `Une ligne par proposition figurant dans le texte, une colonne par participant. Une case foncée désigne un auteur, une case claire un participant qui appuie la proposition${NBSP}; la première colonne indique le nombre d\u2019appuis et le niveau d\u2019appui.`,
      proposal: 'Proposition',
      proponent: 'auteur',
      supporter: 'appui',
      supporters: 'Appuis',
      total: 'Propositions présentées ou appuyées',
      part: 'Participants {from} à {to} sur {total}',
    },
  },
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  formatDate: (day, month, year) => `${day === 1 ? '1er' : day} ${month} ${year}`,
  group: 'Petit groupe\u00a0: {name}',
  diff: {
    title: 'Modifications entre {old} et {new}',
    summary: ({ added, withdrawn, removed, changed }) =>
      `${pluriel(added, 'proposition ajoutée', 'propositions ajoutées')}, ${pluriel(withdrawn, 'retirée', 'retirées')}, ` +
      `${pluriel(removed, 'supprimée', 'supprimées')}, ${pluriel(changed, 'modifiée', 'modifiées')}.`,
    nothing: 'Aucune proposition n\u2019a changé.',
    kind: { added: 'Ajoutée', withdrawn: 'Retirée', removed: 'Supprimée', stabilized: 'Stabilisée', changed: 'Modifiée' },
    status: 'Statut\u00a0: {from} \u2192 {to}.',
    statuses: { proposed: 'proposée', stabilized: 'stabilisée', withdrawn: 'retirée' },
    gained: 'Nouveaux soutiens\u00a0: {names}.',
    lost: 'Soutiens perdus\u00a0: {names}.',
    wording: 'Libellé modifié\u00a0:',
  },
}

const es: Labels = {
  documentTitle: 'Texto de negociación refundido',
  alt: 'Variante',
  proponent: 'Proponente',
  proponents: 'Proponentes',
  supporters: 'Apoyada por',
  none: 'ninguno',
  colon: ': ',
  separator: '; ',
  level: { none: 'ningún apoyo', limited: 'apoyo limitado', broad: 'amplio apoyo' },
  referred: 'Remitida al grupo reducido encargado del balance: {level}.',
  stabilized: 'Texto estabilizado',
  annex: 'Anexo',
  withdrawn: 'Propuestas retiradas',
  withdrawnNone: 'No se ha retirado ninguna propuesta.',
  summary: ({ proposals, topics, referred, withdrawn }) =>
    `El presente texto refunde ${plural(proposals, 'propuesta', 'propuestas')} sobre ${plural(topics, 'tema', 'temas')}. ` +
    `${plural(referred, 'propuesta se remite', 'propuestas se remiten')} al grupo reducido encargado del balance; ` +
    `${plural(withdrawn, 'propuesta ha sido retirada', 'propuestas han sido retiradas')}.`,
  stocktaking: {
    title: 'Informe de balance',
    intro: ({ referred, live, threshold }) =>
      `${plural(referred, 'propuesta', 'propuestas')} de las ${live} que figuran en el texto ${referred === 1 ? 'tiene' : 'tienen'} un apoyo limitado o nulo ` +
      `(menos de ${plural(threshold, 'apoyo', 'apoyos')}) y ${referred === 1 ? 'se remite' : 'se remiten'} al grupo reducido encargado del balance.`,
    empty: 'No se remite ninguna propuesta al grupo reducido encargado del balance.',
    columns: { proposal: 'Propuesta', title: 'Título', proponents: 'Proponentes', supporters: 'Apoyos', support: 'Apoyo', submitted: 'Presentada', file: 'Archivo' },
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
  group: 'Grupo reducido: {name}',
  diff: {
    title: 'Cambios entre {old} y {new}',
    summary: ({ added, withdrawn, removed, changed }) =>
      `${plural(added, 'propuesta añadida', 'propuestas añadidas')}, ${plural(withdrawn, 'retirada', 'retiradas')}, ` +
      `${plural(removed, 'suprimida', 'suprimidas')}, ${plural(changed, 'modificada', 'modificadas')}.`,
    nothing: 'Ninguna propuesta ha cambiado.',
    kind: { added: 'Añadida', withdrawn: 'Retirada', removed: 'Suprimida', stabilized: 'Estabilizada', changed: 'Modificada' },
    status: 'Estado: {from} \u2192 {to}.',
    statuses: { proposed: 'propuesta', stabilized: 'estabilizada', withdrawn: 'retirada' },
    gained: 'Nuevos apoyos: {names}.',
    lost: 'Apoyos perdidos: {names}.',
    wording: 'Texto modificado:',
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
