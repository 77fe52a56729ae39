/**
 * ESLint rule `trellis/qualified-subquery-columns`: a Drizzle column interpolated into a raw `sql`
 * template that reads other tables (its text has select, from, join, exists or an `alias.column`)
 * must be wrapped in `qualified()` (server/db/qualified.ts). Drizzle renders `${table.column}` in a
 * SELECT list as a bare `"column"`, which inside a subquery binds to the subquery's own table: the
 * check `c.rubric_id = ${observations.rubricId}` then compares c.rubric_id with itself (issue 10,
 * finding 1). Columns are recognised as `table.column` where `table` is imported from db/schema
 * (named or `* as s` then `s.table.column`) or made with `alias(...)` in the file.
 */
const SUBQUERY_TEXT = /\b(select|from|join|exists)\b|\b[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*\b/i;

export default {
  meta: {
    type: 'problem',
    docs: { description: 'qualify outer columns in raw sql subqueries' },
    messages: {
      bare: "Column {{name}} in a sql fragment that reads other tables renders unqualified in a SELECT list and can bind to the subquery's table; write ${qualified({{name}})} (server/db/qualified.ts).",
    },
    schema: [],
  },
  create(context) {
    const tables = new Set();
    const namespaces = new Set();
    const isTable = (node) =>
      (node.type === 'Identifier' && tables.has(node.name)) ||
      (node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && namespaces.has(node.object.name));
    return {
      ImportDeclaration(node) {
        if (!/db\/schema(\/|$)/.test(String(node.source.value))) return;
        for (const spec of node.specifiers) {
          if (spec.type === 'ImportNamespaceSpecifier') namespaces.add(spec.local.name);
          else tables.add(spec.local.name);
        }
      },
      VariableDeclarator(node) {
        const init = node.init;
        if (
          node.id.type === 'Identifier' &&
          init?.type === 'CallExpression' &&
          init.callee.type === 'Identifier' &&
          init.callee.name === 'alias'
        )
          tables.add(node.id.name);
      },
      TaggedTemplateExpression(node) {
        if (node.tag.type !== 'Identifier' || node.tag.name !== 'sql') return;
        const text = node.quasi.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ');
        if (!SUBQUERY_TEXT.test(text)) return;
        for (const expr of node.quasi.expressions) {
          if (expr.type === 'MemberExpression' && !expr.computed && isTable(expr.object)) {
            context.report({ node: expr, messageId: 'bare', data: { name: context.sourceCode.getText(expr) } });
          }
        }
      },
    };
  },
};
