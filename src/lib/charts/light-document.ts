// A minimal DOM for Observable Plot on the server: the few node methods Plot and d3-selection call
// to draw a chart, and a serialiser writing exactly what linkedom writes (attributes newest first,
// `<g … />` for empty SVG elements, raw text in an HTML <style>). linkedom gives every node, text
// and attribute an event-listener map in a WeakMap: on the contrat page that was most of the
// charts' allocations and of the server's garbage collection.

const XHTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';
const HTML_VOID = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'source',
	'track',
	'wbr'
]);

/** linkedom's boolean attributes: written bare when empty, and then not at all for these three. */
const EMPTY_ATTRIBUTES = new Set(
	'allowfullscreen allowpaymentrequest async autofocus autoplay checked class contenteditable controls default defer disabled draggable formnovalidate hidden id ismap itemscope loop multiple muted nomodule novalidate open playsinline readonly required reversed selected style truespeed'.split(
		' '
	)
);
const SKIPPED_WHEN_EMPTY = new Set(['id', 'class', 'style']);

const escapeText = (text: string) =>
	/[<>&\xA0]/.test(text)
		? text.replace(
				/[<>&\xA0]/g,
				(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '\xA0': '&#160;' })[c]!
			)
		: text;
/** camelCase → kebab-case, as linkedom (uhyphen) does for style properties. */
const hyphen = (name: string) =>
	name.replace(/(([A-Z0-9])([A-Z0-9][a-z]))|(([a-z0-9]+)([A-Z]))/g, '$2$5-$3$6').toLowerCase();

type LightNode = LightElement | LightText;

class LightText {
	readonly nodeType = 3;
	parentNode: LightElement | null = null;
	constructor(
		readonly ownerDocument: LightDocument,
		public data: string
	) {}
	get textContent(): string {
		return this.data;
	}
	get nextSibling(): LightNode | null {
		return sibling(this);
	}
	remove(): void {
		this.parentNode?.removeChild(this);
	}
}

function sibling(node: LightNode): LightNode | null {
	const list = node.parentNode?.childNodes;
	if (!list) return null;
	return list[list.indexOf(node) + 1] ?? null;
}

/** The element's `style`: a view of its style attribute, as linkedom's CSSStyleDeclaration. */
function styleOf(element: LightElement): Record<string, unknown> {
	const entries = (): Map<string, string> => {
		const map = new Map<string, string>();
		const text = element.getAttribute('style');
		if (text === null) return map;
		for (const rule of text.split(/\s*;\s*/)) {
			const [key, ...rest] = rule.split(':');
			if (rest.length === 0) continue;
			const k = key!.trim();
			const v = rest.join(':').trim();
			if (k && v) map.set(k, v);
		}
		return map;
	};
	const set = (name: string, value: unknown) => {
		const map = entries();
		if (value == null) map.delete(hyphen(name));
		else map.set(hyphen(name), String(value));
		element.setAttribute('style', [...map].map(([k, v]) => `${k}:${v}`).join(';'));
	};
	const methods: Record<string, unknown> = {
		setProperty: (name: string, value: unknown) => set(name, value),
		removeProperty: (name: string) => set(name, null),
		getPropertyValue: (name: string) => entries().get(hyphen(name)) ?? ''
	};
	return new Proxy(methods, {
		get: (target, name) =>
			typeof name !== 'string'
				? undefined
				: name in target
					? target[name]
					: (entries().get(hyphen(name)) ?? ''),
		set: (_, name, value) => {
			if (typeof name === 'string') set(name, value);
			return true;
		}
	});
}

class LightElement {
	readonly nodeType = 1;
	parentNode: LightElement | null = null;
	childNodes: LightNode[] = [];
	/** Attribute names and values in the order they were added (serialised newest first). */
	private names: string[] = [];
	private values: string[] = [];
	private styleView: Record<string, unknown> | undefined;
	[key: string]: unknown;

	constructor(
		readonly ownerDocument: LightDocument,
		readonly namespaceURI: string,
		readonly localName: string
	) {}

	get tagName(): string {
		return this.namespaceURI === XHTML ? this.localName.toUpperCase() : this.localName;
	}
	get children(): LightElement[] {
		return this.childNodes.filter((n): n is LightElement => n.nodeType === 1);
	}
	get firstChild(): LightNode | null {
		return this.childNodes[0] ?? null;
	}
	get lastChild(): LightNode | null {
		return this.childNodes.at(-1) ?? null;
	}
	get nextSibling(): LightNode | null {
		return sibling(this);
	}

	/** Only `*` (Plot's legend inserts its <style> before the first element). */
	querySelector(selector: string): LightElement | null {
		if (selector !== '*') throw new Error(`sélecteur non pris en charge : ${selector}`);
		return this.children[0] ?? null;
	}

	getAttribute(name: string): string | null {
		const i = this.names.indexOf(name);
		return i < 0 ? null : this.values[i]!;
	}
	hasAttribute(name: string): boolean {
		return this.names.includes(name);
	}
	setAttribute(name: string, value: unknown): void {
		const i = this.names.indexOf(name);
		if (i < 0) {
			this.names.push(name);
			this.values.push(String(value));
		} else this.values[i] = String(value);
	}
	setAttributeNS(_: string | null, name: string, value: unknown): void {
		this.setAttribute(name, value);
	}
	removeAttribute(name: string): void {
		const i = this.names.indexOf(name);
		if (i < 0) return;
		this.names.splice(i, 1);
		this.values.splice(i, 1);
	}
	get className(): string {
		return this.getAttribute('class') ?? '';
	}
	set className(value: string) {
		this.setAttribute('class', value);
	}
	get style(): Record<string, unknown> {
		return (this.styleView ??= styleOf(this));
	}
	set style(value: string) {
		this.setAttribute('style', value);
	}

	get textContent(): string {
		return this.childNodes.map((n) => n.textContent).join('');
	}
	set textContent(text: unknown) {
		for (const n of this.childNodes) n.parentNode = null;
		this.childNodes = [];
		if (text != null && text !== '')
			this.appendChild(new LightText(this.ownerDocument, String(text)));
	}

	insertBefore<T extends LightNode>(node: T, ref: LightNode | null): T {
		node.parentNode?.removeChild(node);
		const at = ref ? this.childNodes.indexOf(ref) : -1;
		if (at < 0) this.childNodes.push(node);
		else this.childNodes.splice(at, 0, node);
		node.parentNode = this;
		return node;
	}
	appendChild<T extends LightNode>(node: T): T {
		return this.insertBefore(node, null);
	}
	append(...nodes: (LightNode | string)[]): void {
		for (const n of nodes)
			this.appendChild(typeof n === 'string' ? new LightText(this.ownerDocument, n) : n);
	}
	removeChild<T extends LightNode>(node: T): T {
		const i = this.childNodes.indexOf(node);
		if (i >= 0) this.childNodes.splice(i, 1);
		node.parentNode = null;
		return node;
	}
	remove(): void {
		this.parentNode?.removeChild(this);
	}

	get outerHTML(): string {
		const out: string[] = [];
		this.write(out);
		return out.join('');
	}
	private write(out: string[]): void {
		out.push('<', this.localName);
		// linkedom in an HTML document escapes only the double quote of an attribute value.
		for (let i = this.names.length - 1; i >= 0; i--) {
			const name = this.names[i]!;
			const value = this.values[i]!;
			if (value === '' && EMPTY_ATTRIBUTES.has(name)) {
				if (!SKIPPED_WHEN_EMPTY.has(name)) out.push(' ', name);
			} else out.push(' ', name, '="', value.replace(/"/g, '&quot;'), '"');
		}
		const html = this.namespaceURI === XHTML;
		if (this.childNodes.length === 0) {
			if (!html) out.push(' />');
			else if (HTML_VOID.has(this.localName)) out.push('>');
			else out.push('></', this.localName, '>');
			return;
		}
		out.push('>');
		const raw = html && this.localName === 'style';
		for (const n of this.childNodes) {
			if (n.nodeType === 3) out.push(raw ? n.data : escapeText(n.data));
			else n.write(out);
		}
		out.push('</', this.localName, '>');
	}
}

export class LightDocument {
	readonly documentElement: LightElement;
	readonly defaultView = undefined;
	constructor() {
		this.documentElement = new LightElement(this, XHTML, 'html');
	}
	createElement(name: string): LightElement {
		return new LightElement(this, XHTML, name.toLowerCase());
	}
	createElementNS(namespace: string | null, name: string): LightElement {
		return new LightElement(
			this,
			namespace ?? XHTML,
			namespace === SVG ? name : name.toLowerCase()
		);
	}
	createTextNode(text: string): LightText {
		return new LightText(this, String(text));
	}
}
