// The generator's edits of shared files, as pure functions of their text, so each can be tested without a tree.
import ts from 'typescript';

/** @import { Node, NumericLiteral, ObjectLiteralExpression, PropertyAssignment, SourceFile, StringLiteral } from 'typescript' */

/**
 * The object literal a `const <name> = { … } as const` (or `satisfies …`) declares.
 * @param {SourceFile} sourceFile
 * @param {string} name
 */
function objectLiteral(sourceFile, name) {
  // typed by the cast: the assignment in `visit` is out of the compiler's sight
  let found = /** @type {ObjectLiteralExpression | undefined} */ (undefined);
  /** @param {Node} node */
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText(sourceFile) === name) {
      let init = node.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
      if (init && ts.isObjectLiteralExpression(init)) found = init;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (!found) throw new Error(`no object literal named ${name} in ${sourceFile.fileName}`);
  return found;
}

/** @param {string} text @param {string} fileName */
const parse = (text, fileName) => ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);

/**
 * Adds `entry` (e.g. `socialorg: { port: 3103 }`) as the last property of the object `name` declares.
 * @param {string} text
 * @param {string} name
 * @param {string} entry
 */
export function addProperty(text, name, entry, fileName = 'source.ts') {
  const object = objectLiteral(parse(text, fileName), name);
  const key = entry.slice(0, entry.indexOf(':')).trim();
  if (object.properties.some((p) => p.name?.getText() === key)) throw new Error(`${name} already has ${key}`);
  const last = object.properties.at(-1);
  let at = object.getStart() + 1;
  let comma = '';
  if (last && object.properties.hasTrailingComma) at = text.indexOf(',', last.end) + 1;
  else if (last) [at, comma] = [last.end, ','];
  return `${text.slice(0, at)}${comma}\n${entry},${text.slice(at)}`;
}

/**
 * Adds an import line after the imports, in order of module path among the relative ones.
 * @param {string} text
 * @param {string} line an import with a `from '…'`
 */
export function addImport(text, line, fileName = 'source.ts') {
  const imports = parse(text, fileName).statements.filter(ts.isImportDeclaration);
  const specifier = /** @type {RegExpExecArray} */ (/from '([^']+)'/.exec(line))[1];
  const next = imports.find((i) => {
    const from = /** @type {StringLiteral} */ (i.moduleSpecifier).text;
    return from.startsWith('.') && from > specifier;
  });
  const at = next ? next.getStart() : (imports.at(-1)?.end ?? 0);
  return next
    ? `${text.slice(0, at)}${line}\n${text.slice(at)}`
    : `${text.slice(0, at)}\n${line}${text.slice(at)}`;
}

/**
 * The ports the registry's SERVICES object gives, by name: each entry is `name: { port: <number>, … }`.
 * @param {string} text
 * @returns {Record<string, number>}
 */
export function registryPorts(text) {
  const object = objectLiteral(parse(text, 'services.ts'), 'SERVICES');
  return Object.fromEntries(
    object.properties.map((p) => {
      const entry = /** @type {PropertyAssignment} */ (p);
      const spec = /** @type {ObjectLiteralExpression} */ (entry.initializer);
      const port = /** @type {PropertyAssignment} */ (
        spec.properties.find((q) => q.name?.getText() === 'port')
      );
      return [entry.name.getText(), Number(/** @type {NumericLiteral} */ (port.initializer).text)];
    }),
  );
}

/** The lowest port from `from` on that no registered service uses. @param {Record<string, number>} ports */
export function nextFreePort(ports, from = 3101) {
  const used = new Set(Object.values(ports));
  let port = from;
  while (used.has(port)) port++;
  return port;
}

/**
 * services.yaml with the gateway told where `name` is and its Deployment and Service appended.
 * @param {string} yaml
 * @param {string} name
 * @param {string} documents
 */
export function addDeployment(yaml, name, documents) {
  const lines = yaml.split('\n');
  const lastUrl = lines.findLastIndex((line) => /^ {2}[A-Z0-9_]+_URL: /.test(line));
  if (lastUrl < 0) throw new Error('services.yaml: no <NAME>_URL setting in psc-config to add one after');
  lines.splice(lastUrl + 1, 0, `  ${name.toUpperCase()}_URL: http://${name}:3000`);
  return `${lines.join('\n').trimEnd()}\n${documents}`;
}

/** Replaces {{name}}, {{Name}} and {{NAME}}. @param {string} template @param {string} name */
export const render = (template, name) =>
  template
    .replaceAll('{{name}}', name)
    .replaceAll('{{Name}}', name[0].toUpperCase() + name.slice(1))
    .replaceAll('{{NAME}}', name.toUpperCase());
