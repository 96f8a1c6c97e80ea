// `npm run deploy:validate`: every object in deploy/k8s against the Kubernetes API schemas (kubernetes-models,
// offline), and against kubeconform's stricter check (unknown fields too) when kubeconform is on PATH and its
// schemas can be had (KUBECONFORM_SCHEMAS: a -schema-location; by default it downloads them).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { K8S_DIR, loadManifests, schemaProblems } from './manifests.mjs';

let failed = false;
const manifests = loadManifests();
for (const { file, manifest } of manifests) {
  for (const problem of schemaProblems(manifest)) {
    failed = true;
    console.error(`${file}: ${manifest.kind} ${manifest.metadata?.name}: ${problem}`);
  }
}
console.log(
  `kubernetes-models: ${manifests.length} objects checked${failed ? ', some invalid' : ', all valid'}`,
);

const files = [...new Set(manifests.map(({ file }) => path.join(K8S_DIR, file)))];
const schemas = process.env.KUBECONFORM_SCHEMAS ? ['-schema-location', process.env.KUBECONFORM_SCHEMAS] : [];
const kubeconform = spawnSync('kubeconform', ['-strict', '-summary', ...schemas, ...files], {
  stdio: 'inherit',
});
if (kubeconform.error) console.log('kubeconform: not on PATH, skipped');
else if (kubeconform.status !== 0) failed = true;
process.exit(failed ? 1 : 0);
