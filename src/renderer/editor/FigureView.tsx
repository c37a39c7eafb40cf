import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { mediaUrl } from './media';

/** An image in the body with its caption and photo credit ("Foto: …") editable in place. */
export function FigureView({ node, updateAttributes, deleteNode, selected, editor }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const attrs = node.attrs as { attachment: string | null; alt: string; caption: string; credit: string };
  const editable = editor.isEditable;
  return (
    <NodeViewWrapper as="figure" className={`figure-block${selected ? ' is-selected' : ''}`} data-type="figure">
      {attrs.attachment ? (
        <img src={mediaUrl(attrs.attachment)} alt={attrs.alt} draggable={false} data-drag-handle="" />
      ) : null}
      <div className="figure-fields" contentEditable={false}>
        <label>
          <span>{t('figure.caption')}</span>
          <input
            type="text"
            value={attrs.caption}
            readOnly={!editable}
            maxLength={500}
            onChange={(e) => updateAttributes({ caption: e.target.value })}
          />
        </label>
        <label>
          <span>{t('figure.credit')}</span>
          <input
            type="text"
            value={attrs.credit}
            readOnly={!editable}
            maxLength={200}
            placeholder={t('figure.creditPlaceholder')}
            onChange={(e) => updateAttributes({ credit: e.target.value })}
          />
        </label>
        <label>
          <span>{t('figure.alt')}</span>
          <input
            type="text"
            value={attrs.alt}
            readOnly={!editable}
            maxLength={500}
            onChange={(e) => updateAttributes({ alt: e.target.value })}
          />
        </label>
        {editable && (
          <button type="button" className="ghost danger-text" onClick={() => deleteNode()}>
            {t('figure.remove')}
          </button>
        )}
      </div>
    </NodeViewWrapper>
  );
}
