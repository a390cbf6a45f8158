/** The redline page's own styles, after the workspace's `consolidated.css`: insertions and deletions on screen and printed. */
export const REDLINE_CSS = `/* The redline: insertions and deletions, on screen and printed. */
ins { background: #dff3e4; color: #0b5d1e; text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 2px; }
del { background: #fbe2e0; color: #8c1d18; text-decoration: line-through; }
/* A block wholly inserted or deleted has a bar in the margin (a list's items are marked word by word). */
:is(p, h2, h3, h4, h5, h6, pre, blockquote, table).block-insert { border-left: 3px solid #2e7d32; padding-left: 0.6rem; }
:is(p, h2, h3, h4, h5, h6, pre, blockquote, table).block-delete { border-left: 3px solid #c62828; padding-left: 0.6rem; }
article.proposal.block-delete { border-left: 4px solid #c62828; }
article.proposal.block-insert { border-left: 4px solid #2e7d32; }
article.block-delete .block-delete, article.block-insert .block-insert { border-left: none; padding-left: 0; }
.redline-note { font-size: 0.85rem; font-style: italic; color: #4b5563; background: #f3f4f6; border-radius: 3px; padding: 0.2rem 0.6rem; display: inline-block; margin: 0.2rem 0; }
.supersedes { font-weight: bold; }
.changes, .stats { font-size: 0.95rem; }
.redline-legend { font-size: 0.9rem; border: 1px solid #d1d5db; border-radius: 4px; padding: 0.4rem 0.8rem; display: inline-block; }
.redline-legend ins, .redline-legend del { padding: 0 0.25rem; }
@media print {
  ins, del, .redline-note, .block-insert, .block-delete { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
