// The generator's edits of shared files, as pure functions of their text, so each can be tested without a tree.
import ts from 'typescript';

/** The object literal a `const <name> = { … } as const` (or `satisfies …`) declares. */
function objectLiteral(sourceFile, name) {
  let found;
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

const parse = (text, fileName) => ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);

/** Adds `entry` (e.g. `socialorg: { port: 3103 }`) as the last property of the object `name` declares. */
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

/** Adds an import line after the imports, in order of module path among the relative ones. */
export function addImport(text, line, fileName = 'source.ts') {
  const imports = parse(text, fileName).statements.filter(ts.isImportDeclaration);
  const specifier = /from '([^']+)'/.exec(line)[1];
  const next = imports.find(
    (i) => i.moduleSpecifier.text.startsWith('.') && i.moduleSpecifier.text > specifier,
  );
  const at = next ? next.getStart() : (imports.at(-1)?.end ?? 0);
  return next
    ? `${text.slice(0, at)}${line}\n${text.slice(at)}`
    : `${text.slice(0, at)}\n${line}${text.slice(at)}`;
}

/** The ports the registry's SERVICES object gives, by name. */
export function registryPorts(text) {
  const object = objectLiteral(parse(text, 'services.ts'), 'SERVICES');
  return Object.fromEntries(
    object.properties.map((p) => {
      const port = p.initializer.properties.find((q) => q.name.getText() === 'port');
      return [p.name.getText(), Number(port.initializer.text)];
    }),
  );
}

/** The lowest port from `from` on that no registered service uses. */
export function nextFreePort(ports, from = 3101) {
  const used = new Set(Object.values(ports));
  let port = from;
  while (used.has(port)) port++;
  return port;
}

/** services.yaml with the gateway told where `name` is and its Deployment and Service appended. */
export function addDeployment(yaml, name, documents) {
  const lines = yaml.split('\n');
  const lastUrl = lines.findLastIndex((line) => /^ {2}[A-Z0-9_]+_URL: /.test(line));
  if (lastUrl < 0) throw new Error('services.yaml: no <NAME>_URL setting in psc-config to add one after');
  lines.splice(lastUrl + 1, 0, `  ${name.toUpperCase()}_URL: http://${name}:3000`);
  return `${lines.join('\n').trimEnd()}\n${documents}`;
}

/** Replaces {{name}}, {{Name}} and {{NAME}}. */
export const render = (template, name) =>
  template
    .replaceAll('{{name}}', name)
    .replaceAll('{{Name}}', name[0].toUpperCase() + name.slice(1))
    .replaceAll('{{NAME}}', name.toUpperCase());
