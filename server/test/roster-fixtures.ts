/** A synthetic OneRoster 1.2 bulk set (separate CSV files) of `staff` teachers across `schools` schools. */
export function oneRosterSet(staff: number, schools: number, tag = 'gen') {
  const orgs = ['sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId', `${tag}-district,active,2026-01-01,District,district,D1,`];
  for (let s = 0; s < schools; s++) orgs.push(`${tag}-sch-${s},active,2026-01-01,School ${s},school,${tag.toUpperCase()}S${s},${tag}-district`);
  const users = ['sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,password'];
  const roles = ['sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId'];
  for (let i = 0; i < staff; i++) {
    users.push(`${tag}-u-${i},active,2026-01-01,true,user${i},,Given${i},Family${i},,${tag}-E${i},${tag}.user${i}@example.test,secret-${i}`);
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
