/** Every word the tool writes into a document, in each language it speaks. */
import type { Language, Status, SupportLevel } from './types.js'

export interface Labels {
  documentTitle: string
  alt: string
  proponent: string
  proponents: string
  supporters: string
  none: string
  level: Record<SupportLevel, string>
  /** Flag on a block referred to the stocktaking group; `{level}` is the support level's words. */
  referred: string
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
  level: { none: 'no support', limited: 'limited support', broad: 'broad support' },
  referred: 'Referred to the stocktaking group: {level}.',
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

const fr: Labels = {
  documentTitle: 'Texte de négociation récapitulatif',
  alt: 'Variante',
  proponent: 'Auteur',
  proponents: 'Auteurs',
  supporters: 'Soutiens',
  none: 'aucun',
  level: { none: 'aucun soutien', limited: 'soutien limité', broad: 'large soutien' },
  referred: 'Renvoyé au groupe chargé de l\u2019état des lieux : {level}.',
  annex: 'Annexe',
  withdrawn: 'Propositions retirées',
  withdrawnNone: 'Aucune proposition n\u2019a été retirée.',
  summary: ({ proposals, topics, referred, withdrawn }) =>
    `Le présent texte récapitule ${plural(proposals, 'proposition', 'propositions')} portant sur ${plural(topics, 'thème', 'thèmes')}. ` +
    `${plural(referred, 'proposition est renvoyée', 'propositions sont renvoyées')} au groupe chargé de l\u2019état des lieux\u00a0; ${plural(withdrawn, 'proposition a été retirée', 'propositions ont été retirées')}.`,
  stocktaking: {
    title: 'Rapport sur l\u2019état des lieux',
    intro: ({ referred, live, threshold }) =>
      `${plural(referred, 'proposition', 'propositions')} sur ${live} figurant dans le texte ${referred === 1 ? 'bénéficie' : 'bénéficient'} d\u2019un soutien limité ou nul ` +
      `(moins de ${plural(threshold, 'soutien', 'soutiens')}) et ${referred === 1 ? 'est renvoyée' : 'sont renvoyées'} au groupe chargé de l\u2019état des lieux.`,
    empty: 'Aucune proposition n\u2019est renvoyée au groupe chargé de l\u2019état des lieux.',
    columns: { proposal: 'Proposition', title: 'Titre', proponents: 'Auteurs', supporters: 'Soutiens', support: 'Soutien', submitted: 'Présentée le', file: 'Fichier' },
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
  alt: 'Alt',
  proponent: 'Proponente',
  proponents: 'Proponentes',
  supporters: 'Apoyos',
  none: 'ninguno',
  level: { none: 'ningún apoyo', limited: 'apoyo limitado', broad: 'amplio apoyo' },
  referred: 'Remitida al grupo de balance: {level}.',
  annex: 'Anexo',
  withdrawn: 'Propuestas retiradas',
  withdrawnNone: 'No se ha retirado ninguna propuesta.',
  summary: ({ proposals, topics, referred, withdrawn }) =>
    `El presente texto refunde ${plural(proposals, 'propuesta', 'propuestas')} sobre ${plural(topics, 'tema', 'temas')}. ` +
    `${plural(referred, 'propuesta se remite', 'propuestas se remiten')} al grupo de balance; ${plural(withdrawn, 'propuesta ha sido retirada', 'propuestas han sido retiradas')}.`,
  stocktaking: {
    title: 'Informe de balance',
    intro: ({ referred, live, threshold }) =>
      `${plural(referred, 'propuesta', 'propuestas')} de las ${live} que figuran en el texto ${referred === 1 ? 'tiene' : 'tienen'} un apoyo limitado o nulo ` +
      `(menos de ${plural(threshold, 'apoyo', 'apoyos')}) y ${referred === 1 ? 'se remite' : 'se remiten'} al grupo de balance.`,
    empty: 'No se remite ninguna propuesta al grupo de balance.',
    columns: { proposal: 'Propuesta', title: 'Título', proponents: 'Proponentes', supporters: 'Apoyos', support: 'Apoyo', submitted: 'Presentada', file: 'Archivo' },
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
