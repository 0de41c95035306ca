import { foldForSearch } from './search-key';

/** Canonical roster columns and the header names accepted for each (Spanish and English). */
export const rosterColumnAliases = {
  name: ['nombre', 'nombres', 'nombre completo', 'name', 'display name', 'full name'],
  type: ['tipo', 'tipo de persona', 'rol', 'type', 'person type', 'role'],
  birth_year: [
    'ano nacimiento',
    'ano de nacimiento',
    'anio nacimiento',
    'anio de nacimiento',
    'nacimiento',
    'birth year',
    'year of birth',
  ],
  sex: ['sexo', 'genero', 'sex', 'gender'],
  guardian_name: [
    'tutor',
    'responsable',
    'nombre tutor',
    'nombre del tutor',
    'nombre responsable',
    'guardian',
    'guardian name',
  ],
  relation: ['parentesco', 'relacion', 'relation', 'relationship'],
  method: ['metodo', 'metodo consentimiento', 'metodo de consentimiento', 'method', 'consent method'],
  consent_date: ['fecha consentimiento', 'fecha de consentimiento', 'consent date'],
  scopes: ['alcance', 'alcances', 'alcance consentimiento', 'scopes', 'consent scopes'],
} as const;

export type RosterColumn = keyof typeof rosterColumnAliases;
export const requiredRosterColumns: readonly RosterColumn[] = ['name', 'type'];

/** Header names fold like names do: "Año_de_Nacimiento" → "ano de nacimiento". */
export const mapRosterHeader = (header: readonly string[]): Map<RosterColumn, number> => {
  const map = new Map<RosterColumn, number>();
  header.forEach((raw, index) => {
    const folded = foldForSearch(raw);
    for (const [column, aliases] of Object.entries(rosterColumnAliases) as [
      RosterColumn,
      readonly string[],
    ][]) {
      if (!map.has(column) && aliases.includes(folded)) map.set(column, index);
    }
  });
  return map;
};

const valueAliases = <T extends string>(table: Record<T, readonly string[]>) => {
  const lookup = new Map<string, T>();
  for (const [value, aliases] of Object.entries(table) as [T, readonly string[]][]) {
    for (const alias of aliases) lookup.set(alias, value);
  }
  return (raw: string): T | undefined => lookup.get(foldForSearch(raw));
};

export const parsePersonType = valueAliases({
  learner: [
    'learner',
    'estudiante',
    'alumno',
    'alumna',
    'nino',
    'nina',
    'adolescente',
    'nna',
    'child',
    'student',
  ],
  teacher: ['teacher', 'docente', 'profesor', 'profesora', 'maestro', 'maestra', 'educador', 'educadora'],
  caregiver: [
    'caregiver',
    'cuidador',
    'cuidadora',
    'madre',
    'padre',
    'familia',
    'familiar',
    'parent',
    'apoderado',
    'apoderada',
    'madre padre o cuidador',
  ],
});

export const parseSex = valueAliases({
  female: ['f', 'female', 'femenino', 'mujer', 'fem'],
  male: ['m', 'male', 'masculino', 'hombre', 'masc', 'h'],
  other: ['otro', 'otra', 'other', 'x', 'no binario', 'nb'],
});

export const parseRelation = valueAliases({
  mother: ['madre', 'mama', 'mother'],
  father: ['padre', 'papa', 'father'],
  grandparent: ['abuelo', 'abuela', 'grandparent', 'grandmother', 'grandfather'],
  'legal-guardian': [
    'tutor',
    'tutora',
    'tutor legal',
    'tutora legal',
    'legal guardian',
    'guardian',
    'apoderado',
    'apoderada',
  ],
  other: ['otro', 'otra', 'other', 'tio', 'tia', 'hermano', 'hermana'],
});

export const parseConsentMethod = valueAliases({
  paper: ['papel', 'paper', 'escrito', 'fisico', 'firma'],
  verbal: ['verbal', 'oral'],
  digital: ['digital', 'electronico', 'formulario', 'online'],
});

export const parseConsentScope = valueAliases({
  attendance: ['asistencia', 'attendance'],
  reporting: ['reporte', 'reportes', 'informe', 'informes', 'reporting', 'programa'],
  photos: ['fotos', 'foto', 'photos', 'photo'],
});
