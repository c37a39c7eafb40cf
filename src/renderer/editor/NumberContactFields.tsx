import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../shared/domain';
import { api } from '../api';
import { releaseEvents } from '../common/events';
import './number-contact.css';

interface Props {
  releaseId: string;
  number: string;
  /** Whether the office numbers its releases (it has a pattern at HQ). */
  numbered: boolean;
  contact: Contact;
  onContact: (contact: Contact) => void;
}

/**
 * The release number ("Nomor", given by HQ, so read-only here) and the contact person
 * ("Narahubung"). The number arrives with a sync while the release is open: it is read again
 * whenever a sync is announced.
 */
/** Memoised: the editor page renders again with every save, this part only when its props change. */
export const NumberContactFields = memo(function NumberContactFields({
  releaseId,
  number: initial,
  numbered,
  contact,
  onContact,
}: Props) {
  const { t } = useTranslation();
  const [number, setNumber] = useState(initial);
  useEffect(() => {
    let live = true;
    const off = releaseEvents.on((release) => {
      if (release && release.id === releaseId) setNumber(release.number);
      else if (release === null)
        api.getRelease({ id: releaseId }).then(
          (r) => live && setNumber(r.number),
          () => undefined,
        );
    });
    return () => {
      live = false;
      off();
    };
  }, [releaseId]);

  const set = (key: keyof Contact, value: string) => onContact({ ...contact, [key]: value });
  return (
    <fieldset className="meta-group">
      <legend>{t('releaseFields.heading')}</legend>
      <div className="meta-row">
        <label className="field">
          <span>{t('releaseFields.number')}</span>
          <input
            type="text"
            readOnly
            value={number}
            placeholder={numbered ? t('releaseFields.numberPending') : t('releaseFields.numberNone')}
          />
        </label>
        <label className="field">
          <span>{t('releaseFields.contactName')}</span>
          <input type="text" value={contact.name} maxLength={120} onChange={(e) => set('name', e.target.value)} />
        </label>
      </div>
      <div className="meta-row">
        <label className="field">
          <span>{t('releaseFields.contactRole')}</span>
          <input type="text" value={contact.role} maxLength={120} onChange={(e) => set('role', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('releaseFields.contactPhone')}</span>
          <input
            type="text"
            value={contact.phone}
            maxLength={40}
            inputMode="tel"
            autoComplete="tel"
            onChange={(e) => set('phone', e.target.value)}
          />
        </label>
      </div>
    </fieldset>
  );
});
