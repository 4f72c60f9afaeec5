// The report as a .docx (docx package), to be finished in a word processor: same blocks as the page.
import {
	AlignmentType,
	Document,
	HeadingLevel,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import type { Block, Report } from './report';

const headings = {
	2: HeadingLevel.HEADING_1,
	3: HeadingLevel.HEADING_2,
	4: HeadingLevel.HEADING_3
};

const cell = (text: string, bold = false) =>
	new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** Free text keeps its line breaks, as text runs (never fields or formulas). */
function runs(text: string): TextRun[] {
	return text
		.split('\n')
		.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
}

function render(block: Block): (Paragraph | Table)[] {
	if (block.type === 'heading')
		return [new Paragraph({ text: block.text, heading: headings[block.level] })];
	if (block.type === 'paragraph') {
		const out: Paragraph[] = [];
		if (block.label)
			out.push(new Paragraph({ children: [new TextRun({ text: block.label, bold: true })] }));
		out.push(new Paragraph({ children: runs(block.text) }));
		return out;
	}
	return [
		new Paragraph({ children: [new TextRun({ text: block.title, bold: true })] }),
		new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			rows: [
				new TableRow({
					tableHeader: true,
					children: [
						cell('Année des données', true),
						cell('Millésime', true),
						cell('Valeur (contrat)', true)
					]
				}),
				...block.rows.map((r) => new TableRow({ children: r.map((t) => cell(t)) }))
			]
		}),
		new Paragraph({ children: [new TextRun({ text: block.source, size: 18 })] }),
		new Paragraph({ children: [new TextRun({ text: block.note, size: 18, italics: true })] })
	];
}

export async function reportDocx(report: Report, generatedAt: Date): Promise<Buffer> {
	const doc = new Document({
		creator: 'Contrats de ville · évaluation',
		title: report.title,
		sections: [
			{
				children: [
					new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }),
					new Paragraph({ text: report.subtitle, alignment: AlignmentType.LEFT }),
					new Paragraph({
						text: `${report.status} · document produit le ${generatedAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}`
					}),
					...report.blocks.flatMap(render)
				]
			}
		]
	});
	return Packer.toBuffer(doc);
}
