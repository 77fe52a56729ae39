import { buildZip } from './fixtures/zip.ts';

/** A synthetic OneRoster 1.2 bulk set (separate CSV files) of `staff` teachers across `schools` schools. */
export function oneRosterSet(staff: number, schools: number, tag = 'gen') {
  const orgs = [
    'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId',
    `${tag}-district,active,2026-01-01,District,district,D1,`,
  ];
  for (let s = 0; s < schools; s++)
    orgs.push(`${tag}-sch-${s},active,2026-01-01,School ${s},school,${tag.toUpperCase()}S${s},${tag}-district`);
  const users = [
    'sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,password',
  ];
  const roles = ['sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId'];
  for (let i = 0; i < staff; i++) {
    users.push(
      `${tag}-u-${i},active,2026-01-01,true,user${i},,Given${i},Family${i},,${tag}-E${i},${tag}.user${i}@example.test,secret-${i}`,
    );
    roles.push(`${tag}-r-${i},active,2026-01-01,${tag}-u-${i},primary,teacher,2025-08-01,,${tag}-sch-${i % schools}`);
  }
  const manifest = 'propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,bulk\nfile.users,bulk\nfile.roles,bulk\n';
  return [
    { name: 'manifest.csv', data: Buffer.from(manifest) },
    { name: 'orgs.csv', data: Buffer.from(orgs.join('\n') + '\n') },
    { name: 'users.csv', data: Buffer.from(users.join('\n') + '\n') },
    { name: 'roles.csv', data: Buffer.from(roles.join('\n') + '\n') },
  ];
}

/**
 * Our own small OneRoster sets with the quirks real exports have (written here, for tests that
 * must run in a plain clone; the third-party samples beside the repository are GPL and only read
 * in place): CRLF line ends and a last line without one; staff mixed with students and guardians;
 * a plain-text `password` column; header typos (`dataLastModified`, `prefferedGivenName`) and blank
 * trailing header cells; non-ISO `dateLastModified` values (1/05/2023, 15/06/2023) that are not used;
 * quoted cells holding commas; a department whose parent is not in the set.
 * 1.2: roles.csv, one secondary siteAdministrator, a guardian role for a teacher, an empty status.
 * 1.1: roles on the user row (`orgSourcedIds`, `role`), one role each, a parent and students.
 */
export const QUIRKY_PASSWORD = 'Plain-Text-Pw-';
const crlf = (lines: string[], lastBreak = true) => lines.join('\r\n') + (lastBreak ? '\r\n' : '');
const quirkyOrgs = crlf(
  [
    'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId',
    'org-science,active,2023-05-01T18:25:43.511Z,Science Department,department,Science,org-missing-parent',
  ],
  false,
);
const quirkyManifest = (version: string, roles: boolean) =>
  crlf([
    'propertyName,value',
    'manifest.version,1.0',
    `oneroster.version,${version}`,
    'file.academicSessions,bulk',
    'file.classes,bulk',
    'file.enrollments,bulk',
    'file.orgs,bulk',
    'file.users,bulk',
    `file.roles,${roles ? 'bulk' : 'absent'}`,
  ]);

export function quirkyOneRoster12() {
  const pw = (n: number) => `${QUIRKY_PASSWORD}${n}`;
  const users = crlf([
    'sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,prefferedGivenName,prefferedMiddleName,prefferedFamilyName,primaryOrgSourcedId,pronouns',
    `u-rosa,active,1/05/2023,TRUE,rosa.alvarez,,Rosa,Alvarez,Maria,rosa.alvarez,rosa.alvarez@example.org,6035550100,6035550101,,,${pw(1)},,,Ro,,org-science,she/her`,
    `u-maya,,,TRUE,maya.chen,{LDAP:12},Maya,Chen,Li,maya.chen,maya.chen@example.org,6035550102,6035550102,u-rosa,9,${pw(2)},,May,,,org-science,she/her`,
    `u-sam,active,1/05/2023,TRUE,samuel.okafor,"{LDAP:12},{LTI:15}",Samuel,Okafor,Chidi,samuel.okafor,samuel.okafor@example.org,6035550103,6035550104,u-maya,,${pw(3)},,Sam,Chi,Oka,org-science,`,
    `u-lena,active,1/05/2023,TRUE,lena.park,"{LDAP:12},{LTI:15}",Lena,Park,Joy,lena.park,lena.park@example.org,6035550105,6035550106,u-rosa,,${pw(4)},,,,,org-science,`,
    `u-leo,active,1/05/2023,TRUE,leo.chen,{LDAP:12},Leo,Chen,Wei,leo.chen,leo.chen@example.org,6035550107,6035550108,u-rosa,9,${pw(5)},,,,,org-science,`,
    `u-ines,active,15/06/2023,TRUE,ines.roy,{LDAP:34},Ines,Roy,Ana,ines.roy,ines.roy@example.org,6035550109,6035550110,u-lena,10,${pw(6)},,,,,org-science,`,
  ]);
  const roles = crlf(
    [
      'sourcedId,status,dataLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,,',
      'r-rosa,active,2025-01-01,u-rosa,primary,teacher,2024-03-06,2025-09-23,org-science',
      'r-maya,active,2025-01-01,u-maya,primary,student,2024-03-06,2025-09-23,org-science',
      'r-sam,active,2025-01-01,u-sam,secondary,siteAdministrator,2024-03-06,2025-09-23,org-science',
      'r-lena,active,2025-01-01,u-lena,primary,teacher,2024-03-06,2025-09-23,org-science',
      'r-leo,active,2025-01-01,u-leo,primary,student,2024-03-06,2025-09-23,org-science',
      'r-ines,active,2025-01-01,u-ines,primary,student,2024-03-06,2025-09-23,org-science',
      'r-rosa-guardian,active,2025-01-01,u-rosa,secondary,guardian,2024-03-06,2025-09-23,org-science',
    ],
    false,
  );
  return [
    { name: 'manifest.csv', data: Buffer.from(quirkyManifest('1.2', true)) },
    {
      name: 'academicSessions.csv',
      data: Buffer.from(crlf(['sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear'])),
    },
    { name: 'classes.csv', data: Buffer.from(crlf(['sourcedId,status,dateLastModified,title'])) },
    {
      name: 'enrollments.csv',
      data: Buffer.from(crlf(['sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role'])),
    },
    { name: 'orgs.csv', data: Buffer.from(quirkyOrgs) },
    { name: 'roles.csv', data: Buffer.from(roles) },
    { name: 'users.csv', data: Buffer.from(users) },
  ];
}

export function quirkyOneRoster11() {
  const pw = (n: number) => `${QUIRKY_PASSWORD}${n}`;
  const users = crlf([
    'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password',
    `u-rosa,active,2023-05-01,TRUE,org-science,teacher,rosa.alvarez,,Rosa,Alvarez,Maria,rosa.alvarez,rosa.alvarez@example.org,6035550100,6035550101,,,${pw(1)}`,
    `u-maya,,,TRUE,org-science,student,maya.chen,{LDAP:12},Maya,Chen,Li,maya.chen,maya.chen@example.org,6035550102,6035550102,u-rosa,9,${pw(2)}`,
    `u-sam,active,2023-05-01,TRUE,org-science,parent,samuel.okafor,"{LDAP:12},{LTI:15}",Samuel,Okafor,Chidi,samuel.okafor,samuel.okafor@example.org,6035550103,6035550104,u-maya,,${pw(3)}`,
    `u-lena,active,2023-05-01,TRUE,org-science,teacher,lena.park,"{LDAP:12},{LTI:15}",Lena,Park,Joy,lena.park,lena.park@example.org,6035550105,6035550106,u-rosa,,${pw(4)}`,
    `u-leo,active,2023-05-01,TRUE,org-science,student,leo.chen,{LDAP:12},Leo,Chen,Wei,leo.chen,leo.chen@example.org,6035550107,6035550108,u-rosa,9,${pw(5)}`,
    `u-ines,active,2023-06-15,TRUE,org-science,student,ines.roy,{LDAP:34},Ines,Roy,Ana,ines.roy,ines.roy@example.org,6035550109,6035550110,u-lena,10,${pw(6)}`,
  ]);
  return [
    { name: 'manifest.csv', data: Buffer.from(quirkyManifest('1.1', false)) },
    {
      name: 'academicSessions.csv',
      data: Buffer.from(crlf(['sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear'])),
    },
    { name: 'classes.csv', data: Buffer.from(crlf(['sourcedId,status,dateLastModified,title'])) },
    {
      name: 'enrollments.csv',
      data: Buffer.from(crlf(['sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role'])),
    },
    { name: 'orgs.csv', data: Buffer.from(quirkyOrgs) },
    { name: 'users.csv', data: Buffer.from(users) },
  ];
}

/** A set's files as one zip, the way SIS exports usually arrive. */
export const zipOf = (files: { name: string; data: Buffer }[]) => buildZip(files.map((f) => ({ name: f.name, data: f.data })));
