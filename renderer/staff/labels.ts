/** Locale keys for the contract's enums (renderer-side labels only). */
import type {
  ActivityType,
  AgeBand,
  ConsentMethod,
  ConsentScope,
  ConsentState,
  GuardianRelation,
  PersonType,
  Sex,
} from '../../common/ipc/contract-attendance';

export const personTypes: PersonType[] = ['learner', 'teacher', 'caregiver'];
export const sexes: Sex[] = ['female', 'male', 'other'];
export const activityTypes: ActivityType[] = [
  'robotics-class',
  'coding-class',
  'digital-safety-family',
  'teacher-training',
  'other',
];
export const relations: GuardianRelation[] = ['mother', 'father', 'grandparent', 'legal-guardian', 'other'];
export const consentMethods: ConsentMethod[] = ['paper', 'verbal', 'digital'];
export const consentScopes: ConsentScope[] = ['attendance', 'reporting', 'photos'];

export const typeKey = (type: PersonType): string => `staff.ui.type.${type}`;
export const sexKey = (sex: Sex | 'unspecified'): string => `staff.ui.sex.${sex}`;
export const activityKey = (activity: ActivityType): string => `staff.ui.activity.${activity}`;
export const relationKey = (relation: GuardianRelation): string => `staff.ui.relation.${relation}`;
export const methodKey = (method: ConsentMethod): string => `staff.ui.method.${method}`;
export const scopeKey = (scope: ConsentScope): string => `staff.ui.scope.${scope}`;
export const consentStateKey = (state: ConsentState): string => `staff.ui.consent-state.${state}`;
export const ageBandKey = (band: AgeBand): string => `staff.ui.age-band.${band}`;
export const auditActionKey = (action: string): string => `staff.ui.audit.action.${action}`;
