// Validates the manifests kustomization.yaml lists: each document against the Kubernetes API schema of its kind
// (kubernetes-models, generated from the API's OpenAPI definitions), then against what ALIZÉ promises of a
// deployment: probes and metrics on the management port only, memory limits, no privileges, secrets by reference
// from alize-secrets, stateless services twice, nothing public but the gateway and the provider.
// node validate.mjs            validates this directory; exits 1 on any finding
// node validate.mjs --self-test  shows that a broken manifest is caught
import { readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { parse, parseAllDocuments } from "yaml";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

const groupDirs = { v1: "v1", "apps/v1": "apps/v1", "policy/v1": "policy/v1", "networking.k8s.io/v1": "networking.k8s.io/v1" };
// every one, now that the console's and the provider's login sessions are in MongoDB
const STATELESS = ["basin-service", "project-service", "finance-service", "reporting-service", "gateway", "console",
  "identity-service", "notification-service"];
const PUBLIC = ["gateway", "identity-service"];

function model(apiVersion, kind) {
  const dir = groupDirs[apiVersion];
  if (!dir) throw new Error(`no schema known for ${apiVersion}`);
  return require(`kubernetes-models/${dir}/${kind}`)[kind];
}

export function check(documents, secretKeys) {
  const findings = [];
  const byKind = (kind) => documents.filter((d) => d.kind === kind);
  for (const doc of documents) {
    const where = `${doc.kind}/${doc.metadata?.name}`;
    try {
      const Model = model(doc.apiVersion, doc.kind);
      new Model(doc).validate();
    } catch (e) {
      findings.push(`${where}: ${e.message.split("\n")[0]}`);
    }
  }
  for (const deployment of byKind("Deployment")) {
    const name = deployment.metadata.name;
    const spec = deployment.spec.template.spec;
    if (!spec.securityContext?.runAsNonRoot) findings.push(`${name}: pods must run as non-root`);
    for (const container of spec.containers) {
      const at = `${name}/${container.name}`;
      if (!container.resources?.limits?.memory) findings.push(`${at}: no memory limit`);
      if (container.securityContext?.allowPrivilegeEscalation !== false) findings.push(`${at}: privilege escalation allowed`);
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        if (container[probe]?.httpGet?.port !== "management") findings.push(`${at}: ${probe} not on the management port`);
      }
      const management = (container.ports || []).find((p) => p.name === "management");
      if (management?.containerPort !== 9464) findings.push(`${at}: management port is not 9464`);
      for (const env of container.env || []) {
        if (/SECRET|PASSWORD/.test(env.name) && env.value !== undefined) findings.push(`${at}: ${env.name} written in clear`);
        const ref = env.valueFrom?.secretKeyRef;
        if (ref && (ref.name !== "alize-secrets" || !secretKeys.has(ref.key))) findings.push(`${at}: secret ${ref.name}/${ref.key} unknown`);
      }
    }
    if (STATELESS.includes(name) && deployment.spec.replicas < 2) findings.push(`${name}: stateless, run it twice`);
    const service = byKind("Service").find((s) => s.metadata.name === name);
    if (!service) findings.push(`${name}: no Service`);
    else if (service.spec.ports.some((p) => p.port === 9464 || p.targetPort === "management")) findings.push(`${name}: the Service exposes the management port`);
    if (service?.spec.type && service.spec.type !== "ClusterIP") findings.push(`${name}: Service of type ${service.spec.type}`);
  }
  const backends = byKind("Ingress").flatMap((i) => i.spec.rules.flatMap((r) => r.http.paths.map((p) => p.backend.service.name)));
  for (const backend of backends) if (!PUBLIC.includes(backend)) findings.push(`Ingress: ${backend} must not be public`);
  const denyAll = byKind("NetworkPolicy").some((p) => Object.keys(p.spec.podSelector || {}).length === 0 && !p.spec.ingress);
  if (!denyAll) findings.push("NetworkPolicy: no default deny of ingress");
  return findings;
}

function load(dir) {
  const kustomization = parse(readFileSync(join(dir, "kustomization.yaml"), "utf8"));
  const documents = [];
  for (const file of kustomization.resources) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, file), "utf8"))) {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      const value = doc.toJS();
      if (value) documents.push(value);
    }
  }
  const example = readFileSync(join(dir, "secrets.env.example"), "utf8");
  const secretKeys = new Set(example.split("\n").filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split("=")[0]));
  return { documents, secretKeys };
}

function selfTest(documents, secretKeys) {
  const broken = structuredClone(documents);
  const gateway = broken.find((d) => d.kind === "Deployment" && d.metadata.name === "gateway");
  gateway.spec.template.spec.containers[0].ports[0].containerPort = "huit-mille";
  gateway.spec.replicas = 1;
  delete gateway.spec.template.spec.containers[0].resources.limits;
  broken.find((d) => d.kind === "Ingress").spec.rules[0].http.paths[0].backend.service.name = "finance-service";
  const findings = check(broken, secretKeys);
  const expected = ["containerPort must be integer", "stateless, run it twice", "no memory limit", "finance-service must not be public"];
  const missed = expected.filter((e) => !findings.some((f) => f.includes(e)));
  if (missed.length) {
    console.error(`self-test: the validator missed ${missed.join(", ")}`);
    process.exit(1);
  }
  console.log(`self-test: a broken manifest gives ${findings.length} findings, as expected`);
}

const { documents, secretKeys } = load(here);
if (process.argv.includes("--self-test")) selfTest(documents, secretKeys);
const findings = check(documents, secretKeys);
const kinds = documents.reduce((m, d) => ({ ...m, [d.kind]: (m[d.kind] || 0) + 1 }), {});
if (findings.length) {
  console.error(`kubernetes manifests: ${findings.length} finding(s)\n  ${findings.join("\n  ")}`);
  process.exit(1);
}
console.log(`kubernetes manifests: ${documents.length} documents valid (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(", ")})`);
if (!existsSync(join(here, "secrets.env"))) console.log("(secrets.env is yours to create from secrets.env.example before kubectl apply -k)");
