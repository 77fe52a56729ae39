/** Names and places for the demo district; invented, any resemblance is chance. */
export const GIVEN_NAMES = [
  'Ana', 'Marcus', 'Priya', 'José', 'Keisha', 'Liam', 'Mei', 'Darnell', 'Sofia', 'Ethan', 'Fatima', 'Noah', 'Yesenia',
  'Owen', 'Aaliyah', 'Diego', 'Hannah', 'Tariq', 'Grace', 'Mateo', 'Imani', 'Lucas', 'Nguyễn', 'Chloe', 'Andrés',
  'Zoe', 'Malik', 'Elena', 'Caleb', 'Rosa', 'Jamal', 'Lily', 'Emeka', 'Camila', 'Henry', 'Aisha', 'Gabriel', 'Nora',
  'Kwame', 'Valentina', 'Isaac', 'Leah', 'Ravi', 'Julia', 'Samuel', 'Maya', 'Tomás', 'Ruth',
];
export const FAMILY_NAMES = [
  'García', 'Johnson', 'Patel', 'Williams', 'Nguyen', 'Brown', 'Martínez', 'Davis', 'Okafor', 'Miller', 'Hernández',
  'Wilson', 'Chen', 'Moore', 'López', 'Taylor', 'Kim', 'Anderson', 'Rodríguez', 'Thomas', 'Singh', 'Jackson', 'Pérez',
  'White', 'Ali', 'Harris', 'Sánchez', 'Clark', 'Mensah', 'Lewis', 'Ramírez', 'Walker', 'Cohen', 'Hall', 'Flores',
  'Young', 'Tran', 'King', 'Rivera', 'Wright', 'Osei', 'Scott', 'Torres', 'Green', 'Díaz', 'Baker', 'Nakamura', 'Adams',
];
export const SCHOOLS: { code: string; name: string; level: 'elementary' | 'middle' | 'high' }[] = [
  { code: 'ES01', name: 'Palm Grove Elementary', level: 'elementary' },
  { code: 'ES02', name: 'Coral Bay Elementary', level: 'elementary' },
  { code: 'ES03', name: 'Sunrise Elementary', level: 'elementary' },
  { code: 'ES04', name: 'Magnolia Elementary', level: 'elementary' },
  { code: 'ES05', name: 'Harbor View Elementary', level: 'elementary' },
  { code: 'ES06', name: 'Cypress Creek Elementary', level: 'elementary' },
  { code: 'ES07', name: 'Pelican Point Elementary', level: 'elementary' },
  { code: 'MS01', name: 'Lakeside Middle School', level: 'middle' },
  { code: 'MS02', name: 'Seabreeze Middle School', level: 'middle' },
  { code: 'MS03', name: 'Orange Blossom Middle School', level: 'middle' },
  { code: 'HS01', name: 'Sunshine High School', level: 'high' },
  { code: 'HS02', name: 'Gulf Coast High School', level: 'high' },
];
export const DEPARTMENTS = [
  { code: 'CO-HR', name: 'Human Resources' },
  { code: 'CO-FIN', name: 'Finance' },
  { code: 'CO-TECH', name: 'Technology' },
  { code: 'CO-CI', name: 'Curriculum and Instruction' },
];
export const TEACHERS_PER_LEVEL = { elementary: 12, middle: 17, high: 22 } as const;

export const DEMO_PASSWORD = 'Trellis-demo-2026';
/**
 * The authenticator secret (base32) of the demo's admin@ and hr@, whose access requires two-factor
 * sign-in: `npm start` prints it for adding to an authenticator app. A demo value, public by design.
 */
export const DEMO_TOTP_SECRET = 'TRELLISDEMOSUNSHINEPUBLICSCHOOLS';
export const DEMO_DISTRICT = { name: 'Sunshine Public Schools', slug: 'sunshine' };
