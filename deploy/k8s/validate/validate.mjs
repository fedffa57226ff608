// Reads a JSON array of Kubernetes objects on stdin and validates each against its kind's schema (kubernetes-models:
// required fields, types, enums). Prints one line per invalid object and exits 1 if there was any.
import { readFileSync } from "node:fs";

const objects = JSON.parse(readFileSync(0, "utf8"));
let invalid = 0;
for (const object of objects) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
  const module = `kubernetes-models/${group ? `${group}/` : ""}${version}/${object.kind}`;
  const name = `${object.kind}/${object.metadata?.name}`;
  try {
    const { [object.kind]: Model } = await import(module);
    new Model(object).validate();
  } catch (error) {
    invalid++;
    console.log(`${name}: ${error.message}`);
  }
}
console.log(`${objects.length - invalid} of ${objects.length} objects valid`);
process.exit(invalid === 0 ? 0 : 1);
