import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { runChecklist, type ChecklistFields, type ChecklistLevels, type Finding } from '../../shared/checklist';
import type { DocNode } from '../../shared/domain';

/** Recheck after a short pause in typing: the rules read the whole text. */
const PAUSE_MS = 300;

/**
 * The checklist of the release on screen, rechecked as the writer types: the same shared rules
 * that "Ajukan untuk ditinjau" and "Terbitkan" apply (and HQ again), with the office's levels.
 */
export function useChecklist(
  fields: Omit<ChecklistFields, 'body'>,
  initialBody: DocNode,
  editor: Editor | null,
  openComments: number,
  levels: ChecklistLevels | undefined,
): Finding[] {
  const [body, setBody] = useState<DocNode>(initialBody);
  const [findings, setFindings] = useState<Finding[]>([]);

  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setBody(editor.getJSON() as DocNode), PAUSE_MS);
    };
    onUpdate();
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [editor]);

  useEffect(() => {
    setFindings(runChecklist({ fields: { ...fields, body }, openComments }, levels));
  }, [fields, body, openComments, levels]);

  return findings;
}

export const failingCounts = (findings: Finding[]) => ({
  blocking: findings.filter((f) => !f.ok && f.level === 'block').length,
  warnings: findings.filter((f) => !f.ok && f.level === 'warn').length,
});
