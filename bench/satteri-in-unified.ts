import { pathToFileURL } from 'node:url';
import type { HastPluginList, MdastPluginList } from 'satteri';

/**
 * Runs our Sätteri Markdown plugins (site/markdown/) inside a remark/rehype pipeline, so the Sätteri vs
 * remark/rehype comparison builds the very same HTML with the very same plugin code, and only the processor
 * differs. It implements the part of Sätteri's plugin API our plugins use (visitors by node type, element
 * visitors filtered by tag name, factories called once per document, and the tree edits replaceNode, removeNode,
 * wrapNode, appendChild, setProperty, textContent). A plugin that starts calling another edit fails here with a
 * TypeError instead of being silently skipped, and the bench compares the HTML of both builds.
 */

interface TreeNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: TreeNode[];
  value?: string;
}

interface VFileLike {
  path?: string;
  value: unknown;
}

type Visitor = (node: TreeNode, ctx: PluginContext) => unknown;
interface FilteredVisitor {
  filter: string[];
  visit: Visitor;
}
type Definition = { name: string } & Record<string, unknown>;

/** Every node in document order with its parent; edits keep the parents right for nodes they move. */
class Tree {
  readonly parents = new Map<TreeNode, TreeNode>();
  readonly root: TreeNode;

  constructor(root: TreeNode) {
    this.root = root;
  }

  nodes(): TreeNode[] {
    const all: TreeNode[] = [];
    const walk = (node: TreeNode) => {
      all.push(node);
      for (const child of node.children ?? []) {
        this.parents.set(child, node);
        walk(child);
      }
    };
    walk(this.root);
    return all;
  }

  replace(node: TreeNode, replacement: TreeNode[]): void {
    const parent = this.parents.get(node);
    const index = parent?.children?.indexOf(node) ?? -1;
    if (!parent?.children || index < 0) throw new Error(`satteri-in-unified: fant ikke noden (${node.type}) i treet`);
    parent.children.splice(index, 1, ...replacement);
    for (const added of replacement) this.adopt(parent, added);
  }

  adopt(parent: TreeNode, child: TreeNode): void {
    this.parents.set(child, parent);
    for (const grandchild of child.children ?? []) this.parents.set(grandchild, child);
  }
}

const textOf = (node: TreeNode): string =>
  node.type === 'text' || node.type === 'inlineCode' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

function contextFor(tree: Tree) {
  return {
    replaceNode: (node: TreeNode, replacement: TreeNode | TreeNode[]) => tree.replace(node, asList(replacement)),
    removeNode: (node: TreeNode) => tree.replace(node, []),
    wrapNode(node: TreeNode, wrapper: TreeNode) {
      const wrapped = { ...wrapper, children: [node, ...(wrapper.children ?? [])] };
      tree.replace(node, [wrapped]);
    },
    appendChild(node: TreeNode, child: TreeNode | TreeNode[]) {
      const children = (node.children ??= []);
      for (const added of asList(child)) {
        children.push(added);
        tree.adopt(node, added);
      }
    },
    setProperty(node: TreeNode, key: string, value: unknown) {
      const properties = (node.properties ??= {});
      if (value === undefined) delete properties[key];
      else properties[key] = value;
    },
    textContent: textOf,
  };
}
type PluginContext = ReturnType<typeof contextFor>;

/** Plugin entries as Sätteri resolves them: nested lists flattened, factories called once for this document. */
function resolve(entries: readonly unknown[], factoryContext: object): Definition[] {
  return entries.flatMap((entry): Definition[] => {
    if (!entry) return [];
    if (Array.isArray(entry)) return resolve(entry, factoryContext);
    if (typeof entry === 'function') return resolve([(entry as (context: object) => unknown)(factoryContext)], factoryContext);
    return [entry as Definition];
  });
}

async function runDefinition(definition: Definition, tree: Tree): Promise<void> {
  const ctx = contextFor(tree);
  const hook = (name: 'before' | 'after') => definition[name] as ((root: TreeNode, context: PluginContext) => unknown) | undefined;
  await hook('before')?.(tree.root, ctx);
  // Collected before any visitor runs: nodes a visitor adds (a wrapper, an anchor) are not visited in this pass.
  for (const node of tree.nodes()) {
    const handler = definition[node.type];
    if (handler === undefined) continue;
    const visitors =
      typeof handler === 'function' ? [{ filter: undefined, visit: handler as Visitor }] : asList(handler as FilteredVisitor | FilteredVisitor[]);
    for (const visitor of visitors) {
      if (visitor.filter && !visitor.filter.includes(node.tagName ?? '')) continue;
      const replacement = await visitor.visit(node, ctx);
      if (replacement && typeof replacement === 'object') tree.replace(node, [replacement as TreeNode]);
    }
  }
  await hook('after')?.(tree.root, ctx);
}

function transformer(entries: MdastPluginList | HastPluginList) {
  return async (root: TreeNode, file: VFileLike) => {
    const factoryContext = { fileURL: file.path ? pathToFileURL(file.path) : undefined, sourceFormat: 'markdown', source: String(file.value), data: {} };
    for (const definition of resolve(entries, factoryContext)) await runDefinition(definition, new Tree(root));
  };
}

/** A remark plugin running Sätteri mdast plugins. */
export function remarkSatteriPlugins(entries: MdastPluginList) {
  return transformer(entries);
}

/** A rehype plugin running Sätteri hast plugins. */
export function rehypeSatteriPlugins(entries: HastPluginList) {
  return transformer(entries);
}
