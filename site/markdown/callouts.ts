import type { MdastPluginDefinition } from 'satteri';
import { isBoxName, isContentBlock, type BoxName } from '../../functions/catalog/markdown-syntax.ts';

/**
 * `:::info`, `:::warning` and `:::urgent` boxes, drawn as Designsystemet alerts in these colours. The names are
 * BOX_NAMES (markdown-syntax.ts), which `npm run check:content` holds the content to; a name added there and not
 * drawn here fails the type check.
 */
export const CALLOUTS: Record<BoxName, string> = {
  info: 'info',
  warning: 'warning',
  urgent: 'danger',
};

/**
 * Callouts become alerts, and `::prioriteter`-style lines the markers for generated parts (blocks.ts). Every other directive is turned back into the text the editor typed: with directives
 * on, «kl. 08:00» or «Merk:dette» would otherwise lose everything after the colon.
 */
export const calloutsPlugin: MdastPluginDefinition = {
  name: 'serviceportal-callouts',
  containerDirective(node, ctx) {
    if (isBoxName(node.name)) {
      const color = CALLOUTS[node.name];
      const properties = { className: ['ds-alert', 'callout'], dataColor: color, ...(node.name === 'urgent' ? { role: 'note' } : {}) };
      ctx.replaceNode(node, { type: 'blockquote', data: { hName: 'div', hProperties: properties }, children: node.children });
      return;
    }
    ctx.replaceNode(node, [{ type: 'paragraph', children: [{ type: 'text', value: `:::${node.name}` }] }, ...node.children]);
  },
  leafDirective(node, ctx) {
    if (isContentBlock(node.name) && node.children.length === 0) {
      ctx.replaceNode(node, { type: 'blockquote', data: { hName: 'div', hProperties: { dataBlock: node.name } }, children: [] });
      return;
    }
    ctx.replaceNode(node, { type: 'paragraph', children: [{ type: 'text', value: `::${node.name}` }, ...node.children] });
  },
  textDirective(node, ctx) {
    const label = node.children.length > 0 ? `[${ctx.textContent(node)}]` : '';
    ctx.replaceNode(node, { type: 'text', value: `:${node.name}${label}` });
  },
};
