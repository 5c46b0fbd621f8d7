// Words of the exported files in es/en/fr: column headers, sheet names, dashboard sections, and the
// labels of the codes that are not reference lists (activity types, referral statuses, urgencies).
// Reference-list labels come from the reference_items table (ExportLabels in export-context.ts).
import type { ActivityType, AuditAction, ExportDataset, Language, ReferralStatus, ReferralUrgency } from '@mih/contracts';

export type Labels = readonly [es: string, en: string, fr: string];

const LANGUAGE_INDEX: Record<Language, 0 | 1 | 2> = { es: 0, en: 1, fr: 2 };

export function inLanguage(labels: Labels, lang: Language): string {
  return labels[LANGUAGE_INDEX[lang]];
}

export const HEADERS = {
  hubCode: ['Código del centro', 'Hub code', 'Code du centre'],
  hubName: ['Centro', 'Hub', 'Centre'],
  hubCountry: ['País del centro', 'Hub country', 'Pays du centre'],
  occurredAt: ['Fecha y hora', 'Date and time', 'Date et heure'],
  occurredOn: ['Fecha', 'Date', 'Date'],
  staff: ['Registrada por', 'Logged by', 'Enregistrée par'],
  channel: ['Canal', 'Channel', 'Canal'],
  personCode: ['Código de la persona', 'Person code', 'Code de la personne'],
  personPseudonym: ['Persona (seudónimo de este archivo)', 'Person (pseudonym in this file)', 'Personne (pseudonyme de ce fichier)'],
  sex: ['Sexo', 'Sex', 'Sexe'],
  ageBand: ['Grupo de edad', 'Age band', 'Tranche d’âge'],
  nationality: ['Nacionalidad', 'Nationality', 'Nationalité'],
  profile: ['Perfil', 'Profile', 'Profil'],
  topics: ['Temas informados', 'Topics informed about', 'Sujets abordés'],
  needs: ['Necesidades', 'Needs', 'Besoins'],
  vulnerabilities: ['Vulnerabilidades', 'Vulnerabilities', 'Vulnérabilités'],
  followUpOn: ['Seguimiento el', 'Follow-up on', 'Suivi le'],
  followUpDone: ['Seguimiento hecho', 'Follow-up done', 'Suivi fait'],
  consent: ['Consentimiento', 'Consent given', 'Consentement donné'],
  registeredOn: ['Registrada el', 'Registered on', 'Enregistrée le'],
  givenName: ['Nombres', 'Given name', 'Prénom'],
  familyName: ['Apellidos', 'Family name', 'Nom'],
  dateOfBirth: ['Fecha de nacimiento', 'Date of birth', 'Date de naissance'],
  documentNumber: ['Número de documento', 'Document number', 'Numéro de document'],
  phone: ['Teléfono', 'Phone', 'Téléphone'],
  createdOn: ['Creada el', 'Created on', 'Créée le'],
  serviceProvider: ['Proveedor de servicios', 'Service provider', 'Prestataire de services'],
  needCategory: ['Necesidad', 'Need', 'Besoin'],
  urgency: ['Urgencia', 'Urgency', 'Urgence'],
  status: ['Estado', 'Status', 'Statut'],
  submittedAt: ['Enviada el', 'Submitted on', 'Envoyée le'],
  dueOn: ['Seguimiento hasta', 'Follow-up due', 'Suivi attendu le'],
  overdue: ['Vencida', 'Overdue', 'En retard'],
  assignedTo: ['Asignada a', 'Assigned to', 'Assignée à'],
  createdBy: ['Creada por', 'Created by', 'Créée par'],
  activityType: ['Tipo de actividad', 'Activity type', 'Type d’activité'],
  place: ['Lugar', 'Place', 'Lieu'],
  community: ['Comunidad', 'Community', 'Communauté'],
  girls: ['Niñas', 'Girls', 'Filles'],
  boys: ['Niños', 'Boys', 'Garçons'],
  women: ['Mujeres', 'Women', 'Femmes'],
  men: ['Hombres', 'Men', 'Hommes'],
  otherParticipants: ['Otro / no dice', 'Other / undisclosed', 'Autre / non déclaré'],
  participants: ['Participantes', 'Participants', 'Participants'],
  counselors: ['Consejeras y consejeros', 'Counselors', 'Conseillères et conseillers'],
  campaign: ['Campaña', 'Campaign', 'Campagne'],
  materials: ['Materiales', 'Materials', 'Matériel'],
  section: ['Sección', 'Section', 'Section'],
  code: ['Código', 'Code', 'Code'],
  label: ['Etiqueta', 'Label', 'Libellé'],
  count: ['Cantidad', 'Count', 'Nombre'],
  actor: ['Quién', 'Who', 'Qui'],
  auditAction: ['Acción', 'Action', 'Action'],
  recordType: ['Tipo de registro', 'Record type', "Type d'enregistrement"],
  recordCode: ['Código del registro', 'Record code', "Code de l'enregistrement"],
  recordId: ['Id del registro', 'Record id', "Id de l'enregistrement"],
  ip: ['Dirección IP', 'IP address', 'Adresse IP'],
  details: ['Detalles', 'Details', 'Détails'],
} as const satisfies Record<string, Labels>;
export type HeaderKey = keyof typeof HEADERS;

export const SHEET_NAMES: Record<ExportDataset | 'dashboard' | 'audit_events', Labels> = {
  visits: ['Atenciones', 'Consultations', 'Consultations'],
  persons: ['Personas', 'Persons', 'Personnes'],
  referrals: ['Derivaciones', 'Referrals', 'Orientations'],
  activities: ['Actividades', 'Activities', 'Activités'],
  dashboard: ['Cifras', 'Figures', 'Chiffres'],
  audit_events: ['Auditoría', 'Audit trail', 'Journal d’audit'],
};

export const AUDIT_ACTION_LABELS: Record<AuditAction, Labels> = {
  create: ['Creación', 'Create', 'Création'],
  read: ['Lectura', 'Read', 'Lecture'],
  update: ['Modificación', 'Update', 'Modification'],
  delete: ['Eliminación', 'Delete', 'Suppression'],
  export: ['Exportación', 'Export', 'Export'],
  login: ['Inicio de sesión', 'Sign-in', 'Connexion'],
  login_failed: ['Inicio de sesión fallido', 'Failed sign-in', 'Connexion échouée'],
  logout: ['Cierre de sesión', 'Sign-out', 'Déconnexion'],
  password_reset: ['Contraseña restablecida', 'Password reset', 'Mot de passe réinitialisé'],
  password_change: ['Contraseña cambiada', 'Password changed', 'Mot de passe changé'],
  password_refused: ['Cambio de contraseña rechazado', 'Password change refused', 'Changement de mot de passe refusé'],
  token_reuse: ['Sesión reutilizada', 'Session token reused', 'Jeton de session réutilisé'],
  lock: ['Trimestre cerrado', 'Quarter locked', 'Trimestre verrouillé'],
  unlock: ['Trimestre reabierto', 'Quarter unlocked', 'Trimestre déverrouillé'],
  reveal: ['Datos revelados', 'Data revealed', 'Données révélées'],
  reveal_refused: ['Revelación rechazada (cupo)', 'Reveal refused (quota)', 'Révélation refusée (quota)'],
  anonymise: ['Anonimización', 'Anonymisation', 'Anonymisation'],
  mfa_enrolled: ['Verificación en dos pasos activada', 'Two-step verification on', 'Validation en deux étapes activée'],
  mfa_recovery_used: ['Código de recuperación usado', 'Recovery code used', 'Code de récupération utilisé'],
  mfa_reset: ['Verificación en dos pasos restablecida', 'Two-step verification reset', 'Validation en deux étapes réinitialisée'],
  mfa_disabled: ['Verificación en dos pasos desactivada', 'Two-step verification off', 'Validation en deux étapes désactivée'],
};

export const YES_NO: Record<'yes' | 'no', Labels> = { yes: ['Sí', 'Yes', 'Oui'], no: ['No', 'No', 'Non'] };

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, Labels> = {
  info_session: ['Charla informativa', 'Info session', 'Séance d’information'],
  workshop: ['Taller', 'Workshop', 'Atelier'],
  community_fair: ['Feria comunitaria', 'Community fair', 'Foire communautaire'],
  school_talk: ['Charla en escuela', 'School talk', 'Causerie scolaire'],
  campaign_event: ['Evento de campaña', 'Campaign event', 'Événement de campagne'],
  home_visit: ['Visita domiciliaria', 'Home visit', 'Visite à domicile'],
};

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, Labels> = {
  draft: ['Borrador', 'Draft', 'Brouillon'],
  submitted: ['Por revisar', 'Awaiting review', 'À valider'],
  returned: ['Devuelta', 'Returned', 'Renvoyé'],
  approved: ['Enviada al proveedor', 'Sent to provider', 'Envoyé au prestataire'],
  rejected: ['Rechazada', 'Rejected', 'Rejeté'],
  accepted: ['Aceptada por el proveedor', 'Accepted by provider', 'Accepté par le prestataire'],
  declined: ['Declinada por el proveedor', 'Declined by provider', 'Décliné par le prestataire'],
  completed: ['Completada', 'Completed', 'Terminé'],
  cancelled: ['Cancelada', 'Cancelled', 'Annulé'],
};

export const URGENCY_LABELS: Record<ReferralUrgency, Labels> = {
  routine: ['Rutinaria', 'Routine', 'Ordinaire'],
  priority: ['Prioritaria', 'Priority', 'Prioritaire'],
  emergency: ['Emergencia', 'Emergency', 'Urgence'],
};

/** The dashboard's sections, as the first column of its export. */
export const DASHBOARD_SECTIONS = {
  visitTotals: ['Atenciones: totales', 'Consultations: totals', 'Consultations : totaux'],
  peopleByCountry: ['Personas por país del centro', 'People by hub country', 'Personnes par pays du centre'],
  peopleBySex: ['Personas por sexo', 'People by sex', 'Personnes par sexe'],
  peopleByAgeBand: ['Personas por edad', 'People by age', 'Personnes par âge'],
  peopleByProfile: ['Personas por perfil', 'People by profile', 'Personnes par profil'],
  peopleByNationality: ['Personas por nacionalidad', 'People by nationality', 'Personnes par nationalité'],
  consultationsByTopic: ['Temas informados (atenciones)', 'Topics informed about (consultations)', 'Sujets abordés (consultations)'],
  consultationsByNeed: ['Necesidades encontradas (atenciones)', 'Needs found (consultations)', 'Besoins identifiés (consultations)'],
  consultationsByChannel: ['Canales (atenciones)', 'Channels (consultations)', 'Canaux (consultations)'],
  consultationsByMonth: ['Atenciones por mes', 'Consultations by month', 'Consultations par mois'],
  peopleByMonth: ['Personas alcanzadas por mes', 'People reached by month', 'Personnes atteintes par mois'],
  activityTotals: ['Actividades comunitarias: totales', 'Community activities: totals', 'Activités communautaires : totaux'],
  participantsByGroup: ['Participantes por grupo', 'Participants by group', 'Participants par groupe'],
  activitiesByType: ['Actividades por tipo', 'Activities by type', 'Activités par type'],
  participantsByActivityType: ['Participantes por tipo de actividad', 'Participants by activity type', 'Participants par type d’activité'],
  activitiesByMonth: ['Actividades por mes', 'Activities by month', 'Activités par mois'],
  participantsByMonth: ['Participantes por mes', 'Participants by month', 'Participants par mois'],
  referralFunnel: ['Derivaciones: hasta dónde llegaron', 'Referrals: how far they got', 'Orientations : jusqu’où elles sont allées'],
  referralsByNeed: ['Derivaciones por necesidad', 'Referrals by need', 'Orientations par besoin'],
} as const satisfies Record<string, Labels>;
export type DashboardSection = keyof typeof DASHBOARD_SECTIONS;

/** Labels of the dashboard's own figures (totals and funnel steps). */
export const FIGURE_LABELS = {
  consultations: ['Atenciones', 'Consultations', 'Consultations'],
  peopleReached: ['Personas alcanzadas', 'People reached', 'Personnes atteintes'],
  registeredPeople: ['Con expediente', 'With a record', 'Avec un dossier'],
  hubs: ['Centros con atenciones', 'Hubs with consultations', 'Centres avec des consultations'],
  activities: ['Actividades', 'Activities', 'Activités'],
  participants: ['Participantes', 'Participants', 'Participants'],
  girls: HEADERS.girls,
  boys: HEADERS.boys,
  women: HEADERS.women,
  men: HEADERS.men,
  other: HEADERS.otherParticipants,
  submitted: ['Enviadas', 'Submitted', 'Envoyées'],
  approved: ['Aprobadas', 'Approved', 'Approuvées'],
  accepted: ['Aceptadas', 'Accepted', 'Acceptées'],
  completed: ['Completadas', 'Completed', 'Terminées'],
  declined: ['Declinadas', 'Declined', 'Déclinées'],
  rejected: ['Rechazadas', 'Rejected', 'Rejetées'],
  overdue: ['Vencidas', 'Overdue', 'En retard'],
  medianDaysToAcceptance: ['Días hasta la aceptación (mediana)', 'Days to acceptance (median)', 'Jours jusqu’à l’acceptation (médiane)'],
} as const satisfies Record<string, Labels>;
export type FigureKey = keyof typeof FIGURE_LABELS;
