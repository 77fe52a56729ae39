export * from './districts.ts';
export * from './org-units.ts';
export * from './people.ts';
export * from './role-assignments.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './imports.ts';
