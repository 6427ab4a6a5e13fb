import { readFileSync, statSync } from 'node:fs';
import { LOGO_MAX_BYTES } from '../../../shared/domain/charity';
import { createTranslator } from '../../../shared/i18n';
import { CasebookError } from '../../../shared/result';
import type { Records } from '../domain';
import type { ReadDb } from '../db/database';
import type { Handlers } from '../rpc';
import { getCharity, getCharityLogo, imageType, saveCharity, setCharityLogo } from './queries';

const logoView = (db: ReadDb) => {
  const logo = getCharityLogo(db);
  return { dataUrl: logo ? `data:image/${logo.type};base64,${logo.data.toString('base64')}` : null };
};

export function charityHandlers(
  cb: Records,
): Pick<Handlers, 'charity.get' | 'charity.update' | 'charity.logo' | 'charity.chooseLogo' | 'charity.removeLogo'> {
  return {
    'charity.get': () => cb.read((db) => getCharity(db)),
    'charity.update': (input) =>
      cb.write((db, s) => {
        const before = getCharity(db);
        saveCharity(db, input, cb.now().toISOString());
        const changed = (Object.keys(input) as (keyof typeof input)[]).filter((k) => input[k] !== before[k]);
        cb.audit(db, s, 'charity.changed', { detail: { fields: changed } });
        return getCharity(db);
      }),
    'charity.logo': () => cb.read(logoView),
    'charity.chooseLogo': async () => {
      const t = createTranslator(cb.language()).t;
      const path = await cb.platform.chooseFile({
        title: t('letters.chooseLogo'),
        filters: [{ name: t('letters.logoFiles'), extensions: ['png', 'jpg', 'jpeg'] }],
      });
      if (!path) throw new CasebookError('CANCELLED', 'No file was chosen');
      let data: Buffer;
      try {
        if (statSync(path).size > LOGO_MAX_BYTES)
          throw new CasebookError('BAD_INPUT', 'The logo file is too big', { fields: { logo: 'logoTooBig' } });
        data = readFileSync(path);
      } catch (e) {
        if (e instanceof CasebookError) throw e;
        throw new CasebookError('BAD_INPUT', 'The logo file could not be read', { fields: { logo: 'fileUnreadable' } });
      }
      const type = imageType(data);
      if (!type)
        throw new CasebookError('BAD_INPUT', 'Not a PNG or JPEG picture', { fields: { logo: 'logoNotAPicture' } });
      return cb.write((db, s) => {
        setCharityLogo(db, { data, type }, cb.now().toISOString());
        cb.audit(db, s, 'charity.logoChanged', { detail: { bytes: data.length, type } });
        return logoView(db);
      });
    },
    'charity.removeLogo': () =>
      cb.write((db, s) => {
        setCharityLogo(db, null, cb.now().toISOString());
        cb.audit(db, s, 'charity.logoChanged', { detail: { removed: true } });
        return logoView(db);
      }),
  };
}
