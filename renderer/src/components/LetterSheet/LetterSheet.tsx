import { useTranslation } from 'react-i18next';
import { letterDate, type LetterContent } from '../../../../shared/domain/letter';
import classes from './LetterSheet.module.css';

/**
 * A letter laid out as on the A4 page: letterhead and logo, the address where the envelope window is,
 * date and reference, subject, body and signature. The same content the PDF prints; used for the
 * preview and the template editor (printing prints the PDF itself).
 */
export function LetterSheet({ content, logo, label }: { content: LetterContent; logo: string | null; label?: string }) {
  const { i18n } = useTranslation();
  // Casebook's own words on the letter are in the letter's language, whatever the screen's.
  const t = i18n.getFixedT(content.language === 'pl' ? 'pl' : 'en');
  const head = content.letterhead;
  const oneLine = (s: string | null) => (s ?? '').replace(/\s*\n\s*/g, ', ');
  const footer = [
    head.name,
    head.charityNumber && t('letters.pdf.charityNumber', { number: head.charityNumber }),
    head.phone && t('letters.pdf.phone', { phone: head.phone }),
  ]
    .filter(Boolean)
    .join('  ·  ');
  return (
    <article className={classes.sheet} aria-label={label ?? content.subject} lang={content.language}>
      <div className={classes.head}>
        <div>
          <div className={classes.charity}>{head.name}</div>
          <div className={classes.small}>
            {[
              oneLine(head.address),
              [head.phone && t('letters.pdf.phone', { phone: head.phone }), head.email].filter(Boolean).join('   '),
            ]
              .filter(Boolean)
              .join('\n')}
          </div>
        </div>
        {logo && <img className={classes.logo} src={logo} alt="" />}
      </div>
      <div className={classes.addressRow}>
        <div className={classes.window}>
          <div className={classes.returnAddress}>{[head.name, oneLine(head.address)].filter(Boolean).join(', ')}</div>
          {content.recipient.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </div>
        <div className={classes.info}>
          <div className={classes.infoLabel}>{t('letters.pdf.date')}</div>
          <div>{letterDate(content.date, content.language)}</div>
          <div className={classes.infoLabel}>{t('letters.pdf.ourReference')}</div>
          <div>{content.reference}</div>
          {content.signatureName && (
            <>
              <div className={classes.infoLabel}>{t('letters.pdf.contact')}</div>
              <div>{content.signatureName}</div>
            </>
          )}
        </div>
      </div>
      <div className={classes.subject}>{content.subject}</div>
      <div className={classes.body}>{content.body}</div>
      <div className={classes.signature}>
        {content.signatureName && <strong>{content.signatureName}</strong>}
        <div>{head.name}</div>
      </div>
      <div className={classes.foot}>{footer}</div>
    </article>
  );
}
