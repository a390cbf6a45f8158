/** The Word styles of consolidated.docx: a WTO-like document, Verdana, headings in navy. */
import { AlignmentType, BorderStyle, ShadingType, type IStylesOptions } from 'docx'

const NAVY = '1F3A5F'
const FONT = 'Verdana'

/** Sizes are in half-points, spacing in twentieths of a point. */
const heading = (size: number, before: number, caps = false): NonNullable<IStylesOptions['default']>['heading1'] => ({
  run: { font: FONT, size, bold: true, color: NAVY, allCaps: caps },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
})

const flag = (id: string, name: string, fill: string, rule: string, color: string): NonNullable<IStylesOptions['paragraphStyles']>[number] => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  run: { bold: true, size: 17, color },
  paragraph: {
    shading: { type: ShadingType.CLEAR, fill, color: 'auto' },
    border: { left: { style: BorderStyle.SINGLE, size: 24, color: rule, space: 6 } },
    indent: { left: 120 },
    spacing: { before: 60, after: 240 },
    keepLines: true,
  },
})

/** The styles, with `language` (a BCP 47 tag) as the text's language for spelling and hyphenation. */
export function docxStyles(language: string): IStylesOptions {
  return {
    default: {
      document: { run: { font: FONT, size: 19, language: { value: language } }, paragraph: { spacing: { after: 140, line: 280 } } },
      title: {
        run: { font: FONT, size: 24, bold: true, allCaps: true, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 1200, after: 600 } },
      },
      heading1: heading(22, 360, true),
      heading2: heading(21, 300),
      heading3: heading(20, 240),
      heading4: heading(19, 200),
      heading5: heading(19, 160),
      heading6: heading(19, 160),
      hyperlink: { run: { color: NAVY, underline: {} } },
      footnoteText: { run: { font: FONT, size: 16 }, paragraph: { spacing: { after: 40, line: 240 } } },
    },
    paragraphStyles: [
      {
        id: 'Organization',
        name: 'Organization',
        basedOn: 'Normal',
        run: { bold: true, allCaps: true, size: 20, color: NAVY },
        paragraph: { spacing: { after: 240 } },
      },
      { id: 'Masthead', name: 'Masthead', basedOn: 'Normal', run: { size: 19 }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } },
      { id: 'RunningHead', name: 'Running head', basedOn: 'Normal', run: { size: 16 }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } },
      { id: 'PageNumber', name: 'Page number', basedOn: 'Normal', run: { size: 16 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
      {
        id: 'AltLabel',
        name: 'Alternative label',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true, color: NAVY },
        paragraph: { keepNext: true, spacing: { before: 240, after: 80 } },
      },
      {
        id: 'CodeBlock',
        name: 'Code block',
        basedOn: 'Normal',
        run: { font: 'Courier New', size: 17 },
        paragraph: { shading: { type: ShadingType.CLEAR, fill: 'F3F4F6', color: 'auto' } },
      },
      {
        id: 'ParagraphHead',
        name: 'Paragraph head',
        basedOn: 'Normal',
        next: 'Normal',
        run: { color: NAVY },
        paragraph: { keepNext: true, spacing: { before: 200, after: 80 } },
      },
      {
        id: 'NoteLabel',
        name: 'Note label',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true, allCaps: true, size: 16, color: '5B6470' },
        paragraph: { keepNext: true, spacing: { before: 200, after: 60 } },
      },
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true, allCaps: true, size: 20, color: NAVY },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 480 } },
      },
      {
        id: 'Disclaimer',
        name: 'Disclaimer',
        basedOn: 'Normal',
        run: { italics: true, size: 18, color: '5B6470' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 480, after: 240 } },
      },
      flag('StocktakingNone', 'Stocktaking flag: no support', 'FDECEA', 'C62828', '7F1D1D'),
      flag('StocktakingLimited', 'Stocktaking flag: limited support', 'FFF4DB', 'E09B00', '6B4800'),
    ],
  }
}
