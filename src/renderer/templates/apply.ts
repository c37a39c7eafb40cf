import type { DocNode, ReleaseFields } from '../../shared/domain';
import type { Template } from '../../shared/templates';

/** Every block gets its own id, as the editor gives blocks (comments and merges anchor on them). */
function withBlockIds(node: DocNode): DocNode {
  const content = node.content?.map(withBlockIds);
  const isBlock = node.type !== 'doc' && node.type !== 'text';
  return {
    ...node,
    ...(isBlock ? { attrs: { ...node.attrs, id: crypto.randomUUID() } } : {}),
    ...(content ? { content } : {}),
  };
}

/** The fields a new release starts with from a template. */
export const templateFields = (template: Template): Partial<ReleaseFields> => ({
  title: template.title,
  summary: template.summary,
  tags: [...template.tags],
  category: template.category,
  body: withBlockIds(template.body),
});
