// Words of the exported files in es/en/fr/ht: column headers, sheet names, dashboard sections, and the
// labels of the codes that are not reference lists (activity types, referral statuses, urgencies).
// Reference-list labels come from the reference_items table (ExportLabels in export-context.ts).
import type { ActivityType, AuditAction, ExportDataset, Language, ReferralStatus, ReferralUrgency } from '@mih/contracts';

export type Labels = readonly [es: string, en: string, fr: string, ht: string];

const LANGUAGE_INDEX: Record<Language, 0 | 1 | 2 | 3> = { es: 0, en: 1, fr: 2, ht: 3 };

export function inLanguage(labels: Labels, lang: Language): string {
  return labels[LANGUAGE_INDEX[lang]];
}

export const HEADERS = {
  hubCode: ['Código del centro', 'Hub code', 'Code du centre', 'Kòd sant lan'],
  hubName: ['Centro', 'Hub', 'Centre', 'Sant'],
  hubCountry: ['País del centro', 'Hub country', 'Pays du centre', 'Peyi sant lan'],
  occurredAt: ['Fecha y hora', 'Date and time', 'Date et heure', 'Dat ak lè'],
  occurredOn: ['Fecha', 'Date', 'Date', 'Dat'],
  staff: ['Registrada por', 'Logged by', 'Enregistrée par', 'Anrejistre pa'],
  channel: ['Canal', 'Channel', 'Canal', 'Mwayen kontak'],
  personCode: ['Código de la persona', 'Person code', 'Code de la personne', 'Kòd moun nan'],
  personPseudonym: ['Persona (seudónimo de este archivo)', 'Person (pseudonym in this file)', 'Personne (pseudonyme de ce fichier)', 'Moun (non kache nan fichye sa a)'],
  sex: ['Sexo', 'Sex', 'Sexe', 'Sèks'],
  ageBand: ['Grupo de edad', 'Age band', 'Tranche d’âge', 'Gwoup laj'],
  nationality: ['Nacionalidad', 'Nationality', 'Nationalité', 'Nasyonalite'],
  profile: ['Perfil', 'Profile', 'Profil', 'Pwofil'],
  topics: ['Temas informados', 'Topics informed about', 'Sujets abordés', 'Sijè yo bay enfòmasyon sou yo'],
  needs: ['Necesidades', 'Needs', 'Besoins', 'Bezwen'],
  vulnerabilities: ['Vulnerabilidades', 'Vulnerabilities', 'Vulnérabilités', 'Vilnerabilite'],
  followUpOn: ['Seguimiento el', 'Follow-up on', 'Suivi le', 'Swivi pou'],
  followUpDone: ['Seguimiento hecho', 'Follow-up done', 'Suivi fait', 'Swivi fèt'],
  consent: ['Consentimiento', 'Consent given', 'Consentement donné', 'Konsantman bay'],
  registeredOn: ['Registrada el', 'Registered on', 'Enregistrée le', 'Anrejistre'],
  givenName: ['Nombres', 'Given name', 'Prénom', 'Prenon'],
  familyName: ['Apellidos', 'Family name', 'Nom', 'Non fanmi'],
  dateOfBirth: ['Fecha de nacimiento', 'Date of birth', 'Date de naissance', 'Dat nesans'],
  documentNumber: ['Número de documento', 'Document number', 'Numéro de document', 'Nimewo dokiman'],
  phone: ['Teléfono', 'Phone', 'Téléphone', 'Telefòn'],
  createdOn: ['Creada el', 'Created on', 'Créée le', 'Kreye'],
  serviceProvider: ['Proveedor de servicios', 'Service provider', 'Prestataire de services', 'Founisè sèvis'],
  needCategory: ['Necesidad', 'Need', 'Besoin', 'Bezwen'],
  urgency: ['Urgencia', 'Urgency', 'Urgence', 'Ijans'],
  status: ['Estado', 'Status', 'Statut', 'Estati'],
  submittedAt: ['Enviada el', 'Submitted on', 'Envoyée le', 'Soumèt'],
  dueOn: ['Seguimiento hasta', 'Follow-up due', 'Suivi attendu le', 'Swivi anvan'],
  overdue: ['Vencidas', 'Overdue', 'En retard', 'An reta'],
  assignedTo: ['Asignada a', 'Assigned to', 'Assignée à', 'Moun k ap swiv'],
  createdBy: ['Creada por', 'Created by', 'Créée par', 'Kreye pa'],
  activityType: ['Tipo de actividad', 'Activity type', 'Type d’activité', 'Kalite aktivite'],
  place: ['Lugar', 'Place', 'Lieu', 'Kote'],
  community: ['Comunidad', 'Community', 'Communauté', 'Kominote'],
  girls: ['Niñas', 'Girls', 'Filles', 'Tifi'],
  boys: ['Niños', 'Boys', 'Garçons', 'Tigason'],
  women: ['Mujeres', 'Women', 'Femmes', 'Fanm'],
  men: ['Hombres', 'Men', 'Hommes', 'Gason'],
  otherParticipants: ['Otro / no dice', 'Other / undisclosed', 'Autre / non déclaré', 'Lòt / pa vle di'],
  participants: ['Participantes', 'Participants', 'Participants', 'Patisipan'],
  counselors: ['Consejeras y consejeros', 'Counselors', 'Conseillères et conseillers', 'Konseye'],
  campaign: ['Campaña', 'Campaign', 'Campagne', 'Kanpay'],
  materials: ['Materiales', 'Materials', 'Matériel', 'Materyèl'],
  section: ['Sección', 'Section', 'Section', 'Seksyon'],
  code: ['Código', 'Code', 'Code', 'Kòd'],
  label: ['Etiqueta', 'Label', 'Libellé', 'Etikèt'],
  count: ['Cantidad', 'Count', 'Nombre', 'Kantite'],
  actor: ['Quién', 'Who', 'Qui', 'Kiyès'],
  auditAction: ['Acción', 'Action', 'Action', 'Aksyon'],
  recordType: ['Tipo de registro', 'Record type', "Type d'enregistrement", 'Kalite dosye'],
  recordCode: ['Código del registro', 'Record code', "Code de l'enregistrement", 'Kòd dosye a'],
  recordId: ['Id del registro', 'Record id', "Id de l'enregistrement", 'Id dosye a'],
  ip: ['Dirección IP', 'IP address', 'Adresse IP', 'Adrès IP'],
  details: ['Detalles', 'Details', 'Détails', 'Detay'],
} as const satisfies Record<string, Labels>;
export type HeaderKey = keyof typeof HEADERS;

export const SHEET_NAMES: Record<ExportDataset | 'dashboard' | 'audit_events', Labels> = {
  visits: ['Atenciones', 'Consultations', 'Consultations', 'Konsiltasyon'],
  persons: ['Personas', 'Persons', 'Personnes', 'Moun'],
  referrals: ['Derivaciones', 'Referrals', 'Orientations', 'Referans'],
  activities: ['Actividades', 'Activities', 'Activités', 'Aktivite'],
  dashboard: ['Cifras', 'Figures', 'Chiffres', 'Chif'],
  audit_events: ['Auditoría', 'Audit trail', 'Journal d’audit', 'Jounal kontwòl'],
};

export const AUDIT_ACTION_LABELS: Record<AuditAction, Labels> = {
  create: ['Creación', 'Create', 'Création', 'Kreyasyon'],
  read: ['Lectura', 'Read', 'Lecture', 'Lekti'],
  update: ['Modificación', 'Update', 'Modification', 'Modifikasyon'],
  delete: ['Eliminación', 'Delete', 'Suppression', 'Efase'],
  export: ['Exportación', 'Export', 'Export', 'Ekspòtasyon'],
  login: ['Inicio de sesión', 'Sign-in', 'Connexion', 'Koneksyon'],
  login_failed: ['Inicio de sesión fallido', 'Failed sign-in', 'Connexion échouée', 'Koneksyon ki echwe'],
  logout: ['Cierre de sesión', 'Sign-out', 'Déconnexion', 'Dekoneksyon'],
  password_reset: ['Contraseña restablecida', 'Password reset', 'Mot de passe réinitialisé', 'Modpas reyinisyalize'],
  password_change: ['Contraseña cambiada', 'Password changed', 'Mot de passe changé', 'Modpas chanje'],
  password_refused: ['Cambio de contraseña rechazado', 'Password change refused', 'Changement de mot de passe refusé', 'Chanjman modpas refize'],
  token_reuse: ['Sesión reutilizada', 'Session token reused', 'Jeton de session réutilisé', 'Sesyon itilize ankò'],
  lock: ['Trimestre cerrado', 'Quarter locked', 'Trimestre verrouillé', 'Trimès fèmen'],
  unlock: ['Trimestre reabierto', 'Quarter unlocked', 'Trimestre déverrouillé', 'Trimès louvri ankò'],
  reveal: ['Datos revelados', 'Data revealed', 'Données révélées', 'Done revele'],
  reveal_refused: ['Revelación rechazada (cupo)', 'Reveal refused (quota)', 'Révélation refusée (quota)', 'Revelasyon refize (kota)'],
  anonymise: ['Anonimización', 'Anonymisation', 'Anonymisation', 'Anonimizasyon'],
  mfa_enrolled: ['Verificación en dos pasos activada', 'Two-step verification on', 'Validation en deux étapes activée', 'Verifikasyon an de etap aktive'],
  mfa_recovery_used: ['Código de recuperación usado', 'Recovery code used', 'Code de récupération utilisé', 'Kòd rekiperasyon itilize'],
  mfa_reset: ['Verificación en dos pasos restablecida', 'Two-step verification reset', 'Validation en deux étapes réinitialisée', 'Verifikasyon an de etap reyinisyalize'],
  mfa_disabled: ['Verificación en dos pasos desactivada', 'Two-step verification off', 'Validation en deux étapes désactivée', 'Verifikasyon an de etap dezaktive'],
};

export const YES_NO: Record<'yes' | 'no', Labels> = { yes: ['Sí', 'Yes', 'Oui', 'Wi'], no: ['No', 'No', 'Non', 'Non'] };

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, Labels> = {
  info_session: ['Charla informativa', 'Info session', 'Séance d’information', 'Sesyon enfòmasyon'],
  workshop: ['Taller', 'Workshop', 'Atelier', 'Atelye'],
  community_fair: ['Feria comunitaria', 'Community fair', 'Foire communautaire', 'Fwa kominotè'],
  school_talk: ['Charla en escuela', 'School talk', 'Causerie scolaire', 'Koze nan lekòl'],
  campaign_event: ['Evento de campaña', 'Campaign event', 'Événement de campagne', 'Aktivite kanpay'],
  home_visit: ['Visita domiciliaria', 'Home visit', 'Visite à domicile', 'Vizit lakay moun'],
};

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, Labels> = {
  draft: ['Borrador', 'Draft', 'Brouillon', 'Bouyon'],
  submitted: ['Enviadas', 'Submitted', 'Envoyées', 'Soumèt'],
  returned: ['Devuelta', 'Returned', 'Renvoyé', 'Retounen'],
  approved: ['Aprobadas', 'Approved', 'Approuvées', 'Apwouve'],
  rejected: ['Rechazadas', 'Rejected', 'Rejetées', 'Rejte'],
  accepted: ['Aceptadas', 'Accepted', 'Acceptées', 'Aksepte'],
  declined: ['Declinadas', 'Declined', 'Déclinées', 'Refize'],
  completed: ['Completadas', 'Completed', 'Terminées', 'Fini'],
  cancelled: ['Cancelada', 'Cancelled', 'Annulé', 'Anile'],
};

export const URGENCY_LABELS: Record<ReferralUrgency, Labels> = {
  routine: ['Rutinaria', 'Routine', 'Ordinaire', 'Nòmal'],
  priority: ['Prioritaria', 'Priority', 'Prioritaire', 'Priyorite'],
  emergency: ['Emergencia', 'Emergency', 'Urgence', 'Ijans'],
};

/** The dashboard's sections, as the first column of its export. */
export const DASHBOARD_SECTIONS = {
  visitTotals: ['Atenciones: totales', 'Consultations: totals', 'Consultations : totaux', 'Konsiltasyon: total'],
  peopleByCountry: ['Personas por país del centro', 'People by hub country', 'Personnes par pays du centre', 'Moun pa peyi sant lan'],
  peopleBySex: ['Personas por sexo', 'People by sex', 'Personnes par sexe', 'Moun pa sèks'],
  peopleByAgeBand: ['Personas por edad', 'People by age', 'Personnes par âge', 'Moun pa laj'],
  peopleByProfile: ['Personas por perfil', 'People by profile', 'Personnes par profil', 'Moun pa pwofil'],
  peopleByNationality: ['Personas por nacionalidad', 'People by nationality', 'Personnes par nationalité', 'Moun pa nasyonalite'],
  consultationsByTopic: ['Temas informados (atenciones)', 'Topics informed about (consultations)', 'Sujets abordés (consultations)', 'Sijè yo bay enfòmasyon sou yo (konsiltasyon)'],
  consultationsByNeed: ['Necesidades encontradas (atenciones)', 'Needs found (consultations)', 'Besoins identifiés (consultations)', 'Bezwen yo jwenn (konsiltasyon)'],
  consultationsByChannel: ['Canales (atenciones)', 'Channels (consultations)', 'Canaux (consultations)', 'Mwayen kontak (konsiltasyon)'],
  consultationsByMonth: ['Atenciones por mes', 'Consultations by month', 'Consultations par mois', 'Konsiltasyon pa mwa'],
  peopleByMonth: ['Personas alcanzadas por mes', 'People reached by month', 'Personnes atteintes par mois', 'Moun yo rive jwenn pa mwa'],
  activityTotals: ['Actividades comunitarias: totales', 'Community activities: totals', 'Activités communautaires : totaux', 'Aktivite kominotè: total'],
  participantsByGroup: ['Participantes por grupo', 'Participants by group', 'Participants par groupe', 'Patisipan pa gwoup'],
  activitiesByType: ['Actividades por tipo', 'Activities by type', 'Activités par type', 'Aktivite pa kalite'],
  participantsByActivityType: ['Participantes por tipo de actividad', 'Participants by activity type', 'Participants par type d’activité', 'Patisipan pa kalite aktivite'],
  activitiesByMonth: ['Actividades por mes', 'Activities by month', 'Activités par mois', 'Aktivite pa mwa'],
  participantsByMonth: ['Participantes por mes', 'Participants by month', 'Participants par mois', 'Patisipan pa mwa'],
  referralFunnel: ['Derivaciones: hasta dónde llegaron', 'Referrals: how far they got', 'Orientations : jusqu’où elles sont allées', 'Referans: ki kote yo rive'],
  referralsByNeed: ['Derivaciones por necesidad', 'Referrals by need', 'Orientations par besoin', 'Referans pa bezwen'],
} as const satisfies Record<string, Labels>;
export type DashboardSection = keyof typeof DASHBOARD_SECTIONS;

/** Labels of the dashboard's own figures (totals and funnel steps). */
export const FIGURE_LABELS = {
  consultations: ['Atenciones', 'Consultations', 'Consultations', 'Konsiltasyon'],
  peopleReached: ['Personas alcanzadas', 'People reached', 'Personnes atteintes', 'Moun yo rive jwenn'],
  registeredPeople: ['Con expediente', 'With a record', 'Avec un dossier', 'Ki gen dosye'],
  hubs: ['Centros con atenciones', 'Hubs with consultations', 'Centres avec des consultations', 'Sant ki gen konsiltasyon'],
  activities: ['Actividades', 'Activities', 'Activités', 'Aktivite'],
  participants: ['Participantes', 'Participants', 'Participants', 'Patisipan'],
  girls: HEADERS.girls,
  boys: HEADERS.boys,
  women: HEADERS.women,
  men: HEADERS.men,
  other: HEADERS.otherParticipants,
  submitted: ['Enviadas', 'Submitted', 'Envoyées', 'Soumèt'],
  approved: ['Aprobadas', 'Approved', 'Approuvées', 'Apwouve'],
  accepted: ['Aceptadas', 'Accepted', 'Acceptées', 'Aksepte'],
  completed: ['Completadas', 'Completed', 'Terminées', 'Fini'],
  declined: ['Declinadas', 'Declined', 'Déclinées', 'Refize'],
  rejected: ['Rechazadas', 'Rejected', 'Rejetées', 'Rejte'],
  overdue: ['Vencidas', 'Overdue', 'En retard', 'An reta'],
  medianDaysToAcceptance: ['Días hasta la aceptación (mediana)', 'Days to acceptance (median)', 'Jours jusqu’à l’acceptation (médiane)', 'Jou anvan yo aksepte (medyàn)'],
} as const satisfies Record<string, Labels>;
export type FigureKey = keyof typeof FIGURE_LABELS;
