// The house rules of Baton's server, as ESLint rules (docs/ARCHITECTURE.md "The house"):
// - a module's public surface is its index.ts: no file imports another module's internals;
// - Kysely (imports and query building) only in db/ and *.repository.ts;
// - role checks only in policies/;
// - Fastify types only in *.routes.ts and app/.
// Tests and their fixtures may reach a module's fixtures; they are otherwise held to the same boundaries.
import { dirname, resolve, sep } from 'node:path';

const SERVER_SRC = `${sep}packages${sep}server${sep}src${sep}`;
const MODULES = `${SERVER_SRC}modules${sep}`;

const isTestSupport = (file) => /\.(test|fixtures|test-support|bench)\.ts$/.test(file) || /-fixtures\.repository\.ts$/.test(file) || file.includes(`${SERVER_SRC}testing${sep}`);
const moduleOf = (file) => {
  const at = file.indexOf(MODULES);
  return at < 0 ? null : file.slice(at + MODULES.length).split(sep)[0];
};
const serverPart = (file) => {
  const at = file.indexOf(SERVER_SRC);
  return at < 0 ? null : file.slice(at + SERVER_SRC.length).split(sep)[0];
};

const moduleBoundaries = {
  meta: { type: 'problem', docs: { description: "import another module only through its index.ts" }, schema: [] },
  create(context) {
    const file = context.filename;
    if (serverPart(file) === null && !file.includes(`${sep}bench${sep}`)) return {};
    const own = moduleOf(file);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolve(dirname(file), spec);
      const other = moduleOf(target);
      if (other === null || other === own) return;
      const inside = target.slice(target.indexOf(MODULES) + MODULES.length + other.length + 1);
      if (inside === 'index.js' || inside === 'index.ts') return;
      if (isTestSupport(file) && isTestSupport(inside.replace(/\.js$/, '.ts'))) return;
      context.report({ node: node.source, message: `'${spec}' reaches inside the module '${other}': import it from '${other}/index.js' (its public surface)` });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

const QUERY_METHODS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'transaction', 'executeQuery', 'replaceInto', 'mergeInto']);
const kyselyInRepositories = {
  meta: { type: 'problem', docs: { description: 'Kysely only in db/ and *.repository.ts' }, schema: [] },
  create(context) {
    const file = context.filename;
    const part = serverPart(file);
    if (part === null || part === 'db' || file.endsWith('.repository.ts') || isTestSupport(file)) return {};
    return {
      ImportDeclaration(node) {
        if (node.source.value === 'kysely' && node.importKind !== 'type') {
          context.report({ node, message: 'Kysely is used in db/ and *.repository.ts only: move the query into a repository' });
        }
      },
      MemberExpression(node) {
        if (node.property.type === 'Identifier' && QUERY_METHODS.has(node.property.name) && node.parent.type === 'CallExpression' && node.parent.callee === node) {
          context.report({ node: node.property, message: `.${node.property.name}() builds SQL: move it into a repository (transactions: inTransaction from db/transactions.ts)` });
        }
      },
      TaggedTemplateExpression(node) {
        if (node.tag.type === 'Identifier' && node.tag.name === 'sql') context.report({ node, message: 'raw SQL belongs in a repository' });
      },
    };
  },
};

const rolesInPolicies = {
  meta: { type: 'problem', docs: { description: 'who may do what is decided in policies/ only' }, schema: [] },
  create(context) {
    const file = context.filename;
    const part = serverPart(file);
    if (part === null || part === 'policies' || isTestSupport(file)) return {};
    const report = (node) => context.report({ node, message: 'a role check outside policies/: add an ability or a record predicate to policies/ and call it' });
    return {
      MemberExpression(node) {
        if (node.property.type !== 'Identifier') return;
        // actor.roles.includes(…) / .some(…) — reading the roles to decide something
        if (node.property.name === 'roles' && node.parent.type === 'MemberExpression' && node.parent.object === node
          && node.parent.property.type === 'Identifier' && ['includes', 'some', 'every', 'find', 'indexOf', 'filter'].includes(node.parent.property.name)
          && node.object.type === 'Identifier' && /actor/i.test(node.object.name)) report(node);
        // the subtrees an actor leads are resolved by the scope functions of policies/
        if (node.property.name === 'leaderUnitIds' && node.object.type === 'Identifier' && /actor/i.test(node.object.name)) report(node);
      },
    };
  },
};

const fastifyInRoutes = {
  meta: { type: 'problem', docs: { description: 'Fastify only in *.routes.ts and app/' }, schema: [] },
  create(context) {
    const file = context.filename;
    const part = serverPart(file);
    if (part === null || part === 'app' || file.endsWith('.routes.ts') || isTestSupport(file)) return {};
    return {
      ImportDeclaration(node) {
        const spec = node.source.value;
        if (spec === 'fastify' || spec.startsWith('@fastify/') || spec === 'fastify-plugin') {
          context.report({ node, message: 'HTTP details (Fastify) belong in *.routes.ts or app/: use cases take plain values' });
        }
      },
    };
  },
};

export default {
  meta: { name: 'baton-house' },
  rules: {
    'module-boundaries': moduleBoundaries,
    'kysely-in-repositories': kyselyInRepositories,
    'roles-in-policies': rolesInPolicies,
    'fastify-in-routes': fastifyInRoutes,
  },
};
