// Every ISO 3166-1 alpha-2 code, for nationality pickers (people come from far beyond the hubs' region).
// Names come from the browser (Intl.DisplayNames), so nothing here needs translating.
import { REGION_COUNTRY_CODES } from '@mih/contracts';
import { countryName } from './country-name.pipe';
import { intlLocales } from './intl-locales';

export const ALL_COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY ' +
  'BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM ' +
  'FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT ' +
  'JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN ' +
  'MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT ' +
  'PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL ' +
  'TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

export interface CountryGroups {
  /** The countries the hubs work in, offered first. */
  region: string[];
  others: string[];
}

/** Country codes for a nationality picker: the region first, then the rest, each sorted by name. */
export function countryGroups(lang: string): CountryGroups {
  const byName = (a: string, b: string) => countryName(a, lang).localeCompare(countryName(b, lang), intlLocales(lang));
  const region = new Set<string>(REGION_COUNTRY_CODES);
  return {
    region: [...REGION_COUNTRY_CODES].sort(byName),
    others: ALL_COUNTRY_CODES.filter((code) => !region.has(code)).sort(byName),
  };
}
