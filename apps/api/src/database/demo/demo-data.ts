// Demo hubs (the municipalities of the seed reports and neighbours) and one account per role.
import type { CreateHubRequest, Role } from '@mih/contracts';

type DemoHub = Required<Pick<CreateHubRequest, 'code' | 'name' | 'countryCode' | 'admin1' | 'municipality' | 'latitude' | 'longitude'>> &
  Pick<CreateHubRequest, 'address' | 'phone' | 'openingHours' | 'services' | 'openedOn'>;

const SERVICES = ['Información', 'Orientación', 'Referencias', 'Charlas comunitarias'];
const HOURS = 'Lun-Vie 8:00-16:00';

export const DEMO_HUBS: DemoHub[] = [
  { code: 'UPA', name: 'CIM Upala', countryCode: 'CR', admin1: 'Alajuela', municipality: 'Upala', latitude: 10.8986, longitude: -85.0156, address: 'Municipalidad de Upala, costado norte del parque', phone: '+506 2470 0100', openingHours: HOURS, services: SERVICES, openedOn: '2021-03-15' },
  { code: 'DES', name: 'CIM Desamparados', countryCode: 'CR', admin1: 'San José', municipality: 'Desamparados', latitude: 9.8967, longitude: -84.0631, address: 'Municipalidad de Desamparados', phone: '+506 2217 1400', openingHours: HOURS, services: SERVICES, openedOn: '2021-06-01' },
  { code: 'TCU', name: 'CIM Tecún Umán', countryCode: 'GT', admin1: 'San Marcos', municipality: 'Ayutla', latitude: 14.6767, longitude: -92.1431, address: 'Municipalidad de Ayutla, Tecún Umán', phone: '+502 7776 8000', openingHours: HOURS, services: SERVICES, openedOn: '2020-11-10' },
  { code: 'QTZ', name: 'CIM Quetzaltenango', countryCode: 'GT', admin1: 'Quetzaltenango', municipality: 'Quetzaltenango', latitude: 14.8347, longitude: -91.518, phone: '+502 7761 2100', openingHours: HOURS, services: SERVICES, openedOn: '2022-02-14' },
  { code: 'HUE', name: 'CIM Huehuetenango', countryCode: 'GT', admin1: 'Huehuetenango', municipality: 'Huehuetenango', latitude: 15.3197, longitude: -91.471, phone: '+502 7764 1500', openingHours: HOURS, services: SERVICES, openedOn: '2022-05-02' },
  { code: 'SMA', name: 'CIM San Marcos', countryCode: 'GT', admin1: 'San Marcos', municipality: 'San Marcos', latitude: 14.9633, longitude: -91.7944, phone: '+502 7760 1800', openingHours: HOURS, services: SERVICES, openedOn: '2023-01-16' },
  { code: 'SPS', name: 'CIM San Pedro Sacatepéquez', countryCode: 'GT', admin1: 'San Marcos', municipality: 'San Pedro Sacatepéquez', latitude: 14.9664, longitude: -91.7764, phone: '+502 7760 4400', openingHours: HOURS, services: SERVICES, openedOn: '2023-03-01' },
  { code: 'ESQ', name: 'CIM Esquipulas', countryCode: 'GT', admin1: 'Chiquimula', municipality: 'Esquipulas', latitude: 14.5667, longitude: -89.35, phone: '+502 7943 1100', openingHours: HOURS, services: SERVICES, openedOn: '2023-06-12' },
  { code: 'SPD', name: 'CIM San Pedro Sula', countryCode: 'HN', admin1: 'Cortés', municipality: 'San Pedro Sula', latitude: 15.505, longitude: -88.025, phone: '+504 2550 3000', openingHours: HOURS, services: SERVICES, openedOn: '2021-09-20' },
  { code: 'LCE', name: 'CIM La Ceiba', countryCode: 'HN', admin1: 'Atlántida', municipality: 'La Ceiba', latitude: 15.7597, longitude: -86.7822, phone: '+504 2443 0300', openingHours: HOURS, services: SERVICES, openedOn: '2024-02-05' },
  { code: 'SAN', name: 'CIM Santa Ana', countryCode: 'SV', admin1: 'Santa Ana', municipality: 'Santa Ana', latitude: 13.9942, longitude: -89.5597, phone: '+503 2447 0500', openingHours: HOURS, services: SERVICES, openedOn: '2022-08-01' },
  { code: 'SON', name: 'CIM Sonsonate', countryCode: 'SV', admin1: 'Sonsonate', municipality: 'Sonsonate', latitude: 13.7189, longitude: -89.7242, phone: '+503 2451 0200', openingHours: HOURS, services: SERVICES, openedOn: '2024-01-22' },
  { code: 'TAP', name: 'CIM Tapachula', countryCode: 'MX', admin1: 'Chiapas', municipality: 'Tapachula', latitude: 14.9039, longitude: -92.2575, phone: '+52 962 626 1000', openingHours: HOURS, services: SERVICES, openedOn: '2022-10-03' },
  { code: 'BZE', name: 'MIH Belize City', countryCode: 'BZ', admin1: 'Belize District', municipality: 'Belize City', latitude: 17.5046, longitude: -88.1962, phone: '+501 227 2000', openingHours: 'Mon-Fri 8:00-16:30', services: SERVICES, openedOn: '2023-04-17' },
  { code: 'DAV', name: 'CIM David', countryCode: 'PA', admin1: 'Chiriquí', municipality: 'David', latitude: 8.4273, longitude: -82.4309, phone: '+507 775 4000', openingHours: HOURS, services: SERVICES, openedOn: '2023-07-10' },
  { code: 'DAJ', name: 'CIM Dajabón', countryCode: 'DO', admin1: 'Dajabón', municipality: 'Dajabón', latitude: 19.5486, longitude: -71.7083, phone: '+1 809 579 8000', openingHours: HOURS, services: SERVICES, openedOn: '2022-04-04' },
  { code: 'OUA', name: 'CIM Ouanaminthe', countryCode: 'HT', admin1: 'Nord-Est', municipality: 'Ouanaminthe', latitude: 19.55, longitude: -71.7333, phone: '+509 2813 0000', openingHours: 'Lun-Ven 8h00-16h00', services: SERVICES, openedOn: '2022-04-04' },
];

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  /** Hub codes; for the supervisor, the country instead. */
  hubCodes: string[];
  countryCodes: string[];
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@example.org', displayName: 'Ana Administradora', role: 'admin', hubCodes: [], countryCodes: [] },
  { email: 'supervisor@example.org', displayName: 'Sergio Supervisor', role: 'supervisor', hubCodes: [], countryCodes: ['GT'] },
  { email: 'staff@example.org', displayName: 'Estela Pérez', role: 'staff', hubCodes: ['TCU'], countryCodes: [] },
  { email: 'staff2@example.org', displayName: 'Mario Rojas', role: 'staff', hubCodes: ['UPA'], countryCodes: [] },
  { email: 'counselor@example.org', displayName: 'Carmen López', role: 'counselor', hubCodes: ['TCU'], countryCodes: [] },
];
