// The shapes the volume generator draws from: 50 hubs in 8 countries (real municipalities, approximate
// coordinates, a relative weight for how busy each one is), and the distributions per country.
// Weights are integers: each value is repeated that many times in the array SQL picks from at random.

/** [code, name, municipality, admin1, latitude, longitude, weight] per country. */
export const HUBS_BY_COUNTRY = {
  GT: [
    ['TCU', 'CIM Tecún Umán', 'Ayutla (Tecún Umán)', 'San Marcos', 14.68, -92.14, 5],
    ['GUA', 'CIM Ciudad de Guatemala', 'Guatemala', 'Guatemala', 14.63, -90.51, 5],
    ['XELA', 'CIM Quetzaltenango', 'Quetzaltenango', 'Quetzaltenango', 14.84, -91.52, 4],
    ['HUE', 'CIM Huehuetenango', 'Huehuetenango', 'Huehuetenango', 15.32, -91.47, 4],
    ['ESQ', 'CIM Esquipulas', 'Esquipulas', 'Chiquimula', 14.56, -89.35, 2],
    ['FLO', 'CIM Flores', 'Flores', 'Petén', 16.93, -89.89, 2],
    ['COB', 'CIM Cobán', 'Cobán', 'Alta Verapaz', 15.47, -90.37, 2],
    ['SMA', 'CIM San Marcos', 'San Marcos', 'San Marcos', 14.96, -91.79, 2],
    ['MES', 'CIM La Mesilla', 'La Democracia', 'Huehuetenango', 15.63, -91.98, 2],
  ],
  HN: [
    ['SPS', 'CIM San Pedro Sula', 'San Pedro Sula', 'Cortés', 15.5, -88.03, 5],
    ['TGU', 'CIM Tegucigalpa', 'Distrito Central', 'Francisco Morazán', 14.07, -87.19, 5],
    ['CHO', 'CIM Choloma', 'Choloma', 'Cortés', 15.61, -87.95, 3],
    ['LCE', 'CIM La Ceiba', 'La Ceiba', 'Atlántida', 15.78, -86.79, 2],
    ['CHL', 'CIM Choluteca', 'Choluteca', 'Choluteca', 13.3, -87.19, 2],
    ['OCO', 'CIM Ocotepeque', 'Ocotepeque', 'Ocotepeque', 14.44, -89.18, 2],
    ['DAN', 'CIM Danlí', 'Danlí', 'El Paraíso', 14.03, -86.58, 2],
  ],
  SV: [
    ['SSA', 'CIM San Salvador', 'San Salvador', 'San Salvador', 13.69, -89.19, 4],
    ['SMI', 'CIM San Miguel', 'San Miguel', 'San Miguel', 13.48, -88.18, 3],
    ['SAN', 'CIM Santa Ana', 'Santa Ana', 'Santa Ana', 13.99, -89.56, 2],
    ['LUN', 'CIM La Unión', 'La Unión', 'La Unión', 13.34, -87.84, 1],
    ['CHA', 'CIM Chalatenango', 'Chalatenango', 'Chalatenango', 14.04, -88.94, 1],
  ],
  MX: [
    ['TAP', 'CIM Tapachula', 'Tapachula', 'Chiapas', 14.91, -92.26, 5],
    ['CJS', 'CIM Ciudad Juárez', 'Juárez', 'Chihuahua', 31.69, -106.42, 4],
    ['TIJ', 'CIM Tijuana', 'Tijuana', 'Baja California', 32.51, -117.04, 4],
    ['MTY', 'CIM Monterrey', 'Monterrey', 'Nuevo León', 25.69, -100.32, 3],
    ['REY', 'CIM Reynosa', 'Reynosa', 'Tamaulipas', 26.09, -98.28, 3],
    ['CDMX', 'CIM Ciudad de México', 'Cuauhtémoc', 'Ciudad de México', 19.43, -99.15, 3],
    ['VSA', 'CIM Villahermosa', 'Centro', 'Tabasco', 17.99, -92.93, 2],
    ['TEN', 'CIM Tenosique', 'Tenosique', 'Tabasco', 17.47, -91.42, 2],
    ['SLW', 'CIM Saltillo', 'Saltillo', 'Coahuila', 25.42, -101.0, 1],
    ['PUE', 'CIM Puebla', 'Puebla', 'Puebla', 19.04, -98.21, 1],
  ],
  CR: [
    ['UPA', 'CIM Upala', 'Upala', 'Alajuela', 10.9, -85.02, 3],
    ['SJO', 'CIM San José', 'San José', 'San José', 9.93, -84.08, 3],
    ['LCH', 'CIM Los Chiles', 'Los Chiles', 'Alajuela', 11.03, -84.71, 2],
    ['PCA', 'CIM Paso Canoas', 'Corredores', 'Puntarenas', 8.53, -82.84, 2],
    ['LIB', 'CIM Liberia', 'Liberia', 'Guanacaste', 10.63, -85.44, 1],
  ],
  PA: [
    ['PTY', 'CIM Ciudad de Panamá', 'Panamá', 'Panamá', 8.98, -79.52, 3],
    ['DAV', 'CIM David', 'David', 'Chiriquí', 8.43, -82.43, 2],
    ['MET', 'CIM Metetí', 'Pinogana', 'Darién', 8.5, -77.98, 3],
    ['COL', 'CIM Colón', 'Colón', 'Colón', 9.36, -79.9, 1],
  ],
  DO: [
    ['SDE', 'CIM Santo Domingo Este', 'Santo Domingo Este', 'Santo Domingo', 18.49, -69.86, 3],
    ['STI', 'CIM Santiago', 'Santiago de los Caballeros', 'Santiago', 19.45, -70.69, 2],
    ['DAJ', 'CIM Dajabón', 'Dajabón', 'Dajabón', 19.55, -71.71, 3],
    ['ELP', 'CIM Elías Piña', 'Comendador', 'Elías Piña', 18.88, -71.7, 1],
    ['JIM', 'CIM Jimaní', 'Jimaní', 'Independencia', 18.49, -71.85, 1],
  ],
  HT: [
    ['PAP', 'CIM Port-au-Prince', 'Port-au-Prince', 'Ouest', 18.54, -72.34, 3],
    ['CAP', 'CIM Cap-Haïtien', 'Cap-Haïtien', 'Nord', 19.76, -72.2, 2],
    ['OUA', 'CIM Ouanaminthe', 'Ouanaminthe', 'Nord-Est', 19.55, -71.72, 3],
    ['BEL', 'CIM Belladère', 'Belladère', 'Centre', 18.86, -71.78, 1],
    ['CAY', 'CIM Les Cayes', 'Les Cayes', 'Sud', 18.19, -73.75, 1],
  ],
};

export const COUNTRY_TIME_ZONES = {
  GT: 'America/Guatemala',
  HN: 'America/Tegucigalpa',
  SV: 'America/El_Salvador',
  MX: 'America/Mexico_City',
  CR: 'America/Costa_Rica',
  PA: 'America/Panama',
  DO: 'America/Santo_Domingo',
  HT: 'America/Port-au-Prince',
};

export const PHONE_PREFIXES = { GT: '+502', HN: '+504', SV: '+503', MX: '+52', CR: '+506', PA: '+507', DO: '+1809', HT: '+509', NI: '+505', VE: '+58', CU: '+53', CO: '+57', EC: '+593' };

/** Migration profile weights (percent) by hub country. */
export const PROFILE_WEIGHTS = {
  GT: { returnee_deported: 34, intending: 22, in_transit: 14, returnee_voluntary: 10, family_of_migrant: 12, immigrant: 4, asylum_seeker: 4 },
  HN: { returnee_deported: 38, intending: 24, in_transit: 8, returnee_voluntary: 10, family_of_migrant: 14, immigrant: 2, asylum_seeker: 4 },
  SV: { returnee_deported: 36, intending: 26, in_transit: 4, returnee_voluntary: 12, family_of_migrant: 18, immigrant: 2, asylum_seeker: 2 },
  MX: { in_transit: 42, asylum_seeker: 20, returnee_deported: 12, immigrant: 10, intending: 6, returnee_voluntary: 4, family_of_migrant: 6 },
  CR: { immigrant: 40, asylum_seeker: 22, in_transit: 18, intending: 8, family_of_migrant: 6, returnee_voluntary: 4, returnee_deported: 2 },
  PA: { in_transit: 55, immigrant: 16, asylum_seeker: 12, returnee_voluntary: 6, intending: 5, family_of_migrant: 4, returnee_deported: 2 },
  DO: { immigrant: 45, returnee_deported: 12, intending: 14, in_transit: 8, family_of_migrant: 10, returnee_voluntary: 6, asylum_seeker: 5 },
  HT: { returnee_deported: 40, intending: 22, returnee_voluntary: 12, family_of_migrant: 14, in_transit: 6, immigrant: 2, asylum_seeker: 4 },
};

/** Nationalities of people who are not nationals of the hub's country (in transit, immigrants, asylum seekers). */
export const FOREIGN_NATIONALITIES = {
  GT: { HN: 35, SV: 15, VE: 15, NI: 10, CU: 10, HT: 10, EC: 5 },
  HN: { VE: 30, CU: 20, HT: 20, NI: 15, EC: 10, CO: 5 },
  SV: { HN: 40, NI: 25, GT: 20, VE: 15 },
  MX: { HN: 30, GT: 20, VE: 15, SV: 10, HT: 10, CU: 10, EC: 5 },
  CR: { NI: 60, VE: 20, CO: 10, HT: 5, CU: 5 },
  PA: { VE: 45, CO: 15, HT: 12, EC: 12, CU: 8, NI: 8 },
  DO: { HT: 85, VE: 10, CU: 5 },
  HT: { DO: 50, VE: 30, CU: 20 },
};
/** Profiles whose people are mostly nationals of the hub's country. */
export const LOCAL_PROFILES = ['intending', 'returnee_voluntary', 'returnee_deported', 'family_of_migrant'];

export const SEX_WEIGHTS = { female: 54, male: 44, other: 1, undisclosed: 1 };
export const AGE_BAND_WEIGHTS = { '0-11': 5, '12-17': 8, '18-24': 25, '25-59': 57, '60+': 5 };
export const CHANNEL_WEIGHTS = { in_person: 70, phone: 14, messaging: 11, outreach: 5 };

/** The first topic of a visit depends on the profile; further topics come from TOPIC_WEIGHTS. */
export const FIRST_TOPIC_BY_PROFILE = {
  intending: { regular_pathways: 35, labour_migration: 25, irregular_migration_risks: 20, documents: 15, recruitment_fraud: 5 },
  in_transit: { irregular_migration_risks: 25, migrant_rights: 20, asylum_refugee: 15, health: 15, community_services: 15, smuggling: 10 },
  returnee_voluntary: { return_reintegration: 45, local_employment: 30, documents: 15, remittances: 10 },
  returnee_deported: { return_reintegration: 50, documents: 20, local_employment: 15, health: 10, family_reunification: 5 },
  immigrant: { documents: 35, regular_pathways: 25, local_employment: 15, health: 10, education: 10, migrant_rights: 5 },
  family_of_migrant: { family_reunification: 35, remittances: 25, migrant_rights: 15, trafficking: 10, community_services: 15 },
  asylum_seeker: { asylum_refugee: 55, documents: 15, migrant_rights: 15, health: 10, community_services: 5 },
};
export const TOPIC_WEIGHTS = {
  regular_pathways: 10, labour_migration: 7, documents: 12, irregular_migration_risks: 9, trafficking: 5, smuggling: 4,
  recruitment_fraud: 4, return_reintegration: 8, asylum_refugee: 6, family_reunification: 5, migrant_rights: 8, health: 7,
  education: 4, local_employment: 6, remittances: 3, community_services: 6,
};
export const NEED_WEIGHTS = {
  documentation: 20, employment: 16, health: 12, legal_aid: 10, basic_needs: 10, shelter: 7, psychosocial: 7, education: 5,
  reintegration: 5, asylum_procedure: 4, child_protection: 2, gbv_support: 1, trafficking_assistance: 1, assisted_return: 1,
};
export const VULNERABILITY_WEIGHTS = {
  single_parent: 18, pregnant: 10, serious_illness: 10, disability: 8, older_person: 8, protection_need: 10, gbv_survivor: 6,
  missing_relative: 6, separated_child: 5, unaccompanied_child: 4, recruitment_fraud_victim: 6, possible_trafficking: 4,
  lgbtiq_at_risk: 5,
};

/** Month weights (Jan … Dec): more consultations in January-March and July-September. */
export const MONTH_WEIGHTS = [13, 13, 12, 9, 8, 8, 12, 12, 11, 8, 7, 6];
/** Weekday weights (Sunday … Saturday). */
export const WEEKDAY_WEIGHTS = [1, 10, 10, 10, 10, 9, 4];

export const NOTES = [
  'Se brindó información y material impreso.',
  'Solicita orientación sobre trámites de pasaporte.',
  'Viaja con dos hijos menores; se orientó sobre albergue.',
  'Refiere haber recibido una oferta de empleo en el extranjero por redes sociales.',
  'Retornado vía aérea la semana pasada; busca empleo.',
  'Se agenda seguimiento telefónico.',
  'Pregunta por requisitos del programa de trabajo temporal.',
  'Se orientó sobre el procedimiento de solicitud de refugio.',
  'Consulta por familiar desaparecido en la ruta.',
  'Se entregó kit de higiene y agua.',
  'Info sur les documents de voyage; suivi prévu.',
  'Necesita atención médica; se indicó el centro de salud más cercano.',
];

const SPANISH_FEMALE = ['María', 'Ana', 'Rosa', 'Carmen', 'Juana', 'Marta', 'Sofía', 'Lucía', 'Gabriela', 'Daniela', 'Andrea', 'Karla', 'Yesenia', 'Glenda', 'Dania', 'Wendy', 'Sandra', 'Elena', 'Patricia', 'Fernanda', 'Guadalupe', 'Alejandra', 'Isabel', 'Paola', 'Valeria', 'Mayra', 'Lesly', 'Dulce', 'Nohemí', 'Xiomara'];
const SPANISH_MALE = ['José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Pedro', 'Mario', 'Francisco', 'Antonio', 'Jesús', 'Manuel', 'Óscar', 'Walter', 'Édgar', 'Kevin', 'Brayan', 'Érick', 'Josué', 'Marvin', 'Nelson', 'Henry', 'Wilmer', 'Santos', 'Ángel', 'Fernando', 'Ricardo', 'Alexander', 'Jonathan', 'Yeferson'];
const SPANISH_FAMILY = ['Hernández', 'López', 'García', 'Martínez', 'Pérez', 'González', 'Rodríguez', 'Ramírez', 'Sánchez', 'Cruz', 'Flores', 'Gómez', 'Díaz', 'Reyes', 'Morales', 'Jiménez', 'Torres', 'Vásquez', 'Castillo', 'Méndez', 'Ramos', 'Ortiz', 'Mejía', 'Aguilar', 'Chávez', 'Álvarez', 'Rivera', 'Mendoza', 'Castro', 'Ortega', 'Romero', 'Guzmán', 'Orellana', 'Escobar', 'Pineda', 'Zelaya', 'Murillo', 'Alvarado', 'Portillo', 'Juárez'];
const HAITIAN_FEMALE = ['Marie', 'Rose', 'Nadège', 'Fabiola', 'Guerline', 'Mirlande', 'Roseline', 'Nathalie', 'Sabine', 'Wideline', 'Jesula', 'Marjorie', 'Esther', 'Lovely', 'Daphnée'];
const HAITIAN_MALE = ['Jean', 'Pierre', 'Jean-Claude', 'Wilner', 'Fritznel', 'Jacques', 'Frantz', 'Jean-Baptiste', 'Reginald', 'Wesner', 'Emmanuel', 'Jimmy', 'Roodly', 'Stanley', 'Kervens'];
const HAITIAN_FAMILY = ['Joseph', 'Jean', 'Pierre', 'Louis', 'Charles', 'Saint-Fleur', 'Baptiste', 'François', 'Alexis', 'Noël', 'Dorvil', 'Désir', 'Augustin', 'Étienne', 'Toussaint', 'Jean-Louis', 'Michel', 'Célestin', 'Paul', 'Destin'];

/** Names per nationality family: Haitian names for HT nationals, Spanish otherwise. Earlier names are more common. */
export const NAMES = {
  spanish: { female: SPANISH_FEMALE, male: SPANISH_MALE, family: SPANISH_FAMILY },
  haitian: { female: HAITIAN_FEMALE, male: HAITIAN_MALE, family: HAITIAN_FAMILY },
};

/** An array with each key repeated by its weight, for picking with `arr[1 + floor(random() * n)]`. */
export function expand(weights) {
  return Object.entries(weights).flatMap(([value, weight]) => Array(weight).fill(value));
}

/** Like expand() but earlier entries are more frequent (Zipf-like), for names. */
export function zipf(values, scale = 40) {
  return values.flatMap((value, index) => Array(Math.max(1, Math.round(scale / (index + 1) ** 0.8))).fill(value));
}
