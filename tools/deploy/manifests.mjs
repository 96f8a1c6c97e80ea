// Reads deploy/k8s as the cluster would get it (`kubectl apply -k deploy/k8s`) and checks each object against the
// Kubernetes API schemas vendored in the kubernetes-models package, offline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const K8S_DIR = path.resolve(import.meta.dirname, '../../deploy/k8s');

/** @typedef {{ apiVersion: string, kind: string, metadata: { name: string }, [key: string]: any }} Manifest */

/** Every object of the files the kustomization lists, in order, with the file each came from. */
export function loadManifests(dir = K8S_DIR) {
  /** @type {{ resources: string[] }} */
  const { resources } = parse(readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'));
  return resources.flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(dir, file), 'utf8')).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
      return { file, manifest: /** @type {Manifest} */ (document.toJS()) };
    }),
  );
}

const require = createRequire(import.meta.url);

/**
 * What the schema of the object's apiVersion and kind finds wrong with it (types, required fields, formats such as
 * quantities); empty when it is valid. The vendored schemas admit unknown fields, so a misspelt field passes here:
 * the specs check the fields that matter by name.
 * @param {Manifest} manifest @returns {string[]}
 */
export function schemaProblems(manifest) {
  const { apiVersion, kind } = manifest;
  let Model;
  try {
    Model = require(`kubernetes-models/${apiVersion}/${kind}`)[kind];
  } catch {
    return [`${apiVersion} ${kind}: no such Kubernetes API object`];
  }
  try {
    new Model(manifest).validate();
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
